// Which functions depend on each node at all, directly or not, whether or not its failure alone
// would take them down: one bit per function, pushed from functions down their dependencies once,
// in dependency order (a cycle shares one set of bits).
import type { CompiledGraph } from '../graph/compile';
import { stronglyConnectedComponents } from '../graph/strongly-connected';

export interface FunctionReach {
  words: number;
  /** Strongly connected component of each node: the nodes of a cycle share their bits. */
  componentOf: Int32Array;
  /** bits[component * words + w]: functions (ordinals) that depend on the component's nodes. */
  bits: Uint32Array;
}

/** Bitsets of the functions depending on every node. */
export function functionReach(graph: CompiledGraph): FunctionReach {
  const words = Math.max(1, Math.ceil(graph.functionNodes.length / 32));
  const { componentOf, count } = stronglyConnectedComponents(graph.nodeCount, graph.dependencies);
  const componentBits = new Uint32Array(count * words);
  graph.functionNodes.forEach((node, ordinal) => {
    const at = (componentOf[node] ?? 0) * words + (ordinal >>> 5);
    componentBits[at] = (componentBits[at] ?? 0) | (1 << (ordinal & 31));
  });
  // Components are numbered so that dependencies come first: going down the numbers visits
  // every dependent before what it depends on.
  const members = nodesByComponent(componentOf, count);
  const { offsets, nodes } = graph.dependencies;
  for (let component = count - 1; component >= 0; component--) {
    for (let m = members.offsets[component] ?? 0, end = members.offsets[component + 1] ?? 0; m < end; m++) {
      const node = members.nodes[m] ?? 0;
      for (let e = offsets[node] ?? 0, stop = offsets[node + 1] ?? 0; e < stop; e++) {
        const target = componentOf[nodes[e] ?? 0] ?? 0;
        if (target !== component) mergeInto(componentBits, target * words, component * words, words);
      }
    }
  }
  return { words, componentOf, bits: componentBits };
}

function nodesByComponent(componentOf: Int32Array, count: number) {
  const offsets = new Int32Array(count + 1);
  for (const component of componentOf) offsets[component + 1] = (offsets[component + 1] ?? 0) + 1;
  for (let c = 0; c < count; c++) offsets[c + 1] = (offsets[c + 1] ?? 0) + (offsets[c] ?? 0);
  const cursor = offsets.slice(0, count);
  const nodes = new Int32Array(componentOf.length);
  componentOf.forEach((component, node) => {
    const at = cursor[component] ?? 0;
    cursor[component] = at + 1;
    nodes[at] = node;
  });
  return { offsets, nodes };
}

function mergeInto(bits: Uint32Array, target: number, source: number, words: number): void {
  for (let w = 0; w < words; w++) bits[target + w] = (bits[target + w] ?? 0) | (bits[source + w] ?? 0);
}

/** How many functions depend on the node. */
export function reachCount(reach: FunctionReach, node: number): number {
  const from = (reach.componentOf[node] ?? 0) * reach.words;
  let count = 0;
  for (let w = 0; w < reach.words; w++) {
    let x = reach.bits[from + w] ?? 0;
    while (x) {
      x &= x - 1;
      count++;
    }
  }
  return count;
}

/** Ordinals of the functions that depend on the node. */
export function reachedFunctions(reach: FunctionReach, node: number): number[] {
  const from = (reach.componentOf[node] ?? 0) * reach.words;
  const found: number[] = [];
  for (let w = 0; w < reach.words; w++) {
    const x = reach.bits[from + w] ?? 0;
    for (let b = 0; b < 32; b++) if (x & (1 << b)) found.push(w * 32 + b);
  }
  return found;
}
