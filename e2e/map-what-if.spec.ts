// Journey: a risk lead adapting the Claims and Payments map watches its chokepoints change as they
// edit, without saving or asking the server: the clearinghouse is a single point of failure of
// "Claims submitted, adjudicated and paid" until a second clearinghouse is added as its alternate
// (1 of 2); putting that second one in the first one's data centers is called out as a false
// redundancy. The check runs in a web worker in the browser.
import { expect, type Page, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

const CLAIMS_FUNCTION = 'f-claims-paid';
const FIRST_CLEARINGHOUSE = 'Claim editing and submission (837)';
const FIRST_CLEARINGHOUSE_ID = 'svc-clearinghouse-claims';
const SECOND_CLEARINGHOUSE = 'Beta clearinghouse claim submission';
const SUBMIT_STEP = 'Submit the claim through the clearinghouse';
const DATA_CENTERS = 'Clearinghouse data centers';
const TOGGLE = 'Highlight single points of failure on the map';

async function pick(page: Page, box: string, typed: string, option: string | RegExp) {
  const input = page.getByRole('combobox', { name: box });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** The chokepoints tab, once the worker has answered about the map as it is now. */
async function openChokepoints(page: Page) {
  await page.getByRole('tab', { name: 'Chokepoints' }).click();
  const panel = page.getByTestId('chokepoints-panel');
  await expect(panel.getByTestId('what-if-timing')).toHaveAttribute('data-state', 'ready', {
    timeout: 15_000,
  });
  return panel;
}

test('live what-if: chokepoints update as an alternate clearinghouse is added', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('What-if Clinic'));
  const { api, csrf } = await adminApi(baseURL);
  const created = await api.post(`/api/orgs/${org.id}/maps`, {
    data: { name: 'Claims and Payments', templateId: 'claims-and-payments', tlp: 'AMBER' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status()).toBe(201);
  const map: { id: string } = await created.json();
  await api.dispose();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/maps/${map.id}`);
  // The first layout (ELK in a web worker) can take several seconds while another journey runs.
  await expect(page.getByTestId('map-title')).toHaveText('Claims and Payments', { timeout: 30_000 });
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas.locator('[data-kind="step"]').first()).toBeVisible();
  // Nothing is highlighted until chokepoints are turned on.
  await expect(canvas.locator('[data-highlighted="true"]')).toHaveCount(0);

  // Opening the tab turns the highlight on; the first clearinghouse stops claims on its own.
  let panel = await openChokepoints(page);
  await expect(panel.getByRole('switch', { name: TOGGLE })).toBeChecked();
  await expect(panel.getByTestId('what-if-timing')).toContainText(/Checked in your browser in [\d.]+ ms/);
  await expect(panel.getByTestId('what-if-summary')).toContainText('single points of failure');
  const claims = panel.locator(`[data-testid="chokepoint-function"][data-function="${CLAIMS_FUNCTION}"]`);
  await expect(claims).toContainText('Claims submitted, adjudicated and paid');
  const firstRow = claims.locator(`[data-testid="chokepoint-row"][data-node="${FIRST_CLEARINGHOUSE_ID}"]`);
  await expect(firstRow).toHaveText(new RegExp(FIRST_CLEARINGHOUSE.replace(/[()]/g, '\\$&')));
  await expect(claims.getByTestId('false-redundancy')).toHaveCount(0);
  // Clicking it selects the node and brings it into view, drawn as a single point of failure.
  await firstRow.click();
  const firstNode = canvas.getByTestId(`map-node-${FIRST_CLEARINGHOUSE_ID}`);
  await expect(firstNode).toBeVisible();
  await expect(firstNode).toHaveAttribute('data-selected', 'true');
  await expect(firstNode).toHaveAttribute('data-highlighted', 'true');
  await expect(firstNode).toContainText('Single point of failure');
  await shot(page, 'map-what-if');

  // A second clearinghouse, as map-editor.spec.ts adds it: named, categorized, given its vendor,
  // needed by the step that submits claims.
  await page.getByTestId('palette-service').click();
  const properties = page.getByTestId('node-properties');
  const name = properties.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await name.fill(SECOND_CLEARINGHOUSE);
  await pick(page, 'Category', 'clearinghouse', 'Medical clearinghouse');
  await pick(page, 'Add something that depends on this node', 'Submit the claim', SUBMIT_STEP);
  await expect(page.getByTestId('used-by')).toContainText(SUBMIT_STEP);

  // Without its vendor yet, the map is still analysed, and says what it worked around.
  panel = await openChokepoints(page);
  await expect(panel.getByTestId('what-if-partial')).toContainText(`"${SECOND_CLEARINGHOUSE}" has no vendor`);
  // A second supplier that is not an alternative yet changes nothing for the first.
  await expect(firstRow).toBeVisible();

  await page.getByRole('tab', { name: 'Details' }).click();
  await properties.getByRole('button', { name: 'Add a new vendor' }).click();
  await page.getByRole('textbox', { name: "New vendor's name" }).fill('Beta Clearinghouse Inc.');
  await page.getByRole('button', { name: 'Add this vendor' }).click();
  await expect(properties.getByRole('combobox', { name: 'Vendor' })).toHaveValue('Beta Clearinghouse Inc.');

  // On the step: the two clearinghouses become alternatives, 1 of 2.
  await page.getByTestId('used-by').getByRole('button', { name: SUBMIT_STEP }).click();
  const dependsOn = page.getByTestId('depends-on');
  await dependsOn.getByRole('checkbox', { name: `Choose ${FIRST_CLEARINGHOUSE} as an alternative` }).check();
  await dependsOn.getByRole('checkbox', { name: `Choose ${SECOND_CLEARINGHOUSE} as an alternative` }).check();
  await dependsOn.getByRole('button', { name: 'Group as alternatives (1 of 2)' }).click();
  await expect(page.getByTestId('alternatives-group')).toContainText('Alternatives: 1 of 2');

  // The first clearinghouse is no longer a single point of failure: off the list and the map.
  panel = await openChokepoints(page);
  await expect(panel.getByTestId('what-if-partial')).toHaveCount(0);
  await expect(claims).toBeVisible();
  await expect(firstRow).toHaveCount(0);
  await expect(claims.getByTestId('false-redundancy')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Details' }).click();
  await pick(
    page,
    'Find a node',
    'Claim editing',
    new RegExp(`^${FIRST_CLEARINGHOUSE.replace(/[()]/g, '\\$&')}`),
  );
  await expect(firstNode).toBeVisible();
  await expect(firstNode).not.toHaveAttribute('data-highlighted', 'true');
  await expect(firstNode).not.toContainText('Single point of failure');

  // The second clearinghouse in the first one's data centers: both fail with them.
  await pick(page, 'Find a node', 'Beta clearinghouse', new RegExp(`^${SECOND_CLEARINGHOUSE}`));
  await expect(properties.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    SECOND_CLEARINGHOUSE,
  );
  await pick(page, 'Add something this node depends on', 'Clearinghouse data', DATA_CENTERS);
  panel = await openChokepoints(page);
  const hostRedundancy = claims.getByTestId('false-redundancy').filter({ hasText: `${DATA_CENTERS} (host)` });
  await expect(hostRedundancy).toHaveCount(1);
  await expect(hostRedundancy).toContainText(
    `The redundancy of ${SUBMIT_STEP} is false: ${FIRST_CLEARINGHOUSE} and ${SECOND_CLEARINGHOUSE} both depend on ${DATA_CENTERS} (host); if it fails, 2 of 2 alternatives fail together.`,
  );
  await expect(claims.locator('[data-testid="chokepoint-row"][data-node="h-clearinghouse-dc"]')).toHaveCount(
    1,
  );
  await hostRedundancy.getByRole('button', { name: `Show ${DATA_CENTERS} on the map` }).click();
  const hostNode = canvas.getByTestId('map-node-h-clearinghouse-dc');
  await expect(hostNode).toBeVisible();
  await expect(hostNode).toHaveAttribute('data-highlighted', 'true');
  await shot(page, 'map-what-if-false-redundancy');

  // Turned off, the map is drawn as before.
  await panel.getByRole('switch', { name: TOGGLE }).click();
  await expect(panel.getByRole('switch', { name: TOGGLE })).not.toBeChecked();
  await expect(canvas.locator('[data-highlighted="true"]')).toHaveCount(0);
});
