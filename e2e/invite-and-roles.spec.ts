// Journey: an administrator invites a new person, who accepts through the link in their own
// browser; the administrator changes their role and the person's navigation changes with it.
import { expect, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, createOrganization, signIn, unique } from './support/world';

test('invite, accept as a new user, change role, see the navigation change', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Invite Clinic'));
  const invitee = {
    name: 'Riley Chen',
    email: `${unique('riley')}@e2e.example`,
    password: 'riley-reviews-vendors',
  };

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/admin/members`);
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(ADMIN.email);

  // Invite as an assessor; the link to hand over is shown.
  await page.getByLabel('Email').fill(invitee.email);
  await page.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Assessor' }).click();
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(invitee.email);
  await shot(page, 'members');

  // The invitee, in a browser of their own, sees the organization and role, and creates an account.
  const inviteeContext = await browser.newContext({ baseURL });
  const inviteePage = await inviteeContext.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole('heading', { name: `Join ${org.name}` })).toBeVisible();
  await expect(inviteePage.getByText('Assessor')).toBeVisible();
  await shot(inviteePage, 'accept-invitation');
  await inviteePage.getByLabel('Your name').fill(invitee.name);
  await inviteePage.getByRole('textbox', { name: 'Password', exact: true }).fill(invitee.password);
  await inviteePage.getByLabel('Confirm password').fill(invitee.password);
  await inviteePage.getByRole('button', { name: 'Create account and join' }).click();
  await expect(inviteePage).toHaveURL(new RegExp(`/o/${org.id}$`));
  const inviteeNav = inviteePage.getByRole('navigation', { name: 'Main navigation' });
  await expect(inviteeNav.getByRole('link', { name: 'Vendors' })).toBeVisible();
  await expect(inviteeNav.getByRole('link', { name: 'Members' })).toHaveCount(0);
  await expect(inviteeNav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  // An assessor who types an admin address is told it is for administrators.
  await inviteePage.goto(`/o/${org.id}/admin/members`);
  await expect(inviteePage.getByText('Administrators only')).toBeVisible();

  // The link works once.
  await inviteePage.goto(link);
  await expect(inviteePage.getByText('Invitation not available')).toBeVisible();

  // The administrator sees the new member and makes them an administrator.
  await page.reload();
  const row = page.getByTestId(`member-${invitee.email}`);
  await expect(row).toContainText(invitee.name);
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
  await row.getByRole('combobox', { name: `Role of ${invitee.name}` }).click();
  await page.getByRole('option', { name: 'Administrator' }).click();
  await expect(page.getByText(`${invitee.name} is now Administrator.`)).toBeVisible();

  // The invitee's navigation now has the Admin section.
  await inviteePage.goto(`/o/${org.id}`);
  await expect(inviteeNav.getByRole('link', { name: 'Members' })).toBeVisible();
  await inviteeNav.getByRole('link', { name: 'Members' }).click();
  await expect(inviteePage.getByRole('table', { name: 'Members' })).toContainText(ADMIN.email);
  await inviteeContext.close();
});

test('a pending invitation can be revoked and its link stops working', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Revoke Clinic'));
  const email = `${unique('casey')}@e2e.example`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/admin/members`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending).toContainText(email);
  await page.getByRole('button', { name: `Revoke invitation for ${email}` }).click();
  await expect(page.getByText('No pending invitations.')).toBeVisible();
  await page.goto(link);
  await expect(page.getByText('Invitation not available')).toBeVisible();
});
