// The difference between two versions of a map, in words a person reads: what was added, removed
// or changed, named by its label, with each changed field before and after
// (`Flow: information → payment`, `Alternatives: 1 of 2 → 1 of 3 (added "Beta clearinghouse")`).
import type { DraftModel } from './draft';
import { formatDuration, parseDuration } from './duration';

export type ChangeEntity =
  | 'map'
  | 'function'
  | 'step'
  | 'system'
  | 'service'
  | 'vendor'
  | 'host'
  | 'workaround'
  | 'dependency'
  | 'alternatives';

export interface ModelChange {
  change: 'added' | 'removed' | 'changed';
  entity: ChangeEntity;
  /** The entity's id; for a dependency `from->to`. */
  id: string;
  label: string;
  /** For a change: one line per changed field, before → after. */
  details: string[];
}

type Item = Record<string, unknown> & { id?: string; label?: string };
/** The label of a node (or workaround) by id in one version; the id itself when unknown there. */
type Names = (id: unknown) => string | null;
type Describe = (before: Item, after: Item, names: { before: Names; after: Names }) => string[];

const NONE = '(none)';

export function modelDiff(before: DraftModel, after: DraftModel): ModelChange[] {
  const names = { before: namesOf(before), after: namesOf(after) };
  const changes: ModelChange[] = [];
  const mapDetails = describeMap(before, after);
  if (mapDetails.length) {
    changes.push({
      change: 'changed',
      entity: 'map',
      id: 'map',
      label: after.name ?? before.name ?? 'Map',
      details: mapDetails,
    });
  }
  for (const spec of COLLECTIONS) {
    changes.push(...diffCollection(spec, before, after, names));
  }
  return changes;
}

/** "2 added, 1 removed, 3 changed", or "No changes". */
export function summarizeChanges(changes: readonly ModelChange[]): string {
  const count = (kind: ModelChange['change']) => changes.filter((c) => c.change === kind).length;
  const parts = (['added', 'removed', 'changed'] as const)
    .map((kind) => [count(kind), kind] as const)
    .filter(([n]) => n > 0)
    .map(([n, kind]) => `${n} ${kind}`);
  return parts.length ? parts.join(', ') : 'No changes';
}

interface CollectionSpec {
  entity: Exclude<ChangeEntity, 'map'>;
  items: (model: DraftModel) => Item[];
  key: (item: Item) => string;
  label: (item: Item, names: Names) => string;
  describe: Describe;
}

const byId = (item: Item) => String(item.id);
const ownLabel = (item: Item) => (typeof item.label === 'string' && item.label.trim()) || String(item.id);

function namesOf(model: DraftModel): Names {
  const labels = new Map<string, string>();
  const lists: Item[][] = [
    model.functions,
    model.processSteps,
    model.systems,
    model.services,
    model.vendors,
    model.hosts,
    model.workarounds,
  ];
  for (const list of lists) for (const item of list) labels.set(String(item.id), ownLabel(item));
  return (id) => (typeof id === 'string' ? (labels.get(id) ?? id) : null);
}

const quoted = (label: string | null) => (label === null ? NONE : `"${label}"`);

const text = (value: unknown) => (value === undefined || value === null ? NONE : `"${String(value)}"`);
const plain = (value: unknown) => (value === undefined || value === null ? NONE : String(value));
const duration = (value: unknown) => {
  if (typeof value !== 'string') return NONE;
  const hours = parseDuration(value);
  return hours === undefined ? value : formatDuration(hours);
};
const percent = (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 100)}%` : NONE);

/** A field compared on its own: `Title: before → after`, when the values differ. */
function field(key: string, title: string, show: (v: unknown) => string = plain) {
  return (b: Item, a: Item): string[] =>
    sameValue(b[key], a[key]) ? [] : [`${title}: ${show(b[key])} → ${show(a[key])}`];
}

/** A field that refers to a node, shown by the node's label in each version. */
function reference(key: string, title: string): Describe {
  return (b, a, names) =>
    sameValue(b[key], a[key])
      ? []
      : [`${title}: ${quoted(names.before(b[key]))} → ${quoted(names.after(a[key]))}`];
}

function notes(b: Item, a: Item): string[] {
  if (sameValue(b.notes, a.notes)) return [];
  if (b.notes === undefined) return ['Notes added'];
  if (a.notes === undefined) return ['Notes removed'];
  return ['Notes changed'];
}

function combine(handled: string[], ...parts: Describe[]): Describe {
  const known = new Set(['id', ...handled]);
  return (b, a, names) => {
    const lines = parts.flatMap((part) => part(b, a, names));
    // Anything the describers above do not know still shows, so no change goes unseen.
    const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
    for (const key of keys) {
      if (!known.has(key) && !sameValue(b[key], a[key])) lines.push(`${key}: changed`);
    }
    return lines;
  };
}

const labelField = field('label', 'Label', text);

function impacts(b: Item, a: Item): string[] {
  type Step = { after: string; levels: Record<string, number> };
  const steps = (item: Item) => {
    const map = new Map<string, Step>();
    for (const step of (item.impacts as Step[] | undefined) ?? []) map.set(duration(step.after), step);
    return map;
  };
  const before = steps(b);
  const after = steps(a);
  const levels = (step: Step) =>
    Object.entries(step.levels)
      .map(([dimension, level]) => `${dimension} ${level}`)
      .join(', ');
  const lines: string[] = [];
  for (const [at, step] of after) {
    const old = before.get(at);
    if (!old) lines.push(`Impact from ${at} added (${levels(step) || 'no levels'})`);
    else if (!sameValue(old.levels, step.levels)) {
      const dimensions = new Set([...Object.keys(old.levels), ...Object.keys(step.levels)]);
      const moved = [...dimensions]
        .filter((d) => old.levels[d] !== step.levels[d])
        .map((d) => `${d} ${plain(old.levels[d])} → ${plain(step.levels[d])}`);
      lines.push(`Impact from ${at}: ${moved.join(', ')}`);
    }
  }
  for (const at of before.keys()) if (!after.has(at)) lines.push(`Impact from ${at} removed`);
  return lines;
}

function members(b: Item, a: Item, names: { before: Names; after: Names }): string[] {
  const k = (item: Item) => (typeof item.k === 'number' ? item.k : 1);
  const list = (item: Item) => (item.members as string[] | undefined) ?? [];
  if (sameValue(list(b), list(a)) && k(b) === k(a)) return [];
  const added = list(a).filter((m) => !list(b).includes(m));
  const removed = list(b).filter((m) => !list(a).includes(m));
  const what = [
    ...(added.length ? [`added ${added.map((m) => quoted(names.after(m))).join(', ')}`] : []),
    ...(removed.length ? [`removed ${removed.map((m) => quoted(names.before(m))).join(', ')}`] : []),
  ];
  const counts = `${k(b)} of ${list(b).length} → ${k(a)} of ${list(a).length}`;
  return [`Alternatives: ${counts}${what.length ? ` (${what.join('; ')})` : ''}`];
}

const node = (
  entity: CollectionSpec['entity'],
  items: CollectionSpec['items'],
  handled: string[],
  ...parts: Describe[]
) =>
  ({
    entity,
    items,
    key: byId,
    label: ownLabel,
    describe: combine(['label', 'notes', ...handled], labelField, notes, ...parts),
  }) satisfies CollectionSpec;

const COLLECTIONS: CollectionSpec[] = [
  node(
    'function',
    (m) => m.functions,
    ['maxTolerableDowntime', 'impacts'],
    field('maxTolerableDowntime', 'Maximum tolerable downtime', duration),
    impacts,
  ),
  node(
    'step',
    (m) => m.processSteps,
    ['order', 'actor', 'map'],
    field('order', 'Order'),
    field('actor', 'Actor', text),
    field('map', 'Map', text),
  ),
  node('system', (m) => m.systems, []),
  node(
    'service',
    (m) => m.services,
    ['category', 'vendor', 'phiRecords'],
    field('category', 'Category'),
    reference('vendor', 'Vendor'),
    field('phiRecords', 'PHI records'),
  ),
  node('vendor', (m) => m.vendors, ['phiRecords'], field('phiRecords', 'PHI records')),
  node('host', (m) => m.hosts, ['vendor'], reference('vendor', 'Vendor')),
  node(
    'workaround',
    (m) => m.workarounds,
    ['for', 'capacity', 'maxDuration', 'staff'],
    reference('for', 'For'),
    field('capacity', 'Capacity', percent),
    field('maxDuration', 'Maximum duration', duration),
    field('staff', 'Extra staff'),
  ),
  {
    entity: 'dependency',
    items: (m) => m.dependencies,
    key: (d) => `${String(d.from)}->${String(d.to)}`,
    label: (d, names) => `${names(d.from) ?? NONE} → ${names(d.to) ?? NONE}`,
    describe: combine(
      ['from', 'to', 'flow', 'label', 'standard'],
      field('flow', 'Flow'),
      labelField,
      field('standard', 'Standard', text),
    ),
  },
  {
    entity: 'alternatives',
    items: (m) => m.alternatives,
    key: byId,
    label: (g, names) =>
      (typeof g.label === 'string' && g.label.trim()) || `Alternatives for ${names(g.from) ?? NONE}`,
    describe: combine(['label', 'from', 'members', 'k'], labelField, reference('from', 'For'), members),
  },
];

/** Items by key; a key repeated in a draft gets `#2`, `#3` so that nothing is lost. */
function keyed(items: Item[], key: (item: Item) => string): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of items) {
    const base = key(item);
    let k = base;
    for (let n = 2; map.has(k); n++) k = `${base}#${n}`;
    map.set(k, item);
  }
  return map;
}

function diffCollection(
  spec: CollectionSpec,
  before: DraftModel,
  after: DraftModel,
  names: { before: Names; after: Names },
): ModelChange[] {
  const old = keyed(spec.items(before), spec.key);
  const now = keyed(spec.items(after), spec.key);
  const changes: ModelChange[] = [];
  for (const [id, item] of now) {
    const was = old.get(id);
    if (!was) {
      changes.push({
        change: 'added',
        entity: spec.entity,
        id,
        label: spec.label(item, names.after),
        details: [],
      });
    } else if (!sameValue(was, item)) {
      const details = spec.describe(was, item, names);
      // A referenced node's new label alone changes nothing in this item.
      if (details.length) {
        changes.push({
          change: 'changed',
          entity: spec.entity,
          id,
          label: spec.label(item, names.after),
          details,
        });
      }
    }
  }
  for (const [id, item] of old) {
    if (!now.has(id)) {
      changes.push({
        change: 'removed',
        entity: spec.entity,
        id,
        label: spec.label(item, names.before),
        details: [],
      });
    }
  }
  return changes;
}

function describeMap(before: DraftModel, after: DraftModel): string[] {
  const lines = [...field('name', 'Name', text)(before, after), ...field('tlp', 'TLP')(before, after)];
  if (!sameValue(before.rubric, after.rubric)) lines.push('Rubric changed');
  if (!sameValue(before.sector, after.sector)) lines.push('Sector concentration facts changed');
  return lines;
}

/** Deep equality of JSON values, whatever the order of object keys; undefined equals absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameValue(value, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameValue(x[key], y[key])) return false;
  return true;
}
