// A field-by-field comparison of an audit entry's `before` and `after` values, for display.

export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffLine {
  /** Dotted path of the field ("" for the whole value when it is not an object). */
  path: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(before: unknown, after: unknown, path: string, lines: DiffLine[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const childPath = path ? `${path}.${key}` : key;
      if (!(key in before))
        lines.push({ path: childPath, kind: 'added', before: undefined, after: after[key] });
      else if (!(key in after))
        lines.push({ path: childPath, kind: 'removed', before: before[key], after: undefined });
      else walk(before[key], after[key], childPath, lines);
    }
    return;
  }
  const kind: DiffKind =
    before === undefined || before === null
      ? after === undefined || after === null
        ? 'unchanged'
        : 'added'
      : after === undefined || after === null
        ? 'removed'
        : sameValue(before, after)
          ? 'unchanged'
          : 'changed';
  lines.push({ path, kind, before, after });
}

/** Every leaf field of `before` and `after` (objects are walked, arrays compared whole), sorted by path. */
export function diffJson(before: unknown, after: unknown): DiffLine[] {
  const lines: DiffLine[] = [];
  if (isPlainObject(before) && !isPlainObject(after) && (after === null || after === undefined)) {
    walk(before, {}, '', lines);
  } else if (isPlainObject(after) && (before === null || before === undefined)) {
    walk({}, after, '', lines);
  } else {
    walk(before, after, '', lines);
  }
  return lines;
}

/** A compact one-line rendering of a value for the diff table. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
