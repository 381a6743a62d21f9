import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import { parseModel } from '../model/validate';
import { randomModel } from '../testing/random-model';
import { bruteForcePropagate } from './oracle';
import { createPropagator, type PropagationOptions } from './propagate';

const sizes = fc.record({
  nodes: fc.integer({ min: 4, max: 24 }),
  density: fc.double({ min: 0.5, max: 2.5, noNaN: true }),
  alternatives: fc.double({ min: 0, max: 0.8, noNaN: true }),
  workarounds: fc.double({ min: 0, max: 0.5, noNaN: true }),
});
const modes = fc.record({
  workarounds: fc.constantFrom<PropagationOptions['workarounds']>('ignore', 'count'),
  horizonHours: fc.constantFrom(0, 6, 24, 1e6),
});

describe('createPropagator', () => {
  it('random models stay valid documents', () => {
    fc.assert(
      fc.property(fc.integer(), sizes, (seed, size) => {
        expect(parseModel(randomModel(seed, size))).toMatchObject({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same hit and down times as the brute-force fixed point', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        sizes,
        modes,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (seed, size, options, picks) => {
          const model = randomModel(seed, size);
          const graph = compileModel(model);
          const failed = [...new Set(picks.map((p) => graph.ids[p % graph.nodeCount] ?? ''))];
          const propagator = createPropagator(graph, options);
          propagator.run(failed.map((id) => graph.indexOf.get(id) ?? -1));
          const oracle = bruteForcePropagate(model, failed, options);
          const within = (t: number) => (t <= options.horizonHours ? t : Number.POSITIVE_INFINITY);
          for (const [id, expected] of oracle) {
            const node = graph.indexOf.get(id) ?? -1;
            expect([id, propagator.downAt(node)]).toEqual([id, within(expected.down)]);
            expect([id, propagator.hitAt(node)]).toEqual([id, within(expected.hit)]);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
