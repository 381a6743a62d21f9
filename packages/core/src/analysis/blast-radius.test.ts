import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel, kindOf } from '../graph/compile';
import type { SmartModel } from '../model/document';
import { hoursOf } from '../model/duration';
import { modelSizes, propagationOptions } from '../testing/arbitraries';
import { loadFixture } from '../testing/fixtures';
import { randomModel } from '../testing/random-model';
import { blastRadii } from './blast-radius';
import { sweepFailOne } from './fail-one';
import { bruteForcePropagate } from './oracle';

/** The highest level any dimension of the function reaches after `downHours` of downtime. */
function peakLevel(model: SmartModel, functionId: string, downHours: number): number {
  const fn = model.functions.find((f) => f.id === functionId);
  let peak = 0;
  for (const step of fn?.impacts ?? []) {
    if (hoursOf(step.after) <= downHours) peak = Math.max(peak, ...Object.values(step.levels));
  }
  return peak;
}

describe('blastRadii against the brute-force oracle', () => {
  it('lists for every vendor, service and host the functions its failure alone takes down, and their impact', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, propagationOptions, (seed, size, options) => {
        const model = randomModel(seed, size);
        const graph = compileModel(model);
        const radii = blastRadii(graph, sweepFailOne(graph, options), options.horizonHours);
        const expectedNodes = graph.ids.filter((_, node) =>
          ['vendor', 'service', 'host'].includes(kindOf(graph, node)),
        );
        expect(radii.map((r) => r.node.id).sort()).toEqual([...expectedNodes].sort());
        for (const radius of radii) {
          const states = bruteForcePropagate(model, [radius.node.id], options);
          const down = [...states].filter(([, s]) => s.down <= options.horizonHours);
          const functionsDown = model.functions
            .map((f) => f.id)
            .filter(
              (id) =>
                id !== radius.node.id &&
                (states.get(id)?.down ?? Number.POSITIVE_INFINITY) <= options.horizonHours,
            );
          const impact = functionsDown.reduce(
            (sum, id) => sum + peakLevel(model, id, options.horizonHours - (states.get(id)?.down ?? 0)),
            0,
          );
          expect({
            id: radius.node.id,
            functions: [...radius.functionsDown].sort(),
            impact: radius.weightedImpact,
          }).toEqual({
            id: radius.node.id,
            functions: functionsDown.sort(),
            impact,
          });
          // Nodes no function depends on are left out of the sweep; their count is then just themselves.
          if (radius.functionsDown.length > 0) expect(radius.nodesDown).toBe(down.length);
        }
        // Largest first.
        for (let i = 1; i < radii.length; i++) {
          expect((radii[i - 1]?.weightedImpact ?? 0) >= (radii[i]?.weightedImpact ?? 0)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('blastRadii on the seed fixtures', () => {
  it('rural clinic: one bundled vendor takes down every function (one-to-many)', () => {
    const { graph } = loadFixture('rural-clinic-bundled-vendor');
    const radii = blastRadii(graph, sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 336 }), 336);
    expect(radii[0]).toEqual({
      node: { id: 'prairie', label: 'PrairieCare Suite', kind: 'vendor' },
      functionsDown: ['documentation', 'billing', 'eligibility', 'scheduling'],
      nodesDown: 10,
      // Peaks after 14 days: documentation 3, billing 3, eligibility 2, scheduling 2.
      weightedImpact: 10,
    });
    const ehr = radii.find((r) => r.node.id === 'prairie-ehr');
    expect(ehr?.functionsDown).toEqual(['documentation', 'billing']);
  });

  it('rural clinic, workarounds counted over one day: paper charting keeps documentation out of the radius', () => {
    const { graph } = loadFixture('rural-clinic-bundled-vendor');
    const radii = blastRadii(graph, sweepFailOne(graph, { workarounds: 'count', horizonHours: 24 }), 24);
    expect([...(radii.find((r) => r.node.id === 'prairie')?.functionsDown ?? [])].sort()).toEqual([
      'billing',
      'eligibility',
      'scheduling',
    ]);
  });

  it('two clearinghouses: neither alone stops claims, their shared host does', () => {
    const { graph } = loadFixture('two-clearinghouses-one-host');
    const radii = blastRadii(graph, sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 336 }), 336);
    const byId = Object.fromEntries(radii.map((r) => [r.node.id, r.functionsDown]));
    expect(byId).toMatchObject({
      'alpha-ch': [],
      'beta-ch': [],
      'nimbus-east': ['claims'],
      nimbus: ['claims'],
    });
  });
});
