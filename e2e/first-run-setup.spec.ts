// Journey: a new install opens on the guided setup; the administrator creates the organization,
// lands in the app, signs out and signs back in.
import { expect, test } from '@playwright/test';
import { shot } from './support/shots';

const ORG = 'Lakeside Regional Clinic';
const ADMIN = {
  name: 'Morgan Lee',
  email: 'morgan.lee@lakeside.example',
  password: 'lakeside-rounds-at-dawn',
};

test('guided setup, then sign out and sign in again', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up SMART' })).toBeVisible();
  // The demo is offered as the secondary way in, and says what it is.
  await expect(page.getByRole('button', { name: 'Explore with demo data' })).toBeVisible();
  await expect(page.getByText(/Riverbend Community Hospital.*fictional small hospital/)).toBeVisible();
  await shot(page, 'first-run');

  // Step 1: the slug follows the name.
  await page.getByLabel('Organization name').fill(ORG);
  await expect(page.getByLabel('Short name (slug)')).toHaveValue('lakeside-regional-clinic');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: a short password is refused before anything is sent.
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('too-short');
  await expect(page.getByTestId('password-strength')).toHaveText('Too short');
  await page.getByLabel('Confirm password').fill('too-short');
  await page.getByRole('button', { name: 'Create organization and account' }).click();
  await expect(page.getByText('Use at least 12 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(`${ADMIN.password}x`);
  await page.getByRole('button', { name: 'Create organization and account' }).click();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await shot(page, 'first-run-administrator');
  await page.getByRole('button', { name: 'Create organization and account' }).click();

  // Step 3: done, then into the app as the organization's administrator.
  await expect(page.getByRole('heading', { name: 'SMART is ready' })).toBeVisible();
  await page.getByRole('button', { name: 'Open SMART' }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Your systemic risk program' })).toBeVisible();
  await expect(page.getByTestId('org-switcher')).toContainText(ORG);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByText('Phase 1 · Identify')).toBeVisible();
  await expect(nav.getByText('Phase 2 · Mitigate')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
  await shot(page, 'app-home');

  // A method step that is not built yet explains itself.
  await nav.getByRole('link', { name: 'Contracts' }).click();
  await expect(page.getByRole('heading', { name: 'Contracts' })).toBeVisible();
  await expect(page.getByText('Phase 2 · Step 8')).toBeVisible();
  await expect(page.getByText(/Make sure the contracts with your critical vendors require/)).toBeVisible();
  await expect(page.getByText(/This step is coming in a later version of SMART/)).toBeVisible();
  await shot(page, 'step-contracts');

  // The first run is over: /setup leads back into the app.
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);

  // Sign out, then a wrong password is refused with a clear message, then sign in.
  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: 'API documentation' })).toHaveAttribute(
    'href',
    '/api/docs',
  );
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await shot(page, 'sign-in');
  await page.goto('/o/00000000-0000-4000-8000-000000000000');
  await expect(page).toHaveURL(/\/signin\?next=/);

  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct');
  await shot(page, 'sign-in-error');

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('org-switcher')).toContainText(ORG);
  // The session survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your systemic risk program' })).toBeVisible();
});

test('too many failed sign-ins ask the person to wait', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill('someone.else@lakeside.example');
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 15; attempt++) {
    await password.fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(alert).toBeVisible();
    if ((await alert.textContent())?.includes('Too many')) break;
  }
  await expect(alert).toContainText('Too many sign-in attempts');
  await expect(alert).toContainText(/wait/i);
});
