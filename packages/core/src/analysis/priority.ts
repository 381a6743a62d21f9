// The prioritized vendor list: a documented score from blast radius, impact, missing mitigation,
// protected health information and sector concentration; every rank explained in plain words,
// with the path on the map that causes it. Weights are configurable per organization.
import { z } from 'zod';
import { type CompiledGraph, kindOf } from '../graph/compile';
import type { Concentration } from './concentration';
import { type ReasonStep, reasonChain, reasonPath } from './explain';
import type { FailOneSweep, SweepInspector } from './fail-one';
import { explainPriority } from './priority-explanation';
import { type SectorExposure, vendorSectorExposure, type WorstImpact, worstImpact } from './priority-factors';
import { createPropagator, type PropagationOptions, type Propagator } from './propagate';
import type { FunctionReach } from './reach';
import { reachCount } from './reach';
import { type NodeRef, nodeRef } from './single-points-of-failure';

export const SCORE_FACTORS = ['blastRadius', 'impact', 'noMitigation', 'phi', 'sectorConcentration'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

export const scoreWeightsSchema = z.object(
  Object.fromEntries(SCORE_FACTORS.map((f) => [f, z.number().min(0).max(100)])) as Record<
    ScoreFactor,
    z.ZodNumber
  >,
);
export type ScoreWeights = Record<ScoreFactor, number>;

/** Default weights; relative, so only their ratios matter. */
export const DEFAULT_SCORE_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  blastRadius: 35,
  impact: 25,
  noMitigation: 15,
  phi: 15,
  sectorConcentration: 10,
});

/** What each factor measures, 0 to 1, in words for the UI and the docs. */
export const SCORE_FACTOR_DESCRIPTIONS: Readonly<Record<ScoreFactor, string>> = Object.freeze({
  blastRadius: 'Share of all critical functions that its failure alone takes down.',
  impact: 'Highest impact level those functions reach within the outage duration, over the top level.',
  noMitigation: 'Share of the functions relying on it that no alternative or workaround protects.',
  phi: 'Protected health information it handles: log10(records + 1) / 7, capped at 1 (10 million records).',
  sectorConcentration:
    'Its share of the sector in its service categories; 1 when it is a top-two vendor of a category where the top two hold over 90%.',
});

export interface VendorPriority {
  rank: number;
  vendor: NodeRef;
  /** 0 to 100. */
  score: number;
  factors: Record<ScoreFactor, number>;
  /** Points each factor adds to the score. */
  contributions: Record<ScoreFactor, number>;
  functionsTakenDown: string[];
  functionsDependent: number;
  /** Patient records it handles: its own figure plus its services' and hosts'. */
  phiRecords: number;
  worst?: WorstImpact;
  sector?: SectorExposure;
  /** Reason chain of the worst-hit function, from it down to the vendor. */
  path: ReasonStep[];
  pathText: string;
  /** Plain-English sentences, board-level. */
  explanation: string[];
}

export interface PriorityInputs {
  sweep: FailOneSweep;
  reach: FunctionReach;
  concentration: Concentration;
  options: PropagationOptions;
  /** Reason chains of each vendor's worst-hit function, if recorded during the sweep. */
  worstPaths?: ReadonlyMap<number, ReasonStep[]>;
}

/** The reason chain from the worst-hit function of a run down to the failed vendor. */
function worstPathOf(
  graph: CompiledGraph,
  propagator: Propagator,
  takenDown: ArrayLike<number>,
  horizon: number,
) {
  const ordinals = Array.from(takenDown);
  const downAt = ordinals.map((o) => propagator.downAt(graph.functionNodes[o] ?? 0));
  const worst = worstImpact(graph, ordinals, downAt, horizon);
  return worst ? reasonChain(graph, propagator, graph.functionNodes[worst.ordinal] ?? 0) : [];
}

/**
 * Records, during the fail-one sweep, the path each vendor's priority explanation shows, so that
 * prioritizeVendors need not propagate every vendor's failure a second time.
 */
export function recordWorstPaths(graph: CompiledGraph, horizon: number) {
  const worstPaths = new Map<number, ReasonStep[]>();
  const inspect: SweepInspector = (candidate, propagator, takenDown) => {
    if (kindOf(graph, candidate) === 'vendor') {
      worstPaths.set(candidate, worstPathOf(graph, propagator, takenDown, horizon));
    }
  };
  return { worstPaths, inspect };
}

/** The score (0-100) of a set of factor values under the weights. */
export function scoreOf(factors: Record<ScoreFactor, number>, weights: ScoreWeights): number {
  const total = SCORE_FACTORS.reduce((sum, f) => sum + weights[f], 0);
  if (total <= 0) return 0;
  return SCORE_FACTORS.reduce((sum, f) => sum + (100 * weights[f] * factors[f]) / total, 0);
}

function phiFactor(records: number): number {
  return Math.min(1, Math.log10(records + 1) / 7);
}

/** Patient records each vendor handles: its own plus its services' and hosts'. */
function phiByVendor(graph: CompiledGraph): Float64Array {
  const records = Float64Array.from(graph.phiRecords);
  graph.vendorOf.forEach((vendor, node) => {
    if (vendor >= 0) records[vendor] = (records[vendor] ?? 0) + (graph.phiRecords[node] ?? 0);
  });
  return records;
}

function takenDown(sweep: FailOneSweep, node: number): { ordinals: number[]; downAt: number[] } {
  const slot = sweep.slotOf[node] ?? -1;
  const ordinals: number[] = [];
  const downAt: number[] = [];
  if (slot < 0) return { ordinals, downAt };
  for (let e = sweep.offsets[slot] ?? 0, end = sweep.offsets[slot + 1] ?? 0; e < end; e++) {
    ordinals.push(sweep.functions[e] ?? 0);
    downAt.push(sweep.functionDownAt[e] ?? 0);
  }
  return { ordinals, downAt };
}

/** Every vendor, ranked by score (ties by functions taken down, then id), each with its explanation. */
export function prioritizeVendors(
  graph: CompiledGraph,
  inputs: PriorityInputs,
  weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
): VendorPriority[] {
  const propagator = createPropagator(graph, inputs.options);
  const horizon = inputs.options.horizonHours;
  const maxLevel = Math.max(1, ...graph.rubric.levels.map((l) => l.value));
  const totalFunctions = Math.max(1, graph.functionNodes.length);
  const phi = phiByVendor(graph);
  const ranked = graph.model.vendors.map((vendor) => {
    const node = graph.indexOf.get(vendor.id) ?? 0;
    const down = takenDown(inputs.sweep, node);
    const dependent = reachCount(inputs.reach, node);
    const worst = worstImpact(graph, down.ordinals, down.downAt, horizon);
    const sector = vendorSectorExposure(graph, inputs.concentration, node);
    const records = phi[node] ?? 0;
    const factors: Record<ScoreFactor, number> = {
      blastRadius: down.ordinals.length / totalFunctions,
      impact: (worst?.level ?? 0) / maxLevel,
      noMitigation: dependent > 0 ? down.ordinals.length / dependent : 0,
      phi: phiFactor(records),
      sectorConcentration: sector?.factor ?? 0,
    };
    let path = inputs.worstPaths?.get(node) ?? [];
    if (worst && path.length === 0) {
      propagator.run([node]);
      path = worstPathOf(graph, propagator, down.ordinals, horizon);
    }
    const entry: VendorPriority = {
      rank: 0,
      vendor: nodeRef(graph, node),
      score: Math.round(scoreOf(factors, weights) * 10) / 10,
      factors,
      contributions: contributionsOf(factors, weights),
      functionsTakenDown: down.ordinals.map((o) => graph.ids[graph.functionNodes[o] ?? 0] ?? ''),
      functionsDependent: dependent,
      phiRecords: records,
      path,
      pathText: reasonPath(path),
      explanation: [],
    };
    if (worst) entry.worst = worst;
    if (sector) entry.sector = sector;
    entry.explanation = explainPriority(graph, entry, horizon);
    return entry;
  });
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.functionsTakenDown.length - a.functionsTakenDown.length ||
      a.vendor.id.localeCompare(b.vendor.id),
  );
  ranked.forEach((entry, i) => {
    entry.rank = i + 1;
  });
  return ranked;
}

function contributionsOf(
  factors: Record<ScoreFactor, number>,
  weights: ScoreWeights,
): Record<ScoreFactor, number> {
  const total = SCORE_FACTORS.reduce((sum, f) => sum + weights[f], 0) || 1;
  const entries = SCORE_FACTORS.map((f) => [f, Math.round((1000 * weights[f] * factors[f]) / total) / 10]);
  return Object.fromEntries(entries) as Record<ScoreFactor, number>;
}
