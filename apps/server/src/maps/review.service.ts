// Review of a map (draft, in review, validated, with who and when): editors send a map to review
// and back to draft; only reviewers validate. Each move is a new version, so that a save made from
// the version before it gets the usual conflict.
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { conflict, forbidden } from '../shared/errors';
import { getMapDetail, mapRow, versionConflict } from './map-rows';
import { type Caller, canReview, requireEdit } from './maps.access';
import type { ReviewInput } from './maps.inputs';
import { maps, type ReviewStatus } from './maps.schema';

type Transition = `${ReviewStatus}>${ReviewStatus}`;
/** The review moves people may make, and the right each needs. */
const TRANSITIONS: Partial<Record<Transition, 'edit' | 'review'>> = {
  'draft>in_review': 'edit',
  'in_review>draft': 'edit',
  'validated>draft': 'edit',
  'in_review>validated': 'review',
};
const STATUS_WORDS: Record<ReviewStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  validated: 'validated',
};

function refusedTransition(from: ReviewStatus, to: ReviewStatus) {
  if (from === to) return conflict(`This map is already ${STATUS_WORDS[to]}.`);
  if (to === 'validated') return conflict('This map is a draft: send it for review before validating it.');
  return conflict('This map is validated: return it to draft before sending it for review again.');
}

export async function reviewMap(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  mapId: string,
  input: ReviewInput,
) {
  const row = await mapRow(tx, organizationId, mapId, true);
  const needs = TRANSITIONS[`${row.reviewStatus}>${input.status}`];
  if (needs === 'review' && !canReview(caller, row)) {
    throw forbidden(
      "Only administrators, risk leads and the business owners of the map's sub-team can validate a map.",
    );
  }
  if (needs !== 'review') requireEdit(caller, row);
  if (row.version !== input.version) throw versionConflict('This map', row);
  if (!needs) throw refusedTransition(row.reviewStatus, input.status);
  const now = new Date();
  const note = input.note ? input.note : null;
  await tx
    .update(maps)
    .set({
      reviewStatus: input.status,
      reviewedBy: caller.id,
      reviewedByName: caller.name,
      reviewedAt: now,
      reviewNote: note,
      version: row.version + 1,
      updatedAt: now,
      updatedBy: caller.id,
      updatedByName: caller.name,
    })
    .where(and(eq(maps.organizationId, organizationId), eq(maps.id, mapId)));
  await recordAudit(tx, organizationId, caller, {
    action: 'map.review_changed',
    entityType: 'map',
    entityId: mapId,
    before: { reviewStatus: row.reviewStatus, version: row.version },
    after: { reviewStatus: input.status, note, version: row.version + 1 },
  });
  return getMapDetail(tx, organizationId, caller, mapId);
}
