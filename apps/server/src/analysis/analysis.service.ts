// The organization-wide analysis: the model assembled from every map, compiled once per version of
// its inputs and kept in memory with the analyses asked of it, so that repeated reads cost a
// fingerprint query and a lookup. Saved scenarios, the organization's score weights and dated
// snapshots of the prioritized list are stored, each change with its audit entry.
import { createHash, randomUUID } from 'node:crypto';
import {
  type CompiledGraph,
  DEFAULT_HORIZON_HOURS,
  DEFAULT_SCORE_WEIGHTS,
  type FullAnalysis,
  SCORE_FACTORS,
  type ScoreWeights,
  type Tlp,
  type VendorPriority,
  type WorkaroundMode,
} from '@smart/core';
import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import { type Executor, queryRows } from '../db/client';
import { AppError, notFound } from '../shared/errors';
import {
  analyzeOrg,
  compileOrgModel,
  type ImpactOverTime,
  type ScenarioScope,
  scopedScenario,
  unknownIds,
} from './analysis-engine';
import { loadMaps, type OrgFingerprint, orgFingerprint, type RubricInfo } from './org-inputs';
import {
  assembleConverted,
  type ConvertedMap,
  convertMap,
  type OrgMapEntry,
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

/** Forgets every cached model (tests and benchmarks measure a cold start with it). */
export function clearAnalysisCache(): void {
  models.clear();
}

function remember(organizationId: string, entry: ModelEntry) {
  models.delete(organizationId);
  models.set(organizationId, entry);
  trim(models, MAX_ORGANIZATIONS);
}

/** Models being built, by organization: a second request for the same inputs waits for the first. */
const building = new Map<string, { modelHash: string; entry: Promise<ModelEntry> }>();

/**
 * Lets other requests run between the heavy steps of a cold analysis, so that one organization's
 * new model holds the event loop for one step at a time (the longest, the analysis itself), not for
 * all of them together.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The organization's model for its current inputs: from memory while they have not changed. */
export async function orgModelEntry(tx: Executor, organizationId: string): Promise<ModelEntry> {
  const fingerprint: OrgFingerprint = await orgFingerprint(tx, organizationId);
  const cached = models.get(organizationId);
  if (cached && cached.modelHash === fingerprint.modelHash) {
    remember(organizationId, cached);
    return cached;
  }
  const inProgress = building.get(organizationId);
  if (inProgress && inProgress.modelHash === fingerprint.modelHash) return inProgress.entry;
  const entry = buildEntry(tx, organizationId, fingerprint, cached);
  building.set(organizationId, { modelHash: fingerprint.modelHash, entry });
  try {
    const built = await entry;
    remember(organizationId, built);
    return built;
  } finally {
    if (building.get(organizationId)?.entry === entry) building.delete(organizationId);
  }
}

async function buildEntry(
  tx: Executor,
  organizationId: string,
  fingerprint: OrgFingerprint,
  cached: ModelEntry | undefined,
): Promise<ModelEntry> {
  // Only the maps that changed since the last read are read and converted again.
  const converted = new Map<string, { version: number; converted: ConvertedMap }>();
  const stale: string[] = [];
  for (const head of fingerprint.maps) {
    const known = cached?.converted.get(head.id);
    if (known && known.version === head.version) converted.set(head.id, known);
    else stale.push(head.id);
  }
  for (const map of await loadMaps(tx, organizationId, stale)) {
    converted.set(map.id, { version: map.version, converted: convertMap(map) });
    await breathe();
  }
  const maps: ConvertedMap[] = [];
  for (const head of fingerprint.maps) {
    const map = converted.get(head.id)?.converted;
    // The name, marking and review status as they are now (they may change without a new document).
    if (map) maps.push({ ...map, entry: { ...map.entry, ...head } });
  }
  const org = assembleConverted({ maps, links: fingerprint.links, rubric: fingerprint.rubric.rubric });
  await breathe();
  const graph = compileOrgModel(org);
  await breathe();
  return {
    modelHash: fingerprint.modelHash,
    org,
    graph,
    rubric: fingerprint.rubric,
    converted,
    analyses: new Map(),
    bodies: new Map(),
  };
}

// --- Weights -----------------------------------------------------------------------------------

interface WeightsRow {
  weights: ScoreWeights;
  version: number;
  updatedAt: Date | string;
  updatedByName: string | null;
}

export interface SavedWeights {
  weights: ScoreWeights;
  /** 0 while the organization uses the defaults. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function getWeights(tx: Executor, organizationId: string): Promise<SavedWeights> {
  const [row] = await queryRows<WeightsRow>(
    tx,
    sql`SELECT weights, version, updated_at AS "updatedAt", updated_by_name AS "updatedByName"
        FROM analysis_weights WHERE organization_id = ${organizationId}`,
  );
  if (!row)
    return { weights: { ...DEFAULT_SCORE_WEIGHTS }, version: 0, updatedAt: null, updatedByName: null };
  return {
    weights: { ...DEFAULT_SCORE_WEIGHTS, ...parseJson<ScoreWeights>(row.weights) },
    version: Number(row.version),
    updatedAt: iso(row.updatedAt),
    updatedByName: row.updatedByName,
  };
}

export async function saveWeights(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: { weights: ScoreWeights; version: number },
): Promise<SavedWeights> {
  if (SCORE_FACTORS.every((f) => input.weights[f] === 0)) {
    throw new AppError('invalid_input', 'Invalid input. body.weights: at least one weight must be above 0', [
      { path: 'body.weights', message: 'at least one weight must be above 0' },
    ]);
  }
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`analysis-weights:${organizationId}`}))`);
  const before = await getWeights(tx, organizationId);
  if (before.version !== input.version) {
    throw new AppError(
      'version_conflict',
      `The score weights were changed by ${before.updatedByName ?? 'someone'}${before.updatedAt ? ` at ${before.updatedAt.slice(0, 16).replace('T', ' ')} UTC` : ''} (version ${before.version}); reload to see their change.`,
      undefined,
      { currentVersion: before.version, updatedByName: before.updatedByName, updatedAt: before.updatedAt },
    );
  }
  const weights = Object.fromEntries(SCORE_FACTORS.map((f) => [f, input.weights[f]])) as ScoreWeights;
  const version = before.version + 1;
  const now = new Date();
  await tx.execute(
    sql`INSERT INTO analysis_weights (organization_id, weights, version, updated_at, updated_by, updated_by_name)
        VALUES (${organizationId}, ${JSON.stringify(weights)}::jsonb, ${version}, ${now}, ${actor.id}, ${actor.name})
        ON CONFLICT (organization_id) DO UPDATE SET weights = EXCLUDED.weights, version = EXCLUDED.version,
          updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, updated_by_name = EXCLUDED.updated_by_name`,
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'analysis.weights_changed',
    entityType: 'analysis_weights',
    entityId: organizationId,
    before: { weights: before.weights, version: before.version },
    after: { weights, version },
  });
  return { weights, version, updatedAt: now.toISOString(), updatedByName: actor.name };
}

// --- The analysis ------------------------------------------------------------------------------

function rubricView(info: RubricInfo): OrgAnalysis['rubric'] {
  const levels = info.rubric.levels.map((l) => ({ level: l.value, label: l.label }));
  return {
    source: info.source,
    ...(info.version !== undefined ? { version: info.version } : {}),
    dimensions: info.rubric.dimensions.map((d) => ({ id: d.id, label: d.label ?? d.id, levels })),
  };
}

function resolvedOptions(input: AnalysisOptionsInput, saved: ScoreWeights) {
  return {
    workarounds: input.workarounds ?? ('ignore' as WorkaroundMode),
    horizonHours: input.horizonHours ?? DEFAULT_HORIZON_HOURS,
    weights: { ...saved, ...input.weights },
  };
}

const optionsKey = (options: ReturnType<typeof resolvedOptions>) =>
  JSON.stringify([options.workarounds, options.horizonHours, SCORE_FACTORS.map((f) => options.weights[f])]);

/** Keeps at most `max` entries, dropping the least recently used. */
function trim<K, V>(map: Map<K, V>, max: number) {
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

function analysisOf(entry: ModelEntry, options: ReturnType<typeof resolvedOptions>) {
  const key = optionsKey(options);
  const cached = entry.analyses.get(key);
  if (cached) {
    entry.analyses.delete(key);
    entry.analyses.set(key, cached);
    return cached;
  }
  const computed = { generatedAt: new Date().toISOString(), analysis: analyzeOrg(entry.graph, options) };
  entry.analyses.set(key, computed);
  trim(entry.analyses, MAX_ANALYSES_PER_MODEL);
  return computed;
}

export async function orgAnalysis(
  tx: Executor,
  organizationId: string,
  input: AnalysisOptionsInput,
): Promise<OrgAnalysis> {
  const saved = await getWeights(tx, organizationId);
  const entry = await orgModelEntry(tx, organizationId);
  return analysisBody(entry, input, saved.weights);
}

/** The analysis as JSON text, as GET /analysis sends it: the same inputs give the same text, from memory. */
export async function orgAnalysisJson(
  tx: Executor,
  organizationId: string,
  input: AnalysisOptionsInput,
): Promise<string> {
  const saved = await getWeights(tx, organizationId);
  const entry = await orgModelEntry(tx, organizationId);
  const key = JSON.stringify([optionsKey(resolvedOptions(input, saved.weights)), saved.weights]);
  let body = entry.bodies.get(key);
  if (body === undefined) {
    const analysis = analysisBody(entry, input, saved.weights);
    await breathe();
    body = JSON.stringify(analysis);
  }
  entry.bodies.delete(key);
  entry.bodies.set(key, body);
  trim(entry.bodies, MAX_BODIES_PER_MODEL);
  return body;
}

function analysisBody(
  entry: ModelEntry,
  input: AnalysisOptionsInput,
  savedWeights: ScoreWeights,
): OrgAnalysis {
  const saved = { weights: savedWeights };
  const options = resolvedOptions(input, saved.weights);
  const { generatedAt, analysis } = analysisOf(entry, options);
  return {
    generatedAt,
    modelHash: entry.modelHash,
    tlp: entry.org.tlp,
    rubric: rubricView(entry.rubric),
    maps: entry.org.maps.map(({ version: _version, ...map }) => map),
    nodes: entry.org.nodes,
    weights: options.weights,
    savedWeights: saved.weights,
    options: { workarounds: options.workarounds, horizonHours: options.horizonHours },
    summary: analysis.summary,
    singlePoints: analysis.singlePoints,
    concentration: analysis.concentration,
    priorities: analysis.priorities,
  };
}

// --- Scenarios ---------------------------------------------------------------------------------

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

/** Ids that name no node of the organization model: 422, with the ids, so the caller can say which. */
export class UnknownNodesError extends AppError {
  constructor(readonly ids: string[]) {
    super(
      'invalid_model',
      `The organization model has no node ${ids.map((id) => `"${id}"`).join(', ')}; the maps may have changed since the scenario was made.`,
      undefined,
      { ids },
    );
  }
}

export async function orgScenario(
  tx: Executor,
  organizationId: string,
  input: ScenarioInput,
): Promise<ScenarioResult> {
  const entry = await orgModelEntry(tx, organizationId);
  const scope: ScenarioScope = {
    ...(input.scope?.mapId ? { mapId: input.scope.mapId } : {}),
    ...(input.scope?.functionId ? { functionId: input.scope.functionId } : {}),
  };
  if (scope.mapId && !entry.org.maps.some((m) => m.id === scope.mapId && m.included)) {
    throw new AppError(
      'invalid_input',
      'Invalid input. body.scope.mapId: no map of the organization in the analysis has this id',
      [{ path: 'body.scope.mapId', message: 'no map of the organization in the analysis has this id' }],
    );
  }
  const unknown = unknownIds(entry.graph, input.failed);
  if (scope.functionId && !entry.org.nodes.some((n) => n.id === scope.functionId && n.kind === 'function')) {
    unknown.push(scope.functionId);
  }
  if (unknown.length > 0) throw new UnknownNodesError(unknown);
  const result = scopedScenario(entry.graph, entry.org, {
    failed: input.failed,
    durationHours: input.durationHours,
    workarounds: input.workarounds ?? 'count',
    scope,
  });
  return { ...result, scope, tlp: entry.org.tlp, modelHash: entry.modelHash };
}

// --- Saved scenarios ---------------------------------------------------------------------------

export interface SavedScenario {
  id: string;
  name: string;
  note: string;
  failed: string[];
  durationHours: number;
  workarounds: WorkaroundMode;
  version: number;
  createdAt: string;
  createdByName: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

export interface SavedScenarioInput {
  name: string;
  note?: string | undefined;
  failed: string[];
  durationHours: number;
  workarounds?: WorkaroundMode | undefined;
}

interface ScenarioRow {
  id: string;
  name: string;
  note: string;
  failed: unknown;
  durationHours: number;
  workarounds: WorkaroundMode;
  version: number;
  createdAt: Date | string;
  createdByName: string | null;
  updatedAt: Date | string;
  updatedByName: string | null;
}

const scenarioColumns = sql`id, name, note, failed, duration_hours AS "durationHours", workarounds, version,
  created_at AS "createdAt", created_by_name AS "createdByName", updated_at AS "updatedAt",
  updated_by_name AS "updatedByName"`;

const toSavedScenario = (row: ScenarioRow): SavedScenario => ({
  id: row.id,
  name: row.name,
  note: row.note,
  failed: parseJson<string[]>(row.failed),
  durationHours: Number(row.durationHours),
  workarounds: row.workarounds,
  version: Number(row.version),
  createdAt: iso(row.createdAt) ?? '',
  createdByName: row.createdByName,
  updatedAt: iso(row.updatedAt) ?? '',
  updatedByName: row.updatedByName,
});

export async function listScenarios(tx: Executor, organizationId: string): Promise<SavedScenario[]> {
  const rows = await queryRows<ScenarioRow>(
    tx,
    sql`SELECT ${scenarioColumns} FROM analysis_scenarios
        WHERE organization_id = ${organizationId} ORDER BY lower(name), created_at, id`,
  );
  return rows.map(toSavedScenario);
}

async function scenarioRow(tx: Executor, organizationId: string, id: string, lock = false) {
  const [row] = await queryRows<ScenarioRow>(
    tx,
    sql`SELECT ${scenarioColumns} FROM analysis_scenarios
        WHERE organization_id = ${organizationId} AND id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound('Scenario');
  return toSavedScenario(row);
}

export const getScenario = (tx: Executor, organizationId: string, id: string) =>
  scenarioRow(tx, organizationId, id);

const scenarioFields = (s: SavedScenario | SavedScenarioInput) => ({
  name: s.name,
  note: s.note ?? '',
  failed: s.failed,
  durationHours: s.durationHours,
  workarounds: s.workarounds ?? 'count',
});

export async function createScenario(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: SavedScenarioInput,
): Promise<SavedScenario> {
  const id = randomUUID();
  const now = new Date();
  const fields = scenarioFields(input);
  await tx.execute(
    sql`INSERT INTO analysis_scenarios (id, organization_id, name, note, failed, duration_hours, workarounds,
          version, created_at, created_by, created_by_name, updated_at, updated_by, updated_by_name)
        VALUES (${id}, ${organizationId}, ${fields.name}, ${fields.note}, ${JSON.stringify(fields.failed)}::jsonb,
          ${fields.durationHours}, ${fields.workarounds}, 1, ${now}, ${actor.id}, ${actor.name}, ${now},
          ${actor.id}, ${actor.name})`,
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'analysis.scenario_created',
    entityType: 'analysis_scenario',
    entityId: id,
    after: { ...fields, version: 1 },
  });
  return scenarioRow(tx, organizationId, id);
}

export async function updateScenario(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  input: SavedScenarioInput & { version: number },
): Promise<SavedScenario> {
  const before = await scenarioRow(tx, organizationId, id, true);
  if (before.version !== input.version) {
    throw new AppError(
      'version_conflict',
      `Scenario "${before.name}" was changed by ${before.updatedByName ?? 'someone'} at ${before.updatedAt.slice(0, 16).replace('T', ' ')} UTC (version ${before.version}); reload to see their changes.`,
      undefined,
      { currentVersion: before.version, updatedByName: before.updatedByName, updatedAt: before.updatedAt },
    );
  }
  const fields = scenarioFields(input);
  const version = before.version + 1;
  await tx.execute(
    sql`UPDATE analysis_scenarios SET name = ${fields.name}, note = ${fields.note},
          failed = ${JSON.stringify(fields.failed)}::jsonb, duration_hours = ${fields.durationHours},
          workarounds = ${fields.workarounds}, version = ${version}, updated_at = ${new Date()},
          updated_by = ${actor.id}, updated_by_name = ${actor.name}
        WHERE organization_id = ${organizationId} AND id = ${id}`,
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'analysis.scenario_updated',
    entityType: 'analysis_scenario',
    entityId: id,
    before: { ...scenarioFields(before), version: before.version },
    after: { ...fields, version },
  });
  return scenarioRow(tx, organizationId, id);
}

export async function deleteScenario(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const before = await scenarioRow(tx, organizationId, id, true);
  await tx.execute(
    sql`DELETE FROM analysis_scenarios WHERE organization_id = ${organizationId} AND id = ${id}`,
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'analysis.scenario_deleted',
    entityType: 'analysis_scenario',
    entityId: id,
    before: { ...scenarioFields(before), version: before.version },
  });
}

// --- Snapshots ---------------------------------------------------------------------------------

export interface Snapshot {
  id: string;
  name: string;
  note: string;
  takenAt: string;
  takenByName: string | null;
  weights: ScoreWeights;
  options: { workarounds: WorkaroundMode; horizonHours: number };
  modelHash: string;
  tlp: Tlp;
  maps: { id: string; name: string; version: number }[];
  priorities: VendorPriority[];
}

export interface SnapshotSummary {
  id: string;
  name: string;
  takenAt: string;
  takenByName: string | null;
  vendorCount: number;
  tlp: Tlp;
}

export async function takeSnapshot(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: { name?: string | undefined; note?: string | undefined },
): Promise<Snapshot> {
  const saved = await getWeights(tx, organizationId);
  const entry = await orgModelEntry(tx, organizationId);
  const options = resolvedOptions({}, saved.weights);
  const { analysis } = analysisOf(entry, options);
  const takenAt = new Date();
  const snapshot: Snapshot = {
    id: randomUUID(),
    name:
      input.name?.trim() ||
      `Prioritized vendors, ${takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    note: input.note ?? '',
    takenAt: takenAt.toISOString(),
    takenByName: actor.name,
    weights: options.weights,
    options: { workarounds: options.workarounds, horizonHours: options.horizonHours },
    modelHash: entry.modelHash,
    tlp: entry.org.tlp,
    maps: entry.org.maps
      .filter((m) => m.included)
      .map((m) => ({ id: m.id, name: m.name, version: m.version })),
    priorities: analysis.priorities,
  };
  await tx.execute(
    sql`INSERT INTO analysis_snapshots (id, organization_id, name, note, taken_at, taken_by, taken_by_name, tlp,
          model_hash, weights, options, maps, priorities, vendor_count)
        VALUES (${snapshot.id}, ${organizationId}, ${snapshot.name}, ${snapshot.note}, ${takenAt}, ${actor.id},
          ${actor.name}, ${snapshot.tlp}, ${snapshot.modelHash}, ${JSON.stringify(snapshot.weights)}::jsonb,
          ${JSON.stringify(snapshot.options)}::jsonb, ${JSON.stringify(snapshot.maps)}::jsonb,
          ${JSON.stringify(snapshot.priorities)}::jsonb, ${snapshot.priorities.length})`,
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'analysis.snapshot_taken',
    entityType: 'analysis_snapshot',
    entityId: snapshot.id,
    after: {
      name: snapshot.name,
      modelHash: snapshot.modelHash,
      weights: snapshot.weights,
      options: snapshot.options,
      maps: snapshot.maps,
      vendorCount: snapshot.priorities.length,
      // A digest of the list, so the audit log can show later that the stored snapshot is the one taken.
      prioritiesSha256: createHash('sha256').update(JSON.stringify(snapshot.priorities)).digest('hex'),
    },
  });
  return snapshot;
}

export async function listSnapshots(tx: Executor, organizationId: string): Promise<SnapshotSummary[]> {
  const rows = await queryRows<Omit<SnapshotSummary, 'takenAt'> & { takenAt: Date | string }>(
    tx,
    sql`SELECT id, name, taken_at AS "takenAt", taken_by_name AS "takenByName", vendor_count AS "vendorCount", tlp
        FROM analysis_snapshots WHERE organization_id = ${organizationId} ORDER BY taken_at DESC, id`,
  );
  return rows.map((r) => ({ ...r, vendorCount: Number(r.vendorCount), takenAt: iso(r.takenAt) ?? '' }));
}

export async function getSnapshot(tx: Executor, organizationId: string, id: string): Promise<Snapshot> {
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT id, name, note, taken_at AS "takenAt", taken_by_name AS "takenByName", weights, options,
          model_hash AS "modelHash", tlp, maps, priorities
        FROM analysis_snapshots WHERE organization_id = ${organizationId} AND id = ${id}`,
  );
  if (!row) throw notFound('Snapshot');
  return {
    id: String(row.id),
    name: String(row.name),
    note: String(row.note ?? ''),
    takenAt: iso(row.takenAt as string) ?? '',
    takenByName: (row.takenByName as string | null) ?? null,
    weights: parseJson<ScoreWeights>(row.weights),
    options: parseJson<Snapshot['options']>(row.options),
    modelHash: String(row.modelHash),
    tlp: row.tlp as Tlp,
    maps: parseJson<Snapshot['maps']>(row.maps),
    priorities: parseJson<VendorPriority[]>(row.priorities),
  };
}
