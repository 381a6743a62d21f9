// The append-only, hash-chained audit log: one chain per organization, written in the same
// transaction as the change it records.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';
import { canonicalJson, toJsonValue } from '../shared/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  id: string;
  name: string;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  organizationId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    organizationId: e.organizationId,
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

export async function recordAudit(
  tx: Executor,
  organizationId: string,
  actor: Actor | null,
  event: AuditEvent,
): Promise<AuditEntry> {
  // Serialize writers of one organization's chain; released at commit.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${organizationId}))`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const draft = {
    organizationId,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJsonValue(event.before),
    after: toJsonValue(event.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry = { ...draft, hash: entryHash(draft) };
  await tx.insert(auditLog).values(entry);
  return entry;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export async function listAudit(tx: Executor, organizationId: string, f: AuditFilter): Promise<AuditEntry[]> {
  const conditions = [eq(auditLog.organizationId, organizationId)];
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.actorId) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  if (f.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, f.beforeSeq));
  return tx
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  message: string;
}

/** Walks the chain from the first entry: sequence without gaps, each link, each hash. */
export async function verifyChain(tx: Executor, organizationId: string): Promise<ChainVerdict> {
  const batch = 1000;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), gte(auditLog.seq, expectedSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const row of rows) {
      const problem =
        row.seq !== expectedSeq
          ? `entry ${expectedSeq} is missing`
          : row.prevHash !== prevHash
            ? `entry ${row.seq} does not link to the entry before it`
            : entryHash(row) !== row.hash
              ? `entry ${row.seq} was altered after it was written`
              : null;
      if (problem) {
        return {
          ok: false,
          checked: expectedSeq - 1,
          brokenAt: expectedSeq,
          message: `Chain broken: ${problem}.`,
        };
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    if (rows.length < batch) break;
  }
  const checked = expectedSeq - 1;
  return { ok: true, checked, brokenAt: null, message: `All ${checked} entries verified.` };
}
