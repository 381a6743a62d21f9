import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import { modelSizes, propagationOptions } from '../testing/arbitraries';
import { compileDocument, loadFixture } from '../testing/fixtures';
import { randomModel } from '../testing/random-model';
import { reasonChain } from './explain';
import { sweepFailOne } from './fail-one';
import {
  bruteForceFalseRedundancies,
  bruteForceSinglePointsOfFailure,
  type OracleFalseRedundancy,
} from './oracle';
import { createPropagator } from './propagate';
import { singlePointsOfFailure } from './single-points-of-failure';

/** Random models where alternatives are common, so that shared hosts and suppliers defeat some. */
const groupHeavySizes = modelSizes.map((size) => ({ ...size, alternatives: 0.5 + size.alternatives / 2 }));

function sortedReports(reports: OracleFalseRedundancy[]): string[] {
  return reports.map((r) => `${r.group} | ${r.shared} | ${r.defeated.join(',')}`).sort();
}

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

  it('reports false redundancy exactly as defined, whatever first took the function down', () => {
    let reports = 0;
    let offTheReasonChain = 0;
    fc.assert(
      fc.property(fc.integer(), groupHeavySizes, propagationOptions, (seed, size, options) => {
        const model = randomModel(seed, size);
        const graph = compileModel(model);
        const oracle = bruteForceFalseRedundancies(model, options);
        const propagator = createPropagator(graph, options);
        for (const entry of singlePointsOfFailure(graph, sweepFailOne(graph, options))) {
          const actual = entry.falseRedundancies.map((r) => ({
            group: r.group,
            shared: r.shared.id,
            defeated: r.defeated.map((d) => d.id).sort(),
          }));
          expect([entry.function.id, sortedReports(actual)]).toEqual([
            entry.function.id,
            sortedReports(oracle.get(entry.function.id) ?? []),
          ]);
          for (const report of entry.falseRedundancies) {
            reports++;
            // The shared node is a single point of failure of the function, and the words say why.
            expect(entry.singlePoints).toContain(report.shared.id);
            expect(report.explanation).toContain(report.shared.label);
            expect(report.explanation).toContain(report.owner.label);
            propagator.run([graph.indexOf.get(report.shared.id) ?? -1]);
            const chain = reasonChain(graph, propagator, graph.indexOf.get(entry.function.id) ?? -1);
            if (!chain.some((step) => step.group?.id === report.group)) offTheReasonChain++;
          }
        }
      }),
      { numRuns: 1500 },
    );
    expect(reports).toBeGreaterThan(100);
    // Cases where the function's first reason goes another way, which a reason-chain walk misses.
    expect(offTheReasonChain).toBeGreaterThan(20);
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

  it('a shared host that also takes the function down another way: the false redundancy is still reported', () => {
    const { graph } = loadFixture('shared-host-two-paths');
    const options = { workarounds: 'ignore', horizonHours: 336 } as const;
    const [claimsPaid] = singlePointsOfFailure(graph, sweepFailOne(graph, options));
    expect(claimsPaid?.singlePoints).toEqual([
      'submit-claims',
      'post-remittances',
      'alpha-era',
      'alpha',
      'nimbus',
      'nimbus-east',
    ]);
    // The host's failure reaches the function first through remittances, not through the group...
    const propagator = createPropagator(graph, options);
    propagator.run([graph.indexOf.get('nimbus-east') ?? -1]);
    const chain = reasonChain(graph, propagator, graph.indexOf.get('claims-paid') ?? -1);
    expect(chain.map((step) => step.id)).toEqual([
      'claims-paid',
      'post-remittances',
      'alpha-era',
      'nimbus-east',
    ]);
    // ...and the two clearinghouses are still reported as one, for the host and for its operator.
    expect(claimsPaid?.falseRedundancies).toEqual([
      {
        group: 'any-clearinghouse',
        owner: { id: 'submit-claims', label: 'Submit claims to payers', kind: 'step' },
        shared: { id: 'nimbus', label: 'Nimbus Cloud', kind: 'vendor' },
        defeated: [
          { id: 'alpha-claims', label: 'Alpha clearinghouse', kind: 'service' },
          { id: 'beta-claims', label: 'Beta clearinghouse', kind: 'service' },
        ],
        explanation:
          'The redundancy of Submit claims to payers is false: Alpha clearinghouse and Beta clearinghouse ' +
          'both depend on Nimbus Cloud (vendor); if it fails, 2 of 2 alternatives fail together.',
      },
      {
        group: 'any-clearinghouse',
        owner: { id: 'submit-claims', label: 'Submit claims to payers', kind: 'step' },
        shared: { id: 'nimbus-east', label: 'Nimbus Cloud us-east region', kind: 'host' },
        defeated: [
          { id: 'alpha-claims', label: 'Alpha clearinghouse', kind: 'service' },
          { id: 'beta-claims', label: 'Beta clearinghouse', kind: 'service' },
        ],
        explanation:
          'The redundancy of Submit claims to payers is false: Alpha clearinghouse and Beta clearinghouse ' +
          'both depend on Nimbus Cloud us-east region (host); if it fails, 2 of 2 alternatives fail together.',
      },
    ]);
    // Alpha alone takes the function down (through remittances) but leaves Beta to submit claims.
    expect(claimsPaid?.falseRedundancies.map((f) => f.shared.id)).not.toContain('alpha');
  });

  it('names the alternative that fails first when the others depend on it', () => {
    const { graph } = compileDocument({
      format: 'smart-model',
      version: 1,
      tlp: 'CLEAR',
      functions: [{ id: 'fn', label: 'Fill prescriptions', maxTolerableDowntime: '1d', impacts: [] }],
      processSteps: [{ id: 'route', label: 'Route claims' }],
      vendors: [{ id: 'v', label: 'Switch vendor' }],
      services: [
        { id: 'primary', label: 'Primary switch', category: 'switch', vendor: 'v' },
        { id: 'relay', label: 'Relay through the primary', category: 'switch', vendor: 'v' },
      ],
      dependencies: [
        { from: 'fn', to: 'route', flow: 'information' },
        { from: 'route', to: 'primary', flow: 'information' },
        { from: 'route', to: 'relay', flow: 'information' },
        { from: 'relay', to: 'primary', flow: 'information' },
      ],
      alternatives: [{ id: 'either-switch', from: 'route', members: ['primary', 'relay'], k: 1 }],
    });
    const [fn] = singlePointsOfFailure(
      graph,
      sweepFailOne(graph, { workarounds: 'ignore', horizonHours: 24 }),
    );
    const report = fn?.falseRedundancies.find((f) => f.shared.id === 'primary');
    expect(report?.explanation).toBe(
      'The redundancy of Route claims is false: Relay through the primary depends on Primary switch ' +
        '(service), itself one of the alternatives; if it fails, 2 of 2 alternatives fail together.',
    );
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
