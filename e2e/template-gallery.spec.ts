// Journey: a signed-in user opens the template library from the Maps step, finds a map by its
// standard, and reads it: the rendered map with its legend and chokepoints, the risk summary,
// the steps with their standards, and the sources.
import { expect, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, createOrganization, signIn, unique } from './support/world';

test('browse the template library and read the Claims and Payments map', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Gallery Clinic'));
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/maps`);
  await page.getByRole('link', { name: 'template library' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.id}/maps/templates$`));

  const cards = page.getByTestId(/^template-card-/);
  await expect(cards).toHaveCount(17);
  await shot(page, 'template-gallery');

  // The search finds maps by the standards they use.
  await page.getByLabel('Search templates').fill('NCPDP');
  await expect(page.getByTestId('template-card-retail-pharmacy')).toBeVisible();
  await expect(page.getByTestId('template-card-radiology-diagnostic')).toHaveCount(0);
  await page.getByLabel('Search templates').fill('');

  await page.getByTestId('template-card-claims-and-payments').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Claims and Payments');
  await expect(page.getByTestId('tlp-marking').first()).toHaveText('TLP:CLEAR');

  // The map is drawn, with the clearinghouse called out as a single point of failure.
  const canvas = page.getByTestId('map-canvas');
  // Laid out by ELK in a web worker: seconds while the other worker's journey keeps both cores busy.
  await expect(canvas.locator('[data-kind="step"]').first()).toBeVisible({ timeout: 30_000 });
  const highlighted = canvas.locator('[data-highlighted="true"]');
  await expect(highlighted.first()).toBeAttached();
  await expect(canvas.locator('[data-kind="service"][data-highlighted="true"]')).not.toHaveCount(0);
  await expect(page.getByTestId('map-legend')).toContainText('Payment flow');
  await expect(page.getByTestId('map-legend')).toContainText('Manual workaround');
  await expect(page.getByTestId('template-analysis')).toContainText('single points of failure');
  await expect(page.getByText('Where one failure stops the workflow')).toBeVisible();
  await shot(page, 'template-claims-map');

  await page.getByRole('tab', { name: 'Risk summary' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('HSCC');

  await page.getByRole('tab', { name: 'Steps and standards' }).click();
  const steps = page.getByRole('table', { name: 'Workflow steps' });
  await expect(steps.getByRole('row')).not.toHaveCount(0);
  await expect(steps).toContainText('837');
  await expect(steps).toContainText('clearinghouse');

  await page.getByRole('tab', { name: /Sources/ }).click();
  const links = page.getByRole('tabpanel').getByRole('link');
  await expect(links.first()).toHaveAttribute('href', /^https:\/\//);
  await expect(page.getByRole('tabpanel')).toContainText('TLP:RED');

  // An unknown template gets a clear message, not a blank page.
  await page.goto(`/o/${org.id}/maps/templates/no-such-map`);
  await expect(page.getByText('Template not found.')).toBeVisible();
});
