// Organization-scoped work runs in a transaction as the smart_app role with app.org set, so that
// row-level security holds even where a query forgot its organization filter.
import { sql } from 'drizzle-orm';
import type { AppDb, Tx } from './client';

export async function withTenant<T>(
  db: AppDb,
  organizationId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org', ${organizationId}, true)`);
    await tx.execute(sql`set local role smart_app`);
    return work(tx);
  });
}
