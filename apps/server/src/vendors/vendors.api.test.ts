// The vendor inventory API: keeping vendors, services and fourth parties, with validation,
// optimistic concurrency, audit entries, and a list searched, filtered and paged in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

describe('the vendor inventory', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: Client;
  let base: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    base = `/api/orgs/${a.orgId}`;
    viewer = (await addMember(t.app, admin, a.orgId, 'board@alpha.test', 'executive_viewer')).client;
  });
  afterAll(() => t.close());

  it('keeps a vendor with its services and the fourth parties behind them', async () => {
    const acme = await admin.post(`${base}/vendors`, {
      name: 'Acme Claims Exchange',
      aliases: ['ACX'],
      domain: 'https://www.AcmeClaims.example/portal',
      contacts: [{ name: 'Jo Park', email: 'jo@acmeclaims.example' }],
      phiKinds: ['claims'],
      phiRecords: 250000,
    });
    expect(acme.status).toBe(201);
    expect(acme.body).toMatchObject({ domain: 'acmeclaims.example', version: 1, phiRecords: 250000 });
    const cloud = (await admin.post(`${base}/vendors`, { name: 'Nimbus Cloud' })).body;
    const service = await admin.post(`${base}/vendors/${acme.body.id}/services`, {
      name: 'Claims submission (837)',
      category: 'clearinghouse',
      deployment: 'saas',
      hostingVendorId: cloud.id,
      integrationPoints: ['practice management (X12 837 over SFTP)'],
    });
    expect(service.status).toBe(201);
    const dependency = await admin.post(`${base}/vendors/${acme.body.id}/dependencies`, {
      serviceId: service.body.id,
      dependsOnVendorId: cloud.id,
      kind: 'hosting',
      notes: 'us-east region',
    });
    expect(dependency.status).toBe(201);

    const read = (await admin.get(`${base}/vendors/${acme.body.id}`)).body;
    expect(read.services.map((s: { name: string }) => s.name)).toEqual(['Claims submission (837)']);
    expect(read.dependsOn).toEqual([
      expect.objectContaining({
        dependsOnName: 'Nimbus Cloud',
        dependentName: 'Claims submission (837)',
        kind: 'hosting',
      }),
    ]);
    const host = (await admin.get(`${base}/vendors/${cloud.id}`)).body;
    expect(host.dependedOnBy).toEqual([
      expect.objectContaining({ dependentName: 'Claims submission (837)' }),
    ]);

    const audit = (await admin.get(`${base}/audit`)).body.entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['vendor.created', 'service.created', 'dependency.added']));
  });

  it('names every invalid field', async () => {
    const bad = await admin.post(`${base}/vendors`, {
      name: '',
      domain: 'not a domain',
      contacts: [{ email: 'bob@' }],
      phiRecords: -1,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.contacts.0.email', 'body.domain', 'body.name', 'body.phiRecords']);
    const vendor = (await admin.post(`${base}/vendors`, { name: 'Category Check' })).body;
    const service = await admin.post(`${base}/vendors/${vendor.id}/services`, {
      name: 'X',
      category: 'magic',
    });
    expect(service.status).toBe(400);
    expect(service.body.error.issues).toEqual([
      { path: 'body.category', message: 'is not a service category of the taxonomy' },
    ]);
  });

  it('refuses a stale edit instead of overwriting it', async () => {
    const vendor = (await admin.post(`${base}/vendors`, { name: 'Beacon Labs' })).body;
    const first = await admin.patch(`${base}/vendors/${vendor.id}`, {
      name: 'Beacon Laboratories',
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await admin.patch(`${base}/vendors/${vendor.id}`, { name: 'Beacon Lab Inc', version: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/Someone else changed this vendor/);
    expect((await admin.get(`${base}/vendors/${vendor.id}`)).body.name).toBe('Beacon Laboratories');
  });

  it('lets executive viewers read but not change the inventory', async () => {
    expect((await viewer.get(`${base}/vendors`)).status).toBe(200);
    expect((await viewer.post(`${base}/vendors`, { name: 'Viewer Co' })).status).toBe(403);
  });

  it('searches, filters, sorts and pages in the database', async () => {
    for (let i = 0; i < 30; i++) {
      const v = (await admin.post(`${base}/vendors`, { name: `Paging Vendor ${String(i).padStart(2, '0')}` }))
        .body;
      if (i % 3 === 0) {
        await admin.post(`${base}/vendors/${v.id}/services`, { name: `PACS ${i}`, category: 'pacs' });
      }
    }
    const page = await admin.get(`${base}/vendors?q=paging&sort=name&dir=desc&offset=5&limit=10`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(30);
    expect(page.body.items.map((v: { name: string }) => v.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Paging Vendor ${String(24 - i).padStart(2, '0')}`),
    );
    const pacs = (await admin.get(`${base}/vendors?category=pacs&limit=100`)).body;
    expect(pacs.total).toBe(10);
    expect(
      pacs.items.every(
        (v: { categories: string[]; services: number }) => v.categories[0] === 'pacs' && v.services === 1,
      ),
    ).toBe(true);
    const mostServices = (await admin.get(`${base}/vendors?q=paging&sort=services&dir=desc&limit=10`)).body;
    expect(mostServices.items.map((v: { services: number }) => v.services)).toEqual(Array(10).fill(1));
    const fewest = (await admin.get(`${base}/vendors?q=paging&sort=services&dir=asc&limit=20`)).body;
    expect(fewest.items.map((v: { services: number }) => v.services)).toEqual(Array(20).fill(0));
    const byService = (await admin.get(`${base}/vendors?q=${encodeURIComponent('PACS 27')}`)).body;
    expect(byService.items.map((v: { name: string }) => v.name)).toEqual(['Paging Vendor 27']);
    const wildcard = (await admin.get(`${base}/vendors?q=${encodeURIComponent('%')}`)).body;
    expect(wildcard.total).toBe(0);
    expect((await admin.get(`${base}/vendors?limit=5000`)).status).toBe(400);
  });

  it('removes a vendor with its services, and says what is gone', async () => {
    const vendor = (await admin.post(`${base}/vendors`, { name: 'Short Lived' })).body;
    await admin.post(`${base}/vendors/${vendor.id}/services`, { name: 'Gone', category: 'ehr' });
    expect((await admin.delete(`${base}/vendors/${vendor.id}`)).status).toBe(204);
    const again = await admin.get(`${base}/vendors/${vendor.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('Vendor not found.');
  });
});
