import { describe, expect, it } from 'vitest';
import { slugError, slugify } from './slug';

describe('slugify', () => {
  it('turns a name into a lowercase hyphenated slug', () => {
    expect(slugify('Riverbend Community Hospital')).toBe('riverbend-community-hospital');
  });
  it('drops accents and punctuation and trims hyphens', () => {
    expect(slugify('  Clínica São José & Co. ')).toBe('clinica-sao-jose-co');
  });
  it('produces a valid slug or an empty string', () => {
    expect(slugError(slugify('St. Mary’s Lab'))).toBeNull();
    expect(slugify('!!!')).toBe('');
  });
});

describe('slugError', () => {
  it('rejects uppercase, spaces and double hyphens', () => {
    expect(slugError('Ab')).not.toBeNull();
    expect(slugError('a b')).not.toBeNull();
    expect(slugError('a--b')).not.toBeNull();
    expect(slugError('ok-slug')).toBeNull();
  });
});
