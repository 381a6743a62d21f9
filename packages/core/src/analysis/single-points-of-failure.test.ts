import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import { modelSizes, propagationOptions } from '../testing/arbitraries';
import { loadFixture } from '../testing/fixtures';
import { randomModel } from '../testing/random-model';
import { sweepFailOne } from './fail-one';
import { bruteForceDownSet, bruteForceSinglePointsOfFailure } from './oracle';
import { singlePointsOfFailure } from './single-points-of-failure';

/** Random models where alternatives are common, so that shared hosts and suppliers defeat some. */
const groupHeavySizes = modelSizes.map((size) => ({ ...size, alternatives: 0.5 + size.alternatives / 2 }));

describe('singlePointsOfFailure against the brute-force oracle', () => {
  it('equals failing every node alone and propagating, with workarounds ignored or counted', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, propagationOptions, (seed, size, options) => {
        const model = randomModel(seed, size);
        const graph = compileModel(model);
        const fast = singlePointsOfFailure(graph, sweepFailOne(graph, options));
        const oracle = bruteForceSinglePointsOfFailure(model, options);
        for (const entry of fast) {
          const expected = [...(oracle.get(entry.function.id) ?? [])].sort();
          expect([entry.function.id, [...entry.singlePoints].sort()]).toEqual([entry.function.id, expected]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reports only false redundancy that is real: the shared node alone defeats the group', () => {
    let reports = 0;
    fc.assert(
      fc.property(fc.integer(), groupHeavySizes, propagationOptions, (seed, size, options) => {
        const model = randomModel(seed, size);
        const graph = compileModel(model);
        for (const entry of singlePointsOfFailure(graph, sweepFailOne(graph, options))) {
          for (const report of entry.falseRedundancies) {
            reports++;
            const group = model.alternatives.find((g) => g.id === report.group);
            const down = bruteForceDownSet(model, [report.shared.id], options);
            const membersDown = group?.members.filter((m) => down.has(m)) ?? [];
            // A plain two-way redundancy (or better) that one node's failure defeats...
            expect(membersDown.length).toBeGreaterThanOrEqual(
              (group?.members.length ?? 0) - (group?.k ?? 0) + 1,
            );
            expect(group && group.members.length - group.k).toBeGreaterThanOrEqual(1);
            expect(report.defeated.map((d) => d.id).sort()).toEqual([...membersDown].sort());
            // ...and through which the function goes down: the shared node is a single point of failure.
            expect(down.has(report.owner.id)).toBe(true);
            expect(entry.singlePoints).toContain(report.shared.id);
            expect(report.explanation).toContain(report.shared.label);
          }
        }
      }),
      { numRuns: 1500 },
    );
    expect(reports).toBeGreaterThan(100);
  });
});

describe('singlePointsOfFailure on the seed fixtures', () => {
  it('one clearinghouse for all claims: Acme and its data center stop every function', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const sweep = sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 336 });
    const byFunction = Object.fromEntries(
      singlePointsOfFailure(graph, sweep).map((s) => [s.function.id, s.singlePoints]),
    );
    expect(byFunction).toEqual({
      claims: [
        'submit-claim',
        'billing-system',
        'acme-claims',
        'billing-saas',
        'acme',
        'billing-vendor',
        'acme-dc',
      ],
      remittance: [
        'post-era',
        'billing-system',
        'acme-era',
        'billing-saas',
        'acme',
        'billing-vendor',
        'acme-dc',
      ],
      eligibility: ['check-eligibility', 'acme-elig', 'acme', 'acme-dc'],
    });
  });

  it('counting a 5-day workaround, only the step itself still stops eligibility within 3 days', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const sweep = sweepFailOne(graph, { workarounds: 'count', horizonHours: 72 });
    const eligibility = singlePointsOfFailure(graph, sweep).find((s) => s.function.id === 'eligibility');
    // A workaround covers losing what the step needs, not the loss of the step itself.
    expect(eligibility?.singlePoints).toEqual(['check-eligibility']);
  });

  it('two clearinghouses on one cloud host: the redundancy is false, and says why', () => {
    const { graph } = loadFixture('two-clearinghouses-one-host');
    const [claims] = singlePointsOfFailure(
      graph,
      sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 336 }),
    );
    expect(claims?.singlePoints).toEqual(['submit-claim', 'nimbus', 'nimbus-east']);
    expect(claims?.singlePoints).not.toContain('alpha-ch');
    expect(claims?.singlePoints).not.toContain('beta');
    const hostReport = claims?.falseRedundancies.find((f) => f.shared.id === 'nimbus-east');
    expect(hostReport).toMatchObject({
      group: 'any-clearinghouse',
      owner: { id: 'submit-claim' },
      shared: { id: 'nimbus-east', kind: 'host' },
      defeated: [{ id: 'alpha-ch' }, { id: 'beta-ch' }],
    });
    expect(hostReport?.explanation).toBe(
      'The redundancy of Submit claim to payer is false: Alpha clearinghouse and Beta clearinghouse both ' +
        'depend on Nimbus Cloud us-east region (host); if it fails, 2 of 2 alternatives fail together.',
    );
    // The cloud vendor behind the host defeats the same group.
    expect(claims?.falseRedundancies.map((f) => f.shared.id).sort()).toEqual(['nimbus', 'nimbus-east']);
  });

  it('pharmacy: the switch chosen by the pharmacy-system vendor is a single point of failure of dispensing', () => {
    const { graph } = loadFixture('pharmacy-switch-fourth-party');
    const [dispense, inventory] = singlePointsOfFailure(
      graph,
      sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 336 }),
    );
    expect(dispense?.singlePoints).toEqual(['adjudicate', 'fill', 'pms', 'switch', 'rxsys', 'switchco']);
    expect(inventory?.singlePoints).toEqual(['order', 'ordering', 'wholesaler']);
    expect(dispense?.falseRedundancies).toEqual([]);
  });
});
