// Journey: an administrator's actions appear in the audit log with their before/after values;
// filters narrow the list, "Load more" pages through it, and the hash chain verifies.
import { expect, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

test('actions are logged, filters work, paging works, the chain verifies', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Audit Hospital'));
  const kept = `${unique('kept')}@e2e.example`;
  const revoked = `${unique('revoked')}@e2e.example`;

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/admin/members`);
  for (const email of [kept, revoked]) {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(email);
  }
  await page.getByRole('button', { name: `Revoke invitation for ${revoked}` }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).not.toContainText(revoked);

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  const table = page.getByRole('table', { name: 'Audit log' });
  // organization.created, member.added, two invitation.created, invitation.revoked; newest first.
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('Invitation revoked');
  await expect(rows.first()).toContainText(ADMIN.name);
  await expect(table).toContainText('Organization created');

  // Expanding an entry shows what changed.
  await rows
    .first()
    .getByRole('button', { name: /Show changes/ })
    .click();
  await expect(page.getByTestId('audit-diff')).toContainText(revoked);
  await shot(page, 'audit-log');

  // Filter by action, then by entity type, then a date range with nothing in it.
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Invitation created' }).click();
  await expect(rows).toHaveCount(2);
  await expect(table).not.toContainText('Invitation revoked');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(5);
  await page.getByRole('combobox', { name: 'Entity type' }).click();
  await page.getByRole('option', { name: 'organization', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Organization created');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('From').fill('2099-01-01');
  await expect(page.getByTestId('audit-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(5);

  // The hash chain holds.
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('Chain OK');
  await expect(page.getByTestId('verify-result')).toContainText('entries are intact');
});

test('"Load more" pages through a long log', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Busy Clinic'));
  // 55 invitations + organization.created + member.added = 57 entries: more than one page of 50.
  const { api, csrf } = await adminApi(baseURL);
  for (let i = 0; i < 55; i++) {
    const response = await api.post(`/api/orgs/${org.id}/invitations`, {
      data: { email: `bulk-${i}-${unique('x')}@e2e.example`, role: 'assessor' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(response.status()).toBe(201);
  }
  await api.dispose();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/admin/audit`);
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(57);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(rows.last()).toContainText('Organization created');
});
