// Applies the SQL files in ./migrations in name order, each once, each in its own transaction.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './client';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 7462001;

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const script = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

async function appliedChecksums(database: Database): Promise<Map<string, string>> {
  const rows = await queryRows<{ name: string; checksum: string }>(
    database.db,
    sql`select name, checksum from smart_migrations`,
  );
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

export async function migrate(database: Database): Promise<MigrationResult> {
  // Under the lock: two servers starting on a new database would otherwise race to create it.
  await database.execScript(`BEGIN;
    SELECT pg_advisory_xact_lock(${LOCK_KEY});
    CREATE TABLE IF NOT EXISTS smart_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    COMMIT;`);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const m of listMigrations()) {
    const known = (await appliedChecksums(database)).get(m.name);
    if (known !== undefined) {
      if (known !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied; restore the original file.`);
      }
      alreadyApplied++;
      continue;
    }
    // The name check inside the transaction makes a second server that waited on the lock skip it.
    const script = [
      'BEGIN;',
      `SELECT pg_advisory_xact_lock(${LOCK_KEY});`,
      `DO $smart$ BEGIN IF EXISTS (SELECT 1 FROM smart_migrations WHERE name = '${m.name}') THEN
         RAISE EXCEPTION 'smart: migration already applied by another process'; END IF; END $smart$;`,
      m.script,
      `INSERT INTO smart_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');`,
      'COMMIT;',
    ].join('\n');
    try {
      await database.execScript(script);
      applied.push(m.name);
    } catch (err) {
      if ((await appliedChecksums(database)).get(m.name) === m.checksum) alreadyApplied++;
      else throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
    }
  }
  return { applied, alreadyApplied };
}
