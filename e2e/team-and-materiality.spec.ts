// Journey: a risk program starts Phase 1. The administrator builds the planning team with a
// sub-team, starts the materiality rubric from the default for a small organization, raises a
// threshold (a new version), records the board's approval, and sees the approved banner and the
// version history; an earlier version stays readable. An executive viewer reads, and is told why
// there is nothing to change.
import { expect, type Page, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

async function addTeamMember(
  page: Page,
  person: { name: string; email?: string; discipline: string; role: string; approver?: boolean },
) {
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a team member' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  if (person.email) await dialog.getByRole('textbox', { name: 'Email (optional)' }).fill(person.email);
  await dialog.getByRole('combobox', { name: 'Discipline' }).click();
  await page.getByRole('option', { name: person.discipline, exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Role on the assessment' }).fill(person.role);
  if (person.approver) {
    await dialog.getByRole('checkbox', { name: 'Approves the materiality rubric' }).check();
    await shot(page, 'team-member-form');
  }
  await dialog.getByRole('button', { name: 'Add to team' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`team-member-${person.name}`)).toBeVisible();
}

test('build the planning team, then start, edit and approve the materiality rubric', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Materiality Clinic'));
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}`);

  // The planning team: three people, one of whom approves, and a sub-team that owns a workflow.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Planning team' })).toBeVisible();
  await expect(page.getByText('No one is on the planning team yet.')).toBeVisible();
  await addTeamMember(page, {
    name: 'Dana Ortiz',
    email: 'dana.ortiz@e2e.example',
    discipline: 'Cybersecurity',
    role: 'Leads the vendor security reviews',
  });
  await addTeamMember(page, {
    name: 'Sam Rivera',
    discipline: 'Clinical',
    role: 'Laboratory director; owns the lab workflow',
  });
  await addTeamMember(page, {
    name: 'Pat Kim',
    discipline: 'Executive leadership',
    role: 'Board chair; approves the rubric',
    approver: true,
  });
  await expect(page.getByTestId('team-member-Pat Kim')).toContainText('Approver');
  await expect(
    page.getByText(/Not yet represented: Risk, Legal, Compliance, IT, Finance, Operations/),
  ).toBeVisible();

  // Edit a member: Dana also covers risk.
  await page.getByRole('button', { name: 'Edit Dana Ortiz' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Dana Ortiz' });
  await edit.getByRole('combobox', { name: 'Discipline' }).click();
  await page.getByRole('option', { name: 'Risk', exact: true }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('team-member-Dana Ortiz')).toContainText('Risk');

  await page.getByRole('button', { name: 'Form a sub-team' }).click();
  const form = page.getByRole('dialog', { name: 'Form a sub-team' });
  await form.getByRole('textbox', { name: 'Sub-team name' }).fill('Laboratory');
  await form.getByRole('textbox', { name: 'What it covers' }).fill('From specimen collection to results');
  await form.getByRole('textbox', { name: 'Workflows it owns' }).fill('Laboratories\nBlood');
  await form.getByRole('combobox', { name: 'Members' }).click();
  await page.getByRole('option', { name: 'Sam Rivera' }).click();
  await page.getByRole('option', { name: 'Dana Ortiz' }).click();
  await form.getByRole('textbox', { name: 'Sub-team name' }).click();
  await form.getByRole('button', { name: 'Form sub-team' }).click();
  await expect(form).toBeHidden();
  const subTeam = page.getByTestId('sub-team-Laboratory');
  await expect(subTeam).toContainText('Laboratories');
  await expect(subTeam).toContainText('Blood');
  await expect(subTeam).toContainText('Dana Ortiz, Sam Rivera');
  await expect(page.getByTestId('team-member-Sam Rivera')).toContainText('Laboratory');
  await shot(page, 'team');

  // The rubric starts from the default, with the thresholds for a small organization.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Materiality' })
    .click();
  await expect(page.getByRole('heading', { name: 'Materiality', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the rubric' })).toBeDisabled();
  await shot(page, 'materiality-start');
  await page.getByRole('radio', { name: 'Small' }).click();
  await page.getByRole('button', { name: 'Start the rubric' }).click();
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await expect(page.getByTestId('approval-banner')).toContainText('No version approved yet');
  const grid = page.getByRole('table', { name: 'Materiality rubric' });
  await expect(grid.getByTestId('rubric-row-financial')).toContainText('under $1,000 a day');

  // Editing a threshold saves version 2; version 1 stays in the history.
  await page.getByRole('button', { name: 'Edit rubric' }).click();
  const threshold = page.getByRole('textbox', { name: 'Financial, level 1: threshold' });
  await threshold.fill('under $2,000 a day');
  await page
    .getByRole('textbox', { name: 'What changed (optional)' })
    .fill('Financial threshold raised by the CFO');
  await shot(page, 'materiality-editing');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  await expect(grid.getByTestId('rubric-row-financial')).toContainText('under $2,000 a day');
  const history = page.getByRole('table', { name: 'Rubric versions' });
  await expect(history.getByTestId('rubric-version-2')).toContainText('Draft');
  await expect(history.getByTestId('rubric-version-1')).toContainText('Superseded');
  await expect(history.getByTestId('rubric-version-2')).toContainText(
    'Financial threshold raised by the CFO',
  );

  // The board's approval makes version 2 the one analysis uses.
  await page.getByRole('button', { name: 'Record approval' }).click();
  const approval = page.getByRole('dialog', { name: 'Record the approval of version 2' });
  await approval.getByRole('combobox', { name: 'Approving body' }).click();
  await page.getByRole('option', { name: 'Board of directors' }).click();
  await approval.getByRole('combobox', { name: 'Approver' }).fill('Pat Kim');
  await approval.getByLabel('Date of approval').fill('2026-01-15');
  await approval.getByRole('textbox', { name: 'Note' }).fill('Approved at the January board meeting');
  await shot(page, 'materiality-approval');
  await approval.getByRole('button', { name: 'Record approval' }).click();
  await expect(approval).toBeHidden();
  const banner = page.getByTestId('approval-banner');
  await expect(banner).toContainText('Version 2 is approved and used by analysis');
  await expect(banner).toContainText('Pat Kim (Board of directors)');
  await expect(banner).toContainText('Approved at the January board meeting');
  await expect(history.getByTestId('rubric-version-2')).toContainText('ApprovedUsed by analysis');
  await expect(history.getByTestId('rubric-version-2')).toContainText('recorded by Alex Morgan');
  await shot(page, 'materiality-approved');
  // A laptop screen, too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'materiality-approved-laptop');
  await page.setViewportSize({ width: 1440, height: 900 });

  // An earlier version stays readable, and says it is read-only.
  await history.getByRole('button', { name: 'View version 1' }).click();
  await expect(page.getByTestId('earlier-version-notice')).toContainText('read-only');
  await expect(page.getByTestId('earlier-version-notice')).toBeInViewport();
  await expect(grid.getByTestId('rubric-row-financial')).toContainText('under $1,000 a day');
  await expect(page.getByRole('button', { name: 'Edit rubric' })).toHaveCount(0);
  await shot(page, 'materiality-earlier-version');
  await page.getByRole('button', { name: 'Back to version 2' }).click();
  await expect(grid.getByTestId('rubric-row-financial')).toContainText('under $2,000 a day');
});

test('an executive viewer reads the team and the rubric without edit controls', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Viewer Clinic'));
  const viewer = { email: `${unique('exec')}@e2e.example`, password: 'executive-reads-only' };
  const { api, csrf } = await adminApi(baseURL);
  const headers = { 'x-csrf-token': csrf };
  await api.post(`/api/orgs/${org.id}/team/members`, {
    data: { name: 'Morgan Lee', discipline: 'finance', assessmentRole: 'CFO', isApprover: true },
    headers,
  });
  const started = await api.post(`/api/orgs/${org.id}/materiality/start`, {
    data: { organizationSize: 'medium' },
    headers,
  });
  expect(started.status()).toBe(201);
  const invite = await api.post(`/api/orgs/${org.id}/invitations`, {
    data: { email: viewer.email, role: 'executive_viewer' },
    headers,
  });
  const token = String((await invite.json()).acceptUrl).split('/invite/')[1];
  await api.dispose();
  const accept = await page.request.post(`/api/invitations/${token}/accept`, {
    data: { name: 'Executive Viewer', password: viewer.password },
  });
  expect(accept.status()).toBe(200);
  await page.context().clearCookies();

  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/o/${org.id}/team`);
  await expect(page.getByTestId('team-member-Morgan Lee')).toBeVisible();
  await expect(page.getByTestId('read-only-notice')).toContainText(
    'Only administrators and risk leads can change this',
  );
  await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit Morgan Lee' })).toHaveCount(0);
  await shot(page, 'team-read-only');

  await page.goto(`/o/${org.id}/materiality`);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Materiality rubric' })).toContainText('under $25,000 a day');
  await expect(page.getByRole('button', { name: 'Edit rubric' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record approval' })).toHaveCount(0);
  await shot(page, 'materiality-read-only');
});

test('a rubric edit is never lost silently: a wrong cell is marked, a stale save is refused', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Conflict Clinic'));
  const { api, csrf } = await adminApi(baseURL);
  const headers = { 'x-csrf-token': csrf };
  const started = await api.post(`/api/orgs/${org.id}/materiality/start`, {
    data: { organizationSize: 'large' },
    headers,
  });
  const v1 = await started.json();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/materiality`);
  await page.getByRole('button', { name: 'Edit rubric' }).click();

  // An empty meaning is refused, and the cell says why.
  const meaning = page.getByRole('textbox', { name: 'Regulatory, level 3: meaning' });
  await meaning.fill('');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('One field needs attention; it is marked in red below.')).toBeVisible();
  await expect(meaning).toHaveAttribute('aria-invalid', 'true');
  await meaning.fill('An obligation is missed and must be reported to a regulator.');

  // Meanwhile a colleague saves version 2.
  const other = await api.post(`/api/orgs/${org.id}/materiality/versions`, {
    data: { baseVersion: 1, dimensions: v1.dimensions, changeNote: 'Colleague edit' },
    headers,
  });
  expect(other.status()).toBe(201);
  await api.dispose();

  await page.getByRole('button', { name: 'Save as version 2' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone saved a newer version' });
  await expect(conflict).toContainText('Your edit started from version 1');
  await expect(conflict).toContainText('Your changes were not saved');
  await shot(page, 'materiality-conflict');
  await conflict.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  await expect(page.getByText('Colleague edit').first()).toBeVisible();
});
