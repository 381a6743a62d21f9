// Exporting the inventory over the API: one row per service, formulas neutralized, CSV and XLSX,
// read in pages so that thousands of vendors stream out in order; an export imports back.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../../test/harness';
import { EXPORT_HEADERS } from './inventory-export';

describe('exporting the vendor inventory', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: Client;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    orgId = a.orgId;
    base = `/api/orgs/${orgId}`;
    viewer = (await addMember(t.app, admin, orgId, 'board@alpha.test', 'executive_viewer')).client;
    const cloud = (
      await admin.post(`${base}/vendors`, { name: 'Nimbus Cloud', domain: 'nimbus-cloud.example' })
    ).body.id;
    const acme = (
      await admin.post(`${base}/vendors`, {
        name: 'Acme Claims Exchange',
        aliases: ['ACX', 'Acme'],
        domain: 'acmeclaims.example',
        contacts: [{ name: 'Jo Park', email: 'jo@acmeclaims.example' }],
        phiKinds: ['claims', 'eligibility'],
        phiRecords: 250000,
        notes: 'Primary clearinghouse, "tier 1"',
      })
    ).body.id;
    const claims = await admin.post(`${base}/vendors/${acme}/services`, {
      name: 'Claims submission (837)',
      category: 'clearinghouse',
      deployment: 'saas',
      hostingVendorId: cloud,
      integrationPoints: ['practice management', 'SFTP drop'],
    });
    await admin.post(`${base}/vendors/${acme}/services`, {
      name: 'Eligibility',
      category: 'eligibility-verification',
      deployment: 'hosted',
    });
    await admin.post(`${base}/vendors/${acme}/dependencies`, {
      serviceId: claims.body.id,
      dependsOnVendorId: cloud,
      kind: 'hosting',
    });
    await admin.post(`${base}/vendors/${acme}/dependencies`, {
      dependsOnVendorId: cloud,
      kind: 'integration-engine',
    });
    // What a vendor typed must not run in a spreadsheet.
    await admin.post(`${base}/vendors`, {
      name: '=HYPERLINK("http://evil.example","Click")',
      aliases: ['+cmd|calc'],
      notes: '@SUM(1+1)',
    });
  });
  afterAll(() => t.close());

  const csvRows = (text: string) =>
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  it('writes one CSV row per service, with the headers the import recognizes', async () => {
    const res = await viewer.get(`${base}/vendors/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="vendor-inventory-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(res.raw);
    expect(header).toEqual([...EXPORT_HEADERS]);
    const col = (name: (typeof EXPORT_HEADERS)[number]) => EXPORT_HEADERS.indexOf(name);
    expect(rows.map((r) => [r[col('Vendor')], r[col('Service')]])).toEqual([
      ['\'=HYPERLINK("http://evil.example","Click")', ''],
      ['Acme Claims Exchange', 'Claims submission (837)'],
      ['Acme Claims Exchange', 'Eligibility'],
      ['Nimbus Cloud', ''],
    ]);
    const claims = rows[1] ?? [];
    expect({
      aliases: claims[col('Other names')],
      contact: claims[col('Contact')],
      email: claims[col('Contact email')],
      phi: claims[col('Kinds of PHI')],
      records: claims[col('PHI records')],
      notes: claims[col('Notes')],
      category: claims[col('Service category')],
      deployment: claims[col('Deployment')],
      hosting: claims[col('Hosting provider')],
      integration: claims[col('Integration points')],
      serviceDeps: claims[col('Service dependencies')],
      vendorDeps: claims[col('Vendor dependencies')],
    }).toEqual({
      aliases: 'ACX; Acme',
      contact: 'Jo Park',
      email: 'jo@acmeclaims.example',
      phi: 'claims; eligibility',
      records: '250000',
      notes: 'Primary clearinghouse, "tier 1"',
      category: 'Medical clearinghouse',
      deployment: 'SaaS',
      hosting: 'Nimbus Cloud',
      integration: 'practice management; SFTP drop',
      serviceDeps: 'hosting: Nimbus Cloud',
      vendorDeps: 'integration engine: Nimbus Cloud',
    });
    const evil = rows[0] ?? [];
    expect([evil[col('Other names')], evil[col('Notes')]]).toEqual(["'+cmd|calc", "'@SUM(1+1)"]);
  });

  it('writes the same rows as an XLSX workbook, text cells neutralized and numbers as numbers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/vendors/export?format=xlsx`,
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(res.rawPayload));
    const sheet = workbook.getWorksheet('Vendor inventory');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(5);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...EXPORT_HEADERS]);
    expect(values(2)[0]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(values(3)[0]).toBe('Acme Claims Exchange');
    expect(values(3)[EXPORT_HEADERS.indexOf('PHI records')]).toBe(250000);
  });

  it('streams thousands of vendors in name order across its pages', async () => {
    // Inserted directly: 2,500 vendors (three pages of the export), every tenth with a service.
    await withTenant(t.database.db, orgId, async (tx) => {
      await tx.execute(sql`
        INSERT INTO vendors (id, organization_id, name, aliases, domain, contacts, phi_kinds, version, created_at, updated_at)
        SELECT gen_random_uuid(), ${orgId}, 'Bulk vendor ' || lpad(i::text, 5, '0'), '{}', NULL, '[]', '{}', 1, now(), now()
        FROM generate_series(1, 2500) AS i`);
      await tx.execute(sql`
        INSERT INTO vendor_services (id, organization_id, vendor_id, name, category, integration_points, version, created_at, updated_at)
        SELECT gen_random_uuid(), ${orgId}, v.id, 'Service of ' || v.name, 'lis', '{}', 1, now(), now()
        FROM vendors v WHERE v.organization_id = ${orgId} AND v.name LIKE 'Bulk vendor %'
          AND right(v.name, 1) = '0'`);
    });
    const res = await admin.get(`${base}/vendors/export?format=csv`);
    const rows = csvRows(res.raw).slice(1);
    const bulk = rows.filter((r) => r[0]?.startsWith('Bulk vendor'));
    expect(bulk).toHaveLength(2500);
    expect(bulk.map((r) => r[0])).toEqual(
      Array.from({ length: 2500 }, (_, i) => `Bulk vendor ${String(i + 1).padStart(5, '0')}`),
    );
    expect(bulk.filter((r) => r[EXPORT_HEADERS.indexOf('Service')]).length).toBe(250);
    expect(rows).toHaveLength(2504);
  });

  it('refuses an unknown format', async () => {
    const res = await admin.get(`${base}/vendors/export?format=pdf`);
    expect(res.status).toBe(400);
  });
});
