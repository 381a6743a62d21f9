// Compiles a validated model document into an indexed graph: integer node ids, typed arrays and
// CSR adjacency in both directions. Built once, then shared by every analysis.
import type { AlternativeGroup } from '../model/alternative-group';
import { FLOW_TYPES, type FlowType } from '../model/dependency';
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
  from: number[];
  to: number[];
  group: number[];
  flow: number[];
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

/** A number naming the edge a -> b, cheaper to hash than a string. */
const edgeKey = (a: number, b: number, nodeCount: number) => a * nodeCount + b;

function edgeList(model: SmartModel, indexOf: Map<string, number>, groupOf: Map<number, number>): EdgeList {
  const edges: EdgeList = { from: [], to: [], group: [], flow: [] };
  const nodeCount = indexOf.size;
  const allOf = new Set<number>();
  const add = (a: number | undefined, b: number | undefined, flow: FlowType, grouped: boolean) => {
    if (a === undefined || b === undefined || a === b) return;
    const key = edgeKey(a, b, nodeCount);
    if (allOf.has(key)) return;
    const group = grouped ? (groupOf.get(key) ?? -1) : -1;
    if (group < 0) allOf.add(key);
    edges.from.push(a);
    edges.to.push(b);
    edges.group.push(group);
    edges.flow.push(FLOW_TYPES.indexOf(flow));
  };
  for (const dep of model.dependencies) add(indexOf.get(dep.from), indexOf.get(dep.to), dep.flow, true);
  // A provider is needed whatever the groups say: the vendor's failure fails its services and
  // hosts. When the same edge is also a group member, both entries stay and propagation sees both.
  for (const service of model.services)
    add(indexOf.get(service.id), indexOf.get(service.vendor), 'support', false);
  for (const host of model.hosts) {
    if (host.vendor) add(indexOf.get(host.id), indexOf.get(host.vendor), 'support', false);
  }
  return edges;
}

function csr(nodeCount: number, keys: number[], values: number[], groups: number[]): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (const key of keys) offsets[key + 1] = (offsets[key + 1] ?? 0) + 1;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const cursor = offsets.slice(0, nodeCount);
  const nodes = new Int32Array(keys.length);
  const groupOut = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e] ?? 0;
    const slot = cursor[key] ?? 0;
    cursor[key] = slot + 1;
    nodes[slot] = values[e] ?? 0;
    groupOut[slot] = groups[e] ?? -1;
  }
  return { offsets, nodes, groups: groupOut };
}

function compileGroups(groups: AlternativeGroup[], indexOf: Map<string, number>) {
  const groupOf = new Map<number, number>();
  const owner = new Int32Array(groups.length);
  const threshold = new Int32Array(groups.length);
  const size = new Int32Array(groups.length);
  groups.forEach((group, g) => {
    owner[g] = indexOf.get(group.from) ?? -1;
    size[g] = group.members.length;
    threshold[g] = Math.max(1, group.members.length - group.k + 1);
    const from = indexOf.get(group.from);
    for (const member of group.members) {
      const to = indexOf.get(member);
      if (from !== undefined && to !== undefined) groupOf.set(edgeKey(from, to, indexOf.size), g);
    }
  });
  return { groupOf, owner, threshold, size };
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
  const edges = edgeList(model, indexOf, groups.groupOf);
  const dependencies = csr(nodeCount, edges.from, edges.to, edges.group);
  const dependents = csr(nodeCount, edges.to, edges.from, edges.group);
  const flows = csr(nodeCount, edges.from, edges.flow, edges.group).nodes;
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
    flows: Uint8Array.from(flows),
    groupIds: model.alternatives.map((g) => g.id),
    groupOwner: groups.owner,
    groupThreshold: groups.threshold,
    groupSize: groups.size,
    ...compileWorkarounds(model, indexOf, nodeCount),
    ...compileFunctions(model, rubric, indexOf, nodeCount),
    ...compileVendorFacts(model, indexOf, nodeCount),
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
