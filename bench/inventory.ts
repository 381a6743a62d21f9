// `npm run bench` (second part): the vendor inventory at scale, on PGlite and on PostgreSQL.
//   - importing a 50,000-row XLSX through the API, end to end (upload, check, commit);
//   - listing, filtering, sorting and searching the 50,000 vendors: 360 requests of six kinds,
//     the 50th and 95th percentiles of all and of each kind.
// Targets: import under 15 s; list/filter/search under 100 ms at the 95th percentile.
// The server is measured as it runs: its import worker already started (as `smart serve` starts it).
//
//   tsx bench/inventory.ts            both databases (PostgreSQL from TEST_DATABASE_URL or 127.0.0.1:5432)
//   tsx bench/inventory.ts pglite     one of them
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { emptyPostgresDatabase, setUpFirstOrganization, testConfig } from '../apps/server/src/test/harness';
import { importWorkerReady } from '../apps/server/src/vendors/import/run-in-worker';

const ROWS = 50_000;
const PER_KIND = 60;
const CATEGORIES = [
  'clearinghouse',
  'ehr',
  'lis',
  'pacs',
  'cloud-hosting',
  'pharmacy-switch',
  'eligibility-verification',
];
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function workbook(): Promise<Buffer> {
  const random = seeded(42);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Vendors');
  ws.addRow([
    'Vendor',
    'Website',
    'Contact email',
    'Service',
    'Category',
    'Deployment',
    'PHI records',
    'Notes',
  ]);
  for (let i = 0; i < ROWS; i++) {
    const name = `Vendor ${i.toString(36).toUpperCase()} ${['Health', 'Systems', 'Labs', 'Cloud', 'Data'][i % 5]}`;
    ws.addRow([
      name,
      `vendor-${i}.example`,
      `contact@vendor-${i}.example`,
      `Service ${i}`,
      CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      ['SaaS', 'hosted', 'on premises'][i % 3],
      Math.floor(random() * 1_000_000),
      'Generated for the benchmark',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The list requests, the same every run: six kinds, PER_KIND of each, interleaved. */
function listRequests(base: string): { kind: string; url: string }[] {
  const random = seeded(7);
  const offset = () => Math.floor(random() * (ROWS - 1000));
  // A substring of a vendor's name or domain: mostly 3 characters, sometimes 1 or 2 (typing).
  const fragment = () => {
    const i = Math.floor(random() * ROWS);
    const source = random() < 0.7 ? i.toString(36) : `vendor-${i}.example`.slice(7);
    const length = random() < 0.15 ? 1 + Math.floor(random() * 2) : 3;
    const start = Math.floor(random() * Math.max(1, source.length - length + 1));
    return source.slice(start, start + length).toUpperCase();
  };
  const category = () => CATEGORIES[Math.floor(random() * CATEGORIES.length)];
  const kinds: [string, () => string][] = [
    ['page by name', () => `sort=name&offset=${offset()}&limit=50`],
    ['page by date', () => `sort=updated&dir=desc&offset=${offset()}&limit=50`],
    ['by services', () => `sort=services&dir=desc&offset=${random() < 0.5 ? 0 : offset()}&limit=50`],
    ['category', () => `category=${category()}&sort=updated&dir=desc&limit=50`],
    ['search', () => `q=${encodeURIComponent(fragment())}&limit=50`],
    [
      'search+category',
      () => `q=${encodeURIComponent(fragment())}&category=${category()}&sort=name&limit=50`,
    ],
  ];
  const requests: { kind: string; url: string }[] = [];
  for (let i = 0; i < PER_KIND; i++) {
    for (const [kind, query] of kinds) requests.push({ kind, url: `${base}/vendors?${query()}` });
  }
  return requests;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function run(kind: 'pglite' | 'postgres', xlsx: Buffer) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'smart-bench-inventory-'));
  const pgDb = kind === 'postgres' ? await emptyPostgresDatabase() : null;
  const database = await openDatabase(
    pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'pglite', dataDir },
  );
  try {
    await migrate(database);
    const { app } = await buildApp(database.db, testConfig(), { logger: false });
    await app.ready();
    await importWorkerReady();
    const { admin, orgId } = await setUpFirstOrganization(app);
    const base = `/api/orgs/${orgId}`;
    const headers = { cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' };

    const started = performance.now();
    const boundary = '----smartbench';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="vendors.xlsx"\r\n\r\n`,
      ),
      xlsx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await app.inject({
      method: 'POST',
      url: `${base}/vendor-imports`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.body}`);
    const summary = JSON.parse(uploaded.body);
    const afterUpload = performance.now();
    const body = { mapping: summary.mapping };
    const check = await admin.post(`${base}/vendor-imports/${summary.id}/check`, body);
    const afterCheck = performance.now();
    const commit = await admin.post(`${base}/vendor-imports/${summary.id}/commit`, body);
    const finished = performance.now();
    if (commit.status !== 200) throw new Error(`commit failed: ${commit.raw}`);
    if (check.body.problemCount !== 0) throw new Error('the generated file has problems');

    const byKind = new Map<string, number[]>();
    const all: number[] = [];
    for (const { kind: requestKind, url } of listRequests(base)) {
      const t = performance.now();
      const res = await admin.get(url);
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.raw}`);
      all.push(ms);
      const times = byKind.get(requestKind) ?? [];
      times.push(ms);
      byKind.set(requestKind, times);
    }
    all.sort((a, b) => a - b);
    await app.close();
    return {
      upload: (afterUpload - started) / 1000,
      check: (afterCheck - afterUpload) / 1000,
      commit: (finished - afterCheck) / 1000,
      total: (finished - started) / 1000,
      created: commit.body.vendorsCreated as number,
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      kinds: [...byKind].map(([name, times]) => {
        const sorted = times.sort((a, b) => a - b);
        return { name, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
      }),
    };
  } finally {
    await database.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.argv[2];
  const kinds = (['pglite', 'postgres'] as const).filter((k) => !only || k === only);
  console.log(
    `Vendor inventory at scale (${ROWS.toLocaleString('en-US')} rows; ${PER_KIND * 6} list requests of 6 kinds)`,
  );
  console.log(
    `  CPU: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; Node ${process.version}`,
  );
  const xlsx = await workbook();
  console.log(`  generated XLSX: ${(xlsx.length / 2 ** 20).toFixed(1)} MB`);
  const details: string[] = [];
  console.log(
    '\n  database  | upload+read | check | commit | import total | vendors | list p50 | list p95 | targets',
  );
  for (const kind of kinds) {
    if (kind === 'postgres') {
      const unreachable = await postgresReachable();
      if (unreachable) {
        console.log(`  postgres  | skipped: no PostgreSQL at ${POSTGRES_URL} (${unreachable})`);
        continue;
      }
    }
    try {
      const r = await run(kind, xlsx);
      const ok = r.total < 15 && r.p95 < 100 ? 'met' : 'MISSED';
      console.log(
        `  ${kind.padEnd(9)} | ${r.upload.toFixed(1).padStart(9)} s | ${r.check.toFixed(1)} s | ${r.commit.toFixed(1).padStart(4)} s | ${r.total.toFixed(1).padStart(10)} s | ${r.created} | ${r.p50.toFixed(0).padStart(5)} ms | ${r.p95.toFixed(0).padStart(5)} ms | ${ok}`,
      );
      details.push(
        `  ${kind}: ${r.kinds.map((k) => `${k.name} ${k.p50.toFixed(0)}/${k.p95.toFixed(0)}`).join(', ')}`,
      );
    } catch (err) {
      console.log(`  ${kind.padEnd(9)} | not measured: ${(err as Error).message}`);
    }
  }
  if (details.length > 0) console.log(`\n  list p50/p95 in ms by kind of request:\n${details.join('\n')}`);
}

await main();
// The import worker and the PostgreSQL pools are closed, but a stray handle must not keep the
// benchmark from ending.
process.exit(0);
