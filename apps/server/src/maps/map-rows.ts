// Reading maps: the summary every list shows, the stored model parsed again at the edge, the row
// locked for a write, and the conflict a stale write gets (who changed the map, when, which version).
import { type DraftModel, type DraftProblem, draftModelSchema, draftProblems } from '@smart/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { subTeams } from '../db/schema';
import { AppError, notFound } from '../shared/errors';
import { type Caller, canComment, canEdit, canReview } from './maps.access';
import { type MapLayout, mapSelectionItems, maps } from './maps.schema';

export interface UserRef {
  id: string;
  name: string;
}

/** A person as the API shows them: id and name as recorded, or null when nobody is recorded. */
export const userRef = (id: string | null, name: string | null): UserRef | null =>
  name === null ? null : { id: id ?? '', name };

export type MapRow = typeof maps.$inferSelect;

const summaryColumns = {
  id: maps.id,
  name: maps.name,
  templateId: maps.templateId,
  subTeamId: maps.subTeamId,
  subTeamName: subTeams.name,
  tlp: maps.tlp,
  reviewStatus: maps.reviewStatus,
  reviewedBy: maps.reviewedBy,
  reviewedByName: maps.reviewedByName,
  reviewedAt: maps.reviewedAt,
  reviewNote: maps.reviewNote,
  version: maps.version,
  nodeCount: maps.nodeCount,
  problemCount: maps.problemCount,
  openComments: sql<number>`(SELECT count(*)::int FROM map_comments c
    WHERE c.organization_id = ${maps.organizationId} AND c.map_id = ${maps.id} AND c.resolved_at IS NULL)`,
  createdAt: maps.createdAt,
  updatedAt: maps.updatedAt,
  updatedBy: maps.updatedBy,
  updatedByName: maps.updatedByName,
};

function toSummary(row: Awaited<ReturnType<typeof summaryRows>>[number], caller: Caller) {
  const { reviewedBy, reviewedByName, updatedBy, updatedByName, openComments, ...rest } = row;
  return {
    ...rest,
    openComments: Number(openComments),
    reviewedBy: userRef(reviewedBy, reviewedByName),
    updatedBy: userRef(updatedBy, updatedByName),
    canEdit: canEdit(caller, row),
  };
}
export type MapSummary = ReturnType<typeof toSummary>;

function summaryRows(tx: Executor, organizationId: string, mapId?: string) {
  const where = mapId
    ? and(eq(maps.organizationId, organizationId), eq(maps.id, mapId))
    : eq(maps.organizationId, organizationId);
  return tx
    .select(summaryColumns)
    .from(maps)
    .leftJoin(
      subTeams,
      and(eq(subTeams.organizationId, maps.organizationId), eq(subTeams.id, maps.subTeamId)),
    )
    .leftJoin(
      mapSelectionItems,
      and(
        eq(mapSelectionItems.organizationId, maps.organizationId),
        eq(mapSelectionItems.templateId, maps.templateId),
      ),
    )
    .where(where)
    .orderBy(sql`${mapSelectionItems.rank} NULLS LAST`, sql`lower(${maps.name})`, asc(maps.id));
}

/** The organization's maps, by the rank of their template in the selection, then by name. */
export async function mapSummaries(tx: Executor, organizationId: string, caller: Caller) {
  const rows = await summaryRows(tx, organizationId);
  return rows.map((row) => toSummary(row, caller));
}

export async function mapSummary(tx: Executor, organizationId: string, caller: Caller, mapId: string) {
  const [row] = await summaryRows(tx, organizationId, mapId);
  if (!row) throw notFound('Map');
  return toSummary(row, caller);
}

/** The map's row; with `lock`, held until the transaction ends so that writes to it take turns. */
export async function mapRow(tx: Executor, organizationId: string, mapId: string, lock = false) {
  const query = tx
    .select()
    .from(maps)
    .where(and(eq(maps.organizationId, organizationId), eq(maps.id, mapId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Map');
  return row;
}

/** A stored model, parsed again: rows written by an older SMART are read with today's schema. */
export function readModel(stored: unknown): DraftModel {
  const parsed = draftModelSchema.safeParse(stored);
  if (!parsed.success) {
    throw new Error(`stored map model does not parse: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

const clock = (at: Date) => at.toISOString().slice(11, 16);

/** 409 for a write based on an old version: who changed it, when, and the version now. */
export function versionConflict(
  what: string,
  current: {
    version: number;
    updatedAt: Date | null;
    updatedBy: string | null;
    updatedByName: string | null;
  },
) {
  const by = current.updatedByName ?? 'someone';
  const when = current.updatedAt ? ` at ${clock(current.updatedAt)} UTC` : '';
  return new AppError(
    'version_conflict',
    `${what} was changed by ${by}${when} (version ${current.version}); reload to see their changes.`,
    undefined,
    {
      currentVersion: current.version,
      updatedBy: userRef(current.updatedBy, current.updatedByName),
      updatedAt: current.updatedAt?.toISOString() ?? null,
    },
  );
}

/**
 * The whole map as the editor needs it, with what the caller may do to it. A write passes the
 * content it has just stored, so that a large model is not read and checked a second time.
 */
export async function getMapDetail(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  mapId: string,
  written?: { model: DraftModel; layout: MapLayout; problems: DraftProblem[] },
) {
  const summary = await mapSummary(tx, organizationId, caller, mapId);
  let content = written;
  if (!content) {
    const row = await mapRow(tx, organizationId, mapId);
    const model = readModel(row.model);
    content = { model, layout: row.layout, problems: draftProblems(model) };
  }
  return {
    ...summary,
    ...content,
    canReview: canReview(caller, summary),
    canComment: canComment(caller),
  };
}
