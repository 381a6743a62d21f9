import { describe, expect, it } from 'vitest';
import {
  addItem,
  fromSaved,
  moveItem,
  orderByScore,
  type RankedItem,
  rankingErrors,
  removeItem,
  sameRanking,
} from './selection-model';

const item = (templateId: string, importance = 3, impact = 3, reason = 'because'): RankedItem => ({
  templateId,
  importance,
  impact,
  reason,
});

describe('the ranking being edited', () => {
  it('moves an item up, down and to the ends, clamped to the list', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 99)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 7, 0)).toEqual(list);
  });

  it('adds a template once, at the bottom, with middle scores and no reason yet', () => {
    const list = addItem([item('claims')], 'labs');
    expect(list.map((i) => i.templateId)).toEqual(['claims', 'labs']);
    expect(list[1]).toEqual({ templateId: 'labs', importance: 3, impact: 3, reason: '' });
    expect(addItem(list, 'claims')).toHaveLength(2);
    expect(removeItem(list, 'claims').map((i) => i.templateId)).toEqual(['labs']);
  });

  it('orders by importance times impact, keeping ties in their order', () => {
    const list = [item('a', 2, 2), item('b', 5, 4), item('c', 4, 1), item('d', 1, 4), item('e', 4, 5)];
    expect(orderByScore(list).map((i) => i.templateId)).toEqual(['b', 'e', 'a', 'c', 'd']);
  });

  it('reads the saved selection in rank order and compares ignoring surrounding spaces', () => {
    const saved = fromSaved([
      { templateId: 'b', rank: 2, importance: 1, impact: 2, reason: 'y' },
      { templateId: 'a', rank: 1, importance: 5, impact: 5, reason: 'x' },
    ]);
    expect(saved.map((i) => i.templateId)).toEqual(['a', 'b']);
    expect(sameRanking(saved, [item('a', 5, 5, ' x '), item('b', 1, 2, 'y')])).toBe(true);
    expect(sameRanking(saved, [item('b', 1, 2, 'y'), item('a', 5, 5, 'x')])).toBe(false);
    expect(sameRanking(saved, [item('a', 5, 4, 'x'), item('b', 1, 2, 'y')])).toBe(false);
  });

  it('requires a reason for every chosen template', () => {
    expect(rankingErrors([item('a', 3, 3, '  '), item('b'), item('c', 3, 3, 'x'.repeat(2001))])).toEqual({
      a: expect.stringContaining('reason is required'),
      c: expect.stringContaining('under 2000'),
    });
  });
});
