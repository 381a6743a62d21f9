// The organization-wide analysis on the server's side: the inputs read from the database (a cheap
// fingerprint, then only the maps that changed) and handed to the analysis worker, which keeps each
// organization's compiled model and the analyses asked of it (analysis-models.ts), so that repeated
// reads cost a fingerprint query and a lookup, and a cold analysis never holds the event loop.
// Saved scenarios, the organization's score weights and dated snapshots of the prioritized list are
// stored here, each change with its audit entry.
import { createHash, randomUUID } from 'node:crypto';
import {
  DEFAULT_SCORE_WEIGHTS,
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
import type {
  AnalysisOptionsInput,
  ModelInputs,
  OrgAnalysis,
  ScenarioInput,
  ScenarioResult,
} from './analysis-models';
import { loadMaps, orgFingerprint } from './org-inputs';
import { runAnalysisTask } from './run-analysis';

export type { AnalysisOptionsInput, OrgAnalysis, ScenarioInput, ScenarioResult } from './analysis-models';

/** Forgets every model the analysis worker holds (benchmarks measure a start from nothing with it). */
export async function clearAnalysisCache(): Promise<void> {
  await runAnalysisTask('clear');
}

/**
 * Makes sure the analysis worker holds the organization's model for its current inputs and returns
 * the model's hash. The worker keeps each map converted at the version it was sent, so only maps
 * that changed since are read from the database and sent.
 */
async function preparedModel(tx: Executor, organizationId: string): Promise<string> {
  const fingerprint = await orgFingerprint(tx, organizationId);
  const inputs: ModelInputs = {
    modelHash: fingerprint.modelHash,
    maps: fingerprint.maps,
    links: fingerprint.links,
    rubric: fingerprint.rubric,
  };
  if (await runAnalysisTask('prepareModel', organizationId, inputs, [])) return inputs.modelHash;
  const missing = await runAnalysisTask('missingMaps', organizationId, inputs.modelHash, inputs.maps);
  const documents = await loadMaps(tx, organizationId, missing);
  if (await runAnalysisTask('prepareModel', organizationId, inputs, documents)) return inputs.modelHash;
  // The worker lost maps in between (it restarted, or other organizations pushed this one out).
  const all = await loadMaps(
    tx,
    organizationId,
    inputs.maps.map((m) => m.id),
  );
  if (await runAnalysisTask('prepareModel', organizationId, inputs, all)) return inputs.modelHash;
  throw new Error('the organization model could not be prepared for analysis');
}

/** Runs work on the prepared model, preparing it again if the worker lost it in the meantime. */
async function onModel<T>(
  tx: Executor,
  organizationId: string,
  work: (modelHash: string) => Promise<T | undefined>,
): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await work(await preparedModel(tx, organizationId));
    if (result !== undefined) return result;
  }
  throw new Error('the organization model kept changing while it was analysed; try again');
}

export async function orgAnalysis(
  tx: Executor,
  organizationId: string,
  input: AnalysisOptionsInput,
): Promise<OrgAnalysis> {
  const saved = await getWeights(tx, organizationId);
  return onModel(tx, organizationId, (hash) =>
    runAnalysisTask('analysis', organizationId, hash, input, saved.weights),
  );
}

/** The analysis as JSON text, as GET /analysis sends it: the same inputs give the same text, from memory. */
export async function orgAnalysisJson(
  tx: Executor,
  organizationId: string,
  input: AnalysisOptionsInput,
): Promise<string> {
  const saved = await getWeights(tx, organizationId);
  return onModel(tx, organizationId, (hash) =>
    runAnalysisTask('analysisJson', organizationId, hash, input, saved.weights),
  );
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
  const outcome = await onModel(tx, organizationId, (hash) =>
    runAnalysisTask('scenario', organizationId, hash, input),
  );
  if (outcome.ok) return outcome.result;
  if ('unknownIds' in outcome) throw new UnknownNodesError(outcome.unknownIds);
  throw new AppError(
    'invalid_input',
    'Invalid input. body.scope.mapId: no map of the organization in the analysis has this id',
    [{ path: 'body.scope.mapId', message: 'no map of the organization in the analysis has this id' }],
  );
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
  const current = await orgAnalysis(tx, organizationId, {});
  const versions = new Map(
    (
      await queryRows<{ id: string; version: number }>(
        tx,
        sql`SELECT id, version FROM maps WHERE organization_id = ${organizationId}`,
      )
    ).map((m) => [m.id, Number(m.version)]),
  );
  const takenAt = new Date();
  const snapshot: Snapshot = {
    id: randomUUID(),
    name:
      input.name?.trim() ||
      `Prioritized vendors, ${takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    note: input.note ?? '',
    takenAt: takenAt.toISOString(),
    takenByName: actor.name,
    weights: current.weights,
    options: current.options,
    modelHash: current.modelHash,
    tlp: current.tlp,
    maps: current.maps
      .filter((m) => m.included)
      .map((m) => ({ id: m.id, name: m.name, version: versions.get(m.id) ?? 0 })),
    priorities: current.priorities,
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
