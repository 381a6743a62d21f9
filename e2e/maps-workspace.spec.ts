// Journey: the planning team chooses and ranks the sector templates that apply (with reasons),
// and makes the Claims and Payments map from its template. A stale ranking save is refused and
// explained. An executive viewer reads the maps and the ranking without any edit control.
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

const CLAIMS = 'claims-and-payments';

async function api(baseURL: string): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const { api, csrf } = await adminApi(baseURL);
  return { api, headers: { 'x-csrf-token': csrf } };
}

/** A new account with `role` in the organization (invited by the administrator, accepted). */
async function addUser(
  page: Page,
  baseURL: string,
  orgId: string,
  role: string,
  name: string,
): Promise<{ email: string; password: string }> {
  const user = { email: `${unique(role)}@e2e.example`, password: `${role}-reads-maps-carefully` };
  const { api: admin, headers } = await api(baseURL);
  const invite = await admin.post(`/api/orgs/${orgId}/invitations`, {
    data: { email: user.email, role },
    headers,
  });
  expect(invite.status()).toBe(201);
  const token = String((await invite.json()).acceptUrl).split('/invite/')[1];
  await admin.dispose();
  const accept = await page.request.post(`/api/invitations/${token}/accept`, {
    data: { name, password: user.password },
  });
  expect(accept.status()).toBe(200);
  await page.context().clearCookies();
  return user;
}

async function saveSelectionThroughApi(baseURL: string, orgId: string) {
  const { api: admin, headers } = await api(baseURL);
  const saved = await admin.put(`/api/orgs/${orgId}/map-selection`, {
    data: {
      version: 0,
      items: [
        { templateId: CLAIMS, importance: 5, impact: 5, reason: 'Most of our revenue runs through it.' },
        { templateId: 'laboratories', importance: 4, impact: 4, reason: 'Diagnoses wait on the lab.' },
      ],
    },
    headers,
  });
  expect(saved.status()).toBe(200);
  await admin.dispose();
}

test('choose and rank templates, then make the Claims and Payments map from the first', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Maps Clinic'));
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/maps`);

  // A newcomer is told the two steps, the first being the ranking.
  await expect(page.getByRole('heading', { name: 'Workflow maps' })).toBeVisible();
  await expect(page.getByTestId('maps-empty')).toContainText('Choose and rank the templates that apply');
  await shot(page, 'maps-empty');
  await page.getByRole('link', { name: 'Choose templates' }).click();
  await expect(page.getByRole('heading', { name: 'Choose and rank the maps that apply' })).toBeVisible();

  // Two templates chosen: Laboratories first, then Claims and Payments moved above it with the keyboard.
  await page.getByRole('button', { name: 'Choose Laboratories' }).click();
  await page.getByRole('button', { name: 'Choose Claims and Payments' }).click();
  await expect(page.getByTestId('ranked-laboratories')).toHaveAttribute('aria-label', 'Rank 1: Laboratories');
  await page.getByRole('button', { name: /^Reorder Claims and Payments/ }).press('ArrowUp');
  const claims = page.getByTestId(`ranked-${CLAIMS}`);
  const labs = page.getByTestId('ranked-laboratories');
  await expect(claims).toHaveAttribute('aria-label', 'Rank 1: Claims and Payments');
  await expect(labs).toHaveAttribute('aria-label', 'Rank 2: Laboratories');
  // The focus stays on the moved item's handle, so a second press keeps moving it.
  await expect(page.getByRole('button', { name: /^Reorder Claims and Payments/ })).toBeFocused();
  await claims
    .getByRole('radiogroup', { name: /Importance/ })
    .getByText('5', { exact: true })
    .click();
  await claims
    .getByRole('radiogroup', { name: /Potential impact/ })
    .getByText('5', { exact: true })
    .click();
  await expect(claims).toContainText('5 · Essential');
  await expect(claims).toContainText('5 · Severe');
  await labs
    .getByRole('radiogroup', { name: /Potential impact/ })
    .getByText('4', { exact: true })
    .click();

  // The reasons are required.
  await page.getByRole('button', { name: 'Save ranking' }).click();
  await expect(page.getByText('2 templates need a reason before the ranking can be saved')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Reason for Claims and Payments' })).toBeFocused();
  await page
    .getByRole('textbox', { name: 'Reason for Claims and Payments' })
    .fill('Two thirds of our revenue; a clearinghouse outage stopped our claims for three weeks in 2024.');
  await page
    .getByRole('textbox', { name: 'Reason for Laboratories' })
    .fill('Every inpatient diagnosis waits on the lab.');
  await shot(page, 'map-selection');
  await page.getByRole('button', { name: 'Save ranking' }).click();
  await expect(page.getByTestId('selection-status')).toContainText(`Saved by ${ADMIN.name}`);
  await page.reload();
  await expect(claims).toHaveAttribute('aria-label', 'Rank 1: Claims and Payments');
  await expect(claims).toContainText('5 · Essential');
  await expect(labs).toContainText('4 · Major');

  // From the chosen template, one click makes the map and opens the editor.
  await page.getByRole('button', { name: 'Create map from Claims and Payments' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.id}/maps/[0-9a-f-]{36}$`));
  const mapId = page.url().split('/').pop() ?? '';

  // The list shows it, ranked, with the template it came from; Laboratories still waits for its map.
  await page.goto(`/o/${org.id}/maps`);
  const row = page.getByTestId('map-row-Claims and Payments');
  await expect(row).toContainText('Claims and Payments template');
  await expect(row).toContainText('Draft');
  await expect(row.getByTestId('tlp-marking')).toHaveText('TLP:AMBER');
  await expect(page.getByTestId('unmapped-selection')).toContainText('2. Laboratories');
  await shot(page, 'maps-list');

  expect(mapId).toMatch(/^[0-9a-f-]{36}$/);
});

test('a stale ranking save is refused and the saved ranking can be loaded', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Ranking Conflict Clinic'));
  await saveSelectionThroughApi(baseURL, org.id);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/maps/selection`);
  await expect(page.getByTestId(`ranked-${CLAIMS}`)).toHaveAttribute(
    'aria-label',
    'Rank 1: Claims and Payments',
  );

  // Meanwhile a colleague takes Laboratories off the list.
  const { api: admin, headers } = await api(baseURL);
  const colleague = await admin.put(`/api/orgs/${org.id}/map-selection`, {
    data: {
      version: 1,
      items: [{ templateId: CLAIMS, importance: 5, impact: 5, reason: 'Revenue.' }],
    },
    headers,
  });
  expect(colleague.status()).toBe(200);
  await admin.dispose();

  await page.getByRole('button', { name: 'Move Laboratories up' }).click();
  await page.getByRole('button', { name: 'Save ranking' }).click();
  const conflict = page.getByTestId('selection-conflict');
  await expect(conflict).toContainText('Someone else saved the ranking first');
  // The edit is still on screen until the user chooses to load the saved ranking.
  await expect(page.getByTestId('ranked-laboratories')).toHaveAttribute('aria-label', 'Rank 1: Laboratories');
  await conflict.getByRole('button', { name: 'Load the saved ranking' }).click();
  await expect(page.getByTestId('ranked-laboratories')).toHaveCount(0);
  await expect(page.getByTestId('selection-status')).toContainText('version 2');
});

test('an executive viewer reads the maps, the ranking and a map without edit controls', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Maps Viewer Clinic'));
  await saveSelectionThroughApi(baseURL, org.id);
  const { api: admin, headers } = await api(baseURL);
  const created = await admin.post(`/api/orgs/${org.id}/maps`, {
    data: { templateId: CLAIMS, name: 'Claims and Payments' },
    headers,
  });
  expect(created.status()).toBe(201);
  const map: { id: string } = await created.json();
  await admin.dispose();
  const viewer = await addUser(page, baseURL, org.id, 'executive_viewer', 'Morgan Exec');

  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/o/${org.id}/maps`);
  await expect(page.getByTestId('map-row-Claims and Payments')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New map' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByTestId('unmapped-selection')).toHaveCount(0);

  await page.getByRole('link', { name: 'Ranked templates (2)' }).click();
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ranking' })).toContainText(
    'Most of our revenue runs through it.',
  );
  await expect(page.getByRole('button', { name: 'Save ranking' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Choose / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Create map/ })).toHaveCount(0);
  await shot(page, 'map-selection-read-only');
  await expect(page.getByRole('link', { name: 'Open map' })).toHaveAttribute(
    'href',
    `/o/${org.id}/maps/${map.id}`,
  );
});
