// The materiality rubric (method step P1.2) and its versions. Every saved edit is a new version;
// earlier ones stay readable. Recording an approval makes a draft the approved version, the one
// analysis uses, and supersedes the version approved before it: there is never more than one.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import {
  type ApprovingBody,
  type OrganizationSize,
  type RubricDimension,
  materialityRubricVersions as versions,
} from '../db/schema';
import { conflict, notFound } from '../shared/errors';
import { defaultDimensions, engineRubric } from './rubric-content';

type VersionRow = typeof versions.$inferSelect;

export interface ApprovalInput {
  approvingBody: ApprovingBody;
  approverName: string;
  approvalDate: string;
  note: string;
}

const SIZE_WORDS: Record<OrganizationSize, string> = {
  small: 'a small',
  medium: 'a medium',
  large: 'a large',
};

function summary(row: VersionRow) {
  return {
    id: row.id,
    version: row.version,
    organizationSize: row.organizationSize,
    status: row.status,
    changeNote: row.changeNote,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: row.createdAt,
    approval:
      row.approvingBody && row.approverName && row.approvalDate && row.approvalRecordedAt
        ? {
            approvingBody: row.approvingBody,
            approverName: row.approverName,
            approvalDate: row.approvalDate,
            note: row.approvalNote ?? '',
            recordedBy: { id: row.approvalRecordedBy, name: row.approvalRecordedByName ?? 'former member' },
            recordedAt: row.approvalRecordedAt,
          }
        : null,
  };
}
export type VersionSummary = ReturnType<typeof summary>;

const full = (row: VersionRow) => ({ ...summary(row), dimensions: row.dimensions });

/** Serializes the writes of one organization's rubric, so two saves never take the same number. */
const lockRubric = (tx: Executor, organizationId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`materiality:${organizationId}`}))`);

async function allVersions(tx: Executor, organizationId: string) {
  return tx
    .select()
    .from(versions)
    .where(eq(versions.organizationId, organizationId))
    .orderBy(desc(versions.version));
}

export async function rubricOverview(tx: Executor, organizationId: string) {
  const rows = await allVersions(tx, organizationId);
  const approved = rows.find((r) => r.status === 'approved');
  const draft = rows.find((r) => r.status === 'draft');
  return {
    versions: rows.map(summary),
    latestVersion: rows[0]?.version ?? null,
    approvedVersion: approved?.version ?? null,
    draftVersion: draft?.version ?? null,
  };
}

export async function rubricVersion(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.organizationId, organizationId), eq(versions.id, id)));
  if (!row) throw notFound('Rubric version');
  return full(row);
}

/** The approved version, the one analysis uses, in full and in the engine's shape; null before any approval. */
export async function approvedRubric(tx: Executor, organizationId: string) {
  const [row] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.organizationId, organizationId), eq(versions.status, 'approved')));
  if (!row) return { version: null, rubric: null };
  return { version: full(row), rubric: engineRubric(row.version, row.dimensions) };
}

async function insertVersion(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  fields: {
    version: number;
    organizationSize: OrganizationSize;
    dimensions: RubricDimension[];
    changeNote: string;
  },
) {
  const row: VersionRow = {
    id: randomUUID(),
    organizationId,
    ...fields,
    status: 'draft',
    createdBy: actor.id,
    createdByName: actor.name,
    createdAt: new Date(),
    approvingBody: null,
    approverName: null,
    approvalDate: null,
    approvalNote: null,
    approvalRecordedBy: null,
    approvalRecordedByName: null,
    approvalRecordedAt: null,
  };
  await tx.insert(versions).values(row);
  return row;
}

/** Version 1, from the SMART default rubric with the thresholds for the organization's size. */
export async function startRubric(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  size: OrganizationSize,
) {
  await lockRubric(tx, organizationId);
  const [latest] = await allVersions(tx, organizationId);
  if (latest) {
    throw conflict(
      `This organization already has a rubric (version ${latest.version}); edit it instead of starting again.`,
    );
  }
  const row = await insertVersion(tx, organizationId, actor, {
    version: 1,
    organizationSize: size,
    dimensions: defaultDimensions(size),
    changeNote: `Started from the SMART default rubric for ${SIZE_WORDS[size]} organization.`,
  });
  await recordAudit(tx, organizationId, actor, {
    action: 'materiality.version_created',
    entityType: 'materiality_rubric',
    entityId: row.id,
    after: { version: 1, organizationSize: size, changeNote: row.changeNote },
  });
  return full(row);
}

/**
 * Saves an edit as the next version. `baseVersion` is the version the editor started from: if
 * someone saved after it, the edit is refused rather than silently overwriting theirs.
 */
export async function saveVersion(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: { baseVersion: number; dimensions: RubricDimension[]; changeNote: string },
) {
  await lockRubric(tx, organizationId);
  const [latest] = await allVersions(tx, organizationId);
  if (!latest) throw conflict('There is no rubric yet; start one from the default first.');
  if (latest.version !== input.baseVersion) {
    throw conflict(
      `Your edit started from version ${input.baseVersion}, but ${latest.createdByName} has since saved version ${latest.version}. ` +
        'Your changes were not saved: reload to see the latest version, then make them again.',
    );
  }
  // Only the newest version is a draft: the one it replaces is kept, marked superseded.
  const replaced = latest.status === 'draft' ? latest : null;
  if (replaced) {
    await tx
      .update(versions)
      .set({ status: 'superseded' })
      .where(and(eq(versions.organizationId, organizationId), eq(versions.id, replaced.id)));
  }
  const row = await insertVersion(tx, organizationId, actor, {
    version: latest.version + 1,
    organizationSize: latest.organizationSize,
    dimensions: input.dimensions,
    changeNote: input.changeNote,
  });
  await recordAudit(tx, organizationId, actor, {
    action: 'materiality.version_created',
    entityType: 'materiality_rubric',
    entityId: row.id,
    before: { version: latest.version, dimensions: latest.dimensions },
    after: { version: row.version, dimensions: row.dimensions, changeNote: row.changeNote },
  });
  return full(row);
}

/** Records who approved the draft and when; it becomes the version analysis uses. */
export async function approveVersion(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  input: ApprovalInput,
) {
  await lockRubric(tx, organizationId);
  const rows = await allVersions(tx, organizationId);
  const target = rows.find((r) => r.id === id);
  if (!target) throw notFound('Rubric version');
  if (target.status === 'approved')
    throw conflict(`Version ${target.version} is already the approved version.`);
  if (target.status === 'superseded') {
    const newest = rows[0];
    throw conflict(
      `Version ${target.version} has been replaced by version ${newest?.version ?? '?'}; review that version and record the approval there.`,
    );
  }
  const previous = rows.find((r) => r.status === 'approved');
  if (previous) {
    await tx
      .update(versions)
      .set({ status: 'superseded' })
      .where(and(eq(versions.organizationId, organizationId), eq(versions.id, previous.id)));
  }
  const [approved] = await tx
    .update(versions)
    .set({
      status: 'approved',
      approvingBody: input.approvingBody,
      approverName: input.approverName,
      approvalDate: input.approvalDate,
      approvalNote: input.note,
      approvalRecordedBy: actor.id,
      approvalRecordedByName: actor.name,
      approvalRecordedAt: new Date(),
    })
    .where(and(eq(versions.organizationId, organizationId), eq(versions.id, id)))
    .returning();
  if (!approved) throw notFound('Rubric version');
  await recordAudit(tx, organizationId, actor, {
    action: 'materiality.version_approved',
    entityType: 'materiality_rubric',
    entityId: id,
    before: { approvedVersion: previous?.version ?? null },
    after: { approvedVersion: approved.version, ...input },
  });
  return full(approved);
}
