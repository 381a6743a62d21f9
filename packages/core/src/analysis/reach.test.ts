import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import { stronglyConnectedComponents } from '../graph/strongly-connected';
import { modelSizes } from '../testing/arbitraries';
import { randomModel } from '../testing/random-model';
import { functionReach, reachedFunctions } from './reach';

/** Functions that reach `target` through dependencies, by a search from every function. */
function functionsDependingOn(graph: ReturnType<typeof compileModel>, target: number): number[] {
  const { offsets, nodes } = graph.dependencies;
  const found: number[] = [];
  graph.functionNodes.forEach((start, ordinal) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop() ?? 0;
      for (let e = offsets[node] ?? 0; e < (offsets[node + 1] ?? 0); e++) {
        const next = nodes[e] ?? 0;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    if (seen.has(target)) found.push(ordinal);
  });
  return found;
}

describe('functionReach', () => {
  it('marks exactly the functions that depend on each node, through cycles too', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, (seed, size) => {
        const graph = compileModel(randomModel(seed, { ...size, nodes: size.nodes * 3 }));
        const reach = functionReach(graph);
        for (let node = 0; node < graph.nodeCount; node++) {
          expect(reachedFunctions(reach, node)).toEqual(functionsDependingOn(graph, node));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('stronglyConnectedComponents', () => {
  it('numbers components so that edges only lead to the same or a smaller number', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, (seed, size) => {
        const graph = compileModel(randomModel(seed, size));
        const { componentOf } = stronglyConnectedComponents(graph.nodeCount, graph.dependencies);
        const { offsets, nodes } = graph.dependencies;
        for (let node = 0; node < graph.nodeCount; node++) {
          for (let e = offsets[node] ?? 0; e < (offsets[node + 1] ?? 0); e++) {
            expect(componentOf[nodes[e] ?? 0] ?? 0).toBeLessThanOrEqual(componentOf[node] ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
