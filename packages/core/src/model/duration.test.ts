import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads short forms and ISO 8601, in hours', () => {
    expect(parseDuration('14d')).toBe(336);
    expect(parseDuration('36h')).toBe(36);
    expect(parseDuration('90m')).toBe(1.5);
    expect(parseDuration('1d12h')).toBe(36);
    expect(parseDuration('2w')).toBe(336);
    expect(parseDuration('P2DT6H')).toBe(54);
    expect(parseDuration('PT30M')).toBe(0.5);
    expect(parseDuration('0')).toBe(0);
  });

  it('rejects what is not a duration', () => {
    for (const text of ['', 'soon', '14', 'd', 'P', 'P1DT', '-3h'])
      expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('writes the shortest readable form, and round-trips', () => {
    expect([336, 36, 1.5, 0, 0.25, 49.5].map(formatDuration)).toEqual([
      '14d',
      '1d12h',
      '1h30m',
      '0h',
      '15m',
      '2d1h30m',
    ]);
    for (const hours of [336, 36, 1.5, 0.25, 49.5]) expect(parseDuration(formatDuration(hours))).toBe(hours);
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('never');
  });
});
