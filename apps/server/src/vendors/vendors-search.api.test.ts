// Searching, filtering and sorting the inventory (listVendors, migration 0007): a vendor is found
// by a substring of its name, other names, domain or services' names, whatever the case; its
// service summary (count, names) follows every change of its services, from the API and from a
// spreadsheet import, including one merged into a vendor already there.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import {
  anotherOrganization,
  type Client,
  setUpFirstOrganization,
  type TestApp,
  testApp,
} from '../test/harness';

interface Item {
  id: string;
  name: string;
  services: number;
  categories: string[];
}

describe('searching, filtering and sorting the vendor inventory', () => {
  let t: TestApp;
  let admin: Client;
  let base: string;
  let orgId: string;
  const names = async (query: string) => {
    const res = await admin.get(`${base}/vendors?${query}`);
    expect(res.status).toBe(200);
    return { total: res.body.total as number, names: (res.body.items as Item[]).map((v) => v.name) };
  };

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    orgId = a.orgId;
    base = `/api/orgs/${a.orgId}`;
    const acme = (
      await admin.post(`${base}/vendors`, {
        name: 'Acme Claims Exchange',
        aliases: ['ACX', 'Old Acme Billing'],
        domain: 'acmeclaims.example',
      })
    ).body;
    await admin.post(`${base}/vendors/${acme.id}/services`, {
      name: 'Eligibility 270/271',
      category: 'clearinghouse',
    });
    await admin.post(`${base}/vendors/${acme.id}/services`, {
      name: 'Claim status',
      category: 'clearinghouse',
    });
    const nimbus = (
      await admin.post(`${base}/vendors`, { name: 'Nimbus Cloud', domain: 'nimbus-cloud.example' })
    ).body;
    await admin.post(`${base}/vendors/${nimbus.id}/services`, {
      name: 'Hosting, us-east',
      category: 'cloud-hosting',
    });
    await admin.post(`${base}/vendors`, { name: 'Café Médical 100% Labs' });
  });
  afterAll(() => t.close());

  it('finds a vendor by a substring of its name, other names, domain or services, in any case', async () => {
    expect((await names('q=claims')).names).toEqual(['Acme Claims Exchange']);
    expect((await names('q=acx')).names).toEqual(['Acme Claims Exchange']);
    expect((await names('q=old%20acme')).names).toEqual(['Acme Claims Exchange']);
    expect((await names('q=EClaims.EXA')).names).toEqual(['Acme Claims Exchange']);
    expect((await names('q=cloud.exam')).names).toEqual(['Nimbus Cloud']);
    expect((await names('q=270%2F271')).names).toEqual(['Acme Claims Exchange']);
    expect((await names('q=us-east')).names).toEqual(['Nimbus Cloud']);
    expect((await names('q=caf%C3%A9%20m%C3%89')).names).toEqual(['Café Médical 100% Labs']);
    // % and _ are themselves, not wildcards; a search never spans two fields.
    expect((await names('q=100%25')).names).toEqual(['Café Médical 100% Labs']);
    expect((await names('q=_')).total).toBe(0);
    expect((await names('q=exchange%20acmeclaims')).total).toBe(0);
    expect((await names('q=zzz')).total).toBe(0);
  });

  it('filters by service category, alone and with a search, with exact totals', async () => {
    expect(await names('category=clearinghouse')).toEqual({ total: 1, names: ['Acme Claims Exchange'] });
    expect(await names('category=cloud-hosting&q=nimbus')).toEqual({ total: 1, names: ['Nimbus Cloud'] });
    expect(await names('category=cloud-hosting&q=acme')).toEqual({ total: 0, names: [] });
    expect((await names('category=pacs')).total).toBe(0);
  });

  it('sorts by number of services, and keeps each count and search text as services change', async () => {
    expect((await names('sort=services&dir=desc')).names).toEqual([
      'Acme Claims Exchange',
      'Nimbus Cloud',
      'Café Médical 100% Labs',
    ]);
    const nimbus = (await admin.get(`${base}/vendors?q=nimbus`)).body.items[0] as Item;
    expect(nimbus).toMatchObject({ services: 1, categories: ['cloud-hosting'] });
    const added = [];
    for (const name of ['Backups', 'Object storage']) {
      added.push(
        (await admin.post(`${base}/vendors/${nimbus.id}/services`, { name, category: 'cloud-hosting' })).body,
      );
    }
    expect((await names('sort=services&dir=desc')).names[0]).toBe('Nimbus Cloud');
    expect((await names('q=object%20stor')).names).toEqual(['Nimbus Cloud']);
    // Renaming a service and removing one follow too.
    const renamed = await admin.patch(`${base}/services/${added[1].id}`, {
      name: 'Cold archive',
      category: 'cloud-hosting',
      version: added[1].version,
    });
    expect(renamed.status).toBe(200);
    expect((await names('q=object%20stor')).total).toBe(0);
    expect((await names('q=cold%20arch')).names).toEqual(['Nimbus Cloud']);
    expect((await admin.delete(`${base}/services/${added[0].id}`)).status).toBe(204);
    const after = (await admin.get(`${base}/vendors?q=nimbus`)).body.items[0] as Item;
    expect(after.services).toBe(2);
    expect((await names('q=backups')).total).toBe(0);
    // Renaming the vendor changes what finds it.
    const vendor = (await admin.get(`${base}/vendors/${nimbus.id}`)).body;
    const rename = await admin.patch(`${base}/vendors/${nimbus.id}`, {
      name: 'Stratus Hosting',
      domain: vendor.domain,
      version: vendor.version,
    });
    expect(rename.status).toBe(200);
    expect((await names('q=stratus')).names).toEqual(['Stratus Hosting']);
    expect((await names('q=nimbus')).names).toEqual(['Stratus Hosting']); // still its domain
    expect((await names('q=nimbus%20cloud')).total).toBe(0);
  });

  it('writes the service summaries of imported vendors, and refreshes a vendor an import merges into', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Vendors');
    ws.addRow(['Vendor', 'Website', 'Service', 'Category']);
    ws.addRow(['Imported Imaging', 'imported-imaging.example', 'PACS archive', 'pacs']);
    ws.addRow(['Imported Imaging', 'imported-imaging.example', 'Teleradiology reads', 'pacs']);
    ws.addRow(['Acme Claims Exchange', 'acmeclaims.example', 'Remittance 835', 'clearinghouse']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----smartsearch';
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `${base}/vendor-imports`,
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrf ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.xlsx"\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const summary = JSON.parse(uploaded.body);
    const commit = await admin.post(`${base}/vendor-imports/${summary.id}/commit`, {
      mapping: summary.mapping,
    });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ vendorsCreated: 1, servicesCreated: 3, addedToExisting: 1 });
    const imaging = (await admin.get(`${base}/vendors?q=teleradiology`)).body.items as Item[];
    expect(imaging).toMatchObject([{ name: 'Imported Imaging', services: 2, categories: ['pacs'] }]);
    expect((await names('q=remittance')).names).toEqual(['Acme Claims Exchange']);
    const acme = (await admin.get(`${base}/vendors?q=acme`)).body.items[0] as Item;
    expect(acme.services).toBe(3);
    // What the import wrote is what the database would have computed.
    const stale = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM vendors v
          WHERE v.organization_id = ${orgId}
            AND (v.search_text <> vendor_search_text(v.name, v.domain, v.service_names, v.aliases)
                 OR v.service_count <> (SELECT count(*) FROM vendor_services s WHERE s.vendor_id = v.id))`,
    );
    expect(stale[0]?.n).toBe(0);
  });

  it("never shows another organization's vendors", async () => {
    const otherId = await anotherOrganization(admin, 'beta');
    await admin.post(`/api/orgs/${otherId}/vendors`, { name: 'Acme Beta Only' });
    expect((await names('q=acme')).names).not.toContain('Acme Beta Only');
    const other = await admin.get(`/api/orgs/${otherId}/vendors?q=acme`);
    expect((other.body.items as Item[]).map((v) => v.name)).toEqual(['Acme Beta Only']);
  });
});
