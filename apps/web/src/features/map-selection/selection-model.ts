// The ranking being edited on the selection page, as plain data: move, add, remove, order by
// score, compare with what is saved, and check it before saving (the server checks again).
import type { SelectionItem } from '../maps/types';

export interface RankedItem {
  templateId: string;
  importance: number;
  impact: number;
  reason: string;
}

export const SCALE = [1, 2, 3, 4, 5] as const;

/** How much the organization relies on the workflow. */
export const IMPORTANCE_LABELS: Record<number, string> = {
  1: 'Peripheral',
  2: 'Supporting',
  3: 'Important',
  4: 'Very important',
  5: 'Essential',
};

/** How much harm an unannounced stop of the workflow would do. */
export const IMPACT_LABELS: Record<number, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Severe',
};

export const REASON_MAX = 2000;

export function fromSaved(items: SelectionItem[]): RankedItem[] {
  return [...items]
    .sort((a, b) => a.rank - b.rank)
    .map(({ templateId, importance, impact, reason }) => ({ templateId, importance, impact, reason }));
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= list.length) return next;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(target, 0, item);
  return next;
}

export function addItem(list: readonly RankedItem[], templateId: string): RankedItem[] {
  if (list.some((i) => i.templateId === templateId)) return [...list];
  return [...list, { templateId, importance: 3, impact: 3, reason: '' }];
}

export function removeItem(list: readonly RankedItem[], templateId: string): RankedItem[] {
  return list.filter((i) => i.templateId !== templateId);
}

export function updateItem(
  list: readonly RankedItem[],
  templateId: string,
  change: Partial<Omit<RankedItem, 'templateId'>>,
): RankedItem[] {
  return list.map((i) => (i.templateId === templateId ? { ...i, ...change } : i));
}

/** Highest importance × impact first; ties keep their current order. */
export function orderByScore(list: readonly RankedItem[]): RankedItem[] {
  return list
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) => b.item.importance * b.item.impact - a.item.importance * a.item.impact || a.index - b.index,
    )
    .map(({ item }) => item);
}

export function sameRanking(a: readonly RankedItem[], b: readonly RankedItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        other.templateId === item.templateId &&
        other.importance === item.importance &&
        other.impact === item.impact &&
        other.reason.trim() === item.reason.trim()
      );
    })
  );
}

/** The message for each item that cannot be saved as it is, by template id. */
export function rankingErrors(list: readonly RankedItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of list) {
    const reason = item.reason.trim();
    if (reason === '')
      errors[item.templateId] = 'Say why this workflow matters to you: the reason is required.';
    else if (reason.length > REASON_MAX)
      errors[item.templateId] = `Keep the reason under ${REASON_MAX} characters.`;
  }
  return errors;
}
