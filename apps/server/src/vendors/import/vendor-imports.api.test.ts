// Importing the inventory from a spreadsheet over the API: upload, dry run, commit all or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setUpFirstOrganization, type TestApp, testApp } from '../../test/harness';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

describe('importing vendors from a spreadsheet', () => {
  let t: TestApp;
  let admin: Client;
  let base: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    base = `/api/orgs/${a.orgId}`;
  });
  afterAll(() => t.close());

  async function upload(filename: string, bytes: Buffer) {
    const boundary = `----smart${Date.now()}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/vendor-imports`,
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrf ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  }
  const vendorCount = async () => (await admin.get(`${base}/vendors`)).body.total as number;

  it('reads the file, guesses the mapping, checks every row, then imports them all', async () => {
    const uploaded = await upload('vendors.xlsx', fixture('vendors.xlsx'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ format: 'xlsx', sheet: 'Vendors', rowCount: 3, status: 'ready' });
    expect(uploaded.body.mapping).toMatchObject({ vendorName: 0, domain: 2, category: 6 });
    expect(uploaded.body.sample[0][0]).toBe('Acme Claims Exchange');
    const mapping = uploaded.body.mapping;

    const check = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, { mapping });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      rows: 3,
      validRows: 3,
      problemCount: 0,
      vendorsInFile: 3,
      newVendors: 3,
      services: 3,
      suggestions: [],
    });
    expect(await vendorCount()).toBe(0);

    const commit = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, { mapping });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ vendorsCreated: 3, servicesCreated: 3, addedToExisting: 0 });
    const list = (await admin.get(`${base}/vendors?sort=name`)).body;
    expect(list.items.map((v: { name: string }) => v.name)).toEqual([
      'Acme Claims Exchange',
      'Café Médical “Lab” Services',
      'Nimbus Cloud, Inc.',
    ]);
    expect(list.items[0]).toMatchObject({
      domain: 'acmeclaims.example',
      categories: ['clearinghouse'],
      phiRecords: 250000,
    });
    const status = (await admin.get(`${base}/vendor-imports/${uploaded.body.id}`)).body;
    expect(status).toMatchObject({ status: 'committed', result: { vendorsCreated: 3 } });
    const audit = (await admin.get(`${base}/audit?action=vendors.imported`)).body.entries;
    expect(audit).toHaveLength(1);

    const again = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, { mapping });
    expect(again.status).toBe(409);
  });

  it('adds the services of vendors already in the inventory to them instead of duplicating them', async () => {
    const before = await vendorCount();
    const uploaded = await upload('vendors-windows1252.csv', fixture('vendors-windows1252.csv'));
    expect(uploaded.body.encoding).toBe('windows-1252');
    const { mapping } = uploaded.body;
    const check = (await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, { mapping })).body;
    expect(check.newVendors).toBe(0);
    expect(
      check.suggestions.map((m: { name: string; reason: string; target: { name: string } }) => [
        m.name,
        m.reason,
        m.target.name,
      ]),
    ).toEqual([
      ['Acme Claims Exchange', 'same domain', 'Acme Claims Exchange'],
      ['Nimbus Cloud, Inc.', 'same domain', 'Nimbus Cloud, Inc.'],
      ['Café Médical “Lab” Services', 'same domain', 'Café Médical “Lab” Services'],
    ]);
    const commit = (await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, { mapping })).body;
    expect(commit).toEqual({ vendorsCreated: 0, servicesCreated: 3, addedToExisting: 3 });
    expect(await vendorCount()).toBe(before);
  });

  it('suggests merges of vendors already known, and follows the accepted and rejected ones', async () => {
    const csv = [
      'Vendor,Website,Service,Category',
      // Nearly the name of a vendor in the inventory: suggested, merged only when accepted.
      'Acme Claim Exchange,,Eligibility checks,eligibility-verification',
      // Same domain as a vendor in the inventory: merged unless rejected.
      'Nimbus Hosting,nimbus-cloud.example,Backups,cloud-hosting',
      // Two spellings of one new vendor in the file, on one domain.
      'Delta Imaging,deltaimaging.example,PACS,pacs',
      'Delta Imaging Group,deltaimaging.example,Radiology reading,teleradiology',
      // Numbered names are not "similar".
      'Riverside Clinic 1,,Scheduling,practice-management',
      'Riverside Clinic 2,,Scheduling,practice-management',
    ].join('\n');
    const uploaded = await upload('merges.csv', Buffer.from(csv));
    expect(uploaded.status).toBe(201);
    const { mapping } = uploaded.body;
    const check = (await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, { mapping })).body;
    type Suggestion = {
      rowNumber: number;
      reason: string;
      mergeByDefault: boolean;
      target: { kind: string; name: string; vendorId?: string; rowNumber?: number };
    };
    const suggestions: Suggestion[] = check.suggestions;
    expect(
      suggestions.map((s) => [s.rowNumber, s.reason, s.target.kind, s.target.name, s.mergeByDefault]),
    ).toEqual([
      [2, 'similar name', 'vendor', 'Acme Claims Exchange', false],
      [3, 'same domain', 'vendor', 'Nimbus Cloud, Inc.', true],
      [5, 'same domain', 'row', 'Delta Imaging', true],
    ]);
    expect(check).toMatchObject({ vendorsInFile: 6, newVendors: 4 });
    const target = (s: Suggestion | undefined) =>
      s?.target.kind === 'vendor' ? `vendor:${s.target.vendorId}` : `row:${s?.target.rowNumber}`;
    const merges = [
      { rowNumber: 2, accept: true, target: target(suggestions[0]) },
      { rowNumber: 3, accept: false, target: target(suggestions[1]) },
    ];
    const decided = (
      await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, { mapping, merges })
    ).body;
    expect(decided.newVendors).toBe(4);

    const stale = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, {
      mapping,
      merges: [{ rowNumber: 2, accept: true, target: 'vendor:00000000-0000-4000-8000-000000000000' }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/row 2 is not the one you answered/);

    const before = await vendorCount();
    const commit = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, { mapping, merges });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ vendorsCreated: 4, servicesCreated: 6, addedToExisting: 1 });
    expect(await vendorCount()).toBe(before + 4);
    const acme = (await admin.get(`${base}/vendors?q=${encodeURIComponent('Acme Claims Exchange')}`)).body
      .items[0];
    expect(acme.categories).toEqual(['clearinghouse', 'eligibility-verification']);
    const delta = (await admin.get(`${base}/vendors?q=delta`)).body.items;
    expect(delta).toHaveLength(1);
    expect(delta[0]).toMatchObject({ name: 'Delta Imaging', aliases: ['Delta Imaging Group'], services: 2 });
    expect((await admin.get(`${base}/vendors?q=${encodeURIComponent('Nimbus Hosting')}`)).body.total).toBe(1);
  });

  it('names each bad row and column, and imports nothing while any row is wrong', async () => {
    const before = await vendorCount();
    const csv =
      'Vendor,Website,Contact email,Category\nGood Labs,goodlabs.example,a@goodlabs.example,lis\nBad Co,bad co,bob@,magic\n';
    const uploaded = await upload('bad.csv', Buffer.from(csv));
    const { mapping } = uploaded.body;
    const check = (await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, { mapping })).body;
    expect(check).toMatchObject({ rows: 2, validRows: 1, problemCount: 3 });
    expect(
      check.problems.map((p: { rowNumber: number; column: string }) => `${p.rowNumber}:${p.column}`),
    ).toEqual(['3:Website', '3:Contact email', '3:Category']);
    const commit = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/commit`, { mapping });
    expect(commit.status).toBe(400);
    expect(commit.body.error.message).toBe(
      '3 rows have problems; nothing was imported. Fix the file or the column mapping, then try again.',
    );
    expect(commit.body.error.issues[0]).toEqual({
      path: 'row 3, Website',
      message: '“bad co” is not a web address or domain.',
    });
    expect(await vendorCount()).toBe(before);

    const wrongColumn = await admin.post(`${base}/vendor-imports/${uploaded.body.id}/check`, {
      mapping: { vendorName: 9 },
    });
    expect(wrongColumn.status).toBe(400);
    expect(wrongColumn.body.error.message).toBe('The file has no column 10 for “vendorName”.');
  });

  it('refuses files that are not spreadsheets, or too large, with a clear message and nothing kept', async () => {
    const pdf = await upload('inventory.csv', fixture('not-a-spreadsheet.pdf'));
    expect(pdf.status).toBe(422);
    expect(pdf.body.error.message).toBe(
      'This is a PDF document, not a spreadsheet. Upload a CSV or XLSX file.',
    );
    const empty = await upload('empty.csv', fixture('empty.csv'));
    expect(empty.body.error.message).toBe('The file is empty.');
    const huge = await upload('huge.csv', Buffer.alloc(26 * 1024 * 1024, 'a'));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/larger than 25 MB/);
    const notMultipart = await admin.post(`${base}/vendor-imports`, { file: 'x' });
    expect(notMultipart.status).toBe(400);
    expect(notMultipart.body.error.message).toMatch(/multipart\/form-data/);
  });
});
