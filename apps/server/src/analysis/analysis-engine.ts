// The engine's work on an organization model, without I/O: the full analysis, a scenario limited
// to a scope, and the impact per materiality dimension over time. Kept apart from the database
// code so that it can run wherever the heavy work is best done.
import {
  type AnalysisOptions,
  analyzeModel,
  type CompiledGraph,
  compileModel,
  type FullAnalysis,
  runScenario,
  type Scenario,
  type ScoreWeights,
  type WorkaroundMode,
} from '@smart/core';
import type { OrgModel } from './org-model';

export interface ScenarioScope {
  mapId?: string;
  functionId?: string;
}

export interface ImpactOverTime {
  dimensions: { id: string; label: string }[];
  points: { atHours: number; levels: Record<string, number> }[];
}

export interface ScopedScenario {
  scenario: Scenario;
  impact: ImpactOverTime;
}

export const compileOrgModel = (org: OrgModel): CompiledGraph => compileModel(org.model);

export function analyzeOrg(
  graph: CompiledGraph,
  options: { workarounds: WorkaroundMode; horizonHours: number; weights: ScoreWeights },
): FullAnalysis {
  const engineOptions: AnalysisOptions = {
    workarounds: options.workarounds,
    horizonHours: options.horizonHours,
    weights: options.weights,
  };
  return analyzeModel(graph, engineOptions);
}

/** The ids of `failed` the model does not know. */
export function unknownIds(graph: CompiledGraph, ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => !graph.indexOf.has(id)))];
}

/**
 * The worst level per dimension across the functions, at hour 0, at every moment something
 * changes on a timeline, and at the end: a function's levels at an hour are those of the last
 * point of its timeline at or before that hour.
 */
export function impactOverTime(
  graph: CompiledGraph,
  functions: Scenario['functions'],
  durationHours: number,
): ImpactOverTime {
  const dimensions = graph.rubric.dimensions.map((d) => ({ id: d.id, label: d.label ?? d.id }));
  const times = new Set<number>([0, durationHours]);
  for (const fn of functions)
    for (const p of fn.timeline) if (p.atHours <= durationHours) times.add(p.atHours);
  const points = [...times]
    .sort((a, b) => a - b)
    .map((atHours) => {
      const levels: Record<string, number> = Object.fromEntries(dimensions.map((d) => [d.id, 0]));
      for (const fn of functions) {
        let current: Record<string, number> | undefined;
        for (const p of fn.timeline) if (p.atHours <= atHours) current = p.levels;
        for (const d of dimensions) levels[d.id] = Math.max(levels[d.id] ?? 0, current?.[d.id] ?? 0);
      }
      return { atHours, levels };
    });
  return { dimensions, points };
}

/** Runs the scenario on the whole model, then keeps the functions in scope. */
export function scopedScenario(
  graph: CompiledGraph,
  org: OrgModel,
  input: { failed: string[]; durationHours: number; workarounds: WorkaroundMode; scope: ScenarioScope },
): ScopedScenario {
  const full = runScenario(graph, {
    failed: input.failed,
    durationHours: input.durationHours,
    workarounds: input.workarounds,
  });
  const { mapId, functionId } = input.scope;
  const inMap = mapId
    ? new Set(org.nodes.filter((n) => n.kind === 'function' && n.mapIds.includes(mapId)).map((n) => n.id))
    : undefined;
  const functions = full.functions.filter(
    (f) => (!inMap || inMap.has(f.id)) && (!functionId || f.id === functionId),
  );
  const scenario: Scenario = {
    ...full,
    functions,
    summary: {
      ...full.summary,
      functionsDown: functions.filter((f) => f.state === 'down').length,
      functionsDegraded: functions.filter((f) => f.state === 'degraded').length,
    },
  };
  return { scenario, impact: impactOverTime(graph, functions, input.durationHours) };
}
