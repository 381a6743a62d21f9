// `smart analyze` end to end: the real CLI in a child process for the main paths and exit codes,
// and runAnalyzeCommand in-process for the rest (spawning tsx costs seconds each).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, runAnalyzeCommand } from './analyze';

const root = new URL('../../../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'packages/core/fixtures', `${name}.json`);
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'apps/cli/src/main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function smart(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [main, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'smart-analyze-'));
const malformed = join(dir, 'malformed.json');
const notJson = join(dir, 'not-json.json');
writeFileSync(
  malformed,
  JSON.stringify({
    format: 'smart-model',
    version: 1,
    tlp: 'CLEAR',
    functions: [{ id: 'f', maxTolerableDowntime: '1d' }],
    dependencies: [{ from: 'f', to: 'ghost' }],
  }),
);
writeFileSync(notJson, '{ "format": "smart-model", ');

describe('smart analyze (child process)', () => {
  const runs: Record<string, Run> = {};
  beforeAll(async () => {
    const cases: Record<string, string[]> = {
      table: ['analyze', fixture('one-clearinghouse')],
      scenarioJson: [
        'analyze',
        fixture('one-clearinghouse'),
        '--fail',
        'acme',
        '--duration',
        '3d',
        '--format',
        'json',
      ],
      malformed: ['analyze', malformed],
      notJson: ['analyze', notJson],
    };
    const results = await Promise.all(Object.values(cases).map(smart));
    Object.keys(cases).forEach((name, i) => {
      const result = results[i];
      if (result) runs[name] = result;
    });
  }, 60_000);

  it('prints a readable table of the full analysis by default', () => {
    const { status, stdout, stderr } = runs.table ?? { status: null, stdout: '', stderr: '' };
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('TLP:AMBER  Community hospital: one clearinghouse for all claims');
    for (const title of [
      'Prioritized vendors',
      'Single points of failure',
      'Blast radius',
      'Concentration by service category',
    ]) {
      expect(lines).toContain(title);
    }
    const header = lines.findIndex((l) => l.startsWith('RANK'));
    expect(lines[header + 2]).toMatch(/^1\s+\d+\.\d\s+Acme Health Exchange\s+3 of 3\s+/);
    // Columns line up: every cell of the first row starts where its header does.
    const columns = ['SCORE', 'VENDOR', 'STOPS', 'WORST IMPACT'].map((h) => lines[header]?.indexOf(h) ?? -1);
    for (const at of columns) expect(lines[header + 2]?.[at - 1]).toBe(' ');
    expect(stdout).toContain(
      '1. Acme Health Exchange: If Acme Health Exchange became unavailable without warning',
    );
    expect(Math.max(...lines.filter((l) => l.startsWith('  ')).map((l) => l.length))).toBeLessThanOrEqual(
      100,
    );
  });

  it('runs a scenario with --fail and --duration, as JSON', () => {
    const { status, stdout } = runs.scenarioJson ?? { status: null, stdout: '' };
    expect(status).toBe(0);
    const { tlp, scenario } = JSON.parse(stdout);
    expect(tlp).toBe('AMBER');
    expect(scenario).toMatchObject({ failed: ['acme'], durationHours: 72, workarounds: 'count' });
    expect(scenario.functions.map((f: { id: string; state: string }) => [f.id, f.state])).toEqual([
      ['claims', 'down'],
      ['remittance', 'down'],
      ['eligibility', 'degraded'],
    ]);
  });

  it('names the JSON path of a malformed document and exits with status 2', () => {
    expect(runs.malformed).toEqual({
      status: EXIT_BAD_INPUT,
      stdout: '',
      stderr: `smart analyze: ${malformed} is not a valid SMART model:\n  dependencies[0].to: unknown node id "ghost"\n`,
    });
  });

  it('says when the file is not JSON, and exits with status 2', () => {
    expect(runs.notJson?.status).toBe(EXIT_BAD_INPUT);
    expect(runs.notJson?.stderr).toMatch(new RegExp(`^smart analyze: ${notJson} is not valid JSON: `));
    expect(runs.notJson?.stdout).toBe('');
  });
});

describe('runAnalyzeCommand', () => {
  it('reports an unreadable file plainly', () => {
    expect(runAnalyzeCommand(join(dir, 'missing.json'), {})).toEqual({
      exitCode: EXIT_BAD_INPUT,
      stdout: '',
      stderr: `smart analyze: cannot read ${join(dir, 'missing.json')}: no such file\n`,
    });
    expect(runAnalyzeCommand(dir, {}).stderr).toBe(`smart analyze: cannot read ${dir}: it is a directory\n`);
  });

  it('rejects unknown ids, durations and formats with status 2', () => {
    const path = fixture('one-clearinghouse');
    expect(runAnalyzeCommand(path, { fail: 'acme,nobody' })).toMatchObject({
      exitCode: EXIT_BAD_INPUT,
      stderr: 'smart analyze: --fail: unknown node id "nobody"\n',
    });
    expect(runAnalyzeCommand(path, { duration: 'soon' }).exitCode).toBe(EXIT_BAD_INPUT);
    expect(runAnalyzeCommand(path, { format: 'xml' })).toMatchObject({
      exitCode: EXIT_BAD_INPUT,
      stderr: 'smart analyze: --format: expected one of table, json, markdown, got "xml"\n',
    });
    expect(runAnalyzeCommand(path, { workarounds: 'maybe' }).exitCode).toBe(EXIT_BAD_INPUT);
  });

  it('prints Markdown tables', () => {
    const { exitCode, stdout } = runAnalyzeCommand(fixture('two-clearinghouses-one-host'), {
      format: 'markdown',
    });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('# TLP:GREEN  Two clearinghouses that run on one cloud host');
    expect(stdout).toContain('| RANK | SCORE | VENDOR | STOPS | WORST IMPACT | PATIENT RECORDS | SECTOR |');
    expect(stdout).toContain('| 1 | 70.0 | Nimbus Cloud | 1 of 1 | major financial | - | - |');
    expect(stdout).toContain(
      '- False redundancy: The redundancy of Submit claim to payer is false: Alpha clearinghouse and Beta clearinghouse both depend on Nimbus Cloud us-east region (host)',
    );
  });

  it('prints the scenario as a table, with the workaround a function relies on', () => {
    const { exitCode, stdout } = runAnalyzeCommand(fixture('rural-clinic-bundled-vendor'), {
      fail: 'prairie-cloud',
      duration: '1d',
    });
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/Clinical documentation\s+degraded\s+0h\s+-\s+8h\s+-\s+-/);
    expect(stdout).toContain(
      'Clinical documentation relies on the workaround "Paper charting" (50% capacity, 2 extra staff)',
    );
    expect(stdout).toMatch(/Billing and coding\s+down\s+-\s+0h\s+5d\s+-\s+-/);
  });

  it('counts workarounds in the full analysis when asked', () => {
    const path = fixture('one-clearinghouse');
    const ignored = JSON.parse(runAnalyzeCommand(path, { format: 'json', duration: '3d' }).stdout);
    const counted = JSON.parse(
      runAnalyzeCommand(path, { format: 'json', duration: '3d', workarounds: 'count' }).stdout,
    );
    const eligibility = (a: { singlePoints: Array<{ function: { id: string }; singlePoints: string[] }> }) =>
      a.singlePoints.find((s) => s.function.id === 'eligibility')?.singlePoints;
    expect(eligibility(ignored.analysis)).toContain('acme');
    expect(eligibility(counted.analysis)).toEqual(['check-eligibility']);
  });

  it('ranks vendors with the weights given, and names a wrong weight', () => {
    const path = fixture('rural-clinic-bundled-vendor');
    const ranking = (weights?: string) => {
      const result = runAnalyzeCommand(path, { format: 'json', ...(weights ? { weights } : {}) });
      const priorities: Array<{ vendor: { id: string }; score: number }> = JSON.parse(result.stdout).analysis
        .priorities;
      return { weights: JSON.parse(result.stdout).analysis.options.weights, priorities };
    };
    const byDefault = ranking();
    const onlyPhi = ranking('blastRadius=0,impact=0,noMitigation=0,sectorConcentration=0,phi=100');
    expect(onlyPhi.weights).toEqual({
      blastRadius: 0,
      impact: 0,
      noMitigation: 0,
      phi: 100,
      sectorConcentration: 0,
    });
    expect(byDefault.weights.blastRadius).toBe(35);
    expect(onlyPhi.priorities.map((p) => p.score)).not.toEqual(byDefault.priorities.map((p) => p.score));

    const unknown = runAnalyzeCommand(path, { weights: 'popularity=5' });
    expect(unknown.exitCode).toBe(EXIT_BAD_INPUT);
    expect(unknown.stderr).toMatch(/--weights: unknown factor "popularity"; the factors are blastRadius, /);
    const outOfRange = runAnalyzeCommand(path, { weights: 'phi=200' });
    expect(outOfRange.stderr).toMatch(/--weights: phi must be a number from 0 to 100, got "200"/);
  });
});
