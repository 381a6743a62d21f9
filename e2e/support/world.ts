// What the journeys need to start from: an installed SMART with one administrator, and a fresh
// organization per test (created through the API) so tests never see each other's data.
import { type APIRequestContext, type BrowserContext, expect, type Page, request } from '@playwright/test';

export const ADMIN = {
  name: 'Alex Morgan',
  email: 'alex.morgan@e2e.example',
  password: 'correct-horse-battery-staple',
};

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

interface SessionBody {
  csrfToken: string;
  organizations: { id: string; name: string }[];
}

/** Sets up the server once (first caller wins) and returns an API client signed in as the admin. */
export async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const installer = await request.newContext({ baseURL });
  const status = await (await installer.get('/api/setup')).json();
  if (status.needsSetup) {
    const setup = await installer.post('/api/setup', {
      data: {
        organizationName: 'E2E Home Hospital',
        organizationSlug: 'e2e-home',
        name: ADMIN.name,
        email: ADMIN.email,
        password: ADMIN.password,
      },
    });
    // 409: a parallel worker set it up first; sign in below.
    expect([201, 409]).toContain(setup.status());
  }
  await installer.dispose();
  // A context of its own: a write while signed in (setup signs in) would need the CSRF token.
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.status()).toBe(200);
  const session: SessionBody = await login.json();
  return { api, csrf: session.csrfToken };
}

/** A new organization administered by ADMIN; returns its id and name. */
export async function createOrganization(
  baseURL: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const { api, csrf } = await adminApi(baseURL);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const response = await api.post('/api/organizations', {
    data: { name, slug },
    headers: { 'x-csrf-token': csrf },
  });
  expect(response.status()).toBe(201);
  const org: { id: string; name: string } = await response.json();
  await api.dispose();
  return org;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]+/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
}

export async function newSignedInPage(
  context: BrowserContext,
  email: string,
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}
