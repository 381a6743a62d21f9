// Opens the database: PGlite in a data folder by default, PostgreSQL when a URL is given.
// Both speak the same SQL, so one schema, one set of migrations and one query layer serve both.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import * as schema from './schema';

export type AppDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];
export type Executor = AppDb | Tx;

export interface Database {
  kind: DatabaseConfig['kind'];
  /** Where it lives, for messages: the data folder or the URL without its password. */
  location: string;
  db: AppDb;
  /** Runs a script of several statements (migrations) on one connection; rolls back on error. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url);
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema }) as unknown as AppDb;
  return {
    kind: 'pglite',
    location: dataDir,
    db,
    execScript: async (script) => {
      try {
        await client.exec(script);
      } catch (err) {
        await client.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover) must not crash the process.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  // Fail at start with a clear message rather than at the first request.
  const probe = await pool.connect().catch((err: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${redact(url)}: ${err.message}`);
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as AppDb;
  return {
    kind: 'postgres',
    location: redact(url),
    db,
    execScript: async (script) => {
      const conn = await pool.connect();
      try {
        await conn.query(script);
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/** Raw SQL for what the query builder cannot say; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
