// The organization model: one SMART model document assembled from every map of the organization,
// with the hidden dependencies the vendor inventory knows about. Pure: the database reads are in
// org-inputs.ts, so the assembly can be tested (and run in a worker) on plain data.
//
// Vendors and hosts are organization-wide: the same id in two maps is one node (the first map's
// label wins). Every other id (functions, steps, systems, services, workarounds, groups of
// alternatives) belongs to its map: it is kept as written unless another map uses it too, in which
// case it becomes `<id>@<map short key>`, so two maps made from the same template stay two workflows.
import {
  DEFAULT_RUBRIC,
  type DraftModel,
  draftModelSchema,
  draftProblems,
  draftToModel,
  type NodeKind,
  type Rubric,
  type SmartModel,
  TLP_LEVELS,
  type Tlp,
} from '@smart/core';

export type ReviewStatus = 'draft' | 'in_review' | 'validated';

/** One map as stored: its draft document is read as it is, whatever state it is in. */
export interface OrgMapInput {
  id: string;
  name: string;
  version: number;
  tlp: Tlp;
  reviewStatus: ReviewStatus;
  model: unknown;
}

/** A map node linked to an inventory service, with what that service depends on in the inventory. */
export interface InventoryLinkInput {
  mapId: string;
  nodeId: string;
  serviceId: string;
  dependencies: InventoryDependencyInput[];
}

export type InventoryDependencyKind =
  | 'hosting'
  | 'supplier'
  | 'api'
  | 'integration-engine'
  | 'automation'
  | 'certificate'
  | 'update-service'
  | 'other';

export interface InventoryDependencyInput {
  vendorId: string;
  vendorName: string;
  kind: InventoryDependencyKind;
}

/** The kinds of inventory dependency that make a map node depend on another vendor ('other' does not). */
export const HIDDEN_DEPENDENCY_KINDS: ReadonlySet<InventoryDependencyKind> = new Set([
  'hosting',
  'supplier',
  'api',
  'integration-engine',
  'automation',
  'certificate',
  'update-service',
]);

export interface OrgMapEntry {
  id: string;
  name: string;
  version: number;
  reviewStatus: ReviewStatus;
  tlp: Tlp;
  included: boolean;
  /** Why the map is left out, in words (its first problem). */
  problem?: string;
  functions: number;
}

export interface OrgNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** The maps the node appears in (none for a node added from the inventory alone). */
  mapIds: string[];
  category?: string;
}

export interface OrgModel {
  model: SmartModel;
  maps: OrgMapEntry[];
  nodes: OrgNode[];
  tlp: Tlp;
  /** Per map, the ids it uses that were renamed in the organization model (local id → model id). */
  renamed: Map<string, Map<string, string>>;
  /** How many dependencies the inventory added. */
  hiddenDependencies: number;
}

/** The first eight characters of a map's id: enough to tell an organization's maps apart. */
export const mapShortKey = (mapId: string) => mapId.replace(/-/g, '').slice(0, 8);

const TLP_ORDER: readonly Tlp[] = TLP_LEVELS;
export const strictestTlp = (levels: readonly Tlp[]): Tlp =>
  levels.reduce<Tlp>((a, b) => (TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a), 'CLEAR');

/** A map as the assembly uses it: its entry in the response and, when it converts, its strict model. */
export type ConvertedMap = { entry: OrgMapEntry; model?: SmartModel };
type Converted = ConvertedMap;

/**
 * A map's draft as a strict model, or why it cannot be one. The costly part of the assembly (the
 * schema checks of every node), so callers keep the result per map version.
 */
export function convertMap(map: OrgMapInput): ConvertedMap {
  const entry: OrgMapEntry = {
    id: map.id,
    name: map.name,
    version: map.version,
    reviewStatus: map.reviewStatus,
    tlp: map.tlp,
    included: false,
    functions: 0,
  };
  const parsed = draftModelSchema.safeParse(map.model);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    entry.problem = `The map's content is not a model document (${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unreadable'}).`;
    return { entry };
  }
  const draft: DraftModel = parsed.data;
  entry.functions = draft.functions.length;
  const model = draftToModel(draft);
  if (!model) {
    const first = draftProblems(draft).find((p) => p.severity === 'error');
    entry.problem = first
      ? `${first.message}.`
      : 'The map does not convert to a model document the analysis accepts.';
    return { entry };
  }
  entry.included = true;
  return { entry, model };
}

type Labelled = { id: string; label?: string | undefined };
const labelOf = (item: Labelled) => item.label?.trim() || item.id;

/** The ids a map owns (everything but vendors and hosts), including workarounds and groups. */
function ownedIds(model: SmartModel): string[] {
  return [
    ...model.functions.map((n) => n.id),
    ...model.processSteps.map((n) => n.id),
    ...model.systems.map((n) => n.id),
    ...model.services.map((n) => n.id),
    ...model.workarounds.map((n) => n.id),
    ...model.alternatives.map((n) => n.id),
  ];
}

/** A copy of the model with its ids renamed as `rename` says (ids not in it stay). */
function renameModel(model: SmartModel, rename: Map<string, string>): SmartModel {
  if (rename.size === 0) return model;
  const r = (id: string) => rename.get(id) ?? id;
  return {
    ...model,
    functions: model.functions.map((n) => ({ ...n, id: r(n.id) })),
    processSteps: model.processSteps.map((n) => ({ ...n, id: r(n.id) })),
    systems: model.systems.map((n) => ({ ...n, id: r(n.id) })),
    services: model.services.map((n) => ({ ...n, id: r(n.id), vendor: r(n.vendor) })),
    vendors: model.vendors.map((n) => ({ ...n, id: r(n.id) })),
    hosts: model.hosts.map((n) => ({ ...n, id: r(n.id), ...(n.vendor ? { vendor: r(n.vendor) } : {}) })),
    workarounds: model.workarounds.map((n) => ({ ...n, id: r(n.id), for: r(n.for) })),
    dependencies: model.dependencies.map((d) => ({ ...d, from: r(d.from), to: r(d.to) })),
    alternatives: model.alternatives.map((g) => ({
      ...g,
      id: r(g.id),
      from: r(g.from),
      members: g.members.map(r),
    })),
  };
}

/** Impact levels on dimensions the organization's rubric does not have are dropped; levels above its top are capped. */
function fitFunctionsToRubric(functions: SmartModel['functions'], rubric: Rubric): SmartModel['functions'] {
  const dimensions = new Set(rubric.dimensions.map((d) => d.id));
  const top = Math.max(...rubric.levels.map((l) => l.value));
  return functions.map((fn) => ({
    ...fn,
    impacts: fn.impacts.map((step) => ({
      ...step,
      levels: Object.fromEntries(
        Object.entries(step.levels)
          .filter(([dimension]) => dimensions.has(dimension))
          .map(([dimension, level]) => [dimension, Math.min(level, top)]),
      ),
    })),
  }));
}

export interface AssembleInput {
  maps: readonly OrgMapInput[];
  links: readonly InventoryLinkInput[];
  /** The organization's approved rubric; the default one when there is none. */
  rubric?: Rubric;
}

/** Assembles the organization model from its maps (in the order given) and the inventory's links. */
export function assembleOrgModel(input: AssembleInput): OrgModel {
  return assembleConverted({ ...input, maps: input.maps.map(convertMap) });
}

/** The assembly from maps already converted (convertMap). */
export function assembleConverted(input: {
  maps: readonly ConvertedMap[];
  links: readonly InventoryLinkInput[];
  rubric?: Rubric;
}): OrgModel {
  const rubric = input.rubric ?? DEFAULT_RUBRIC;
  const converted = input.maps;
  const included = converted.filter((c): c is Converted & { model: SmartModel } => c.model !== undefined);

  // The map that uses each owned id (MANY when more than one does), and the kind of each shared
  // (vendor or host) id, first map first. Plain values rather than sets: this runs on every node of
  // the organization each time a map changes.
  const MANY = '';
  const owners = new Map<string, string>();
  const sharedKind = new Map<string, 'vendor' | 'host'>();
  for (const { entry, model } of included) {
    for (const id of ownedIds(model)) {
      const owner = owners.get(id);
      if (owner === undefined) owners.set(id, entry.id);
      else if (owner !== entry.id) owners.set(id, MANY);
    }
    for (const v of model.vendors) if (!sharedKind.has(v.id)) sharedKind.set(v.id, 'vendor');
    for (const h of model.hosts) if (!sharedKind.has(h.id)) sharedKind.set(h.id, 'host');
  }

  const renamed = new Map<string, Map<string, string>>();
  const vendors = new Map<string, SmartModel['vendors'][number]>();
  const hosts = new Map<string, SmartModel['hosts'][number]>();
  const functions: SmartModel['functions'] = [];
  const processSteps: SmartModel['processSteps'] = [];
  const systems: SmartModel['systems'] = [];
  const services: SmartModel['services'] = [];
  const workarounds: SmartModel['workarounds'] = [];
  const alternatives: SmartModel['alternatives'] = [];
  const dependencies: SmartModel['dependencies'] = [];
  const sector = new Map<string, SmartModel['sector'][number]>();
  const seenDependency = new Set<string>();
  const workaroundFor = new Set<string>();
  // Maps are visited one after the other, so a node's list of maps only ever grows at its end.
  const mapIdsOf = new Map<string, string[]>();
  const noteMap = (nodeId: string, mapId: string) => {
    const list = mapIdsOf.get(nodeId);
    if (!list) mapIdsOf.set(nodeId, [mapId]);
    else if (list[list.length - 1] !== mapId) list.push(mapId);
  };

  for (const { entry, model: original } of included) {
    const key = mapShortKey(entry.id);
    const rename = new Map<string, string>();
    for (const id of ownedIds(original)) {
      // Kept unless another map uses it, as its own id or as a vendor or host.
      if (owners.get(id) === MANY || sharedKind.has(id)) rename.set(id, `${id}@${key}`);
    }
    // A vendor id that another map uses for a host (or the reverse) cannot be one node: this map's is renamed.
    for (const v of original.vendors) if (sharedKind.get(v.id) === 'host') rename.set(v.id, `${v.id}@${key}`);
    for (const h of original.hosts) if (sharedKind.get(h.id) === 'vendor') rename.set(h.id, `${h.id}@${key}`);
    renamed.set(entry.id, rename);
    const model = renameModel(original, rename);

    for (const v of model.vendors) {
      const first = vendors.get(v.id);
      if (!first) vendors.set(v.id, v);
      else if ((v.phiRecords ?? 0) > (first.phiRecords ?? 0)) {
        // The label of the first map stays; the largest count of patient records is the one that matters.
        vendors.set(v.id, { ...first, phiRecords: v.phiRecords });
      }
      noteMap(v.id, entry.id);
    }
    for (const h of model.hosts) {
      const first = hosts.get(h.id);
      if (!first) hosts.set(h.id, h);
      else if (!first.vendor && h.vendor) hosts.set(h.id, { ...first, vendor: h.vendor });
      noteMap(h.id, entry.id);
    }
    functions.push(...fitFunctionsToRubric(model.functions, rubric));
    processSteps.push(...model.processSteps);
    systems.push(...model.systems);
    services.push(...model.services);
    for (const n of [...model.functions, ...model.processSteps, ...model.systems, ...model.services]) {
      noteMap(n.id, entry.id);
    }
    for (const w of model.workarounds) {
      // At most one workaround per node: for a shared vendor or host, the first map's holds.
      if (workaroundFor.has(w.for)) continue;
      workaroundFor.add(w.for);
      workarounds.push(w);
    }
    alternatives.push(...model.alternatives);
    for (const d of model.dependencies) {
      // A map lists a dependency once; only one between shared nodes can come from two maps.
      if (vendors.has(d.from) || hosts.has(d.from)) {
        const k = `${d.from}\u0000${d.to}`;
        if (seenDependency.has(k)) continue;
        seenDependency.add(k);
      }
      dependencies.push(d);
    }
    for (const s of model.sector) if (!sector.has(s.category)) sector.set(s.category, s);
  }

  // Hidden dependencies from the inventory.
  let hiddenDependencies = 0;
  // The node standing for an inventory vendor: one of the same name, of the kind the dependency
  // calls for (a host for hosting) and then of the other kind, the map's own before another map's.
  const byLabel = (kind: 'vendor' | 'host', label: string, mapId: string) => {
    const wanted = label.trim().toLowerCase();
    const lists: Labelled[][] = [[...hosts.values()], [...vendors.values()]];
    if (kind === 'vendor') lists.reverse();
    for (const list of lists) {
      const matches = list.filter((n) => labelOf(n).toLowerCase() === wanted);
      const found = matches.find((n) => mapIdsOf.get(n.id)?.includes(mapId)) ?? matches[0];
      if (found) return found;
    }
    return undefined;
  };
  const includedIds = new Set(included.map((c) => c.entry.id));
  const nodeIds = new Set([
    ...functions.map((n) => n.id),
    ...processSteps.map((n) => n.id),
    ...systems.map((n) => n.id),
    ...services.map((n) => n.id),
  ]);
  // What the linked nodes already depend on, so the inventory does not repeat a dependency a map drew.
  const linkedFrom = new Set(input.links.map((l) => renamed.get(l.mapId)?.get(l.nodeId) ?? l.nodeId));
  for (const d of dependencies) {
    if (linkedFrom.has(d.from)) seenDependency.add(`${d.from}\u0000${d.to}`);
  }
  for (const link of input.links) {
    if (!includedIds.has(link.mapId)) continue;
    const from = renamed.get(link.mapId)?.get(link.nodeId) ?? link.nodeId;
    if (!nodeIds.has(from) && !vendors.has(from) && !hosts.has(from)) continue;
    for (const dep of link.dependencies) {
      if (!HIDDEN_DEPENDENCY_KINDS.has(dep.kind)) continue;
      const kind = dep.kind === 'hosting' ? 'host' : 'vendor';
      let to = byLabel(kind, dep.vendorName, link.mapId)?.id;
      if (!to) {
        to = `inventory:${dep.vendorId}`;
        // One inventory vendor may be needed both as a host and as a vendor: two nodes then.
        const taken = kind === 'host' ? vendors.has(to) : hosts.has(to);
        if (taken) to = `${to}:${kind}`;
        if (kind === 'host' && !hosts.has(to)) hosts.set(to, { id: to, label: dep.vendorName });
        if (kind === 'vendor' && !vendors.has(to)) vendors.set(to, { id: to, label: dep.vendorName });
      }
      if (to === from) continue;
      const k = `${from}\u0000${to}`;
      if (seenDependency.has(k)) continue;
      seenDependency.add(k);
      dependencies.push({
        from,
        to,
        flow: 'support',
        label: `From the vendor inventory (${dep.kind.replace('-', ' ')})`,
      });
      hiddenDependencies++;
    }
  }

  const model: SmartModel = {
    format: 'smart-model',
    version: 1,
    name: 'Organization model',
    tlp: strictestTlp(included.map((c) => c.entry.tlp)),
    rubric,
    functions,
    processSteps,
    systems,
    services,
    vendors: [...vendors.values()],
    hosts: [...hosts.values()],
    workarounds,
    dependencies,
    alternatives,
    sector: [...sector.values()],
  };
  const nodes: OrgNode[] = [];
  const push = (items: readonly Labelled[], kind: NodeKind, category?: (n: Labelled) => string) => {
    for (const n of items) {
      const node: OrgNode = { id: n.id, label: labelOf(n), kind, mapIds: mapIdsOf.get(n.id) ?? [] };
      const c = category?.(n);
      if (c) node.category = c;
      nodes.push(node);
    }
  };
  push(model.functions, 'function');
  push(model.processSteps, 'step');
  push(model.systems, 'system');
  push(model.services, 'service', (n) => (n as SmartModel['services'][number]).category);
  push(model.vendors, 'vendor');
  push(model.hosts, 'host');
  return {
    model,
    maps: converted.map((c) => c.entry),
    nodes,
    tlp: model.tlp,
    renamed,
    hiddenDependencies,
  };
}
