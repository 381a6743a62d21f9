// The full Phase 1 analysis of a model in one call: single points of failure of every function,
// blast radius of every vendor, service and host, concentration, and the prioritized vendor list.
import type { CompiledGraph } from '../graph/compile';
import { type BlastRadius, blastRadii } from './blast-radius';
import { type Concentration, concentration } from './concentration';
import { AnalysisError } from './errors';
import { sweepFailOne } from './fail-one';
import {
  DEFAULT_SCORE_WEIGHTS,
  prioritizeVendors,
  recordWorstPaths,
  type ScoreWeights,
  type VendorPriority,
} from './priority';
import type { PropagationOptions, WorkaroundMode } from './propagate';
import { functionReach } from './reach';
import { type FunctionSinglePoints, singlePointsOfFailure } from './single-points-of-failure';

/** Two weeks: the outage length the analysis assumes unless told otherwise. */
export const DEFAULT_HORIZON_HOURS = 14 * 24;

export interface AnalysisOptions {
  /** 'ignore' (default): structural single points of failure; 'count': workarounds hold until they run out. */
  workarounds?: WorkaroundMode;
  /** How long an outage is assumed to last, in hours (default 14 days). */
  horizonHours?: number;
  /** Score weights; missing ones take the defaults. */
  weights?: Partial<ScoreWeights>;
}

export interface FullAnalysis {
  options: PropagationOptions & { weights: ScoreWeights };
  singlePoints: FunctionSinglePoints[];
  blastRadius: BlastRadius[];
  concentration: Concentration;
  priorities: VendorPriority[];
  summary: {
    nodes: number;
    dependencies: number;
    functions: number;
    vendors: number;
    functionsWithSinglePoints: number;
    falseRedundancies: number;
    concentratedCategories: string[];
  };
}

/** Resolved options, defaults filled in. */
export function resolveAnalysisOptions(options: AnalysisOptions = {}): FullAnalysis['options'] {
  const horizonHours = options.horizonHours ?? DEFAULT_HORIZON_HOURS;
  if (!(horizonHours >= 0)) throw new AnalysisError('invalid-option', 'the duration must be 0 or more');
  return {
    workarounds: options.workarounds ?? 'ignore',
    horizonHours,
    weights: { ...DEFAULT_SCORE_WEIGHTS, ...options.weights },
  };
}

/** Everything Phase 1 needs from a compiled model. Pure and deterministic. */
export function analyzeModel(graph: CompiledGraph, options: AnalysisOptions = {}): FullAnalysis {
  const resolved = resolveAnalysisOptions(options);
  const propagation = { workarounds: resolved.workarounds, horizonHours: resolved.horizonHours };
  const recorder = recordWorstPaths(graph, resolved.horizonHours);
  const sweep = sweepFailOne(graph, propagation, recorder.inspect);
  const reach = functionReach(graph);
  const singlePoints = singlePointsOfFailure(graph, sweep);
  const concentrationReport = concentration(graph, sweep, reach);
  const priorities = prioritizeVendors(
    graph,
    {
      sweep,
      reach,
      concentration: concentrationReport,
      options: propagation,
      worstPaths: recorder.worstPaths,
    },
    resolved.weights,
  );
  return {
    options: resolved,
    singlePoints,
    blastRadius: blastRadii(graph, sweep, resolved.horizonHours),
    concentration: concentrationReport,
    priorities,
    summary: {
      nodes: graph.nodeCount,
      dependencies: graph.dependencies.nodes.length,
      functions: graph.functionNodes.length,
      vendors: graph.model.vendors.length,
      functionsWithSinglePoints: singlePoints.filter((s) => s.singlePoints.length > 0).length,
      falseRedundancies: new Set(sweep.defeatedGroups.map((d) => `${d.group}:${d.shared}`)).size,
      concentratedCategories: concentrationReport.categories
        .filter((c) => c.sectorConcentrated)
        .map((c) => c.category),
    },
  };
}
