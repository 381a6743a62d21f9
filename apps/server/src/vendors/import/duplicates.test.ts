import { describe, expect, it } from 'vitest';
import { comparableName, mergeSuggestions } from './duplicates';
import { safeCell } from './safe-cell';

describe('merge suggestions', () => {
  it('compares names without legal suffixes, punctuation, case or accents', () => {
    expect(comparableName('The Acme Claims Co., Inc.')).toBe('acme claims');
    expect(comparableName('Café Médical & Sons LLC')).toBe('cafe medical and sons');
  });

  it('suggests vendors with the same domain, the same name or a nearly identical one, each pair once', () => {
    const suggestions = mergeSuggestions([
      { id: '1', name: 'Acme Claims Exchange, Inc.', domain: 'acmeclaims.example' },
      { id: '2', name: 'ACX', domain: 'acmeclaims.example' },
      { id: '3', name: 'Acme Claims Exchange' },
      { id: '4', name: 'Acme Claim Exchange' },
      { id: '5', name: 'Nimbus Cloud', aliases: ['Nimbus'] },
      { id: '6', name: 'Nimbus' },
      { id: '7', name: 'Beacon Lab Services' },
    ]);
    expect(suggestions.map((s) => [s.ids.join('+'), s.reason])).toEqual([
      ['1+2', 'same domain'],
      ['1+3', 'same name'],
      ['5+6', 'same name'],
      ['1+4', 'similar name'],
      ['3+4', 'similar name'],
    ]);
  });

  it('does not call short or different names similar', () => {
    expect(
      mergeSuggestions([
        { id: 'a', name: 'ABC Lab' },
        { id: 'b', name: 'ABD Lab' },
        { id: 'c', name: 'Abbott' },
      ]),
    ).toEqual([]);
  });
});

describe('exported cells', () => {
  it('neutralizes anything a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '\'=HYPERLINK("http://evil.example","click")',
    );
    expect(safeCell('+1+1')).toBe("'+1+1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('-5')).toBe('-5');
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell('Acme')).toBe('Acme');
    expect(safeCell(null)).toBe('');
  });
});
