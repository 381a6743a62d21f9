// The import worker's tasks, run in this thread: the table kept from the upload (and asked for when
// it is not), the check a commit reuses, and the rows a commit writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMIT_BATCH } from './commit-rows';
import { checkImportRows, planCommit, readFile } from './work';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const ORG = '00000000-0000-4000-8000-000000000001';

function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
}

describe('the import worker', () => {
  it('keeps the table it read, and asks for a table it does not have', async () => {
    const { summary, contentJson } = await readFile(fixture('vendors.xlsx'), 'import-1');
    expect(JSON.parse(contentJson).rows).toHaveLength(3);
    const check = await checkImportRows({ importId: 'import-1' }, summary.mapping, [], []);
    expect(check).toMatchObject({ tableNeeded: false, validRows: 3, problemCount: 0, newVendors: 3 });
    expect(await checkImportRows({ importId: 'never-uploaded' }, summary.mapping, [], [])).toEqual({
      tableNeeded: true,
    });
    const sent = await checkImportRows(
      { importId: 'never-uploaded', content: JSON.parse(contentJson) },
      summary.mapping,
      [],
      [],
    );
    expect(sent).toMatchObject({ tableNeeded: false, validRows: 3 });
    // Sent once, kept after.
    expect(await checkImportRows({ importId: 'never-uploaded' }, summary.mapping, [], [])).toMatchObject({
      tableNeeded: false,
    });
  });

  it("plans the rows a commit writes, in batches, with each new vendor's service summary", async () => {
    const rows = [['Vendor', 'Website', 'Service', 'Category']];
    for (let i = 0; i < COMMIT_BATCH + 10; i++)
      rows.push([`Vendor ${i}`, `v${i}.example`, `Svc ${i}`, 'ehr']);
    rows.push(['Vendor 0', 'v0.example', 'Second Service', 'pacs']);
    const { summary } = await readFile(csv(rows), 'import-2');
    const planned = await planCommit({ importId: 'import-2' }, summary.mapping, [], [], ORG);
    if (planned.tableNeeded || !planned.plan) throw new Error('no plan');
    const { plan } = planned;
    expect(plan).toMatchObject({
      rows: COMMIT_BATCH + 11,
      vendorsCreated: COMMIT_BATCH + 10,
      mergedInto: [],
    });
    expect(plan.servicesCreated).toBe(COMMIT_BATCH + 11);
    expect(plan.vendorBatches).toHaveLength(2);
    const vendors = plan.vendorBatches.flatMap((b) => JSON.parse(b));
    const services = plan.serviceBatches.flatMap((b) => JSON.parse(b));
    const first = vendors.find((v: { name: string }) => v.name === 'Vendor 0');
    const itsServices = services
      .filter((s: { vendorId: string }) => s.vendorId === first.id)
      .sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1));
    expect(first).toMatchObject({ organizationId: ORG, domain: 'v0.example', serviceCount: 2 });
    expect(first.serviceNames).toBe(itsServices.map((s: { name: string }) => s.name).join('\n'));
    // Committed: the worker lets the table go.
    expect(await planCommit({ importId: 'import-2' }, summary.mapping, [], [], ORG)).toEqual({
      tableNeeded: true,
    });
  });

  it('stops a commit on problems, naming them', async () => {
    const { summary } = await readFile(
      csv([
        ['Vendor', 'Category', 'Service'],
        ['', 'ehr', 'x'],
      ]),
      'import-3',
    );
    const planned = await planCommit({ importId: 'import-3' }, summary.mapping, [], [], ORG);
    expect(planned).toMatchObject({ tableNeeded: false, problemCount: 1, plan: null });
  });
});
