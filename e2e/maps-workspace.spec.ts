// Journey: the planning team chooses and ranks the sector templates that apply (with reasons),
// makes the Claims and Payments map from its template, comments on a step, sends the map to review
// and a business owner of its sub-team validates it; a change made meanwhile puts it back to draft,
// the history shows the difference between two versions in words, and the first version is
// restored. A stale ranking save is refused and explained. An executive viewer reads the maps, the
// ranking and a map without any edit control.
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
): Promise<{ id: string; email: string; password: string }> {
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
  const session: { user: { id: string } } = await accept.json();
  await page.context().clearCookies();
  return { id: session.user.id, ...user };
}

const SUBMIT_STEP = 'Submit the claim through the clearinghouse';

interface MapBody {
  id: string;
  version: number;
  model: { processSteps: { id: string; label?: string }[] };
}

/** A business owner on the planning team, in the revenue-cycle sub-team; returns the sub-team id. */
async function revenueCycleOwner(
  baseURL: string,
  orgId: string,
  userId: string,
  name: string,
): Promise<string> {
  const { api: admin, headers } = await api(baseURL);
  const member = await admin.post(`/api/orgs/${orgId}/team/members`, {
    data: { name, userId, discipline: 'operations', assessmentRole: 'Revenue cycle director' },
    headers,
  });
  expect(member.status()).toBe(201);
  const subTeam = await admin.post(`/api/orgs/${orgId}/team/sub-teams`, {
    data: { name: 'Revenue cycle', workflows: 'Claims and payments', memberIds: [(await member.json()).id] },
    headers,
  });
  expect(subTeam.status()).toBe(201);
  const id: string = (await subTeam.json()).id;
  await admin.dispose();
  return id;
}

/** Changes the map through the API, as a colleague would from another browser. */
async function changeMap(baseURL: string, orgId: string, mapId: string, change: (map: MapBody) => object) {
  const { api: admin, headers } = await api(baseURL);
  const map: MapBody = await (await admin.get(`/api/orgs/${orgId}/maps/${mapId}`)).json();
  const saved = await admin.put(`/api/orgs/${orgId}/maps/${mapId}`, {
    data: { version: map.version, ...change(map) },
    headers,
  });
  expect(saved.status()).toBe(200);
  await admin.dispose();
}

async function findNode(page: Page, label: string) {
  await page.getByRole('tab', { name: 'Details' }).click();
  const input = page.getByRole('combobox', { name: 'Find a node' });
  await input.click();
  await input.fill(label);
  await page
    .getByRole('option', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
    .first()
    .click();
  await expect(
    page.getByTestId('node-properties').getByRole('textbox', { name: 'Name', exact: true }),
  ).toHaveValue(label);
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

test('choose and rank templates, make the Claims and Payments map, comment, review, compare and restore', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Maps Clinic'));
  const owner = await addUser(page, baseURL, org.id, 'business_owner', 'Robin Revenue');
  const subTeamId = await revenueCycleOwner(baseURL, org.id, owner.id, 'Robin Revenue');
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

  // The revenue-cycle sub-team owns it (set through the API, as the team's lead would).
  await changeMap(baseURL, org.id, mapId, () => ({ subTeamId }));
  await page.reload();
  await expect(row).toContainText('Revenue cycle');
  await row.getByRole('link', { name: 'Claims and Payments' }).click();
  // The editor's first load brings the canvas code and lays out the map: allow it time.
  await expect(page.getByTestId('map-title')).toHaveText('Claims and Payments', { timeout: 30_000 });

  // A comment on a step: written with Ctrl+Enter, shown on that step.
  await findNode(page, SUBMIT_STEP);
  await page.getByRole('tab', { name: /^Comments/ }).click();
  const comments = page.getByTestId('comments-panel');
  const box = comments.getByRole('textbox', { name: `Comment on ${SUBMIT_STEP}` });
  await expect(comments).toContainText(`On “${SUBMIT_STEP}”`);
  await box.fill('Since 2024 we also send claims through a second clearinghouse; add it as an alternate.');
  await box.press('Control+Enter');
  await expect(comments.getByTestId('map-comment')).toContainText('second clearinghouse');
  await expect(box).toHaveValue('');
  await shot(page, 'map-comments');

  // Submitted for review by the administrator ...
  const review = page.getByTestId('review-control');
  await review.getByRole('button', { name: 'Submit for review' }).click();
  const submit = page.getByRole('dialog', { name: /Submit for review/ });
  await submit.getByRole('textbox', { name: 'Note (optional)' }).fill('Ready for the revenue cycle team.');
  await submit.getByRole('button', { name: 'Submit for review' }).click();
  await expect(review.getByTestId('review-status')).toHaveText('In review');
  await expect(review.getByRole('button', { name: 'Request changes' })).toBeVisible();

  // ... and validated by the business owner of its sub-team, in a browser of their own.
  const ownerContext = await browser.newContext({ baseURL });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner.email, owner.password);
  await ownerPage.goto(`/o/${org.id}/maps/${mapId}`);
  // The editor opens once the map is laid out: seconds while the other worker's journey keeps both
  // cores busy.
  await expect(ownerPage.getByTestId('map-title')).toHaveText('Claims and Payments', { timeout: 30_000 });
  const ownerReview = ownerPage.getByTestId('review-control');
  await expect(ownerReview.getByTestId('review-note')).toContainText('Ready for the revenue cycle team.');
  await ownerReview.getByRole('button', { name: 'Validate' }).click();
  await ownerPage
    .getByRole('dialog', { name: /Validate/ })
    .getByRole('button', { name: 'Validate' })
    .click();
  await expect(ownerReview.getByTestId('review-status')).toContainText('Validated by Robin Revenue on');
  await shot(ownerPage, 'map-validated');
  await ownerContext.close();

  // Meanwhile a colleague renames the step: the map goes back to draft, and the history says what changed.
  await changeMap(baseURL, org.id, mapId, (map) => ({
    model: {
      ...map.model,
      processSteps: map.model.processSteps.map((step) =>
        step.label === SUBMIT_STEP ? { ...step, label: `${SUBMIT_STEP} (837P)` } : step,
      ),
    },
  }));
  await page.reload();
  await expect(review.getByTestId('review-status')).toHaveText('Draft', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('map-version-1')).toContainText('Created');
  await expect(history.getByTestId('map-version-1')).toHaveAttribute('aria-pressed', 'true');
  await expect(history.getByTestId('diff-summary')).toContainText('From v1 to now: 1 changed');
  await expect(history.getByTestId('diff-changed')).toContainText(
    `Label: "${SUBMIT_STEP}" → "${SUBMIT_STEP} (837P)"`,
  );
  await shot(page, 'map-history');

  // Restoring version 1 makes a new version with the old name back.
  await history.getByRole('button', { name: 'Restore version 1' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore version 1?' });
  await restore.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(restore).toBeHidden();
  const newest = history.getByRole('button', { name: /^Version \d+$/ }).first();
  await expect(newest).toContainText('Restored');
  await expect(newest).toContainText('Current');
  const { api: admin } = await api(baseURL);
  const restored: MapBody = await (await admin.get(`/api/orgs/${org.id}/maps/${mapId}`)).json();
  await admin.dispose();
  expect(restored.model.processSteps.map((step) => step.label)).toContain(SUBMIT_STEP);
  await findNode(page, SUBMIT_STEP);

  // The comment stays with its step, and the list counts it.
  await page.goto(`/o/${org.id}/maps`);
  await expect(row).toContainText('1 open');
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
  await page.getByRole('link', { name: 'Open map' }).click();
  await expect(page).toHaveURL(new RegExp(`/maps/${map.id}$`));
  const review = page.getByTestId('review-control');
  await expect(review.getByTestId('review-status')).toHaveText('Draft', { timeout: 30_000 });
  await expect(review.getByRole('button')).toHaveCount(0);
  await page.getByRole('tab', { name: /^Comments/ }).click();
  await expect(page.getByTestId('comments-panel')).toContainText('your role does not write them');
  await expect(page.getByTestId('comments-panel').getByRole('textbox')).toHaveCount(0);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('map-version-1')).toContainText('Created');
  await expect(page.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await shot(page, 'map-read-only');
});
