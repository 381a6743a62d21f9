// The fast XLSX reader against ExcelJS's streaming reader: the same rows, row numbers and text for
// every kind of cell a spreadsheet program writes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, readXlsxStreamed } from './read-table';
import { readXlsxSheets, XlsxUnsupported, xmlText } from './xlsx-reader';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));

async function workbook(useSharedStrings: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Empty first');
  const ws = wb.addWorksheet('Inventory & more');
  ws.getCell('B2').value = 'List of vendors';
  ws.addRow([]);
  ws.getRow(4).values = ['Vendor', 'Records', 'Active', 'Formula', 'Link', 'Rich', 'Gap', '', 'Last'];
  ws.getRow(5).values = [
    'Acme <Claims> & "Co"',
    250000,
    true,
    { formula: 'B5*2', result: 500000 },
    { text: 'acme.example', hyperlink: 'https://acme.example' },
    { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'and plain' }] },
    null,
    '',
    'end',
  ];
  ws.getRow(7).values = [
    'Zoë “Lab” 🧪',
    1.5,
    false,
    { formula: 'A7&"!"', result: 'Zoë “Lab” 🧪!' },
    1e21,
    'tab\there',
    0.1,
    -3,
    'x',
  ];
  ws.getRow(8).values = ['Error cell', { error: '#N/A' }, '', '', '', '', '', '', ''];
  ws.getCell('Z9').value = 'far right';
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
}

describe('the fast XLSX reader', () => {
  it.each([
    ['shared strings', true],
    ['inline strings', false],
  ])('reads what ExcelJS reads (%s)', async (_, shared) => {
    const bytes = await workbook(shared);
    const fast = await readXlsx(bytes);
    const streamed = await readXlsxStreamed(bytes);
    expect(fast).toEqual(streamed);
    expect(fast.sheet).toBe('Inventory & more');
    expect(fast.headers[0]).toBe('Vendor');
    expect(fast.rows[0]?.slice(0, 6)).toEqual([
      'Acme <Claims> & "Co"',
      '250000',
      'true',
      '500000',
      'acme.example',
      'Bold and plain',
    ]);
    expect(fast.rows[1]?.[0]).toBe('Zoë “Lab” 🧪');
    expect(fast.rowNumbers).toEqual([5, 7, 8, 9]);
  });

  it('reads the fixture workbook as ExcelJS does', async () => {
    const bytes = fixture('vendors.xlsx');
    expect(await readXlsx(bytes)).toEqual(await readXlsxStreamed(bytes));
  });

  it('lists sheets in the workbook order and stops at the row limit', async () => {
    const sheets = [...readXlsxSheets(await workbook(true), 2)];
    expect(sheets.map((s) => s.name)).toEqual(['Empty first', 'Inventory & more']);
    expect(sheets[1]?.records.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('leaves what it does not read to the streaming reader, and still refuses a damaged file', async () => {
    expect(() => [...readXlsxSheets(fixture('damaged.xlsx'), 10)]).toThrow();
    expect(() => [...readXlsxSheets(new Uint8Array(100), 10)]).toThrow(XlsxUnsupported);
    await expect(readXlsx(fixture('damaged.xlsx'))).rejects.toThrow(
      'This file is not a readable XLSX workbook',
    );
  });

  it('decodes XML entities and spreadsheet escapes', () => {
    expect(xmlText('a &amp; b &lt;c&gt; &#233;&#x1F9EA; &quot;q&quot; &apos;')).toBe(`a & b <c> é🧪 "q" '`);
    expect(xmlText('line_x000D_break')).toBe('line\rbreak');
  });
});
