// Journey: a user creates a second organization, switches between the two, and each one shows
// only its own data.
import { expect, test } from '@playwright/test';
import { ADMIN, createOrganization, signIn, unique } from './support/world';

test('create a second organization, switch, and see data scoped to each', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const first = await createOrganization(baseURL, unique('North Lab'));
  const secondName = unique('South Pharmacy');
  const invited = `${unique('only-north')}@e2e.example`;

  await signIn(page, ADMIN.email, ADMIN.password);
  // Something that belongs to the first organization only: a pending invitation.
  await page.goto(`/o/${first.id}/admin/members`);
  await page.getByLabel('Email').fill(invited);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(invited);

  // Create the second organization from the switcher; its slug follows the name.
  await page.getByTestId('org-switcher').click();
  await page.getByRole('menuitem', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByLabel('Organization name').fill(secondName);
  await expect(dialog.getByLabel('Short name (slug)')).toHaveValue(
    secondName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  );
  await dialog.getByRole('button', { name: 'Create organization' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(new RegExp(first.id));
  await expect(page.getByTestId('org-switcher')).toContainText(secondName);
  const secondId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(secondId).toBeDefined();

  // The creator is the administrator of the new organization, and its data is its own.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(ADMIN.email);
  await expect(page.getByTestId(`member-${ADMIN.email}`).getByRole('combobox')).toHaveValue('Administrator');
  await expect(page.getByText('No pending invitations.')).toBeVisible();
  await expect(page.getByText(invited)).toHaveCount(0);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit log' })).not.toContainText('Invitation created');

  // Switch back to the first organization with the switcher: its invitation is there.
  await page.getByTestId('org-switcher').click();
  await page.getByRole('menuitem', { name: new RegExp(first.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${first.id}$`));
  await expect(page.getByTestId('org-switcher')).toContainText(first.name);
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(invited);

  // Renaming shows in the switcher at once.
  await nav.getByRole('link', { name: 'Organization' }).click();
  const renamed = `${first.name} Renamed`;
  await page.getByLabel('Name').fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('org-switcher')).toContainText(renamed);

  // An organization the user does not belong to is not shown; they land in one of their own.
  await page.goto('/o/00000000-0000-4000-8000-000000000000');
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await expect(page).not.toHaveURL(/00000000-0000-4000-8000-000000000000/);
});
