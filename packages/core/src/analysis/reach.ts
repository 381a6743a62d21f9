// Which functions depend on each node at all, directly or not, whether or not its failure alone
// would take them down: one bit per function, pushed from functions down their dependencies.
import type { CompiledGraph } from '../graph/compile';

export interface FunctionReach {
  words: number;
  /** bits[node * words + w]: functions (ordinals) that depend on the node. */
  bits: Uint32Array;
}

/** Bitsets of the functions depending on every node; a worklist reaches the fixed point on cycles. */
export function functionReach(graph: CompiledGraph): FunctionReach {
  const words = Math.max(1, Math.ceil(graph.functionNodes.length / 32));
  const bits = new Uint32Array(graph.nodeCount * words);
  const queued = new Uint8Array(graph.nodeCount);
  const queue: number[] = [];
  graph.functionNodes.forEach((node, ordinal) => {
    const at = node * words + (ordinal >>> 5);
    bits[at] = (bits[at] ?? 0) | (1 << (ordinal & 31));
    if (!queued[node]) {
      queued[node] = 1;
      queue.push(node);
    }
  });
  const { offsets, nodes } = graph.dependencies;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? 0;
    queued[node] = 0;
    for (let e = offsets[node] ?? 0, end = offsets[node + 1] ?? 0; e < end; e++) {
      const dep = nodes[e] ?? 0;
      if (mergeInto(bits, dep * words, node * words, words) && !queued[dep]) {
        queued[dep] = 1;
        queue.push(dep);
      }
    }
  }
  return { words, bits };
}

function mergeInto(bits: Uint32Array, target: number, source: number, words: number): boolean {
  let changed = false;
  for (let w = 0; w < words; w++) {
    const before = bits[target + w] ?? 0;
    const after = before | (bits[source + w] ?? 0);
    if (after !== before) {
      bits[target + w] = after;
      changed = true;
    }
  }
  return changed;
}

/** How many functions depend on the node. */
export function reachCount(reach: FunctionReach, node: number): number {
  let count = 0;
  for (let w = 0; w < reach.words; w++) {
    let x = reach.bits[node * reach.words + w] ?? 0;
    while (x) {
      x &= x - 1;
      count++;
    }
  }
  return count;
}

/** Ordinals of the functions that depend on the node. */
export function reachedFunctions(reach: FunctionReach, node: number): number[] {
  const found: number[] = [];
  for (let w = 0; w < reach.words; w++) {
    const x = reach.bits[node * reach.words + w] ?? 0;
    for (let b = 0; b < 32; b++) if (x & (1 << b)) found.push(w * 32 + b);
  }
  return found;
}
