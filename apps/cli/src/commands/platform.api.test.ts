// The `smart` command as an operator uses it: migrate, export an embedded install, import it into
// the database under test, verify the audit chains, and get clear errors for bad input.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@smart/server/db/client';
import { migrate } from '@smart/server/db/migrate';
import { loadDemo } from '@smart/server/demo/demo';
import { emptyPostgresDatabase, TEST_DB } from '@smart/server/test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const main = path.join(repoRoot, 'apps/cli/src/main.ts');

function smart(args: string[], input?: string) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SMART_DATA_DIR;
  const r = spawnSync(tsx, [main, ...args], { cwd: repoRoot, env, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe(`smart export, import and audit verify into ${TEST_DB}`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smart-cli-'));
  const source = path.join(work, 'source');
  let target: string[] = [];
  let dropTarget = async () => {};

  beforeAll(async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: source });
    await migrate(db);
    await loadDemo(db.db);
    await db.close();
    if (TEST_DB === 'postgres') {
      const empty = await emptyPostgresDatabase();
      target = ['--database-url', empty.url];
      dropTarget = empty.drop;
    } else {
      target = ['--data', path.join(work, 'target')];
    }
  });
  afterAll(async () => {
    await dropTarget();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('migrates a new database and says so', () => {
    const r = smart(['migrate', ...target]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/is up to date/);
  });

  it('moves the demo organization with its audit chain intact', () => {
    const exported = smart(['export', '--org', 'riverbend', '--data', source]);
    expect(exported.status).toBe(0);
    const doc = JSON.parse(exported.stdout);
    expect(doc.organization.slug).toBe('riverbend');
    const file = path.join(work, 'riverbend.json');
    fs.writeFileSync(file, exported.stdout);

    const imported = smart(['import', file, ...target]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Imported organization "riverbend" .*5 accounts created, 0 matched/);

    const verified = smart(['audit', 'verify', ...target]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^OK +riverbend: /m);

    const back = smart(['export', '--org', 'riverbend', ...target]);
    const { exportedAt: _a, ...moved } = JSON.parse(back.stdout);
    const { exportedAt: _b, ...original } = doc;
    expect(moved).toEqual(original);
  });

  it('reads an export from standard input and refuses to import an organization twice', () => {
    const exported = smart(['export', '--org', 'riverbend', '--data', source]);
    const again = smart(['import', '-', ...target], exported.stdout);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/riverbend.*already exists/);
  });

  it('reports a tampered audit log with exit status 1', async () => {
    const db = await openDatabase(
      TEST_DB === 'postgres'
        ? { kind: 'postgres', url: target[1] ?? '' }
        : { kind: 'pglite', dataDir: target[1] ?? '' },
    );
    // Only an owner who switches the append-only triggers off can do this; the chain still shows it.
    await db.execScript(`ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET action = 'member.removed' WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER USER;`);
    await db.close();
    const verified = smart(['audit', 'verify', '--org', 'riverbend', ...target]);
    expect(verified.status).toBe(1);
    expect(verified.stdout).toMatch(/^BROKEN riverbend: .*2/m);
  });

  it('names what is wrong with bad input', () => {
    const missing = smart(['export', '--org', 'no-such-org', '--data', source]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-org/);

    const notJson = path.join(work, 'not.json');
    fs.writeFileSync(notJson, 'name,slug\nA,a\n');
    const bad = smart(['import', notJson, ...target]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not\.json is not valid JSON/);

    const notExport = path.join(work, 'other.json');
    fs.writeFileSync(notExport, JSON.stringify({ hello: 'world' }));
    const wrong = smart(['import', notExport, ...target]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/smart: /);
    expect(wrong.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const unreadable = smart(['import', path.join(work, 'absent.json'), ...target]);
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(/cannot read .*absent\.json: ENOENT/);
  });
});
