// Journey: a risk lead adapts the Claims and Payments map made from its template. They add a second
// clearinghouse and make it an alternate of the first (1 of 2), see it saved without pressing
// anything (a reload shows it), undo and redo, run into a save made meanwhile by someone else (a
// clear conflict, their work is not overwritten), export the map as SVG and as a model document,
// and import that document back as a new version; a file that is not one is refused clearly.
import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

interface MapBody {
  id: string;
  version: number;
  name: string;
  model: {
    services: { id: string; label?: string; vendor?: string; category: string }[];
    vendors: { id: string; label?: string }[];
    alternatives: { id: string; from: string; members: string[]; k: number }[];
    processSteps: { id: string; label?: string }[];
    tlp: string;
  };
}

const FIRST_CLEARINGHOUSE = 'Claim editing and submission (837)';
const SECOND_CLEARINGHOUSE = 'Beta clearinghouse claim submission';
const SUBMIT_STEP = 'Submit the claim through the clearinghouse';

async function pick(page: Page, box: string, typed: string, option: string | RegExp) {
  const input = page.getByRole('combobox', { name: box });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function findNode(page: Page, label: string) {
  await page.getByRole('tab', { name: 'Details' }).click();
  await pick(page, 'Find a node', label, new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
  await expect(
    page.getByTestId('node-properties').getByRole('textbox', { name: 'Name', exact: true }),
  ).toHaveValue(label);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

test('adapt a map: an alternate clearinghouse, autosave, undo, a conflict, export and import', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Editor Clinic'));
  const { api, csrf } = await adminApi(baseURL);
  const base = `/api/orgs/${org.id}/maps`;
  const created = await api.post(base, {
    data: { name: 'Claims and Payments', templateId: 'claims-and-payments', tlp: 'AMBER' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status()).toBe(201);
  const map: MapBody = await created.json();
  const read = async (): Promise<MapBody> => (await api.get(`${base}/${map.id}`)).json();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/maps/${map.id}`);
  // The first layout of the map (ELK in a web worker, under a second on its own) can take several
  // seconds while the other worker's journey keeps both cores busy.
  await expect(page.getByTestId('map-title')).toHaveText('Claims and Payments', { timeout: 30_000 });
  await expect(page.getByTestId('map-canvas').getByTestId('tlp-marking')).toHaveText('TLP:AMBER');
  await expect(page.getByTestId('map-canvas').locator('[data-kind="step"]').first()).toBeVisible();
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await shot(page, 'map-editor');

  // A second clearinghouse: added from the palette, named, categorized, given its vendor.
  await page.getByTestId('palette-service').click();
  const panel = page.getByTestId('node-properties');
  const name = panel.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await expect(panel.getByText('No vendor yet')).toBeVisible();
  await name.fill(SECOND_CLEARINGHOUSE);
  await pick(page, 'Category', 'clearinghouse', 'Medical clearinghouse');
  await panel.getByRole('button', { name: 'Add a new vendor' }).click();
  await page.getByRole('textbox', { name: "New vendor's name" }).fill('Beta Clearinghouse Inc.');
  await page.getByRole('button', { name: 'Add this vendor' }).click();
  await expect(panel.getByRole('combobox', { name: 'Vendor' })).toHaveValue('Beta Clearinghouse Inc.');
  // The step that submits claims now needs it too.
  await pick(page, 'Add something that depends on this node', 'Submit the claim', SUBMIT_STEP);
  await expect(page.getByTestId('used-by')).toContainText(SUBMIT_STEP);

  // On the step: the two clearinghouses become alternatives, 1 of 2.
  await page.getByTestId('used-by').getByRole('button', { name: SUBMIT_STEP }).click();
  const dependsOn = page.getByTestId('depends-on');
  await dependsOn.getByRole('checkbox', { name: `Choose ${FIRST_CLEARINGHOUSE} as an alternative` }).check();
  await dependsOn.getByRole('checkbox', { name: `Choose ${SECOND_CLEARINGHOUSE} as an alternative` }).check();
  await dependsOn.getByRole('button', { name: 'Group as alternatives (1 of 2)' }).click();
  await expect(page.getByTestId('alternatives-group')).toContainText('Alternatives: 1 of 2');
  await expect(page.getByTestId('map-canvas').getByText('1 of 2').first()).toBeVisible();
  await shot(page, 'map-editor-alternatives');

  // Saved without pressing anything, and still there after a reload.
  await waitSaved(page);
  const saved = await read();
  const beta = saved.model.services.find((s) => s.label === SECOND_CLEARINGHOUSE);
  expect(beta).toMatchObject({ category: 'clearinghouse' });
  expect(saved.model.vendors.find((v) => v.id === beta?.vendor)?.label).toBe('Beta Clearinghouse Inc.');
  const group = saved.model.alternatives.find((g) => g.from === 's-submit');
  expect(group).toMatchObject({ k: 1 });
  expect(group?.members.sort()).toEqual([beta?.id, 'svc-clearinghouse-claims'].sort());
  await page.reload();
  await expect(page.getByTestId('map-title')).toHaveText('Claims and Payments', { timeout: 30_000 });
  await findNode(page, SUBMIT_STEP);
  await expect(page.getByTestId('alternatives-group')).toContainText('Alternatives: 1 of 2');

  // Undo takes the group away, redo brings it back (buttons and keys).
  await page
    .getByTestId('alternatives-group')
    .getByRole('textbox', { name: 'Name of the group' })
    .fill('Either clearinghouse');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByTestId('alternatives-group').getByRole('textbox', { name: 'Name of the group' }),
  ).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(
    page.getByTestId('alternatives-group').getByRole('textbox', { name: 'Name of the group' }),
  ).toHaveValue('Either clearinghouse');
  await page
    .getByTestId('alternatives-group')
    .getByRole('button', { name: 'Ungroup these alternatives' })
    .click();
  await expect(page.getByTestId('alternatives-group')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await findNode(page, SUBMIT_STEP);
  await expect(page.getByTestId('alternatives-group')).toHaveCount(1);
  await waitSaved(page);

  // Someone else saves meanwhile (through the API); the next save here is refused, not forced.
  const current = await read();
  const theirs = await api.put(`${base}/${map.id}`, {
    data: { version: current.version, name: 'Claims and Payments (their edit)' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(theirs.status()).toBe(200);
  await page
    .getByTestId('node-properties')
    .getByRole('textbox', { name: 'Notes' })
    .fill('Beta is only for 837P.');
  const conflict = page.getByRole('dialog', { name: 'Your changes were not saved' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText(`${ADMIN.name} saved this map`);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'conflict');
  await shot(page, 'map-editor-conflict');
  const [mine] = await Promise.all([
    page.waitForEvent('download'),
    conflict.getByRole('button', { name: 'Download my version (JSON)' }).click(),
  ]);
  const minePath = await mine.path();
  expect(
    JSON.parse(fs.readFileSync(minePath, 'utf8')).processSteps.find(
      (s: { id: string }) => s.id === 's-submit',
    ).notes,
  ).toBe('Beta is only for 837P.');
  await conflict.getByRole('button', { name: 'Load their version' }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByTestId('map-title')).toHaveText('Claims and Payments (their edit)');
  expect((await read()).name).toBe('Claims and Payments (their edit)');

  // Export: an SVG with the name and marking drawn in, and the model document with its TLP.
  await page.getByRole('button', { name: 'Export' }).click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Image (SVG)' }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('claims-and-payments-their-edit.svg');
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('TLP:AMBER');
  expect(svgText).toContain('Claims and Payments (their edit)');
  expect(svgText).toContain(SECOND_CLEARINGHOUSE);
  await page.getByRole('button', { name: 'Export' }).click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'SMART model document (JSON)' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('claims-and-payments-their-edit.smart.json');
  const document = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(document).toMatchObject({
    format: 'smart-model',
    tlp: 'AMBER',
    name: 'Claims and Payments (their edit)',
  });

  // Import: a file that is not a model document is refused with the reason; the exported one,
  // changed a little, comes back as a new version.
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a model document' });
  const chooser = dialog.locator('input[type="file"]');
  await chooser.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "bpmn"}'),
  });
  await expect(dialog.getByTestId('import-error')).toContainText(
    '“notes.json” is not a SMART model document',
  );
  await expect(dialog.getByRole('button', { name: 'Replace the map with this document' })).toBeDisabled();
  document.processSteps.find((s: { id: string }) => s.id === 's-submit').label =
    'Submit the claim (imported)';
  await chooser.setInputFiles({
    name: 'claims.smart.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(document)),
  });
  await expect(dialog.getByTestId('import-summary')).toContainText('marked TLP:AMBER');
  const before = (await read()).version;
  await dialog.getByRole('button', { name: 'Replace the map with this document' }).click();
  await expect(dialog).toBeHidden();
  await waitSaved(page);
  const imported = await read();
  expect(imported.version).toBeGreaterThan(before);
  expect(imported.model.processSteps.find((s) => s.id === 's-submit')?.label).toBe(
    'Submit the claim (imported)',
  );
  expect(imported.model.alternatives.some((g) => g.from === 's-submit')).toBe(true);
  await api.dispose();
});
