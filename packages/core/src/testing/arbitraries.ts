// fast-check arbitraries shared by the engine's property tests: sizes of random models (small
// enough for the brute-force oracle) and propagation options.
import fc from 'fast-check';
import type { PropagationOptions } from '../analysis/propagate';
import type { RandomModelSize } from './random-model';

export const modelSizes: fc.Arbitrary<RandomModelSize> = fc.record({
  nodes: fc.integer({ min: 4, max: 24 }),
  density: fc.double({ min: 0.5, max: 2.5, noNaN: true }),
  alternatives: fc.double({ min: 0, max: 0.8, noNaN: true }),
  workarounds: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

/** Horizons that fall before, between and after the random workarounds (1h to 24h) run out. */
export const horizons = fc.constantFrom(0, 1, 6, 24, 72, 1e6);

export const propagationOptions: fc.Arbitrary<PropagationOptions> = fc.record({
  workarounds: fc.constantFrom<PropagationOptions['workarounds']>('ignore', 'count'),
  horizonHours: horizons,
});

/** Up to three picks, turned into node ids of a model by `pickNodes`. */
export const failedPicks = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });

/** Distinct node ids chosen by the picks. */
export function pickNodes(ids: readonly string[], picks: readonly number[]): string[] {
  return [...new Set(picks.map((p) => ids[p % ids.length] ?? ''))];
}
