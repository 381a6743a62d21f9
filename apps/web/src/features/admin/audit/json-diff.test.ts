import { describe, expect, it } from 'vitest';
import { diffJson, formatValue } from './json-diff';

describe('diffJson', () => {
  it('reports changed, added and removed fields by path', () => {
    const lines = diffJson(
      { role: 'assessor', name: 'Ana', old: 1 },
      { role: 'admin', name: 'Ana', extra: true },
    );
    expect(lines).toEqual([
      { path: 'extra', kind: 'added', before: undefined, after: true },
      { path: 'name', kind: 'unchanged', before: 'Ana', after: 'Ana' },
      { path: 'old', kind: 'removed', before: 1, after: undefined },
      { path: 'role', kind: 'changed', before: 'assessor', after: 'admin' },
    ]);
  });

  it('walks nested objects and compares arrays whole', () => {
    const lines = diffJson({ a: { b: 1, list: [1, 2] } }, { a: { b: 2, list: [1, 2] } });
    expect(lines.map((line) => [line.path, line.kind])).toEqual([
      ['a.b', 'changed'],
      ['a.list', 'unchanged'],
    ]);
  });

  it('treats a created entity (no before) as all fields added, a deleted one as all removed', () => {
    expect(diffJson(null, { name: 'X' })).toEqual([
      { path: 'name', kind: 'added', before: undefined, after: 'X' },
    ]);
    expect(diffJson({ name: 'X' }, null)).toEqual([
      { path: 'name', kind: 'removed', before: 'X', after: undefined },
    ]);
  });

  it('compares scalars as one line', () => {
    expect(diffJson(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
    expect(diffJson(null, null)).toEqual([{ path: '', kind: 'unchanged', before: null, after: null }]);
  });
});

describe('formatValue', () => {
  it('shows strings raw, absent values as a dash, the rest as JSON', () => {
    expect(formatValue('x')).toBe('x');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
