// The organizations' compiled models and the analyses asked of them, kept in memory where the
// heavy work runs (the analysis worker thread; in the server's own thread when it is off). No I/O:
// the server reads the database and sends what is missing (analysis-work.ts is the message side).
import {
  type CompiledGraph,
  DEFAULT_HORIZON_HOURS,
  type FullAnalysis,
  SCORE_FACTORS,
  type ScoreWeights,
  type Tlp,
  type VendorPriority,
  type WorkaroundMode,
} from '@smart/core';
import {
  analyzeOrg,
  compileOrgModel,
  type ImpactOverTime,
  type ScenarioScope,
  scopedScenario,
  unknownIds,
} from './analysis-engine';
import type { MapHead, OrgFingerprint, RubricInfo } from './org-inputs';
import {
  assembleConverted,
  type ConvertedMap,
  convertMap,
  type OrgMapEntry,
  type OrgMapInput,
  type OrgModel,
  type OrgNode,
} from './org-model';

export interface AnalysisOptionsInput {
  workarounds?: WorkaroundMode;
  horizonHours?: number;
  weights?: Partial<ScoreWeights>;
}

export interface OrgAnalysis {
  generatedAt: string;
  modelHash: string;
  tlp: Tlp;
  rubric: {
    source: 'approved' | 'default';
    version?: number;
    dimensions: { id: string; label: string; levels: { level: number; label: string }[] }[];
  };
  maps: Omit<OrgMapEntry, 'version'>[];
  nodes: OrgNode[];
  weights: ScoreWeights;
  savedWeights: ScoreWeights;
  options: { workarounds: WorkaroundMode; horizonHours: number };
  summary: FullAnalysis['summary'];
  singlePoints: FullAnalysis['singlePoints'];
  concentration: FullAnalysis['concentration'];
  priorities: VendorPriority[];
}

export interface ScenarioInput {
  failed: string[];
  durationHours: number;
  workarounds?: WorkaroundMode;
  scope?: ScenarioScope;
}

export interface ScenarioResult {
  scenario: ReturnType<typeof scopedScenario>['scenario'];
  impact: ImpactOverTime;
  scope: ScenarioScope;
  tlp: Tlp;
  modelHash: string;
}

/** A scenario's answer, or why there is none (the server turns these into 422 and 400). */
export type ScenarioOutcome =
  | { ok: true; result: ScenarioResult }
  | { ok: false; unknownIds: string[] }
  | { ok: false; unknownMap: true };

/** What the model is built from, without the maps' documents (those that are needed come apart). */
export type ModelInputs = Pick<OrgFingerprint, 'modelHash' | 'maps' | 'links' | 'rubric'>;

/** One organization's compiled model and the analyses computed on it. */
interface ModelEntry {
  modelHash: string;
  org: OrgModel;
  graph: CompiledGraph;
  rubric: RubricInfo;
  /** Each map converted to a strict model, by map id, for the version it was read at. */
  converted: Map<string, { version: number; converted: ConvertedMap }>;
  analyses: Map<string, { generatedAt: string; analysis: FullAnalysis }>;
  /** GET /analysis answers as sent, by options and saved weights: a warm read serializes nothing. */
  bodies: Map<string, string>;
}

const MAX_ORGANIZATIONS = 16;
const MAX_ANALYSES_PER_MODEL = 8;
const MAX_BODIES_PER_MODEL = 4;
/** Per organization, the model of its latest inputs (least recently used organizations go first). */
const models = new Map<string, ModelEntry>();

/** Keeps at most `max` entries, dropping the least recently used. */
function trim<K, V>(map: Map<K, V>, max: number) {
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  trim(map, max);
}

/** Forgets every model (benchmarks measure a start from nothing with it). */
export function clearModels(): void {
  models.clear();
}

/** The maps whose document this side lacks at the version given (empty: the model is ready or can be built). */
export function missingMaps(organizationId: string, modelHash: string, maps: readonly MapHead[]): string[] {
  const entry = models.get(organizationId);
  if (entry?.modelHash === modelHash) return [];
  return maps.filter((m) => entry?.converted.get(m.id)?.version !== m.version).map((m) => m.id);
}

/**
 * Builds (or keeps) the model for these inputs, from the documents sent and the maps converted
 * before. False when a map's document is missing (the caller reads it and asks again).
 */
export function prepareModel(organizationId: string, inputs: ModelInputs, documents: OrgMapInput[]): boolean {
  const cached = models.get(organizationId);
  if (cached?.modelHash === inputs.modelHash) {
    touch(models, organizationId, cached, MAX_ORGANIZATIONS);
    return true;
  }
  const converted = new Map<string, { version: number; converted: ConvertedMap }>();
  for (const map of documents) converted.set(map.id, { version: map.version, converted: convertMap(map) });
  const maps: ConvertedMap[] = [];
  for (const head of inputs.maps) {
    const known = converted.get(head.id) ?? cached?.converted.get(head.id);
    if (!known || known.version !== head.version) return false;
    converted.set(head.id, known);
    // The name, marking and review status as they are now (they may change without a new document).
    maps.push({ ...known.converted, entry: { ...known.converted.entry, ...head } });
  }
  const org = assembleConverted({ maps, links: inputs.links, rubric: inputs.rubric.rubric });
  touch(
    models,
    organizationId,
    {
      modelHash: inputs.modelHash,
      org,
      graph: compileOrgModel(org),
      rubric: inputs.rubric,
      converted,
      analyses: new Map(),
      bodies: new Map(),
    },
    MAX_ORGANIZATIONS,
  );
  return true;
}

const entryFor = (organizationId: string, modelHash: string) => {
  const entry = models.get(organizationId);
  return entry?.modelHash === modelHash ? entry : undefined;
};

function rubricView(info: RubricInfo): OrgAnalysis['rubric'] {
  const levels = info.rubric.levels.map((l) => ({ level: l.value, label: l.label }));
  return {
    source: info.source,
    ...(info.version !== undefined ? { version: info.version } : {}),
    dimensions: info.rubric.dimensions.map((d) => ({ id: d.id, label: d.label ?? d.id, levels })),
  };
}

export function resolvedOptions(input: AnalysisOptionsInput, saved: ScoreWeights) {
  return {
    workarounds: input.workarounds ?? ('ignore' as WorkaroundMode),
    horizonHours: input.horizonHours ?? DEFAULT_HORIZON_HOURS,
    weights: { ...saved, ...input.weights },
  };
}

const optionsKey = (options: ReturnType<typeof resolvedOptions>) =>
  JSON.stringify([options.workarounds, options.horizonHours, SCORE_FACTORS.map((f) => options.weights[f])]);

function analysisOf(entry: ModelEntry, options: ReturnType<typeof resolvedOptions>) {
  const key = optionsKey(options);
  const computed = entry.analyses.get(key) ?? {
    generatedAt: new Date().toISOString(),
    analysis: analyzeOrg(entry.graph, options),
  };
  touch(entry.analyses, key, computed, MAX_ANALYSES_PER_MODEL);
  return computed;
}

function analysisBody(
  entry: ModelEntry,
  input: AnalysisOptionsInput,
  savedWeights: ScoreWeights,
): OrgAnalysis {
  const options = resolvedOptions(input, savedWeights);
  const { generatedAt, analysis } = analysisOf(entry, options);
  return {
    generatedAt,
    modelHash: entry.modelHash,
    tlp: entry.org.tlp,
    rubric: rubricView(entry.rubric),
    maps: entry.org.maps.map(({ version: _version, ...map }) => map),
    nodes: entry.org.nodes,
    weights: options.weights,
    savedWeights,
    options: { workarounds: options.workarounds, horizonHours: options.horizonHours },
    summary: analysis.summary,
    singlePoints: analysis.singlePoints,
    concentration: analysis.concentration,
    priorities: analysis.priorities,
  };
}

/** The analysis; undefined when the model for `modelHash` is not here (prepare it first). */
export function analysisFor(
  organizationId: string,
  modelHash: string,
  input: AnalysisOptionsInput,
  savedWeights: ScoreWeights,
): OrgAnalysis | undefined {
  const entry = entryFor(organizationId, modelHash);
  return entry && analysisBody(entry, input, savedWeights);
}

/** The analysis as the JSON text GET /analysis sends: the same inputs give the same text, from memory. */
export function analysisJsonFor(
  organizationId: string,
  modelHash: string,
  input: AnalysisOptionsInput,
  savedWeights: ScoreWeights,
): string | undefined {
  const entry = entryFor(organizationId, modelHash);
  if (!entry) return undefined;
  const key = JSON.stringify([optionsKey(resolvedOptions(input, savedWeights)), savedWeights]);
  const body = entry.bodies.get(key) ?? JSON.stringify(analysisBody(entry, input, savedWeights));
  touch(entry.bodies, key, body, MAX_BODIES_PER_MODEL);
  return body;
}

/** A scenario on the model; undefined when the model for `modelHash` is not here. */
export function scenarioFor(
  organizationId: string,
  modelHash: string,
  input: ScenarioInput,
): ScenarioOutcome | undefined {
  const entry = entryFor(organizationId, modelHash);
  if (!entry) return undefined;
  const scope: ScenarioScope = {
    ...(input.scope?.mapId ? { mapId: input.scope.mapId } : {}),
    ...(input.scope?.functionId ? { functionId: input.scope.functionId } : {}),
  };
  if (scope.mapId && !entry.org.maps.some((m) => m.id === scope.mapId && m.included)) {
    return { ok: false, unknownMap: true };
  }
  const unknown = unknownIds(entry.graph, input.failed);
  if (scope.functionId && !entry.org.nodes.some((n) => n.id === scope.functionId && n.kind === 'function')) {
    unknown.push(scope.functionId);
  }
  if (unknown.length > 0) return { ok: false, unknownIds: unknown };
  const result = scopedScenario(entry.graph, entry.org, {
    failed: input.failed,
    durationHours: input.durationHours,
    workarounds: input.workarounds ?? 'count',
    scope,
  });
  return { ok: true, result: { ...result, scope, tlp: entry.org.tlp, modelHash: entry.modelHash } };
}
