// Strongly connected components of the dependency graph (Tarjan's algorithm, without recursion
// so that deep maps cannot overflow the stack). Lets analyses treat a cycle as one node and
// visit the rest in dependency order.
import type { Adjacency } from './compile';

export interface Components {
  /** Component of each node. Numbered in the order Tarjan completes them: a component only
   * reaches (through the adjacency) components with smaller numbers. */
  componentOf: Int32Array;
  count: number;
}

/** The strongly connected components of a graph given as CSR adjacency over `nodeCount` nodes. */
export function stronglyConnectedComponents(nodeCount: number, adjacency: Adjacency): Components {
  const { offsets, nodes } = adjacency;
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const callNode = new Int32Array(nodeCount);
  const callEdge = new Int32Array(nodeCount);
  let stackSize = 0;
  let nextIndex = 0;
  let count = 0;
  for (let root = 0; root < nodeCount; root++) {
    if ((index[root] ?? 0) >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root] ?? 0;
    index[root] = low[root] = nextIndex++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = callNode[depth] ?? 0;
      const edge = callEdge[depth] ?? 0;
      if (edge < (offsets[node + 1] ?? 0)) {
        callEdge[depth] = edge + 1;
        const next = nodes[edge] ?? 0;
        if ((index[next] ?? 0) < 0) {
          index[next] = low[next] = nextIndex++;
          stack[stackSize++] = next;
          onStack[next] = 1;
          depth++;
          callNode[depth] = next;
          callEdge[depth] = offsets[next] ?? 0;
        } else if (onStack[next]) {
          low[node] = Math.min(low[node] ?? 0, index[next] ?? 0);
        }
        continue;
      }
      // All edges of `node` explored: close its component if it is a root, then return to the caller.
      if (low[node] === index[node]) {
        for (;;) {
          const member = stack[--stackSize] ?? 0;
          onStack[member] = 0;
          componentOf[member] = count;
          if (member === node) break;
        }
        count++;
      }
      depth--;
      if (depth >= 0) {
        const caller = callNode[depth] ?? 0;
        low[caller] = Math.min(low[caller] ?? 0, low[node] ?? 0);
      }
    }
  }
  return { componentOf, count };
}
