// Comments on a map or on one of its nodes, for the subject-matter experts the team iterates with:
// written by everyone but executive viewers, resolved and reopened, deleted by their author or an
// administrator.
import { randomUUID } from 'node:crypto';
import { draftNodeIds } from '@smart/core';
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { AppError, forbidden, notFound } from '../shared/errors';
import { readModel, userRef } from './map-rows';
import type { Caller } from './maps.access';
import { mapComments } from './maps.schema';

type CommentRow = typeof mapComments.$inferSelect;

const toComment = (row: CommentRow) => ({
  id: row.id,
  nodeId: row.nodeId,
  body: row.body,
  author: { id: row.authorId ?? '', name: row.authorName },
  createdAt: row.createdAt,
  resolvedAt: row.resolvedAt,
  resolvedBy: userRef(row.resolvedBy, row.resolvedByName),
});

export async function listComments(tx: Executor, organizationId: string, mapId: string) {
  const rows = await tx
    .select()
    .from(mapComments)
    .where(and(eq(mapComments.organizationId, organizationId), eq(mapComments.mapId, mapId)))
    .orderBy(asc(mapComments.createdAt), asc(mapComments.id));
  return rows.map(toComment);
}

export async function addComment(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  map: { id: string; model: unknown },
  input: { nodeId?: string | null | undefined; body: string },
) {
  const nodeId = input.nodeId ?? null;
  if (nodeId !== null && !draftNodeIds(readModel(map.model)).has(nodeId)) {
    throw new AppError('invalid_input', `Invalid input. body.nodeId: "${nodeId}" is not a node of this map`, [
      { path: 'body.nodeId', message: `"${nodeId}" is not a node of this map` },
    ]);
  }
  const row: CommentRow = {
    id: randomUUID(),
    organizationId,
    mapId: map.id,
    nodeId,
    body: input.body,
    authorId: actor.id,
    authorName: actor.name,
    createdAt: new Date(),
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
  };
  await tx.insert(mapComments).values(row);
  await recordAudit(tx, organizationId, actor, {
    action: 'map_comment.added',
    entityType: 'map_comment',
    entityId: row.id,
    after: { mapId: map.id, nodeId, body: row.body },
  });
  return toComment(row);
}

async function commentRow(tx: Executor, organizationId: string, mapId: string, commentId: string) {
  const [row] = await tx
    .select()
    .from(mapComments)
    .where(
      and(
        eq(mapComments.organizationId, organizationId),
        eq(mapComments.mapId, mapId),
        eq(mapComments.id, commentId),
      ),
    );
  if (!row) throw notFound('Comment');
  return row;
}

/** Marks a comment resolved (or open again); doing what is already done changes nothing. */
export async function setResolved(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  mapId: string,
  commentId: string,
  resolved: boolean,
) {
  const row = await commentRow(tx, organizationId, mapId, commentId);
  if ((row.resolvedAt !== null) === resolved) return toComment(row);
  const [updated] = await tx
    .update(mapComments)
    .set(
      resolved
        ? { resolvedAt: new Date(), resolvedBy: actor.id, resolvedByName: actor.name }
        : { resolvedAt: null, resolvedBy: null, resolvedByName: null },
    )
    .where(and(eq(mapComments.organizationId, organizationId), eq(mapComments.id, commentId)))
    .returning();
  if (!updated) throw notFound('Comment');
  await recordAudit(tx, organizationId, actor, {
    action: resolved ? 'map_comment.resolved' : 'map_comment.reopened',
    entityType: 'map_comment',
    entityId: commentId,
    after: { mapId },
  });
  return toComment(updated);
}

export async function deleteComment(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  mapId: string,
  commentId: string,
) {
  const row = await commentRow(tx, organizationId, mapId, commentId);
  if (row.authorId !== caller.id && caller.role !== 'admin') {
    throw forbidden('Only the author of a comment or an administrator can delete it.');
  }
  await tx
    .delete(mapComments)
    .where(and(eq(mapComments.organizationId, organizationId), eq(mapComments.id, commentId)));
  await recordAudit(tx, organizationId, caller, {
    action: 'map_comment.deleted',
    entityType: 'map_comment',
    entityId: commentId,
    before: { mapId, nodeId: row.nodeId, body: row.body, author: row.authorName },
  });
}
