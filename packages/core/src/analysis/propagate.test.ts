import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import { parseModel } from '../model/validate';
import { compileDocument } from '../testing/fixtures';
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

  it('fails a service with its vendor even when the vendor is also listed among its alternatives', () => {
    // Found by the property above: the provider link must stay all-of whatever the groups say.
    const { graph } = compileDocument({
      format: 'smart-model',
      version: 1,
      tlp: 'CLEAR',
      vendors: [{ id: 'v' }],
      processSteps: [{ id: 'backup' }],
      services: [{ id: 's', category: 'ehr', vendor: 'v' }],
      dependencies: [
        { from: 's', to: 'v' },
        { from: 's', to: 'backup' },
      ],
      alternatives: [{ id: 'g', from: 's', members: ['v', 'backup'] }],
    });
    const propagator = createPropagator(graph, { workarounds: 'ignore', horizonHours: 1 });
    propagator.run([graph.indexOf.get('v') ?? -1]);
    expect(propagator.isDown(graph.indexOf.get('s') ?? -1)).toBe(true);
  });
});
