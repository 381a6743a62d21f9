// `npm run bench` (fourth part): the organization-wide analysis API at organization scale, on PGlite.
// Ten maps of about 2,600 nodes each (copies of the sector templates' workflows, bench/workflows-model.ts)
// are created through the API; the organization model is then about 20,000 nodes. Measured:
//   - GET /analysis cold: after a map change, so the model is assembled, compiled and analysed again;
//   - GET /analysis warm: the same inputs, answered from memory after a fingerprint query;
//   - POST /analysis/scenario: a vendor fails for two weeks (different vendors in turn).
// 50 requests of each, over HTTP; p50 and p95 against the 1 s target, and the longest the event
// loop was held during those requests (what other requests to the same server would wait).
//
//   tsx bench/analysis-api.ts [requests]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clearAnalysisCache } from '../apps/server/src/analysis/analysis.service';
import { buildApp } from '../apps/server/src/app';
import { openDatabase } from '../apps/server/src/db/client';
import { migrate } from '../apps/server/src/db/migrate';
import { setUpFirstOrganization, testConfig } from '../apps/server/src/test/harness';
import { workflowsModel } from './workflows-model';

const MAPS = 10;
const NODES_PER_MAP = 2_600;
const REQUESTS = Number(process.argv[2] ?? 50);
const TARGET_MS = 1_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
}

async function main() {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(database);
  const { app } = await buildApp(database.db, testConfig(), { logger: false });
  const { admin, orgId } = await setUpFirstOrganization(app, 'bench');
  const api = `/api/orgs/${orgId}`;

  const { model, nodes } = workflowsModel(NODES_PER_MAP);
  const maps: { id: string; version: number }[] = [];
  const started = performance.now();
  for (let i = 0; i < MAPS; i++) {
    const res = await admin.post(`${api}/maps`, {
      name: `Workflows ${i + 1}`,
      model: { ...model, name: `Workflows ${i + 1}` },
    });
    if (res.status !== 201)
      throw new Error(`creating map ${i + 1} failed: ${res.status} ${res.raw.slice(0, 300)}`);
    maps.push({ id: res.body.id, version: res.body.version ?? 1 });
  }
  console.log(
    `\n  ${MAPS} maps of ${nodes.toLocaleString('en-US')} nodes created through the API in ${((performance.now() - started) / 1000).toFixed(1)} s (PGlite)`,
  );

  const first = await admin.get(`${api}/analysis`);
  if (first.status !== 200)
    throw new Error(`GET /analysis failed: ${first.status} ${first.raw.slice(0, 300)}`);
  const body = first.body as {
    summary: { nodes: number; dependencies: number; functions: number; vendors: number };
    nodes: { id: string; kind: string }[];
    maps: { included: boolean }[];
  };
  const vendors = body.nodes.filter((n) => n.kind === 'vendor').map((n) => n.id);
  console.log(
    `  organization model: ${body.summary.nodes.toLocaleString('en-US')} nodes, ${body.summary.dependencies.toLocaleString('en-US')} dependencies, ${body.summary.functions} functions, ${body.summary.vendors} vendors; ${body.maps.filter((m) => m.included).length} maps included; response ${(first.raw.length / 1e6).toFixed(1)} MB`,
  );

  // Requests over HTTP, as a browser makes them: the 7 MB answer is written to a socket and read.
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = {
    cookie: admin.cookie ?? '',
    'x-csrf-token': admin.csrf ?? '',
    'content-type': 'application/json',
  };
  const http = (path: string, body?: unknown) => async () => {
    const res = await fetch(`${address}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, raw: await res.text() };
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  /** Times one request; the event loop's delay is recorded during it only. */
  const time = async (work: () => Promise<{ status: number; raw: string }>) => {
    loop.enable();
    const t0 = performance.now();
    const res = await work();
    const ms = performance.now() - t0;
    loop.disable();
    if (res.status !== 200) throw new Error(`request failed: ${res.status} ${res.raw.slice(0, 300)}`);
    return ms;
  };

  // Cold: a map changes (a step renamed), then the analysis is asked for.
  const cold: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const map = maps[i % maps.length];
    if (!map) break;
    const edited = structuredClone(model);
    const step = edited.processSteps[i % edited.processSteps.length];
    if (step) step.label = `Renamed for run ${i}`;
    const saved = await admin.request('PUT', `${api}/maps/${map.id}`, {
      version: map.version,
      model: edited,
    });
    if (saved.status !== 200)
      throw new Error(`saving a map failed: ${saved.status} ${saved.raw.slice(0, 300)}`);
    map.version++;
    cold.push(await time(http(`${api}/analysis`)));
  }
  const coldLoopMax = loop.max / 1e6;
  loop.reset();

  // Cold in the strict sense once: nothing in memory at all (a server just started).
  await clearAnalysisCache();
  const fresh = await time(http(`${api}/analysis`));
  loop.reset();

  const warm: number[] = [];
  for (let i = 0; i < REQUESTS; i++) warm.push(await time(http(`${api}/analysis`)));
  const warmLoopMax = loop.max / 1e6;
  loop.reset();

  const scenario: number[] = [];
  loop.enable();
  for (let i = 0; i < REQUESTS; i++) {
    const failed = [vendors[(i * 7) % vendors.length] ?? ''];
    scenario.push(await time(() => admin.post(`${api}/analysis/scenario`, { failed, durationHours: 336 })));
  }
  loop.disable();
  const scenarioLoopMax = loop.max / 1e6;

  const rows = [
    ['GET /analysis, cold (after a map change)', summary(cold), coldLoopMax],
    ['GET /analysis, warm', summary(warm), warmLoopMax],
    ['POST /analysis/scenario', summary(scenario), scenarioLoopMax],
  ] as const;
  console.log(
    `\n  request (${REQUESTS} each)                     |   p50   |   p95   |   max   | event loop held | 1 s target`,
  );
  for (const [name, s, held] of rows) {
    console.log(
      `  ${name.padEnd(44)} | ${s.p50.toFixed(0).padStart(4)} ms | ${s.p95.toFixed(0).padStart(4)} ms | ${s.max.toFixed(0).padStart(4)} ms | ${held.toFixed(0).padStart(10)} ms | ${s.p95 < TARGET_MS ? 'met' : 'MISSED'}`,
    );
  }
  console.log(`  GET /analysis with nothing in memory (one request): ${fresh.toFixed(0)} ms`);
  await app.close();
  await database.close();
}

await main();
// The analysis worker and the HTTP client's pooled connections would keep the process waiting.
process.exit(0);
