// Test harness for API tests: a real app on a real, fresh database (PGlite in memory, or a new
// PostgreSQL database), and a client that keeps its cookie and CSRF token like a browser.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type Database, openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import type { RouteAccess } from '../shared/http';

export type DbKind = 'pglite' | 'postgres';
export const TEST_DB: DbKind = process.env.SMART_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this database (absent for PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the test server; `drop` removes it. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `smart_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A fresh, migrated database of the given kind. */
export async function freshDatabase(kind: DbKind = TEST_DB): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const empty = await emptyPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url: empty.url });
  await migrate(database);
  return {
    database,
    url: empty.url,
    drop: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}, { dataDir: 'memory://', logLevel: 'silent' }),
    publicUrl: 'http://smart.test',
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  routes: RouteAccess[];
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}, kind: DbKind = TEST_DB): Promise<TestApp> {
  const { database, drop } = await freshDatabase(kind);
  const { app, routes } = await buildApp(database.db, testConfig(overrides), { logger: false });
  await app.ready();
  return {
    app,
    database,
    routes,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Holds a session cookie and sends the CSRF header on writes, as the web app does. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res: LightMyRequestResponse = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.cookies.find((c) => c.name === 'smart_session');
    if (setCookie) this.cookie = setCookie.value ? `smart_session=${setCookie.value}` : null;
    const json =
      res.body && res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : undefined;
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrf = String(json.csrfToken);
    return { status: res.statusCode, body: json, headers: res.headers, raw: res.body };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

export const PASSWORD = 'a long enough password';

/** Runs the first-run setup and returns the signed-in admin client with the organization id. */
export async function setUpFirstOrganization(app: FastifyInstance, slug = 'alpha') {
  const admin = new Client(app);
  const res = await admin.post('/api/setup', {
    organizationName: `${slug} Health`,
    organizationSlug: slug,
    name: `${slug} Admin`,
    email: `admin@${slug}.test`,
    password: PASSWORD,
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.raw}`);
  return { admin, orgId: res.body.organizations[0].id as string, userId: res.body.user.id as string };
}

/** Creates another organization, administered by `creator`; returns its id. */
export async function anotherOrganization(creator: Client, slug: string) {
  const res = await creator.post('/api/organizations', { name: `${slug} Clinic`, slug });
  if (res.status !== 201) throw new Error(`create org failed: ${res.raw}`);
  return res.body.id as string;
}

/** Invites `email` with `role` into `orgId` and returns a signed-in client for the new member. */
export async function addMember(
  app: FastifyInstance,
  admin: Client,
  orgId: string,
  email: string,
  role: string,
) {
  const inv = await admin.post(`/api/orgs/${orgId}/invitations`, { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.raw}`);
  const token = String(inv.body.acceptUrl).split('/invite/')[1];
  const member = new Client(app);
  const acc = await member.post(`/api/invitations/${token}/accept`, {
    name: email.split('@')[0],
    password: PASSWORD,
  });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.raw}`);
  return { client: member, userId: acc.body.user.id as string };
}
