// `npm run bench` (second part): the vendor inventory at scale, on PGlite and on PostgreSQL.
//   - importing a 50,000-row XLSX through the API, end to end (upload, check, commit);
//   - listing, filtering and searching the 50,000 vendors: 95th percentile of 300 requests.
// Targets: import under 15 s; list/filter/search under 100 ms at the 95th percentile.
//
//   tsx bench/inventory.ts            both databases (PostgreSQL from TEST_DATABASE_URL or 127.0.0.1:5432)
//   tsx bench/inventory.ts pglite     one of them
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildApp } from '../apps/server/src/app';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { emptyPostgresDatabase, setUpFirstOrganization, testConfig } from '../apps/server/src/test/harness';

const ROWS = 50_000;
const QUERIES = 300;
const CATEGORIES = [
  'clearinghouse',
  'ehr',
  'lis',
  'pacs',
  'cloud-hosting',
  'pharmacy-switch',
  'eligibility-verification',
];

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(kind: 'pglite' | 'postgres', xlsx: Buffer) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'smart-bench-inventory-'));
  const pg = kind === 'postgres' ? await emptyPostgresDatabase() : null;
  const database = await openDatabase(pg ? { kind: 'postgres', url: pg.url } : { kind: 'pglite', dataDir });
  try {
    await migrate(database);
    const { app } = await buildApp(database.db, testConfig(), { logger: false });
    await app.ready();
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
    const summary = JSON.parse(uploaded.body);
    const afterUpload = performance.now();
    const body = { mapping: summary.mapping };
    const check = await admin.post(`${base}/vendor-imports/${summary.id}/check`, body);
    const afterCheck = performance.now();
    const commit = await admin.post(`${base}/vendor-imports/${summary.id}/commit`, body);
    const finished = performance.now();
    if (commit.status !== 200) throw new Error(`commit failed: ${commit.raw}`);
    if (check.body.problemCount !== 0) throw new Error('the generated file has problems');

    const random = seeded(7);
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      if (i % 3 === 0) return `${base}/vendors?sort=name&offset=${Math.floor(random() * 49_000)}&limit=50`;
      if (i % 3 === 1)
        return `${base}/vendors?q=${Math.floor(random() * 40_000)
          .toString(36)
          .toUpperCase()}&limit=50`;
      return `${base}/vendors?category=${CATEGORIES[i % CATEGORIES.length]}&sort=updated&dir=desc&limit=50`;
    });
    const times: number[] = [];
    for (const url of queries) {
      const t = performance.now();
      const res = await admin.get(url);
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    }
    times.sort((a, b) => a - b);
    await app.close();
    return {
      kind,
      upload: (afterUpload - started) / 1000,
      check: (afterCheck - afterUpload) / 1000,
      commit: (finished - afterCheck) / 1000,
      total: (finished - started) / 1000,
      created: commit.body.vendorsCreated as number,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    };
  } finally {
    await database.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.argv[2];
  const kinds = (['pglite', 'postgres'] as const).filter((k) => !only || k === only);
  console.log(`Vendor inventory at scale (${ROWS.toLocaleString('en-US')} rows; ${QUERIES} list requests)`);
  console.log(
    `  CPU: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores; Node ${process.version}`,
  );
  const xlsx = await workbook();
  console.log(`  generated XLSX: ${(xlsx.length / 2 ** 20).toFixed(1)} MB`);
  console.log(
    '\n  database  | upload+read | check | commit | import total | vendors | list p50 | list p95 | targets',
  );
  for (const kind of kinds) {
    try {
      const r = await run(kind, xlsx);
      const ok = r.total < 15 && r.p95 < 100 ? 'met' : 'MISSED';
      console.log(
        `  ${kind.padEnd(9)} | ${r.upload.toFixed(1).padStart(9)} s | ${r.check.toFixed(1)} s | ${r.commit.toFixed(1).padStart(4)} s | ${r.total.toFixed(1).padStart(10)} s | ${r.created} | ${r.p50.toFixed(0).padStart(5)} ms | ${r.p95.toFixed(0).padStart(5)} ms | ${ok}`,
      );
    } catch (err) {
      console.log(`  ${kind.padEnd(9)} | not measured: ${(err as Error).message}`);
    }
  }
}

await main();
