// A map's history: snapshots of its content, the difference between two versions in words, and
// the coalescing that keeps autosave from burying the history. A save by the same person less
// than ten minutes after the first save of their latest edit snapshot goes into that snapshot
// (whose version moves up to the new one); anything else starts a new snapshot. The window is
// counted from the snapshot's first save, so a long editing session still leaves a restore point
// every ten minutes.
import {
  type DraftModel,
  type ModelChange,
  modelDiff,
  sameValue,
  summarizeChanges,
  type Tlp,
} from '@smart/core';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Actor } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { AppError } from '../shared/errors';
import { type MapRow, readModel, userRef } from './map-rows';
import { type HistoryKind, type MapLayout, mapVersions } from './maps.schema';

export const COALESCE_MINUTES = 10;

export interface MapContent {
  name: string;
  tlp: Tlp;
  model: DraftModel;
  layout: MapLayout;
}

/** What changed from one content to the next, in a few words ("2 added, 1 changed"). */
export function describeChange(
  before: MapContent,
  after: MapContent,
  changes: ModelChange[] = modelDiff(before.model, after.model),
): string {
  if (changes.length) return summarizeChanges(changes);
  return sameValue(before.layout, after.layout) ? 'No changes' : 'Moved nodes';
}

const latestSnapshots = (tx: Executor, organizationId: string, mapId: string, below?: number) =>
  tx
    .select({
      version: mapVersions.version,
      kind: mapVersions.kind,
      savedBy: mapVersions.savedBy,
      createdAt: mapVersions.createdAt,
    })
    .from(mapVersions)
    .where(
      and(
        eq(mapVersions.organizationId, organizationId),
        eq(mapVersions.mapId, mapId),
        below === undefined ? undefined : lt(mapVersions.version, below),
      ),
    )
    .orderBy(desc(mapVersions.version))
    .limit(1);

/**
 * Records `content` as version `version` of the map. `before` is the content it replaces (the map's
 * content until now, which is always what the newest snapshot holds).
 */
export async function recordSnapshot(
  tx: Executor,
  organizationId: string,
  mapId: string,
  actor: Actor,
  at: Date,
  snapshot: {
    version: number;
    kind: HistoryKind;
    content: MapContent;
    before?: MapContent;
    summary?: string;
    restoredFrom?: number;
  },
): Promise<'new' | 'coalesced'> {
  const { content } = snapshot;
  const fields = {
    version: snapshot.version,
    name: content.name,
    tlp: content.tlp,
    model: content.model,
    layout: content.layout,
    savedAt: at,
    savedBy: actor.id,
    savedByName: actor.name,
  };
  const [latest] = await latestSnapshots(tx, organizationId, mapId);
  const coalesce =
    snapshot.kind === 'edit' &&
    latest?.kind === 'edit' &&
    latest.savedBy === actor.id &&
    at.getTime() - latest.createdAt.getTime() < COALESCE_MINUTES * 60_000;
  if (latest && coalesce) {
    // The snapshot now runs from the one before it to this save: its summary says so.
    const [previous] = await latestSnapshots(tx, organizationId, mapId, latest.version);
    const base = previous ? await snapshotContent(tx, organizationId, mapId, previous.version) : undefined;
    await tx
      .update(mapVersions)
      .set({ ...fields, summary: base ? describeChange(base, content) : 'Edited' })
      .where(
        and(
          eq(mapVersions.organizationId, organizationId),
          eq(mapVersions.mapId, mapId),
          eq(mapVersions.version, latest.version),
        ),
      );
    return 'coalesced';
  }
  const summary =
    snapshot.summary ?? (snapshot.before ? describeChange(snapshot.before, content) : 'Created');
  await tx.insert(mapVersions).values({
    organizationId,
    mapId,
    ...fields,
    kind: snapshot.kind,
    summary,
    restoredFrom: snapshot.restoredFrom ?? null,
    createdAt: at,
  });
  return 'new';
}

/** The map's history, newest first, without the models. */
export async function listVersions(tx: Executor, organizationId: string, mapId: string) {
  const rows = await tx
    .select({
      version: mapVersions.version,
      kind: mapVersions.kind,
      name: mapVersions.name,
      createdAt: mapVersions.createdAt,
      savedAt: mapVersions.savedAt,
      savedBy: mapVersions.savedBy,
      savedByName: mapVersions.savedByName,
      summary: mapVersions.summary,
    })
    .from(mapVersions)
    .where(and(eq(mapVersions.organizationId, organizationId), eq(mapVersions.mapId, mapId)))
    .orderBy(desc(mapVersions.version));
  return rows.map(({ savedBy, savedByName, ...row }) => ({ ...row, savedBy: userRef(savedBy, savedByName) }));
}

const notInHistory = (version: number) =>
  new AppError(
    'not_found',
    `Version ${version} is not in this map's history (saves made close together are kept as one version); pick a version from the history.`,
  );

/** One snapshot in full. */
export async function getVersion(tx: Executor, organizationId: string, mapId: string, version: number) {
  const [row] = await tx
    .select()
    .from(mapVersions)
    .where(
      and(
        eq(mapVersions.organizationId, organizationId),
        eq(mapVersions.mapId, mapId),
        eq(mapVersions.version, version),
      ),
    );
  if (!row) throw notInHistory(version);
  return {
    version: row.version,
    kind: row.kind,
    name: row.name,
    tlp: row.tlp,
    model: readModel(row.model),
    layout: row.layout,
    savedAt: row.savedAt,
    savedBy: userRef(row.savedBy, row.savedByName),
    restoredFrom: row.restoredFrom,
  };
}

async function snapshotContent(
  tx: Executor,
  organizationId: string,
  mapId: string,
  version: number,
): Promise<MapContent> {
  const { name, tlp, model, layout } = await getVersion(tx, organizationId, mapId, version);
  return { name, tlp, model, layout };
}

/** The content of a version: the map itself for its current version, else a snapshot. */
export async function contentAt(tx: Executor, organizationId: string, map: MapRow, version: number) {
  if (version === map.version) {
    return { name: map.name, tlp: map.tlp, model: readModel(map.model), layout: map.layout };
  }
  return snapshotContent(tx, organizationId, map.id, version);
}

export async function diffVersions(
  tx: Executor,
  organizationId: string,
  map: MapRow,
  from: number,
  to: number,
) {
  const before = await contentAt(tx, organizationId, map, from);
  const after = await contentAt(tx, organizationId, map, to);
  const changes = modelDiff(before.model, after.model);
  return { from, to, changes, summary: describeChange(before, after) };
}
