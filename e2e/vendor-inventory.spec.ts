// Journey: the risk team works in its vendor inventory. It searches, filters by service category
// and sorts; opens a vendor; adds a service hosted on another vendor's cloud (the hosting
// dependency is recorded with it); uploads the service's SBOM, whose suppliers become its
// dependencies; links the service to the node of a workflow map it is; edits the vendor while a
// colleague changed it (and is told); and exports the inventory as CSV.
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

const SBOM = path.join(import.meta.dirname, '..', 'apps/server/src/vendors/sbom/fixtures/cyclonedx.json');

async function seed(api: APIRequestContext, csrf: string, orgId: string) {
  const post = async (url: string, data: unknown) => {
    const res = await api.post(`/api/orgs/${orgId}${url}`, { data, headers: { 'x-csrf-token': csrf } });
    expect(res.status(), `${url} ${await res.text()}`).toBe(201);
    return res.json();
  };
  const cloud = await post('/vendors', { name: 'Nimbus Cloud', domain: 'nimbus-cloud.example' });
  const imaging = await post('/vendors', {
    name: 'Acme Imaging',
    domain: 'acme-imaging.example',
    phiRecords: 30000,
  });
  await post(`/vendors/${imaging.id}/services`, { name: 'Acme RIS', category: 'ris', deployment: 'hosted' });
  const clearinghouses = ['ClearPath Claims', 'MedRoute Exchange', 'Beacon Claims'];
  for (const name of clearinghouses) {
    const v = await post('/vendors', { name });
    await post(`/vendors/${v.id}/services`, { name: `${name} submission`, category: 'clearinghouse' });
    if (name === 'ClearPath Claims') {
      await post(`/vendors/${v.id}/services`, { name: 'ClearPath status', category: 'clearinghouse' });
      await post(`/vendors/${v.id}/services`, { name: 'ClearPath ERA', category: 'clearinghouse' });
    }
  }
  for (let i = 1; i <= 20; i++)
    await post('/vendors', { name: `Supply Vendor ${String(i).padStart(2, '0')}` });
  const map = await post('/maps', { name: 'Imaging and reading', templateId: 'claims-and-payments' });
  return { cloud, imaging, map };
}

test('search, filter and sort the inventory; keep a vendor with a hosted service, its SBOM and its map link; export', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Inventory Clinic'));
  const { api, csrf } = await adminApi(baseURL);
  const { imaging, map } = await seed(api, csrf, org.id);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}`);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Vendors' })
    .click();
  await expect(page.getByRole('heading', { name: 'Vendor inventory' })).toBeVisible();
  const total = page.getByTestId('vendor-total');
  const table = page.getByRole('table', { name: 'Vendor inventory' });
  await expect(total).toHaveText('25 vendors in the inventory');
  await shot(page, 'vendor-inventory');

  // Search (debounced, on the server), then a category filter, then sort by number of services.
  await page.getByRole('textbox', { name: 'Search the inventory' }).fill('claims');
  await expect(total).toHaveText('2 vendors match “claims”');
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Search the inventory' }).fill('');
  await expect(total).toHaveText('25 vendors in the inventory');
  await page.getByRole('combobox', { name: 'Service category' }).click();
  await page.getByRole('option', { name: 'Medical clearinghouse', exact: true }).click();
  await expect(total).toHaveText('3 vendors match in Medical clearinghouse');
  await page.getByRole('button', { name: 'Services' }).click();
  await expect(page.getByRole('columnheader', { name: 'Services' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(table.getByRole('row').nth(1)).toContainText('ClearPath Claims');
  await page.getByRole('button', { name: 'Services' }).click();
  await expect(page.getByRole('columnheader', { name: 'Services' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(table.getByRole('row').nth(3)).toContainText('ClearPath Claims');
  // The filters live in the address: back from a vendor, they are still applied.
  await expect(page).toHaveURL(/category=clearinghouse/);
  await page.getByRole('combobox', { name: 'Service category' }).click();
  await page.getByRole('option', { name: 'Radiology information system' }).click();
  await expect(total).toHaveText('1 vendor matches in Radiology information system');

  // Open a vendor and add a service that runs on another vendor's cloud.
  await table.getByRole('link', { name: 'Acme Imaging' }).click();
  await expect(page.getByRole('heading', { name: 'Acme Imaging', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service or product' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Acme PACS');
  await dialog.getByRole('combobox', { name: 'Service category' }).fill('PACS');
  await page.getByRole('option', { name: 'PACS', exact: true }).click();
  await dialog.getByText('SaaS', { exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Hosting provider' }).fill('Nimbus');
  await page.getByRole('option', { name: 'Nimbus Cloud', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Integration points' }).fill('Modalities via DICOM');
  await dialog.getByRole('combobox', { name: 'Integration points' }).press('Enter');
  await dialog.getByRole('button', { name: 'Add service' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByTestId('service-card').filter({ hasText: 'Acme PACS' });
  await expect(card).toContainText('Hosted by');
  await expect(card.getByRole('link', { name: 'Nimbus Cloud', exact: true })).toBeVisible();
  await expect(card).toContainText('Nimbus Cloud · hosting or cloud');
  const dependencies = page.getByTestId('dependencies-table');
  await expect(dependencies.getByRole('row', { name: /Acme PACS/ })).toContainText('Hosting or cloud');

  // Its SBOM: the components' suppliers become dependencies of the service.
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Upload SBOM' }).click();
  await (await chooser).setFiles(SBOM);
  await expect(card).toContainText('4 components from 3 suppliers');
  await expect(dependencies.getByRole('row', { name: /OpenSSL Software Foundation/ })).toContainText(
    'Supplier',
  );
  await expect(dependencies.getByRole('row', { name: /dcm4che\.org/ })).toContainText('From the SBOM');
  await card.getByRole('button', { name: 'View components' }).click();
  const components = page.getByRole('dialog', { name: 'Components of Acme PACS' });
  await expect(components.getByTestId('sbom-components')).toContainText(
    'pkg:maven/org.dcm4che/dcm4che-core@5.31.0',
  );
  await components.getByRole('textbox', { name: 'Search components' }).fill('zlib');
  await expect(components.getByRole('row')).toHaveCount(2);
  await expect(components).toContainText('Not named');
  await page.keyboard.press('Escape');

  // A file that is not an SBOM is refused, naming why, and the SBOM stays.
  const second = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Replace' }).click();
  await (await second).setFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(card.getByTestId('sbom-error')).toContainText(
    'notes.json was not imported: This JSON is not an SBOM: expected CycloneDX',
  );
  await expect(card).toContainText('4 components from 3 suppliers');

  // Link the service to the map node it is: the steps that depend on it are listed.
  await card.getByRole('button', { name: 'Link to a map node' }).click();
  const link = page.getByRole('dialog', { name: 'Link Acme PACS to a map' });
  await link.getByRole('combobox', { name: 'Map' }).click();
  await page.getByRole('option', { name: map.name }).click();
  await link.getByRole('combobox', { name: 'Node' }).fill('Electronic health record');
  await page.getByRole('option', { name: 'Electronic health record', exact: true }).click();
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  const supports = card.getByTestId(/^supports-/);
  await expect(supports).toContainText(`${map.name} › Electronic health record`);
  await expect(supports).toContainText('Steps that depend on it (');
  const more = supports.getByRole('button', { name: /^and \d+ more$/ });
  if (await more.isVisible()) await more.click();
  await expect(supports).toContainText('Document the encounter in the EHR');
  await shot(page, 'vendor-page');

  // A colleague changes the vendor while it is being edited: the save is refused, and explained.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('textbox', { name: 'Notes' }).last().fill('Contract renews in March.');
  const changed = await api.patch(`/api/orgs/${org.id}/vendors/${imaging.id}`, {
    data: {
      name: 'Acme Imaging Inc.',
      domain: 'acme-imaging.example',
      phiRecords: 30000,
      version: imaging.version,
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(changed.status()).toBe(200);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = page.getByTestId('vendor-conflict');
  await expect(conflict).toContainText('Someone else changed this vendor');
  await expect(page.getByRole('textbox', { name: 'Notes' }).last()).toHaveValue('Contract renews in March.');
  await conflict.getByRole('button', { name: 'Load their version (discards my edits)' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' }).first()).toHaveValue('Acme Imaging Inc.');
  await page.getByRole('textbox', { name: 'Notes' }).last().fill('Contract renews in March.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Contract renews in March.')).toBeVisible();

  // Export the whole inventory as CSV: one row per service, the SBOM's suppliers among them.
  await page.getByRole('link', { name: 'Vendor inventory' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFFVendor,Other names,Web domain')).toBe(true);
  expect(text).toContain(
    'Acme Imaging Inc.,,acme-imaging.example,,,,30000,Contract renews in March.,Acme PACS,PACS,SaaS,Nimbus Cloud,Modalities via DICOM,',
  );
  expect(text).toContain('supplier: OpenSSL Software Foundation');
  // 27 vendors, two of them from the SBOM; ClearPath's three services and Acme's two are a row each.
  expect(text.trim().split('\r\n')).toHaveLength(1 + 30);
  await api.dispose();
});
