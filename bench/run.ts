// `npm run bench`: the full SMART analysis of seeded generated models at organization and sector
// scale, each case in a fresh child process (so peak memory is its own), beside the NetworkX peer
// on the same document (bench/networkx_peer.py). Prints the machine and a table of figures.
//
//   tsx bench/run.ts                 every case
//   tsx bench/run.ts organization    the cases whose name starts with "organization"
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { nodesFunctionsDependOn, sweepFailOne } from '../packages/core/src/analysis/fail-one';
import {
  analyzeModel,
  compileModel,
  DEFAULT_HORIZON_HOURS,
  type FullAnalysis,
  type SmartModel,
  singlePointsOfFailure,
} from '../packages/core/src/index';
import { generateModel, type ModelSpec, type Structure } from './generate-model';

const SEED = 20_240_601;

interface BenchCase {
  name: string;
  spec: Omit<ModelSpec, 'structure'>;
  structure: Structure;
  target: { seconds: number; megabytes: number };
  /** Candidates NetworkX fails one by one before its time is extrapolated to all (undefined: all). */
  networkxSample?: number;
}

const ORGANIZATION = {
  functions: 300,
  steps: 10_000,
  systems: 2_000,
  services: 5_000,
  vendors: 2_000,
  infrastructureVendors: 50,
  hosts: 700,
  dependencies: 60_000,
};
const SECTOR = {
  functions: 3_000,
  steps: 175_000,
  systems: 35_000,
  services: 80_000,
  vendors: 30_000,
  infrastructureVendors: 500,
  hosts: 10_000,
  dependencies: 1_000_000,
};
const ORGANIZATION_TARGET = { seconds: 1, megabytes: 500 };
const SECTOR_TARGET = { seconds: 15, megabytes: 4096 };

const CASES: BenchCase[] = [
  {
    name: 'organization/alternatives',
    spec: ORGANIZATION,
    structure: 'alternatives',
    target: ORGANIZATION_TARGET,
  },
  { name: 'organization/mixed', spec: ORGANIZATION, structure: 'mixed', target: ORGANIZATION_TARGET },
  { name: 'sector/alternatives', spec: SECTOR, structure: 'alternatives', target: SECTOR_TARGET },
  {
    name: 'sector/mixed',
    spec: SECTOR,
    structure: 'mixed',
    target: SECTOR_TARGET,
    networkxSample: 3_000,
  },
];

/** What a measuring child reports. */
interface OurFigures {
  nodes: number;
  dependencies: number;
  compileSeconds: number;
  analysisSeconds: number;
  /** In a process of its own: compile, then only single points of failure (NetworkX's job). */
  sameJobSeconds: number;
  maxRssMb: number;
  /** (function, single point of failure) pairs, in all and among the sampled candidates. */
  pairs: number;
  samplePairs: number;
}

interface PeerFigures {
  buildSeconds: number;
  algorithmSeconds: number;
  measuredSeconds?: number;
  maxRssMb: number;
  pairs: number;
  candidates?: number;
  ran?: number;
}

function modelOf(benchCase: BenchCase): SmartModel {
  return generateModel({ ...benchCase.spec, structure: benchCase.structure }, SEED);
}

/** Every n-th candidate (a node some function depends on), so that both sides run the same sample. */
function sampleOf(model: SmartModel, size: number | undefined): string[] {
  const graph = compileModel(model);
  const candidates = [...nodesFunctionsDependOn(graph)];
  const step = size === undefined ? 1 : Math.max(1, Math.ceil(candidates.length / size));
  return candidates.filter((_, i) => i % step === 0).map((node) => graph.ids[node] ?? '');
}

function pairsAmong(analysis: FullAnalysis, sample: ReadonlySet<string>): number {
  return analysis.singlePoints.reduce(
    (sum, s) => sum + s.singlePoints.filter((id) => sample.has(id)).length,
    0,
  );
}

/** Child: generate the model, then time compiling it and finding single points of failure only. */
function measureSameJob(benchCase: BenchCase): number {
  const model = modelOf(benchCase);
  const started = performance.now();
  const graph = compileModel(model);
  singlePointsOfFailure(
    graph,
    sweepFailOne(graph, { workarounds: 'ignore', horizonHours: DEFAULT_HORIZON_HOURS }),
  );
  return (performance.now() - started) / 1000;
}

/** Child: generate the model, then time compiling and analyzing it. */
function measure(benchCase: BenchCase): Omit<OurFigures, 'sameJobSeconds'> {
  const model = modelOf(benchCase);
  const started = performance.now();
  const graph = compileModel(model);
  const compiled = performance.now();
  const analysis = analyzeModel(graph);
  const finished = performance.now();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const sample = new Set(sampleOf(model, benchCase.networkxSample));
  return {
    nodes: graph.nodeCount,
    dependencies: graph.dependencies.nodes.length,
    compileSeconds: (compiled - started) / 1000,
    analysisSeconds: (finished - compiled) / 1000,
    maxRssMb,
    pairs: analysis.singlePoints.reduce((sum, s) => sum + s.singlePoints.length, 0),
    samplePairs: pairsAmong(analysis, sample),
  };
}

/** Child: write the model document (with the sample NetworkX runs on) for the peer. */
function writeDocument(benchCase: BenchCase, file: string): void {
  const model = modelOf(benchCase);
  writeFileSync(file, JSON.stringify({ ...model, benchSample: sampleOf(model, benchCase.networkxSample) }));
}

function runChild(args: string[]): string {
  const script = new URL(import.meta.url).pathname;
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${child.stderr}`);
  return child.stdout;
}

function runPeer(file: string, benchCase: BenchCase): PeerFigures | string {
  const mode = benchCase.structure === 'alternatives' ? 'dominators' : 'propagate';
  const args = [new URL('./networkx_peer.py', import.meta.url).pathname, file, mode];
  if (benchCase.networkxSample !== undefined && mode === 'propagate') args.push('sample');
  const peer = spawnSync('python3', args, { encoding: 'utf8' });
  if (peer.status !== 0) return `NetworkX peer failed: ${peer.stderr.trim().split('\n').at(-1) ?? ''}`;
  return JSON.parse(peer.stdout) as PeerFigures;
}

function machine(): string[] {
  const cpus = os.cpus();
  const python = spawnSync(
    'python3',
    ['-c', 'import networkx, sys; print(sys.version.split()[0], networkx.__version__)'],
    {
      encoding: 'utf8',
    },
  );
  const [pythonVersion, networkxVersion] = python.stdout.trim().split(' ');
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores (${os.availableParallelism()} available)`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `Node ${process.version} (${os.platform()} ${os.arch()}); Python ${pythonVersion ?? '?'}, NetworkX ${networkxVersion ?? 'not installed'}`,
  ];
}

const seconds = (s: number) => (s < 10 ? s.toFixed(3) : s.toFixed(1));
const ratio = (ours: number, peer: number) => `${(ours / peer).toFixed(3)} (${Math.round(peer / ours)}x)`;

function row(benchCase: BenchCase, ours: OurFigures, peer: PeerFigures | string): string[] {
  const total = ours.compileSeconds + ours.analysisSeconds;
  const met = total < benchCase.target.seconds && ours.maxRssMb < benchCase.target.megabytes;
  const ourSide = [
    benchCase.name,
    String(ours.nodes),
    String(ours.dependencies),
    `${seconds(total)} s (${seconds(ours.compileSeconds)} + ${seconds(ours.analysisSeconds)})`,
    `${Math.round(ours.maxRssMb)} MB`,
    `< ${benchCase.target.seconds} s, < ${benchCase.target.megabytes} MB: ${met ? 'met' : 'MISSED'}`,
  ];
  if (typeof peer === 'string') return [...ourSide, peer, '-', '-', '-'];
  const peerTotal = peer.buildSeconds + peer.algorithmSeconds;
  const extrapolated = peer.ran !== undefined && peer.candidates !== undefined && peer.ran < peer.candidates;
  const agree = extrapolated ? peer.pairs === ours.samplePairs : peer.pairs === ours.pairs;
  return [
    ...ourSide,
    `${seconds(peerTotal)} s${extrapolated ? ` (extrapolated from ${peer.ran} of ${peer.candidates})` : ''}`,
    `${Math.round(peer.maxRssMb)} MB`,
    `${ratio(total, peerTotal)}; same job ${ratio(ours.sameJobSeconds, peerTotal)}`,
    `${agree ? 'yes' : 'NO'} (${extrapolated ? ours.samplePairs : ours.pairs} pairs)`,
  ];
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function main(): void {
  const [command, name, file] = process.argv.slice(2);
  const byName = (n: string | undefined) => CASES.find((c) => c.name === n);
  if (command === '--measure') {
    const benchCase = byName(name);
    if (benchCase) process.stdout.write(JSON.stringify(measure(benchCase)));
    return;
  }
  if (command === '--measure-same-job') {
    const benchCase = byName(name);
    if (benchCase) process.stdout.write(JSON.stringify(measureSameJob(benchCase)));
    return;
  }
  if (command === '--write') {
    const benchCase = byName(name);
    if (benchCase && file) writeDocument(benchCase, file);
    return;
  }
  const cases = CASES.filter((c) => c.name.startsWith(command ?? ''));
  console.log('SMART benchmark: full analysis (single points of failure of every function, blast radius,');
  console.log('concentration, vendor ranking) of seeded generated models; each case in a fresh process.');
  for (const line of machine()) console.log(`  ${line}`);
  const directory = mkdtempSync(join(os.tmpdir(), 'smart-bench-'));
  const rows: string[][] = [];
  try {
    for (const benchCase of cases) {
      console.log(`\n${benchCase.name}: measuring SMART, then NetworkX…`);
      const ours: OurFigures = {
        ...(JSON.parse(runChild(['--measure', benchCase.name])) as Omit<OurFigures, 'sameJobSeconds'>),
        sameJobSeconds: Number(runChild(['--measure-same-job', benchCase.name])),
      };
      const document = join(directory, `${benchCase.name.replace('/', '-')}.json`);
      runChild(['--write', benchCase.name, document]);
      const peer = runPeer(document, benchCase);
      rows.push(row(benchCase, ours, peer));
      rmSync(document, { force: true });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.log('');
  printTable(
    [
      'CASE',
      'NODES',
      'DEPENDENCIES',
      'SMART (compile + analysis)',
      'SMART PEAK RSS',
      'TARGET',
      'NETWORKX',
      'NX PEAK RSS',
      'OURS/NX',
      'SAME ANSWERS',
    ],
    rows,
  );
  console.log(
    '\nNetworkX: "alternatives" = immediate_dominators on the acyclic all-alternatives map (single points of',
  );
  console.log(
    'failure only); "mixed" = fail each node alone and propagate (all-of, k-of-n groups, cycles). NetworkX times',
  );
  console.log(
    'include building its graph, not reading JSON; SMART times include compiling its graph. "Same job":',
  );
  console.log('SMART compiling and finding single points of failure only, in a process of its own.');
}

main();
