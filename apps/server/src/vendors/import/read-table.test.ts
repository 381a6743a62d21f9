import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanHeaders, columnLetter, readTable } from './read-table';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const expectedNames = ['Acme Claims Exchange', 'Nimbus Cloud, Inc.', 'Café Médical “Lab” Services'];

describe('reading an uploaded spreadsheet', () => {
  it.each([
    ['vendors-utf8.csv', 'utf-8'],
    ['vendors-utf8-bom.csv', 'utf-8'],
    ['vendors-utf16le.txt', 'utf-16le'],
    ['vendors-windows1252.csv', 'windows-1252'],
  ])('reads %s in %s, whatever its delimiter', async (name, encoding) => {
    const table = await readTable(fixture(name));
    expect(table).toMatchObject({ format: 'csv', encoding });
    expect(table.headers[0]).toBe('Vendor');
    expect(table.headers).toHaveLength(10);
    expect(table.rows.map((r) => r[0])).toEqual(expectedNames);
    expect(table.rows[2]?.[3]).toBe('Zoë Martín');
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it('reads the first sheet with data of a workbook, past a title row, with links and rich text as text', async () => {
    const table = await readTable(fixture('vendors.xlsx'));
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Vendors' });
    expect(table.headers.slice(0, 3)).toEqual(['Vendor', 'Also known as', 'Website']);
    expect(table.rows.map((r) => r[0])).toEqual(expectedNames);
    expect(table.rows[0]?.[2]).toBe('https://www.acmeclaims.example/portal');
    expect(table.rows[0]?.[8]).toBe('250000');
    expect(table.rows[1]?.[9]).toBe('Hosts both clearinghouses');
    // Row numbers as the spreadsheet shows them: title in row 1, blank row 2, header row 3.
    expect(table.rowNumbers).toEqual([4, 5, 6]);
  });

  it.each([
    ['empty.csv', 'The file is empty.'],
    ['header-only.csv', 'The file has a header row but no rows of data.'],
    ['broken-quotes.csv', 'Row 2: a quoted value is not closed'],
    ['not-a-spreadsheet.pdf', 'This is a PDF document, not a spreadsheet.'],
    ['old-excel.xls', 'This is an old Excel (.xls) workbook.'],
    ['damaged.xlsx', 'This file is not a readable XLSX workbook'],
  ])('refuses %s with a clear message', async (name, message) => {
    await expect(readTable(fixture(name))).rejects.toThrow(message);
  });

  it('refuses a file with more rows than one import takes', async () => {
    const lines = ['Vendor', ...Array.from({ length: 200_001 }, (_, i) => `Vendor ${i}`)];
    await expect(readTable(new TextEncoder().encode(lines.join('\n')))).rejects.toThrow(
      'The file has 200,001 rows; at most 200,000 can be imported at once.',
    );
  });

  it('names blank and repeated headers so that each column can be mapped', () => {
    expect(cleanHeaders(['Vendor', '', 'Email', 'email', ' '])).toEqual([
      'Vendor',
      'Column B',
      'Email',
      'email (2)',
      'Column E',
    ]);
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
