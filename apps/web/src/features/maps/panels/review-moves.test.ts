import { describe, expect, it } from 'vitest';
import { reviewMoves } from './review-moves';

const labels = (...args: Parameters<typeof reviewMoves>) =>
  reviewMoves(...args).map((m) => `${m.label}→${m.to}`);

describe('review moves', () => {
  it('lets an editor submit a draft, ask for changes in review, and reopen a validated map', () => {
    expect(labels('draft', true, false)).toEqual(['Submit for review→in_review']);
    expect(labels('in_review', true, false)).toEqual(['Request changes→draft']);
    expect(labels('validated', true, false)).toEqual(['Reopen→draft']);
  });

  it('lets only a reviewer validate, and only a map in review', () => {
    expect(labels('in_review', false, true)).toEqual(['Validate→validated']);
    expect(labels('in_review', true, true)).toEqual(['Validate→validated', 'Request changes→draft']);
    expect(labels('draft', false, true)).toEqual([]);
    expect(labels('validated', false, true)).toEqual([]);
  });

  it('offers nothing to a reader', () => {
    for (const status of ['draft', 'in_review', 'validated'] as const)
      expect(labels(status, false, false)).toEqual([]);
  });
});
