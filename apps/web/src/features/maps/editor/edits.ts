// Edits are data: every change the editor makes to a map is one of these objects, applied by a pure
// reducer to the map's document (model + layout). Undo/redo keeps the documents this produces, and
// autosave sends the latest one. Ids of new things are chosen by the caller, so the reducer stays
// pure and an edit replays the same way every time.
import type { FlowType, ImpactStep, Tlp } from '@smart/core';
import { type DraftModel, type DraftNodeKind, indexNodes, LIST_OF_KIND } from '../draft';
import type { MapEdgeRef } from '../map-graph';
import type { MapLayout, Position } from '../types';

/** The category a new service has until someone chooses one from the taxonomy. */
export const UNCATEGORIZED = 'uncategorized';

export interface EditorDoc {
  model: DraftModel;
  layout: MapLayout;
}

/** The node kinds people add from the palette (a workaround is attached to a node instead). */
export type AddableKind = Exclude<DraftNodeKind, 'workaround'>;

/**
 * Fields of a node that an edit can set; a key given as undefined removes the field. Only the
 * fields of the node's own kind are applied.
 */
export interface NodePatch {
  label?: string | undefined;
  notes?: string | undefined;
  maxTolerableDowntime?: string | undefined;
  impacts?: ImpactStep[];
  order?: number | undefined;
  actor?: string | undefined;
  category?: string;
  vendor?: string | undefined;
  phiRecords?: number | undefined;
  capacity?: number;
  maxDuration?: string;
  staff?: number;
}

const FIELDS_OF_KIND: Record<DraftNodeKind, readonly (keyof NodePatch)[]> = {
  function: ['label', 'notes', 'maxTolerableDowntime', 'impacts'],
  step: ['label', 'notes', 'order', 'actor'],
  system: ['label', 'notes'],
  service: ['label', 'notes', 'category', 'vendor', 'phiRecords'],
  vendor: ['label', 'notes', 'phiRecords'],
  host: ['label', 'notes', 'vendor'],
  workaround: ['label', 'notes', 'capacity', 'maxDuration', 'staff'],
};

export interface DependencyPatch {
  flow?: FlowType;
  label?: string | undefined;
  standard?: string | undefined;
}

export type Edit =
  | { type: 'addNode'; kind: AddableKind; id: string; label: string; position: Position; patch?: NodePatch }
  | { type: 'updateNode'; id: string; patch: NodePatch }
  | { type: 'remove'; nodes: readonly string[]; edges: readonly MapEdgeRef[] }
  /** A new line drawn from `source` (the provider) to `target` (what depends on it). */
  | { type: 'connect'; source: string; target: string; flow?: FlowType }
  | { type: 'updateDependency'; index: number; patch: DependencyPatch }
  | { type: 'moveNodes'; positions: Readonly<Record<string, Position>> }
  | { type: 'setLayout'; layout: MapLayout }
  | { type: 'groupAlternatives'; id: string; from: string; members: readonly string[]; k?: number }
  | { type: 'updateGroup'; id: string; k?: number; label?: string | undefined }
  | { type: 'ungroup'; id: string }
  | {
      type: 'addWorkaround';
      id: string;
      for: string;
      label: string;
      capacity: number;
      maxDuration: string;
      staff: number;
      position: Position;
    }
  | { type: 'setMap'; name?: string; tlp?: Tlp }
  | { type: 'replace'; doc: EditorDoc }
  /** Several edits undone as one (add a vendor and make it the service's). */
  | { type: 'batch'; edits: readonly Edit[] };

/** A copy of `item` with the patch's keys set, or removed where the patch gives undefined. */
function patched<T extends object>(item: T, patch: object, keys: readonly string[]): T {
  const next: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const key of keys) {
    if (!(key in patch)) continue;
    const value = (patch as Record<string, unknown>)[key];
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next as T;
}

function withoutKeys<T>(record: Readonly<Record<string, T>>, keys: ReadonlySet<string>): Record<string, T> {
  const next: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) if (!keys.has(key)) next[key] = value;
  return next;
}

/** Which kind of node an id is, or undefined. */
export function kindOf(model: DraftModel, id: string): DraftNodeKind | undefined {
  return indexNodes(model).get(id)?.kind;
}

/**
 * Why a line from `source` to `target` cannot be drawn, or null when it can. A vendor drawn to a
 * service or host becomes its vendor, a workaround drawn to a node keeps that node running;
 * anything else becomes a dependency of the target on the source.
 */
export function connectionProblem(model: DraftModel, source: string, target: string): string | null {
  if (source === target) return 'A node cannot depend on itself.';
  const nodes = indexNodes(model);
  const from = nodes.get(source);
  const to = nodes.get(target);
  if (!from || !to) return 'Both ends must be nodes of this map.';
  if (to.kind === 'workaround') return 'A workaround keeps a node running; it does not depend on anything.';
  if (from.kind === 'workaround') {
    const taken = model.workarounds.find((w) => w.for === target && w.id !== source);
    return taken ? `"${to.node.label ?? target}" already has a workaround.` : null;
  }
  if (from.kind === 'vendor' && (to.kind === 'service' || to.kind === 'host')) return null;
  if (model.dependencies.some((d) => d.from === target && d.to === source))
    return 'These are already connected.';
  return null;
}

function connect(doc: EditorDoc, edit: Extract<Edit, { type: 'connect' }>): EditorDoc {
  const { model } = doc;
  if (connectionProblem(model, edit.source, edit.target) !== null) return doc;
  const source = kindOf(model, edit.source);
  const target = kindOf(model, edit.target);
  if (source === 'workaround') {
    const workarounds = model.workarounds.map((w) => (w.id === edit.source ? { ...w, for: edit.target } : w));
    return { ...doc, model: { ...model, workarounds } };
  }
  if (source === 'vendor' && target === 'service') {
    const services = model.services.map((s) => (s.id === edit.target ? { ...s, vendor: edit.source } : s));
    return { ...doc, model: { ...model, services } };
  }
  if (source === 'vendor' && target === 'host') {
    const hosts = model.hosts.map((h) => (h.id === edit.target ? { ...h, vendor: edit.source } : h));
    return { ...doc, model: { ...model, hosts } };
  }
  const flow = edit.flow ?? (source === 'host' || source === 'vendor' ? 'support' : 'information');
  const dependencies = [...model.dependencies, { from: edit.target, to: edit.source, flow }];
  return { ...doc, model: { ...model, dependencies } };
}

/** Groups that still make sense once some dependencies are gone: members must stay dependencies. */
function pruneGroups(model: DraftModel): DraftModel {
  const pairs = new Set(model.dependencies.map((d) => `${d.from}\u0000${d.to}`));
  let changed = false;
  const alternatives = model.alternatives.flatMap((g) => {
    const members = g.members.filter((m) => pairs.has(`${g.from}\u0000${m}`));
    if (members.length === g.members.length) return [g];
    changed = true;
    // One member left is no choice at all: the dependency is all-of again.
    if (members.length < 2) return [];
    return [{ ...g, members, k: Math.min(g.k, members.length) }];
  });
  return changed ? { ...model, alternatives } : model;
}

function remove(doc: EditorDoc, edit: Extract<Edit, { type: 'remove' }>): EditorDoc {
  const gone = new Set(edit.nodes);
  let model = doc.model;
  // Edges first (their indexes refer to the model as it is now).
  const depIndexes = new Set<number>();
  const vendorOf = new Set<string>();
  const workaroundIds = new Set<string>();
  for (const ref of edit.edges) {
    if (ref.type === 'dependency') depIndexes.add(ref.index);
    else if (ref.type === 'vendor') vendorOf.add(ref.node);
    else workaroundIds.add(ref.id);
  }
  for (const w of model.workarounds) if (gone.has(w.id) || gone.has(w.for)) workaroundIds.add(w.id);
  for (const id of workaroundIds) gone.add(id);

  const keep = <T extends { id: string }>(list: T[]) => list.filter((item) => !gone.has(item.id));
  const dropVendor = <T extends { id: string; vendor?: string | undefined }>(item: T): T => {
    if (vendorOf.has(item.id) || (item.vendor !== undefined && gone.has(item.vendor))) {
      const { vendor: _vendor, ...rest } = item;
      return rest as T;
    }
    return item;
  };
  model = {
    ...model,
    functions: keep(model.functions),
    processSteps: keep(model.processSteps),
    systems: keep(model.systems),
    services: keep(model.services).map(dropVendor),
    vendors: keep(model.vendors),
    hosts: keep(model.hosts).map(dropVendor),
    workarounds: keep(model.workarounds),
    dependencies: model.dependencies.filter(
      (d, i) => !depIndexes.has(i) && !gone.has(d.from) && !gone.has(d.to),
    ),
    alternatives: model.alternatives.filter((g) => !gone.has(g.from)),
  };
  return { model: pruneGroups(model), layout: withoutKeys(doc.layout, gone) };
}

function addNode(doc: EditorDoc, edit: Extract<Edit, { type: 'addNode' }>): EditorDoc {
  const { model } = doc;
  if (indexNodes(model).has(edit.id)) return doc;
  const base = patched({ id: edit.id, label: edit.label }, edit.patch ?? {}, FIELDS_OF_KIND[edit.kind]);
  let next: DraftModel;
  switch (edit.kind) {
    case 'function':
      next = { ...model, functions: [...model.functions, { impacts: [], ...base }] };
      break;
    case 'step':
      next = { ...model, processSteps: [...model.processSteps, base] };
      break;
    case 'system':
      next = { ...model, systems: [...model.systems, base] };
      break;
    case 'service':
      next = { ...model, services: [...model.services, { category: UNCATEGORIZED, ...base }] };
      break;
    case 'vendor':
      next = { ...model, vendors: [...model.vendors, base] };
      break;
    case 'host':
      next = { ...model, hosts: [...model.hosts, base] };
      break;
  }
  return { model: next, layout: { ...doc.layout, [edit.id]: edit.position } };
}

function updateNode(doc: EditorDoc, edit: Extract<Edit, { type: 'updateNode' }>): EditorDoc {
  const entry = indexNodes(doc.model).get(edit.id);
  if (!entry) return doc;
  const list = LIST_OF_KIND[entry.kind];
  const keys = FIELDS_OF_KIND[entry.kind];
  const items = doc.model[list] as { id: string }[];
  const updated = items.map((item) => (item.id === edit.id ? patched(item, edit.patch, keys) : item));
  return { ...doc, model: { ...doc.model, [list]: updated } };
}

function groupAlternatives(doc: EditorDoc, edit: Extract<Edit, { type: 'groupAlternatives' }>): EditorDoc {
  const { model } = doc;
  const providers = new Set(model.dependencies.filter((d) => d.from === edit.from).map((d) => d.to));
  const members = [...new Set(edit.members)].filter((m) => providers.has(m));
  if (members.length < 2) return doc;
  // A dependency belongs to one group at most: the new group takes its members from older ones.
  const taken = new Set(members);
  const others = model.alternatives.flatMap((g) => {
    if (g.from !== edit.from) return [g];
    const rest = g.members.filter((m) => !taken.has(m));
    if (rest.length === g.members.length) return [g];
    return rest.length < 2 ? [] : [{ ...g, members: rest, k: Math.min(g.k, rest.length) }];
  });
  const k = Math.max(1, Math.min(edit.k ?? 1, members.length));
  return {
    ...doc,
    model: { ...model, alternatives: [...others, { id: edit.id, from: edit.from, members, k }] },
  };
}

function updateGroup(doc: EditorDoc, edit: Extract<Edit, { type: 'updateGroup' }>): EditorDoc {
  const alternatives = doc.model.alternatives.map((g) => {
    if (g.id !== edit.id) return g;
    let next = { ...g };
    if (edit.k !== undefined) next.k = Math.max(1, Math.min(Math.round(edit.k), g.members.length));
    if ('label' in edit) next = patched(next, { label: edit.label }, ['label']);
    return next;
  });
  return { ...doc, model: { ...doc.model, alternatives } };
}

export function applyEdit(doc: EditorDoc, edit: Edit): EditorDoc {
  switch (edit.type) {
    case 'addNode':
      return addNode(doc, edit);
    case 'updateNode':
      return updateNode(doc, edit);
    case 'remove':
      return remove(doc, edit);
    case 'connect':
      return connect(doc, edit);
    case 'updateDependency': {
      const dependencies = doc.model.dependencies.map((d, i) =>
        i === edit.index ? patched(d, edit.patch, ['flow', 'label', 'standard']) : d,
      );
      return { ...doc, model: { ...doc.model, dependencies } };
    }
    case 'moveNodes':
      return { ...doc, layout: { ...doc.layout, ...edit.positions } };
    case 'setLayout':
      return { ...doc, layout: edit.layout };
    case 'groupAlternatives':
      return groupAlternatives(doc, edit);
    case 'updateGroup':
      return updateGroup(doc, edit);
    case 'ungroup':
      return {
        ...doc,
        model: { ...doc.model, alternatives: doc.model.alternatives.filter((g) => g.id !== edit.id) },
      };
    case 'addWorkaround': {
      const { model } = doc;
      if (model.workarounds.some((w) => w.for === edit.for) || indexNodes(model).has(edit.id)) return doc;
      const workaround = {
        id: edit.id,
        label: edit.label,
        for: edit.for,
        capacity: edit.capacity,
        maxDuration: edit.maxDuration,
        staff: edit.staff,
      };
      return {
        model: { ...model, workarounds: [...model.workarounds, workaround] },
        layout: { ...doc.layout, [edit.id]: edit.position },
      };
    }
    case 'setMap': {
      let model = doc.model;
      if (edit.name !== undefined) model = { ...model, name: edit.name };
      if (edit.tlp !== undefined) model = { ...model, tlp: edit.tlp };
      return model === doc.model ? doc : { ...doc, model };
    }
    case 'replace':
      return edit.doc;
    case 'batch':
      return edit.edits.reduce(applyEdit, doc);
  }
}

const PREFIX: Record<DraftNodeKind | 'group', string> = {
  function: 'f',
  step: 's',
  system: 'sys',
  service: 'svc',
  vendor: 'v',
  host: 'h',
  workaround: 'w',
  group: 'alt',
};

/** A new id for a node or group of this kind that the model does not use yet. */
export function newId(model: DraftModel, kind: DraftNodeKind | 'group', random: () => number = Math.random) {
  const used = indexNodes(model);
  const groups = new Set(model.alternatives.map((g) => g.id));
  for (;;) {
    const id = `${PREFIX[kind]}-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`;
    if (!used.has(id) && !groups.has(id)) return id;
  }
}
