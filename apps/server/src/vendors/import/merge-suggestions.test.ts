import { describe, expect, it } from 'vitest';
import { importMergeSuggestions, similarNames } from './merge-suggestions';

const inventory = [
  { id: 'v-acme', name: 'Acme Claims Exchange, Inc.', aliases: ['ACX'], domain: 'acmeclaims.example' },
  { id: 'v-nimbus', name: 'Nimbus Cloud', domain: 'nimbus-cloud.example' },
];

describe('merge suggestions for an imported file', () => {
  it('prefers the same domain, then the same name or alias, then a nearly identical name', () => {
    const suggestions = importMergeSuggestions(
      [
        { rowNumber: 2, rows: 1, name: 'Acme', domain: 'acmeclaims.example' },
        { rowNumber: 3, rows: 2, name: 'ACX' },
        { rowNumber: 5, rows: 1, name: 'Nimbus Clouds' },
        { rowNumber: 6, rows: 1, name: 'Unrelated Labs' },
      ],
      inventory,
    );
    expect(suggestions.map((s) => [s.rowNumber, s.reason, s.target, s.mergeByDefault])).toEqual([
      [2, 'same domain', { kind: 'vendor', vendorId: 'v-acme', name: 'Acme Claims Exchange, Inc.' }, true],
      [3, 'same name', { kind: 'vendor', vendorId: 'v-acme', name: 'Acme Claims Exchange, Inc.' }, true],
      [5, 'similar name', { kind: 'vendor', vendorId: 'v-nimbus', name: 'Nimbus Cloud' }, false],
    ]);
  });

  it('points later rows of the file at earlier ones that are the same company', () => {
    const suggestions = importMergeSuggestions(
      [
        { rowNumber: 2, rows: 1, name: 'Delta Imaging', domain: 'delta.example' },
        { rowNumber: 3, rows: 1, name: 'Delta Imaging Group', domain: 'delta.example' },
        { rowNumber: 4, rows: 1, name: 'Delta Imaging' },
        { rowNumber: 5, rows: 1, name: 'Delta Imaging', domain: 'other-delta.example' },
        { rowNumber: 6, rows: 1, name: 'Beacon Laboratory' },
        { rowNumber: 7, rows: 1, name: 'Beacon Laboratories' },
      ],
      [],
    );
    expect(suggestions.map((s) => [s.rowNumber, s.reason, s.target])).toEqual([
      [3, 'same domain', { kind: 'row', rowNumber: 2, name: 'Delta Imaging' }],
      [4, 'same name', { kind: 'row', rowNumber: 2, name: 'Delta Imaging' }],
      [7, 'similar name', { kind: 'row', rowNumber: 6, name: 'Beacon Laboratory' }],
    ]);
  });

  it('does not call numbered or short names similar', () => {
    expect(similarNames('riverside clinic 1', 'riverside clinic 2')).toBe(false);
    expect(similarNames('abc', 'abd')).toBe(false);
    expect(similarNames('beacon laboratory', 'beacon laboratories')).toBe(true);
  });

  it('stays fast on a 20,000-row file against a 20,000-vendor inventory', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: `v${i}`, name: `Vendor ${i} Health` }));
    const file = Array.from({ length: 20_000 }, (_, i) => ({
      rowNumber: i + 2,
      rows: 1,
      name: `Supplier ${i} Medical`,
    }));
    const started = performance.now();
    importMergeSuggestions(file, many);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
