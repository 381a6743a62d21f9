// The critical function analysis on Riverbend's three maps (the demo's own models, created
// through the API in a fresh organization): the clearinghouse scenario for 21 days, the shared
// cloud region's workaround running out on day 14, the false redundancy of the two
// clearinghouses called out, the prioritized list exported as CSV with its TLP marking, and a
// changed weight reordering the list.
import fs from 'node:fs';
import { expect, type Page, request, test } from '@playwright/test';
import { riverbendMaps } from '../apps/server/src/demo/demo-maps';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

/** A new organization with Riverbend's Claims and Payments, Retail Pharmacy and Laboratories maps. */
async function riverbend(baseURL: string): Promise<string> {
  const org = await createOrganization(baseURL, unique('Riverbend Analysis'));
  const { api, csrf } = await adminApi(baseURL);
  for (const map of riverbendMaps()) {
    const created = await api.post(`/api/orgs/${org.id}/maps`, {
      data: { name: map.name, model: map.model, tlp: 'AMBER' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
  }
  await api.dispose();
  return org.id;
}

async function runScenario(page: Page, what: RegExp, preset: string) {
  const select = page.getByTestId('failed-select');
  await select.click();
  await page.keyboard.type(what.source.replace(/^\^/, ''));
  await page.getByRole('option', { name: what }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('scenario-form').getByText(preset, { exact: true }).click();
  await page.getByRole('button', { name: 'Run the scenario' }).click();
  await expect(page.getByTestId('scenario-result')).toBeVisible();
}

const fn = (page: Page, label: string) =>
  page.locator(`[data-testid="scenario-function"][data-function="${label}"]`);

test('the clearinghouse gone for 21 days, and the shared cloud region: functions down, workarounds until the right day', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error('baseURL is not set');
  const orgId = await riverbend(baseURL);
  await signIn(page, ADMIN.email, ADMIN.password);

  await page.goto(`/o/${orgId}/analysis`);
  await expect(page.getByTestId('analysis-maps')).toContainText('Claims and Payments');
  await expect(page.getByTestId('figure-false-redundancies')).toContainText('not real backups');
  await expect(page.getByTestId('tlp-marking').first()).toHaveText('TLP:AMBER');
  await shot(page, 'analysis-overview');

  await page.getByTestId('analysis-tab-simulator').click();
  await runScenario(page, /^ClearPath Claims/, '21 days');
  await expect(page.getByTestId('scenario-result')).toContainText('ClearPath Claims unavailable for 21 days');
  // Lab billing goes through ClearPath's own clearinghouse service: down at once.
  await expect(fn(page, 'Laboratory tests billed')).toHaveAttribute('data-state', 'down');
  await expect(fn(page, 'Laboratory tests billed').getByTestId('function-story')).toContainText(
    'Down from day 0',
  );
  // Claims have the MedRoute backup for submission, but remittances are posted by hand until day 30.
  for (const label of ['Claims submitted, adjudicated and paid', 'Patient balances billed and collected']) {
    await expect(fn(page, label)).toHaveAttribute('data-state', 'degraded');
    await expect(fn(page, label).getByTestId('function-story')).toHaveText(
      'On a workaround from day 0 until day 30',
    );
  }
  await expect(fn(page, 'Prescriptions filled and dispensed')).toHaveAttribute('data-state', 'up');
  await expect(page.getByTestId('scenario-summary')).toContainText('1 function down');
  await expect(page.getByTestId('scenario-summary')).toContainText('2 on a workaround');

  // Why is lab billing down? The chain back to ClearPath, and its map shown with it.
  await fn(page, 'Laboratory tests billed').click();
  const reasons = page.getByTestId('reason-panel');
  await expect(reasons).toContainText('Bill the tests');
  await expect(reasons).toContainText('ClearPath Claims');
  const map = page.getByTestId('scenario-map');
  await expect(map.getByTestId('scenario-node-v-clearpath')).toHaveAttribute('data-condition', 'down');
  await expect(map.getByTestId('scenario-node-s-bill')).toContainText('Down from day 0');
  await expect(page.getByTestId('impact-chart')).toBeVisible();
  await shot(page, 'analysis-simulator-clearinghouse');

  // The cloud region both clearinghouses (and the lab middleware) run on, for 21 days: the lab's
  // manual result review holds until day 14, then results stop reaching clinicians.
  await page.getByTestId('failed-select').click();
  await page.keyboard.press('Backspace'); // takes ClearPath off the list
  await page.keyboard.press('Escape');
  await runScenario(page, /^Nimbus Cloud us-east region/, '21 days');
  const results = fn(page, 'Laboratory results delivered to clinicians');
  await expect(results.getByTestId('function-story')).toContainText(
    'On a workaround from day 0 until day 14, then down from day 14',
  );
  // Day 14 on the timeline: down. One hour earlier: still on the workaround.
  await page.getByTestId('key-moments').getByRole('button', { name: 'day 14', exact: true }).click();
  await expect(page.getByTestId('scenario-result')).toContainText('Move through the outage: day 14');
  await expect(results).toHaveAttribute('data-state', 'down');
  await page.getByRole('slider', { name: 'Moment of the outage' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('scenario-result')).toContainText('Move through the outage: day 13, hour 23');
  await expect(results).toHaveAttribute('data-state', 'degraded');
  await page.getByTestId('key-moments').getByRole('button', { name: 'day 21', exact: true }).click();
  await expect(fn(page, 'Prescriptions filled and dispensed')).toHaveAttribute('data-state', 'down');
  await shot(page, 'analysis-simulator-cloud-region');

  // The same outage, for one function only.
  await page.getByTestId('scenario-form').getByText('One function', { exact: true }).click();
  await page.getByPlaceholder('Choose a critical function').click();
  await page.keyboard.type('Laboratory results delivered');
  await page.getByRole('option', { name: /^Laboratory results delivered to clinicians/ }).click();
  await page.getByRole('button', { name: 'Run the scenario' }).click();
  await expect(page.getByTestId('scenario-result')).toContainText(
    'Only Laboratory results delivered to clinicians.',
  );
  await expect(page.getByTestId('scenario-function')).toHaveCount(1);
  await expect(results).toHaveAttribute('data-state', 'down');
});

test('the two clearinghouses on one cloud region are called out as a false redundancy', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const orgId = await riverbend(baseURL);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${orgId}/analysis/chokepoints`);
  const claims = page.locator('[data-testid^="chokepoints-"]', {
    hasText: 'Claims submitted, adjudicated and paid',
  });
  const warning = claims.getByTestId('false-redundancy').first();
  await expect(warning).toContainText('This backup is not a real backup');
  await expect(warning).toContainText(
    'ClearPath claim submission (837) and MedRoute backup claim submission (837) both depend on Nimbus Cloud',
  );
  await expect(claims.getByTestId('single-points')).toContainText('Nimbus Cloud us-east region');
  await shot(page, 'analysis-chokepoints');

  // A map with problems is left out of the analysis, with why and a way to fix it.
  const { api, csrf } = await adminApi(baseURL);
  const unfinished = await api.post(`/api/orgs/${orgId}/maps`, {
    data: {
      name: 'Unfinished map',
      model: {
        format: 'smart-model',
        version: 1,
        tlp: 'GREEN',
        functions: [{ id: 'f-x', label: 'Unfinished function' }],
        services: [{ id: 's-lonely', label: 'Lonely service', category: 'clearinghouse' }],
        dependencies: [{ from: 'f-x', to: 's-lonely', flow: 'information' }],
      },
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(unfinished.status()).toBe(201);
  const { id: unfinishedId }: { id: string } = await unfinished.json();
  await api.dispose();
  await page.getByTestId('analysis-tab-overview').click();
  const why = page.getByTestId(`analysis-map-problem-${unfinishedId}`);
  await expect(why).toContainText('"Lonely service" has no vendor');
  await why.getByRole('link', { name: 'Fix it in the editor' }).click();
  await expect(page).toHaveURL(new RegExp(`/maps/${unfinishedId}$`));

  // An organization with no maps yet is pointed to Maps.
  const empty = await createOrganization(baseURL, unique('Empty Analysis'));
  await page.goto(`/o/${empty.id}/analysis`);
  await expect(page.getByTestId('analysis-empty')).toContainText('There is nothing to analyze yet.');
  await page.getByRole('link', { name: 'Go to Maps' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${empty.id}/maps$`));
});

test('the prioritized list: exported as CSV with its marking, reordered by a weight, the weight saved', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  if (!baseURL) throw new Error('baseURL is not set');
  const orgId = await riverbend(baseURL);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${orgId}/analysis/priorities`);
  const vendors = page.getByTestId('priority-vendor');
  await expect(vendors.first()).toBeVisible();
  const before = await vendors.allTextContents();
  const top = before[0] ?? '';

  // Each rank explained.
  await page.getByTestId('priority-row').first().click();
  await expect(page.getByTestId('priority-explanation')).toContainText(`If ${top} became unavailable`);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^smart-prioritized-vendors-.*\.csv$/);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('TLP:AMBER');
  expect(csv).toContain(`1,${top},`);

  // Only patient data counts: the ranking is previewed with the vendors that hold the most first.
  await page.getByRole('slider', { name: 'Weight: Functions it stops' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('slider', { name: 'Weight: Worst harm' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('slider', { name: 'Weight: No backup or workaround' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('slider', { name: 'Weight: Sector concentration' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('weights-preview')).toBeVisible();
  await expect.poll(async () => (await vendors.allTextContents()).join('|')).not.toBe(before.join('|'));
  const previewed = await vendors.allTextContents();
  await shot(page, 'analysis-priorities-preview');

  await page.getByRole('button', { name: 'Save weights' }).click();
  await expect(page.getByTestId('weights-preview')).toBeHidden();
  await page.reload();
  await expect(vendors.first()).toHaveText(previewed[0] ?? '');
  await expect(page.getByRole('slider', { name: 'Weight: Functions it stops' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );

  // A dated snapshot for Phase 2, with the saved weights.
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await page.getByLabel('Name (optional)').fill('Before the board meeting');
  await page.getByRole('dialog').getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.getByTestId('snapshot-list')).toContainText('Before the board meeting');
  await expect(page.getByTestId('snapshot-list')).toContainText(ADMIN.name);
});

test('an executive viewer reads the analysis and previews weights, but saves nothing', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const orgId = await riverbend(baseURL);
  const viewer = {
    email: `${unique('viewer')}@e2e.example`,
    name: 'Vera Viewer',
    password: 'viewer-password-123',
  };
  const { api, csrf } = await adminApi(baseURL);
  const invited = await api.post(`/api/orgs/${orgId}/invitations`, {
    data: { email: viewer.email, role: 'executive_viewer' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(invited.status()).toBe(201);
  const { acceptUrl }: { acceptUrl: string } = await invited.json();
  await api.dispose();
  const stranger = await request.newContext({ baseURL });
  const token = acceptUrl.split('/').pop() ?? '';
  const accepted = await stranger.post(`/api/invitations/${token}/accept`, {
    data: { name: viewer.name, password: viewer.password },
  });
  expect(accepted.status()).toBe(200);
  await stranger.dispose();

  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/o/${orgId}/analysis/priorities`);
  await expect(page.getByTestId('priority-vendor').first()).toBeVisible();
  await expect(page.getByTestId('weights')).toContainText(
    'administrators and risk leads set the organization’s weights',
  );
  await page.getByRole('slider', { name: 'Weight: Functions it stops' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('weights-preview')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save weights' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
  await page.getByTestId('analysis-tab-simulator').click();
  await expect(page.getByTestId('scenario-form')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save scenario' })).toHaveCount(0);
});
