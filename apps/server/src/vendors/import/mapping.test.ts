import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping, mapRows, normalizeDomain } from './mapping';
import { readTable } from './read-table';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));

describe('mapping spreadsheet columns to the inventory', () => {
  it('guesses the mapping of a typical vendor list', async () => {
    const table = await readTable(fixture('vendors-utf8.csv'));
    expect(guessMapping(table.headers)).toEqual({
      vendorName: 0,
      aliases: 1,
      domain: 2,
      contactName: 3,
      contactEmail: 4,
      serviceName: 5,
      category: 6,
      deployment: 7,
      phiRecords: 8,
      notes: 9,
    });
    expect(guessMapping(['Supplier', 'Web Site', 'E-mail', 'Hosted by', 'Product Name'])).toEqual({
      vendorName: 0,
      domain: 1,
      contactEmail: 2,
      hostingProvider: 3,
      serviceName: 4,
    });
  });

  it('normalizes what it imports', async () => {
    const table = await readTable(fixture('vendors-utf8.csv'));
    const { rows, problems } = mapRows(table, guessMapping(table.headers));
    expect(problems).toEqual([]);
    expect(rows[0]).toEqual({
      rowNumber: 2,
      vendor: {
        name: 'Acme Claims Exchange',
        aliases: ['Acme', 'ACX'],
        domain: 'acmeclaims.example',
        contactName: 'Jo Park',
        contactEmail: 'jo.park@acmeclaims.example',
        phiKinds: [],
        phiRecords: 250000,
        notes: 'Primary clearinghouse',
      },
      service: { name: 'Claims submission (837)', category: 'clearinghouse', deployment: 'saas' },
    });
    expect(rows[1]?.service?.deployment).toBe('hosted');
    expect(rows[2]?.service).toMatchObject({ category: 'reference-laboratory', deployment: 'on_premises' });
  });

  it('names the row and column of every problem, and imports none of a bad row', () => {
    const table = {
      headers: ['Vendor', 'Website', 'Email', 'PHI records', 'Category', 'Deployment'],
      rows: [
        ['Good Co', 'good.example', 'a@good.example', '1,200', 'Clearinghouse', 'SaaS'],
        ['', 'not a domain', 'bob@', 'lots', 'clearing house service', 'in the basement'],
      ],
      rowNumbers: [2, 3],
    };
    const { rows, problems } = mapRows(table, guessMapping(table.headers));
    expect(rows.map((r) => r.vendor.name)).toEqual(['Good Co']);
    expect(rows[0]?.vendor.phiRecords).toBe(1200);
    expect(problems).toEqual([
      { rowNumber: 3, column: 'Vendor', message: 'The vendor name is empty.' },
      { rowNumber: 3, column: 'Website', message: '“not a domain” is not a web address or domain.' },
      { rowNumber: 3, column: 'Email', message: '“bob@” is not an email address.' },
      { rowNumber: 3, column: 'PHI records', message: '“lots” is not a whole number of records.' },
      expect.objectContaining({
        rowNumber: 3,
        column: 'Category',
        message: expect.stringMatching(
          /^“clearing house service” is not a service category\. Did you mean “/,
        ),
      }),
      {
        rowNumber: 3,
        column: 'Deployment',
        message: '“in the basement” is not a deployment: use SaaS, hosted or on premises.',
      },
    ]);
  });

  it.each([
    ['clearing house service', 'Medical clearinghouse” (clearinghouse)'],
    ['specimen-transport', 'Courier and specimen logistics” (courier)'],
    ['lab information system', 'Laboratory information system” (lis)'],
    ['EHR system', 'Electronic health record” (ehr)'],
    ['interface engine', 'Integration engine” (integration-engine)'],
  ])('suggests the category that "%s" most likely means, by its telling words', (typed, suggestion) => {
    const { problems } = mapRows(
      { headers: ['Vendor', 'Category'], rows: [['A', typed]], rowNumbers: [2] },
      { vendorName: 0, category: 1 },
    );
    expect(problems[0]?.message).toBe(`“${typed}” is not a service category. Did you mean “${suggestion}?`);
  });

  it('asks for the vendor name column before anything else', () => {
    const { problems } = mapRows({ headers: ['x'], rows: [['y']], rowNumbers: [2] }, {});
    expect(problems).toEqual([
      { rowNumber: 0, column: '', message: 'Choose the column that holds the vendor name.' },
    ]);
  });

  it('reduces web addresses to their domain', () => {
    expect(normalizeDomain('https://www.Acme.example/portal?x=1')).toBe('acme.example');
    expect(normalizeDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('two words.example')).toBeNull();
  });
});
