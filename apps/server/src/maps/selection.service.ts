// The selection of the sector templates that apply to the organization (method step P1.4): which
// maps, ranked by importance and potential impact, each with the reason recorded. Saved whole,
// with optimistic concurrency: version 0 means "never saved".
import { templateById } from '@smart/templates';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { AppError, type FieldIssue } from '../shared/errors';
import { userRef, versionConflict } from './map-rows';
import type { SelectionInput } from './maps.inputs';
import { mapSelectionItems, mapSelections } from './maps.schema';

export async function getSelection(tx: Executor, organizationId: string) {
  const [head] = await tx
    .select()
    .from(mapSelections)
    .where(eq(mapSelections.organizationId, organizationId));
  const items = await tx
    .select({
      templateId: mapSelectionItems.templateId,
      rank: mapSelectionItems.rank,
      importance: mapSelectionItems.importance,
      impact: mapSelectionItems.impact,
      reason: mapSelectionItems.reason,
    })
    .from(mapSelectionItems)
    .where(eq(mapSelectionItems.organizationId, organizationId))
    .orderBy(asc(mapSelectionItems.rank));
  return {
    items,
    version: head?.version ?? 0,
    updatedAt: head?.updatedAt ?? null,
    updatedBy: head ? userRef(head.updatedBy, head.updatedByName) : null,
  };
}

function checkItems(items: SelectionInput['items']) {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const path = `body.items.${i}.templateId`;
    if (!templateById(item.templateId)) issues.push({ path, message: `no template "${item.templateId}"` });
    const first = seen.get(item.templateId);
    if (first !== undefined) {
      issues.push({ path, message: `"${item.templateId}" is already listed (item ${first + 1})` });
    } else seen.set(item.templateId, i);
  });
  if (issues.length) {
    throw new AppError(
      'invalid_input',
      `Invalid input. ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
}

/** Replaces the selection; the order of `items` is the rank. */
export async function saveSelection(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: SelectionInput,
) {
  checkItems(input.items);
  // Serializes two first saves, which have no row to lock yet.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`map-selection:${organizationId}`}))`);
  const before = await getSelection(tx, organizationId);
  if (before.version !== input.version) {
    throw versionConflict('The map selection', {
      version: before.version,
      updatedAt: before.updatedAt,
      updatedBy: before.updatedBy?.id ?? null,
      updatedByName: before.updatedBy?.name ?? null,
    });
  }
  const now = new Date();
  const head = {
    version: before.version + 1,
    updatedAt: now,
    updatedBy: actor.id,
    updatedByName: actor.name,
  };
  if (before.version === 0) await tx.insert(mapSelections).values({ organizationId, ...head });
  else {
    await tx
      .update(mapSelections)
      .set(head)
      .where(
        and(eq(mapSelections.organizationId, organizationId), eq(mapSelections.version, before.version)),
      );
  }
  await tx.delete(mapSelectionItems).where(eq(mapSelectionItems.organizationId, organizationId));
  const items = input.items.map((item, i) => ({ ...item, rank: i + 1 }));
  if (items.length) {
    await tx.insert(mapSelectionItems).values(items.map((item) => ({ organizationId, ...item })));
  }
  await recordAudit(tx, organizationId, actor, {
    action: 'map_selection.saved',
    entityType: 'map_selection',
    entityId: organizationId,
    before: { version: before.version, items: before.items },
    after: { version: head.version, items },
  });
  return getSelection(tx, organizationId);
}
