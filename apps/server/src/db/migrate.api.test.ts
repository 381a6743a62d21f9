// Migrations: applied once, identical on both databases, refused when edited, safe to run from
// several processes at once; and an embedded install keeps its data across restarts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganization, createUser } from '../orgs/orgs.service';
import { emptyPostgresDatabase, freshDatabase, TEST_DB } from '../test/harness';
import { openDatabase, queryRows } from './client';
import { listMigrations, migrate } from './migrate';

describe(`migrations on ${TEST_DB}`, () => {
  it('applies nothing the second time', async () => {
    const { database, drop } = await freshDatabase();
    try {
      const again = await migrate(database);
      expect(again).toEqual({ applied: [], alreadyApplied: listMigrations().length });
      const tables = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from information_schema.tables where table_name = 'audit_log'`,
      );
      expect(tables[0]?.n).toBe(1);
    } finally {
      await drop();
    }
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const { database, drop } = await freshDatabase();
    try {
      const first = listMigrations()[0]?.name ?? '';
      await database.db.execute(sql`update smart_migrations set checksum = 'edited' where name = ${first}`);
      await expect(migrate(database)).rejects.toThrow(`Migration ${first} was changed after it was applied`);
    } finally {
      await drop();
    }
  });

  it.runIf(TEST_DB === 'postgres')(
    'lets several servers start against one new database at once',
    async () => {
      const empty = await emptyPostgresDatabase();
      const servers = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: empty.url })),
      );
      try {
        const results = await Promise.all(servers.map((s) => migrate(s)));
        const appliedOnce = results.flatMap((r) => r.applied).sort();
        expect(appliedOnce).toEqual(listMigrations().map((m) => m.name));
        const rows = await queryRows<{ n: number }>(
          servers[0]?.db ?? fail(),
          sql`select count(*)::int as n from smart_migrations`,
        );
        expect(rows[0]?.n).toBe(listMigrations().length);
      } finally {
        for (const s of servers) await s.close();
        await empty.drop();
      }
    },
  );

  it.runIf(TEST_DB === 'pglite')('keeps an embedded install across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smart-data-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await migrate(first);
      await first.db.transaction(async (tx) => {
        const founder = await createUser(tx, {
          email: 'kept@example.org',
          name: 'Kept',
          password: 'x'.repeat(12),
        });
        await createOrganization(tx, { name: 'Kept Clinic', slug: 'kept' }, founder);
      });
      await first.close();

      const second = await openDatabase({ kind: 'pglite', dataDir });
      expect((await migrate(second)).applied).toEqual([]);
      const orgs = await queryRows<{ slug: string }>(second.db, sql`select slug from organizations`);
      expect(orgs).toEqual([{ slug: 'kept' }]);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function fail(): never {
  throw new Error('no database');
}
