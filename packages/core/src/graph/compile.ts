// Compiles a validated model document into an indexed graph: integer node ids, typed arrays and
// CSR adjacency in both directions. Built once, then shared by every analysis.
import type { AlternativeGroup } from '../model/alternative-group';
import { FLOW_TYPES } from '../model/dependency';
import { NODE_KINDS, type NodeKind, type SmartModel } from '../model/document';
import { hoursOf } from '../model/duration';
import { DEFAULT_RUBRIC, type Rubric } from '../model/rubric';

/** Adjacency in compressed sparse row form: node i's entries are offsets[i] .. offsets[i+1]-1. */
export interface Adjacency {
  offsets: Int32Array;
  nodes: Int32Array;
  /** Alternatives group of each entry, or -1 for an all-of dependency. */
  groups: Int32Array;
}

export interface ImpactCurve {
  /** Downtime (hours) at which each step starts, ascending. */
  afterHours: Float64Array;
  /** levels[step][dimension]: the level reached from that step on (dimensions in rubric order). */
  levels: Int32Array[];
  /** The highest level of any dimension from each step on. */
  peaks: Int32Array;
}

export interface CompiledGraph {
  readonly model: SmartModel;
  readonly rubric: Rubric;
  readonly nodeCount: number;
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  readonly kinds: Uint8Array;
  readonly indexOf: ReadonlyMap<string, number>;
  /** What each node depends on. */
  readonly dependencies: Adjacency;
  /** Who depends on each node (the direction failure travels). */
  readonly dependents: Adjacency;
  readonly flows: Uint8Array;
  readonly groupIds: readonly string[];
  readonly groupOwner: Int32Array;
  /** Members that must be down for the group to fail: n - k + 1. */
  readonly groupThreshold: Int32Array;
  readonly groupSize: Int32Array;
  /** Hours a node's workaround lasts, or -1 when it has none. */
  readonly workaroundHours: Float64Array;
  readonly workaroundIndex: Int32Array;
  /** Node index of every critical function, in document order. */
  readonly functionNodes: Int32Array;
  /** Position of a node in functionNodes, or -1. */
  readonly functionOrdinal: Int32Array;
  readonly toleranceHours: Float64Array;
  readonly impactCurves: readonly ImpactCurve[];
  readonly phiRecords: Float64Array;
  /** The vendor providing a service or operating a host, or -1. */
  readonly vendorOf: Int32Array;
}

interface EdgeList {
  count: number;
  from: Int32Array;
  to: Int32Array;
  group: Int32Array;
  flow: Uint8Array;
}

export function kindOf(graph: CompiledGraph, node: number): NodeKind {
  return NODE_KINDS[graph.kinds[node] ?? 0] ?? 'function';
}

export function labelOf(graph: CompiledGraph, node: number): string {
  return graph.labels[node] || graph.ids[node] || String(node);
}

function nodeLists(model: SmartModel): Array<Array<{ id: string; label?: string | undefined }>> {
  return [model.functions, model.processSteps, model.systems, model.services, model.vendors, model.hosts];
}

const SUPPORT_FLOW = FLOW_TYPES.indexOf('support');

/** Groups of alternatives by owner: for a node, its members and their group, in pairs. */
type GroupsByOwner = Map<number, number[]>;

function groupOfEdge(groupsByOwner: GroupsByOwner, from: number, to: number): number {
  const pairs = groupsByOwner.get(from);
  if (!pairs) return -1;
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === to) return pairs[i + 1] ?? -1;
  return -1;
}

function edgeList(
  model: SmartModel,
  indexOf: Map<string, number>,
  groupsByOwner: GroupsByOwner,
  vendorOf: Int32Array,
): EdgeList {
  const capacity = model.dependencies.length + model.services.length + model.hosts.length;
  const edges: EdgeList = {
    count: 0,
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    group: new Int32Array(capacity),
    flow: new Uint8Array(capacity),
  };
  const add = (from: number, to: number, flow: number, group: number) => {
    const e = edges.count++;
    edges.from[e] = from;
    edges.to[e] = to;
    edges.group[e] = group;
    edges.flow[e] = flow;
  };
  const providerListed = new Uint8Array(vendorOf.length);
  for (const dep of model.dependencies) {
    const from = indexOf.get(dep.from);
    const to = indexOf.get(dep.to);
    if (from === undefined || to === undefined || from === to) continue;
    const group = groupOfEdge(groupsByOwner, from, to);
    if (group < 0 && vendorOf[from] === to) providerListed[from] = 1;
    add(from, to, FLOW_TYPES.indexOf(dep.flow), group);
  }
  // A provider is needed whatever the groups say: the vendor's failure fails its services and
  // hosts. When the same edge is also a group member, both entries stay and propagation sees both.
  vendorOf.forEach((vendor, node) => {
    if (vendor >= 0 && !providerListed[node]) add(node, vendor, SUPPORT_FLOW, -1);
  });
  return edges;
}

/** Edges in compressed sparse row form, keyed by their source (or, reversed, their target). */
function csr(
  nodeCount: number,
  edges: EdgeList,
  reversed: boolean,
): { adjacency: Adjacency; flows: Uint8Array } {
  const keys = reversed ? edges.to : edges.from;
  const values = reversed ? edges.from : edges.to;
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edges.count; e++) {
    const key = keys[e] ?? 0;
    offsets[key + 1] = (offsets[key + 1] ?? 0) + 1;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const cursor = offsets.slice(0, nodeCount);
  const nodes = new Int32Array(edges.count);
  const groups = new Int32Array(edges.count);
  const flows = new Uint8Array(edges.count);
  for (let e = 0; e < edges.count; e++) {
    const key = keys[e] ?? 0;
    const slot = cursor[key] ?? 0;
    cursor[key] = slot + 1;
    nodes[slot] = values[e] ?? 0;
    groups[slot] = edges.group[e] ?? -1;
    flows[slot] = edges.flow[e] ?? 0;
  }
  return { adjacency: { offsets, nodes, groups }, flows };
}

function compileGroups(groups: AlternativeGroup[], indexOf: Map<string, number>) {
  const groupsByOwner: GroupsByOwner = new Map();
  const owner = new Int32Array(groups.length);
  const threshold = new Int32Array(groups.length);
  const size = new Int32Array(groups.length);
  groups.forEach((group, g) => {
    const from = indexOf.get(group.from) ?? -1;
    owner[g] = from;
    size[g] = group.members.length;
    threshold[g] = Math.max(1, group.members.length - group.k + 1);
    const pairs = groupsByOwner.get(from) ?? [];
    for (const member of group.members) pairs.push(indexOf.get(member) ?? -1, g);
    groupsByOwner.set(from, pairs);
  });
  return { groupsByOwner, owner, threshold, size };
}

function compileCurve(impacts: SmartModel['functions'][number]['impacts'], rubric: Rubric): ImpactCurve {
  const steps = impacts.map((step) => ({ after: hoursOf(step.after), levels: step.levels }));
  steps.sort((a, b) => a.after - b.after);
  const running = new Int32Array(rubric.dimensions.length);
  const levels = steps.map((step) => {
    rubric.dimensions.forEach((dimension, d) => {
      // Impact only grows with downtime: a later step never lowers a level.
      running[d] = Math.max(running[d] ?? 0, step.levels[dimension.id] ?? 0);
    });
    return running.slice();
  });
  return {
    afterHours: Float64Array.from(steps.map((s) => s.after)),
    levels,
    peaks: Int32Array.from(levels.map((step) => Math.max(0, ...step))),
  };
}

/** The indexed graph of a validated model. */
export function compileModel(model: SmartModel): CompiledGraph {
  const rubric = model.rubric ?? DEFAULT_RUBRIC;
  const ids: string[] = [];
  const labels: string[] = [];
  const kindList: number[] = [];
  const indexOf = new Map<string, number>();
  nodeLists(model).forEach((items, kind) => {
    for (const item of items) {
      if (indexOf.has(item.id)) continue;
      indexOf.set(item.id, ids.length);
      ids.push(item.id);
      labels.push(item.label ?? '');
      kindList.push(kind);
    }
  });
  const nodeCount = ids.length;
  const groups = compileGroups(model.alternatives, indexOf);
  const vendorFacts = compileVendorFacts(model, indexOf, nodeCount);
  const edges = edgeList(model, indexOf, groups.groupsByOwner, vendorFacts.vendorOf);
  const { adjacency: dependencies, flows } = csr(nodeCount, edges, false);
  const dependents = csr(nodeCount, edges, true).adjacency;
  return {
    model,
    rubric,
    nodeCount,
    ids,
    labels,
    kinds: Uint8Array.from(kindList),
    indexOf,
    dependencies,
    dependents,
    flows,
    groupIds: model.alternatives.map((g) => g.id),
    groupOwner: groups.owner,
    groupThreshold: groups.threshold,
    groupSize: groups.size,
    ...compileWorkarounds(model, indexOf, nodeCount),
    ...compileFunctions(model, rubric, indexOf, nodeCount),
    ...vendorFacts,
  };
}

function compileWorkarounds(model: SmartModel, indexOf: Map<string, number>, nodeCount: number) {
  const workaroundHours = new Float64Array(nodeCount).fill(-1);
  const workaroundIndex = new Int32Array(nodeCount).fill(-1);
  model.workarounds.forEach((workaround, w) => {
    const node = indexOf.get(workaround.for);
    if (node === undefined || (workaroundIndex[node] ?? -1) >= 0) return;
    workaroundHours[node] = hoursOf(workaround.maxDuration);
    workaroundIndex[node] = w;
  });
  return { workaroundHours, workaroundIndex };
}

function compileFunctions(
  model: SmartModel,
  rubric: Rubric,
  indexOf: Map<string, number>,
  nodeCount: number,
) {
  const functionOrdinal = new Int32Array(nodeCount).fill(-1);
  const functionNodes = Int32Array.from(model.functions.map((fn) => indexOf.get(fn.id) ?? -1));
  functionNodes.forEach((node, ordinal) => {
    functionOrdinal[node] = ordinal;
  });
  return {
    functionNodes,
    functionOrdinal,
    toleranceHours: Float64Array.from(model.functions.map((fn) => hoursOf(fn.maxTolerableDowntime))),
    impactCurves: model.functions.map((fn) => compileCurve(fn.impacts, rubric)),
  };
}

function compileVendorFacts(model: SmartModel, indexOf: Map<string, number>, nodeCount: number) {
  const phiRecords = new Float64Array(nodeCount);
  const vendorOf = new Int32Array(nodeCount).fill(-1);
  for (const item of [...model.vendors, ...model.services]) {
    const node = indexOf.get(item.id);
    if (node !== undefined) phiRecords[node] = item.phiRecords ?? 0;
  }
  for (const item of [...model.services, ...model.hosts]) {
    const node = indexOf.get(item.id);
    const vendor = item.vendor === undefined ? undefined : indexOf.get(item.vendor);
    if (node !== undefined && vendor !== undefined) vendorOf[node] = vendor;
  }
  return { phiRecords, vendorOf };
}
