// Importing a service's SBOM over the API: its suppliers become the service's dependencies, all or
// nothing; bad files are refused naming the problem; SBOMs move with the organization.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anotherOrganization,
  type Client,
  freshDatabase,
  setUpFirstOrganization,
  TEST_DB,
  type TestApp,
  testApp,
} from '../../test/harness';
import { exportOrganization, importOrganization } from '../../transfer/transfer';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

interface Dependency {
  id: string;
  dependsOnName: string;
  dependentName: string;
  kind: string;
  notes: string | null;
}

describe('SBOMs of inventory services', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: Client;
  let orgId: string;
  let base: string;
  let acme: string;
  let pacs: string;
  let sbomUrl: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    orgId = a.orgId;
    base = `/api/orgs/${orgId}`;
    viewer = (await addMember(t.app, admin, orgId, 'board@alpha.test', 'executive_viewer')).client;
    acme = (await admin.post(`${base}/vendors`, { name: 'Acme Imaging', domain: 'acme-imaging.example' }))
      .body.id;
    await admin.post(`${base}/vendors`, { name: 'Nimbus Cloud', domain: 'nimbus-cloud.example' });
    pacs = (await admin.post(`${base}/vendors/${acme}/services`, { name: 'Acme PACS', category: 'pacs' }))
      .body.id;
    sbomUrl = `${base}/vendors/${acme}/services/${pacs}/sbom`;
  });
  afterAll(() => t.close());

  async function upload(url: string, filename: string, bytes: Buffer, as: Client = admin) {
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
      url,
      headers: {
        cookie: as.cookie ?? '',
        'x-csrf-token': as.csrf ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  }
  const vendorCount = async () => (await admin.get(`${base}/vendors`)).body.total as number;
  const supplierDependencies = async () =>
    ((await admin.get(`${base}/vendors/${acme}`)).body.dependsOn as Dependency[]).filter(
      (d) => d.kind === 'supplier',
    );

  it('makes the suppliers of a CycloneDX SBOM visible as dependencies of the service', async () => {
    const before = await vendorCount();
    const res = await upload(sbomUrl, 'acme-pacs.cdx.json', fixture('cyclonedx.json'));
    expect(res.status).toBe(201);
    expect(res.body.sbom).toMatchObject({
      serviceId: pacs,
      filename: 'acme-pacs.cdx.json',
      format: 'CycloneDX',
      specVersion: '1.5',
      subject: 'Acme PACS',
      componentCount: 4,
      supplierCount: 3,
      uploadedBy: { name: 'alpha Admin' },
    });
    expect(res.body.vendorsCreated.map((v: { name: string }) => v.name)).toEqual([
      'dcm4che.org',
      'OpenSSL Software Foundation',
    ]);
    expect(res.body.vendorsMatched).toEqual([
      expect.objectContaining({ name: 'Nimbus Cloud', reason: 'same name' }),
    ]);
    expect(res.body).toMatchObject({ dependenciesAdded: 3, componentsWithoutSupplier: 1 });
    expect(await vendorCount()).toBe(before + 2);

    const deps = await supplierDependencies();
    expect(deps.map((d) => [d.dependsOnName, d.dependentName]).sort()).toEqual([
      ['Nimbus Cloud', 'Acme PACS'],
      ['OpenSSL Software Foundation', 'Acme PACS'],
      ['dcm4che.org', 'Acme PACS'],
    ]);
    expect(deps.find((d) => d.dependsOnName === 'OpenSSL Software Foundation')?.notes).toBe(
      'From the SBOM “acme-pacs.cdx.json”: openssl 3.0.13.',
    );
    const created = (await admin.get(`${base}/vendors?q=dcm4che`)).body.items[0];
    expect(created).toMatchObject({ name: 'dcm4che.org', domain: 'dcm4che.org' });

    const read = await viewer.get(`${sbomUrl}?limit=2`);
    expect(read.status).toBe(200);
    expect(read.body.total).toBe(4);
    expect(read.body.components).toEqual([
      expect.objectContaining({
        position: 0,
        name: 'dcm4che',
        version: '5.31.0',
        supplierVendorName: 'dcm4che.org',
      }),
      expect.objectContaining({
        position: 1,
        name: 'openssl',
        supplierVendorName: 'OpenSSL Software Foundation',
      }),
    ]);
    const searched = (await viewer.get(`${sbomUrl}?q=nimbus`)).body;
    expect(searched.components.map((c: { name: string }) => c.name)).toEqual(['Nimbus Object Storage SDK']);
    const listed = (await viewer.get(`${base}/vendors/${acme}/sboms`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ serviceId: pacs, componentCount: 4 })]);
    const audit = (await admin.get(`${base}/audit?action=service.sbom_imported`)).body.entries;
    expect(audit).toHaveLength(1);
  });

  it('replaces the previous SBOM without duplicating suppliers, and keeps dependencies recorded by hand', async () => {
    const openssl = (await admin.get(`${base}/vendors?q=openssl`)).body.items[0].id;
    // Recorded by hand before the new SBOM: it stays, and is not doubled.
    const manual = await admin.post(`${base}/vendors/${acme}/dependencies`, {
      serviceId: pacs,
      dependsOnVendorId: openssl,
      kind: 'supplier',
      notes: 'Our own note',
    });
    expect(manual.status).toBe(201);
    const before = await vendorCount();
    for (const name of ['spdx.json', 'cyclonedx.xml', 'cyclonedx-utf16.xml']) {
      const res = await upload(sbomUrl, name, fixture(name));
      expect(res.status, name).toBe(201);
      expect(res.body.vendorsCreated, name).toEqual([]);
      expect(res.body.sbom.componentCount, name).toBe(4);
    }
    expect(await vendorCount()).toBe(before);
    const deps = await supplierDependencies();
    expect(deps).toHaveLength(3);
    expect(deps.find((d) => d.dependsOnName === 'OpenSSL Software Foundation')?.notes).toBe('Our own note');
    expect((await admin.get(`${base}/vendors/${acme}/sboms`)).body.items).toEqual([
      expect.objectContaining({ filename: 'cyclonedx-utf16.xml', format: 'CycloneDX' }),
    ]);
  });

  it('refuses a bad SBOM naming the problem, and changes nothing', async () => {
    const before = {
      vendors: await vendorCount(),
      deps: await supplierDependencies(),
      sbom: (await admin.get(sbomUrl)).body.sbom,
    };
    const cases: [string, string][] = [
      ['malformed-no-name.json', 'components[0] has no name.'],
      ['malformed.xml', 'This XML is not well formed'],
      ['not-a-bom.xml', 'This XML file is not a CycloneDX SBOM (no <bom> element).'],
      ['not-an-sbom.json', 'This JSON is not an SBOM: expected CycloneDX'],
      ['spdx-tag-value.spdx', 'SPDX tag-value files are not supported'],
      ['not-an-sbom.pdf', 'This is not a text file.'],
    ];
    for (const [name, message] of cases) {
      const res = await upload(sbomUrl, name, fixture(name));
      expect(res.status, name).toBe(422);
      expect(res.body.error.message, name).toContain(message);
    }
    const empty = await upload(sbomUrl, 'empty.json', Buffer.alloc(0));
    expect(empty.body.error.message).toBe('The file is empty.');
    const huge = await upload(sbomUrl, 'huge.json', Buffer.alloc(21 * 1024 * 1024, ' '));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('The SBOM is larger than 20 MB.');
    const json = await admin.post(sbomUrl, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);

    expect(await vendorCount()).toBe(before.vendors);
    expect(await supplierDependencies()).toEqual(before.deps);
    expect((await admin.get(sbomUrl)).body.sbom).toEqual(before.sbom);
  });

  it('lets executive viewers read SBOMs but not import or remove them', async () => {
    const res = await upload(sbomUrl, 'cyclonedx.json', fixture('cyclonedx.json'), viewer);
    expect(res.status).toBe(403);
    expect((await viewer.delete(sbomUrl)).status).toBe(403);
  });

  it("finds no service of another vendor, and no other organization's service", async () => {
    const other = (await admin.post(`${base}/vendors`, { name: 'Other Vendor' })).body.id;
    const wrong = await upload(
      `${base}/vendors/${other}/services/${pacs}/sbom`,
      'c.json',
      fixture('cyclonedx.json'),
    );
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('Service not found.');
    expect((await admin.get(`${base}/vendors/${other}/services/${pacs}/sbom`)).status).toBe(404);

    const orgB = await anotherOrganization(admin, 'beta');
    const vendorB = (await admin.post(`/api/orgs/${orgB}/vendors`, { name: 'Beta Vendor' })).body.id;
    const serviceB = (
      await admin.post(`/api/orgs/${orgB}/vendors/${vendorB}/services`, {
        name: 'Beta PACS',
        category: 'pacs',
      })
    ).body.id;
    const crossed = await upload(
      `${base}/vendors/${vendorB}/services/${serviceB}/sbom`,
      'c.json',
      fixture('cyclonedx.json'),
    );
    expect(crossed.status).toBe(404);
    expect((await admin.get(`${base}/vendors/${vendorB}/sboms`)).status).toBe(404);
    expect((await admin.get(`/api/orgs/${orgB}/vendors/${vendorB}/sboms`)).body.items).toEqual([]);
  });

  it('moves with the organization to the other database', async () => {
    const exported = await exportOrganization(t.database.db, 'alpha');
    expect(exported.tables.service_sboms).toHaveLength(1);
    expect(exported.tables.sbom_components).toHaveLength(4);
    const other = await freshDatabase(TEST_DB === 'pglite' ? 'postgres' : 'pglite');
    try {
      await importOrganization(other.database.db, exported);
      const again = await exportOrganization(other.database.db, 'alpha');
      expect(again.tables.sbom_components).toEqual(exported.tables.sbom_components);
      expect(again.tables.vendor_dependencies).toEqual(exported.tables.vendor_dependencies);
    } finally {
      await other.drop();
    }
  });

  it('removes an SBOM with the dependencies it created; vendors and hand-recorded ones stay', async () => {
    const before = await vendorCount();
    expect((await admin.delete(sbomUrl)).status).toBe(204);
    expect((await admin.get(sbomUrl)).status).toBe(404);
    expect((await admin.get(sbomUrl)).body.error.message).toBe('SBOM of this service not found.');
    expect((await supplierDependencies()).map((d) => d.notes)).toEqual(['Our own note']);
    expect(await vendorCount()).toBe(before);
    expect((await admin.delete(sbomUrl)).status).toBe(404);
    const audit = (await admin.get(`${base}/audit?action=service.sbom_removed`)).body.entries;
    expect(audit).toHaveLength(1);
  });
});
