// Journey: the risk team imports its vendor spreadsheet. A file with a bad row is refused with the
// row and column named; a second file has a column SMART did not recognize, which the user maps;
// the dry run then suggests merging a vendor already in the inventory and a near-duplicate, the
// user answers, and the commit brings every row in. A PDF gets a clear message.
import { expect, test } from '@playwright/test';
import { shot } from './support/shots';
import { ADMIN, adminApi, createOrganization, signIn, unique } from './support/world';

const csv = (lines: string[]) => ({
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
});

test('import vendors from a spreadsheet: errors by row and column, mapping, merges, commit', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is not set');
  const org = await createOrganization(baseURL, unique('Import Clinic'));
  const { api, csrf } = await adminApi(baseURL);
  const acme = await api.post(`/api/orgs/${org.id}/vendors`, {
    data: { name: 'Acme Claims Exchange', domain: 'acmeclaims.example' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(acme.status()).toBe(201);
  await api.post(`/api/orgs/${org.id}/vendors`, {
    data: { name: 'Beacon Laboratories' },
    headers: { 'x-csrf-token': csrf },
  });
  await api.dispose();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/o/${org.id}/vendors`);
  await expect(page.getByTestId('vendor-total')).toHaveText('2 vendors in the inventory');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import vendors from a spreadsheet' })).toBeVisible();

  // A wrong kind of file is named for what it is, and nothing moves on.
  await page.getByTestId('file-input').setInputFiles({
    name: 'vendors.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  });
  await expect(page.getByTestId('upload-error')).toContainText(
    'This is a PDF document, not a spreadsheet. Upload a CSV or XLSX file.',
  );
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('upload-error')).toContainText('The file is empty.');

  // A file with a bad row: the dry run names its row and column, and the import cannot start.
  await page.getByTestId('file-input').setInputFiles({
    name: 'vendors-bad.csv',
    ...csv([
      'Vendor,Website,Service,Category,Deployment',
      'Harbor Imaging,harborimaging.example,PACS,pacs,SaaS',
      'Delta Couriers,deltacouriers.example,Specimen pickup,specimen transport,hosted',
    ]),
  });
  await expect(page.getByTestId('check-summary')).toContainText('1 of 2 rows are ready; 1 has problems.');
  const problems = page.getByTestId('problem-table');
  await expect(problems.getByRole('row').nth(1)).toContainText('3');
  await expect(problems.getByRole('row').nth(1)).toContainText('Category');
  await expect(problems).toContainText(
    '“specimen transport” is not a service category. Did you mean “Courier and specimen logistics” (courier)?',
  );
  await expect(page.getByTestId('commit-import')).toBeDisabled();
  await shot(page, 'vendor-import-errors');

  // Another file, whose category column SMART does not recognize: every service lacks a category
  // until the user points the field at that column.
  await page.getByRole('button', { name: 'Upload another file' }).click();
  await page.getByTestId('file-input').setInputFiles({
    name: 'vendors-good.csv',
    ...csv([
      'Company,Website,Product,Product kind,Deployment,PHI records',
      'ACME Claims Exchange Inc.,https://www.acmeclaims.example,Claim status (276/277),clearinghouse,SaaS,250000',
      'Beacon Laboratory,,Reference testing,reference-laboratory,hosted,',
      'Harbor Imaging,harborimaging.example,PACS,pacs,on premises,12000',
      'Harbor Imaging,harborimaging.example,Teleradiology reads,teleradiology,SaaS,',
    ]),
  });
  await expect(page.getByTestId('check-summary')).toContainText('0 of 4 rows are ready');
  await expect(page.getByTestId('problem-table')).toContainText('A service needs a category.');
  await page.getByRole('combobox', { name: 'Service category' }).click();
  await page.getByRole('option', { name: 'Product kind', exact: true }).click();
  await expect(page.getByTestId('check-summary')).toContainText('All 4 rows are ready');
  await expect(page.getByTestId('import-problems')).toHaveCount(0);

  // Possible duplicates: the same web domain as Acme (merged unless rejected), and a name nearly
  // that of Beacon Laboratories (kept apart unless accepted).
  const suggestions = page.getByTestId('merge-suggestion');
  await expect(suggestions).toHaveCount(2);
  await expect(suggestions.nth(0)).toContainText('ACME Claims Exchange Inc.');
  await expect(suggestions.nth(0)).toContainText('same web domain');
  await expect(suggestions.nth(1)).toContainText('Beacon Laboratory');
  await expect(suggestions.nth(1)).toContainText('nearly the same name');
  await expect(page.getByTestId('check-summary')).toContainText('2 new vendors');
  await suggestions.nth(1).getByText('Merge', { exact: true }).click();
  await expect(page.getByTestId('check-summary')).toContainText('1 new vendor,');
  await shot(page, 'vendor-import-merges');

  await page.getByTestId('commit-import').click();
  await expect(page.getByTestId('import-done')).toContainText(
    '1 new vendor and 4 services are in the inventory; 2 vendors already there got new services.',
  );
  await shot(page, 'vendor-import-done');
  await page.getByRole('link', { name: 'Open the inventory' }).click();
  await expect(page.getByTestId('vendor-total')).toHaveText('3 vendors in the inventory');
  const table = page.getByRole('table', { name: 'Vendor inventory' });
  await expect(table.getByRole('row', { name: /Harbor Imaging/ })).toContainText('2');
  await expect(table.getByRole('row', { name: /Beacon Laboratories/ })).toContainText('Reference laboratory');
  await expect(table.getByRole('row', { name: /Acme Claims Exchange/ })).toContainText(
    'Medical clearinghouse',
  );
});
