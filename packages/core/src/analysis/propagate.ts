// Failure propagation: from a failed set, when each node loses what it needs (hit), when it goes
// down (hit + its workaround, if counted), and which dependency caused it. Time-ordered like
// Dijkstra, so a node is settled by its first hit; this is the greatest fixed point of
// "a node is down when its dependencies say so", cycles included (see docs/analysis.md).
import type { CompiledGraph } from '../graph/compile';

export type WorkaroundMode = 'ignore' | 'count';

export interface PropagationOptions {
  /** 'ignore': a node goes down as soon as its needs are unmet; 'count': after its workaround. */
  workarounds: WorkaroundMode;
  /** Only what happens up to this many hours after the failure matters. */
  horizonHours: number;
}

/**
 * A reusable propagation workspace for one graph. run() touches only the nodes the failure
 * reaches, so thousands of runs (one per candidate) stay cheap; results are valid until the next run.
 */
export interface Propagator {
  /** Propagates the failure of `failed`; returns how many nodes are down within the horizon. */
  run(failed: ArrayLike<number>): number;
  /** Down nodes of the last run, in the order they went down (first `downCount` entries). */
  readonly downOrder: Int32Array;
  readonly downCount: number;
  /** Nodes whose needs went unmet within the horizon, down or held up by a workaround. */
  readonly hitOrder: Int32Array;
  readonly hitCount: number;
  /**
   * Groups of alternatives that failed in the last run (first `failedGroupCount` entries): too
   * few members left within the horizon, whether or not their owner had already been hit (or failed) otherwise.
   */
  readonly failedGroups: Int32Array;
  readonly failedGroupCount: number;
  isDown(node: number): boolean;
  /** Hours after the failure when the node's needs went unmet, or Infinity. */
  hitAt(node: number): number;
  /** Hours after the failure when the node went down, or Infinity. */
  downAt(node: number): number;
  /** The dependency whose loss hit the node, or -1 for a node of the failed set. */
  causeOf(node: number): number;
  /** The group of alternatives whose failure hit the node, or -1. */
  causeGroupOf(node: number): number;
}

/** A propagator for the graph, with the workaround mode and horizon fixed. */
export function createPropagator(graph: CompiledGraph, options: PropagationOptions): Propagator {
  const n = graph.nodeCount;
  const countWorkarounds = options.workarounds === 'count';
  const horizon = options.horizonHours;
  const { offsets, nodes: dependentNodes, groups: dependentGroups } = graph.dependents;
  const { groupThreshold, workaroundHours } = graph;
  const stamp = new Int32Array(n);
  const hit = new Float64Array(n);
  const down = new Float64Array(n);
  const cause = new Int32Array(n);
  const causeGroup = new Int32Array(n);
  const groupStamp = new Int32Array(graph.groupOwner.length);
  const groupDown = new Int32Array(graph.groupOwner.length);
  const downOrder = new Int32Array(n);
  const hitOrder = new Int32Array(n);
  const failedGroups = new Int32Array(graph.groupOwner.length);
  const heap = new Int32Array(n);
  let epoch = 0;
  let downCount = 0;
  let hitCount = 0;
  let failedGroupCount = 0;
  let heapSize = 0;
  let queueHead = 0;

  const heapPush = (node: number) => {
    let i = heapSize++;
    const key = down[node] ?? 0;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] ?? 0;
      if ((down[p] ?? 0) <= key) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = node;
  };
  const heapPop = (): number => {
    const top = heap[0] ?? 0;
    const last = heap[--heapSize] ?? 0;
    const key = down[last] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      const right = child + 1;
      if (right < heapSize && (down[heap[right] ?? 0] ?? 0) < (down[heap[child] ?? 0] ?? 0)) child = right;
      const c = heap[child] ?? 0;
      if (key <= (down[c] ?? 0)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  };

  // Without workarounds every time is 0, so a FIFO queue replaces the heap.
  const push = countWorkarounds
    ? heapPush
    : (node: number) => {
        heap[heapSize++] = node;
      };
  const pop = countWorkarounds ? heapPop : () => heap[queueHead++] ?? 0;
  const pending = countWorkarounds ? () => heapSize > 0 : () => queueHead < heapSize;

  // A node whose needs went unmet at `time`: it goes down now, or when its workaround runs out.
  const markHit = (node: number, time: number, by: number, group: number) => {
    stamp[node] = epoch;
    hit[node] = time;
    cause[node] = by;
    causeGroup[node] = group;
    const workaround = countWorkarounds && by >= 0 ? (workaroundHours[node] ?? -1) : -1;
    down[node] = workaround >= 0 ? time + workaround : time;
    if (time <= horizon) hitOrder[hitCount++] = node;
    push(node);
  };

  const settle = (node: number) => {
    const time = down[node] ?? 0;
    downOrder[downCount++] = node;
    for (let e = offsets[node] ?? 0, end = offsets[node + 1] ?? 0; e < end; e++) {
      const dependent = dependentNodes[e] ?? 0;
      const group = dependentGroups[e] ?? -1;
      if (group < 0) {
        if (stamp[dependent] !== epoch) markHit(dependent, time, node, -1);
        continue;
      }
      // Groups are counted even when their owner was already hit another way, so that
      // failedGroups lists every group the failure defeats (false redundancy needs them all).
      if (groupStamp[group] !== epoch) {
        groupStamp[group] = epoch;
        groupDown[group] = 0;
      }
      const count = (groupDown[group] ?? 0) + 1;
      groupDown[group] = count;
      if (count === groupThreshold[group]) {
        failedGroups[failedGroupCount++] = group;
        if (stamp[dependent] !== epoch) markHit(dependent, time, node, group);
      }
    }
  };

  const run = (failed: ArrayLike<number>): number => {
    epoch++;
    downCount = 0;
    hitCount = 0;
    failedGroupCount = 0;
    heapSize = 0;
    queueHead = 0;
    for (let i = 0; i < failed.length; i++) {
      const node = failed[i] ?? 0;
      if (stamp[node] !== epoch) markHit(node, 0, -1, -1);
    }
    while (pending()) {
      const node = pop();
      if ((down[node] ?? 0) > horizon) break;
      settle(node);
    }
    return downCount;
  };

  const touched = (node: number) => stamp[node] === epoch;
  return {
    run,
    downOrder,
    hitOrder,
    failedGroups,
    get downCount() {
      return downCount;
    },
    get hitCount() {
      return hitCount;
    },
    get failedGroupCount() {
      return failedGroupCount;
    },
    isDown: (node) => touched(node) && (down[node] ?? 0) <= horizon,
    hitAt: (node) =>
      touched(node) && (hit[node] ?? 0) <= horizon ? (hit[node] ?? 0) : Number.POSITIVE_INFINITY,
    downAt: (node) =>
      touched(node) && (down[node] ?? 0) <= horizon ? (down[node] ?? 0) : Number.POSITIVE_INFINITY,
    causeOf: (node) => (touched(node) ? (cause[node] ?? -1) : -1),
    causeGroupOf: (node) => (touched(node) ? (causeGroup[node] ?? -1) : -1),
  };
}
