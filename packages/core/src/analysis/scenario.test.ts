import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../graph/compile';
import type { SmartModel } from '../model/document';
import { failedPicks, horizons, modelSizes, pickNodes } from '../testing/arbitraries';
import { compileDocument, loadFixture } from '../testing/fixtures';
import { randomModel } from '../testing/random-model';
import { bruteForceDownSet, bruteForcePropagate } from './oracle';
import type { WorkaroundMode } from './propagate';
import { runScenario } from './scenario';

const modes = fc.constantFrom<WorkaroundMode>('ignore', 'count');
/** Models where workarounds are common, so that degraded functions are too. */
const workaroundHeavySizes = modelSizes.map((size) => ({ ...size, workarounds: 0.3 + size.workarounds }));
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** "a needs b" for every dependency and every provider (service or host -> vendor). */
function needs(model: SmartModel): Set<string> {
  const pairs = model.dependencies.map((d) => `${d.from}>${d.to}`);
  for (const s of model.services) pairs.push(`${s.id}>${s.vendor}`);
  for (const h of model.hosts) if (h.vendor) pairs.push(`${h.id}>${h.vendor}`);
  return new Set(pairs);
}

describe('runScenario against the brute-force oracle', () => {
  it('reports exactly the nodes whose needs go unmet, with the oracle times and states', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        modelSizes,
        modes,
        horizons,
        failedPicks,
        (seed, size, mode, duration, picks) => {
          const model = randomModel(seed, size);
          const graph = compileModel(model);
          const failed = pickNodes(graph.ids, picks);
          const scenario = runScenario(graph, { failed, durationHours: duration, workarounds: mode });
          const oracle = bruteForcePropagate(model, failed, { workarounds: mode, horizonHours: duration });
          const expected = [...oracle]
            .filter(([, s]) => s.hit <= duration)
            .map(([id, s]) =>
              s.down <= duration
                ? { id, state: 'down', hitAtHours: s.hit, downAtHours: s.down }
                : { id, state: 'degraded', hitAtHours: s.hit, degradedUntilHours: s.down },
            );
          const actual = scenario.nodes.map(({ id, state, hitAtHours, downAtHours, degradedUntilHours }) => ({
            id,
            state,
            hitAtHours,
            ...(downAtHours === undefined ? {} : { downAtHours }),
            ...(degradedUntilHours === undefined ? {} : { degradedUntilHours }),
          }));
          expect(byId(actual)).toEqual(byId(expected));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('calls a function degraded exactly when only workarounds keep it running', () => {
    let degradedSeen = 0;
    fc.assert(
      fc.property(
        fc.integer(),
        workaroundHeavySizes,
        horizons,
        failedPicks,
        (seed, size, duration, picks) => {
          const model = randomModel(seed, size);
          const graph = compileModel(model);
          const failed = pickNodes(graph.ids, picks);
          const scenario = runScenario(graph, { failed, durationHours: duration, workarounds: 'count' });
          const counted = bruteForcePropagate(model, failed, {
            workarounds: 'count',
            horizonHours: duration,
          });
          const lostWithout = bruteForceDownSet(model, failed, {
            workarounds: 'ignore',
            horizonHours: duration,
          });
          for (const fn of scenario.functions) {
            const down = counted.get(fn.id)?.down ?? Number.POSITIVE_INFINITY;
            const expected = down <= duration ? 'down' : lostWithout.has(fn.id) ? 'degraded' : 'up';
            expect([fn.id, fn.state]).toEqual([fn.id, expected]);
            if (fn.state === 'degraded') degradedSeen++;
            // Every workaround listed held its node up for a while, starting before the function fell.
            for (const w of fn.workarounds) {
              const held = counted.get(w.node);
              expect(held?.hit).toBe(w.fromHours);
              expect(w.untilHours).toBeGreaterThan(w.fromHours);
              expect(w.fromHours).toBeLessThan(fn.downAtHours ?? Number.POSITIVE_INFINITY);
            }
            if (fn.state === 'degraded') expect(fn.workarounds.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(degradedSeen).toBeGreaterThan(100);
  });

  it('gives every function it takes down a reason chain that follows the map to a failed node', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        modelSizes,
        modes,
        horizons,
        failedPicks,
        (seed, size, mode, duration, picks) => {
          const model = randomModel(seed, size);
          const failed = pickNodes(compileModel(model).ids, picks);
          const scenario = runScenario(compileModel(model), {
            failed,
            durationHours: duration,
            workarounds: mode,
          });
          const edges = needs(model);
          const hit = new Set(scenario.nodes.map((n) => n.id));
          for (const fn of scenario.functions.filter((f) => f.state === 'down')) {
            expect(fn.reason[0]?.id).toBe(fn.id);
            const last = fn.reason.at(-1);
            expect(last?.reason).toBe('failed');
            expect(failed).toContain(last?.id);
            fn.reason.forEach((step, i) => {
              expect(hit.has(step.id)).toBe(true);
              const next = fn.reason[i + 1];
              if (next) expect(edges.has(`${step.id}>${next.id}`)).toBe(true);
              if (step.group) {
                expect(step.group.membersDown.length).toBeGreaterThanOrEqual(step.group.n - step.group.k + 1);
              }
            });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('runScenario on the seed fixtures', () => {
  it('one clearinghouse for all claims: claims and payment posting stop at once; eligibility holds on the phone for 5 days', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const scenario = runScenario(graph, { failed: ['acme'], durationHours: 14 * 24 });
    const [claims, remittance, eligibility] = scenario.functions;
    expect(claims).toMatchObject({
      state: 'down',
      downAtHours: 0,
      toleranceExceededAtHours: 72,
      levels: { financial: 5, operational: 3, patientSafety: 2 },
    });
    expect(claims?.explanation).toBe(
      'Claims submission (function) is down, because Submit claim to payer (process step) is down, ' +
        'because Acme claims clearinghouse (service) is down, because Acme Health Exchange (vendor) is unavailable.',
    );
    expect(remittance).toMatchObject({ state: 'down', downAtHours: 0, levels: { financial: 3 } });
    expect(eligibility).toMatchObject({
      state: 'down',
      degradedFromHours: 0,
      downAtHours: 120,
      toleranceExceededAtHours: 144,
      workarounds: [
        {
          node: 'check-eligibility',
          workaround: 'phone-eligibility',
          label: 'Call payers to confirm coverage',
          capacity: 0.3,
          staff: 4,
          fromHours: 0,
          untilHours: 120,
        },
      ],
    });
    expect(eligibility?.explanation).toContain(
      'Check coverage (270/271) (process step) is down once its workaround ran out after 5d',
    );
    expect(eligibility?.timeline.map((p) => [p.atHours, p.event])).toEqual([
      [0, 'start'],
      [0, 'workaround'],
      [120, 'down'],
      [144, 'impact'],
      [144, 'tolerance exceeded'],
    ]);
    expect(scenario.summary).toEqual({
      functionsDown: 3,
      functionsDegraded: 0,
      nodesDown: 11,
      nodesDegraded: 0,
    });
  });

  it('one clearinghouse, three-day outage: eligibility is still on its workaround at the end', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const scenario = runScenario(graph, { failed: ['acme-dc'], durationHours: 72 });
    const eligibility = scenario.functions.find((f) => f.id === 'eligibility');
    expect(eligibility).toMatchObject({
      state: 'degraded',
      degradedFromHours: 0,
      levels: { operational: 0 },
    });
    expect(eligibility?.downAtHours).toBeUndefined();
    expect(scenario.nodes.find((n) => n.id === 'check-eligibility')).toMatchObject({
      state: 'degraded',
      hitAtHours: 0,
      degradedUntilHours: 120,
      because: 'acme-elig',
    });
    // The data center is Acme's; its failure does not take Acme (the vendor) down.
    expect(scenario.nodes.map((n) => n.id)).not.toContain('acme');
  });

  it('ignoring workarounds, the same outage stops eligibility at once', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const scenario = runScenario(graph, { failed: ['acme-dc'], durationHours: 72, workarounds: 'ignore' });
    expect(scenario.functions.find((f) => f.id === 'eligibility')).toMatchObject({
      state: 'down',
      downAtHours: 0,
      workarounds: [],
    });
  });

  it('bundled vendor of a rural clinic: every function stops; paper charting buys two days', () => {
    const { graph } = loadFixture('rural-clinic-bundled-vendor');
    const scenario = runScenario(graph, { failed: ['prairie'], durationHours: 72 });
    expect(scenario.functions.map((f) => [f.id, f.state, f.downAtHours])).toEqual([
      ['documentation', 'down', 48],
      ['billing', 'down', 0],
      ['eligibility', 'down', 0],
      ['scheduling', 'down', 0],
    ]);
    expect(scenario.functions[0]?.workarounds.map((w) => [w.workaround, w.fromHours, w.untilHours])).toEqual([
      ['paper-charts', 0, 48],
    ]);
  });

  it('pharmacy: the switch its system vendor chose stops dispensing; the cash workaround cannot help', () => {
    const { graph } = loadFixture('pharmacy-switch-fourth-party');
    const scenario = runScenario(graph, { failed: ['switchco'], durationHours: 24 });
    const dispense = scenario.functions.find((f) => f.id === 'dispense');
    expect(dispense).toMatchObject({ state: 'down', downAtHours: 0 });
    // Filling needs the pharmacy system too, so dispensing stops at hour 0 and the workaround for
    // adjudication is not something the function relies on.
    expect(dispense?.workarounds).toEqual([]);
    expect(dispense?.reason.map((s) => s.id)).toEqual(expect.arrayContaining(['pms', 'switch', 'switchco']));
    expect(scenario.functions.find((f) => f.id === 'inventory')).toMatchObject({
      state: 'up',
      workarounds: [],
    });
  });

  it('a group of alternatives held only by a workaround makes the function degraded, then down', () => {
    const { graph } = compileDocument({
      format: 'smart-model',
      version: 1,
      tlp: 'CLEAR',
      functions: [{ id: 'labs', label: 'Lab results', maxTolerableDowntime: '12h' }],
      processSteps: [{ id: 'send', label: 'Send specimens' }],
      vendors: [{ id: 'va' }, { id: 'vb' }],
      services: [
        { id: 'lab-a', label: 'Lab A', category: 'reference lab', vendor: 'va' },
        { id: 'lab-b', label: 'Lab B', category: 'reference lab', vendor: 'vb' },
      ],
      workarounds: [
        { id: 'courier', label: 'Courier to Lab B', for: 'lab-b', capacity: 0.5, maxDuration: '10h' },
      ],
      dependencies: [
        { from: 'labs', to: 'send' },
        { from: 'send', to: 'lab-a' },
        { from: 'send', to: 'lab-b' },
      ],
      alternatives: [{ id: 'either-lab', from: 'send', members: ['lab-a', 'lab-b'] }],
    });
    const oneLab = runScenario(graph, { failed: ['va'], durationHours: 24 });
    expect(oneLab.functions[0]).toMatchObject({ state: 'up', workarounds: [] });
    const bothShort = runScenario(graph, { failed: ['va', 'vb'], durationHours: 6 });
    expect(bothShort.functions[0]).toMatchObject({
      state: 'degraded',
      degradedFromHours: 0,
      workarounds: [{ node: 'lab-b', workaround: 'courier', fromHours: 0, untilHours: 10 }],
    });
    const bothLong = runScenario(graph, { failed: ['va', 'vb'], durationHours: 24 });
    expect(bothLong.functions[0]).toMatchObject({
      state: 'down',
      downAtHours: 10,
      toleranceExceededAtHours: 22,
    });
    expect(bothLong.functions[0]?.explanation).toBe(
      'Lab results (function) is down, because Send specimens has lost 2 of its 2 alternatives and needs 1, ' +
        'because Lab B (service) is down once its workaround ran out after 10h, because vb (vendor) is unavailable.',
    );
  });

  it('rejects unknown ids and negative durations with a coded error', () => {
    const { graph } = loadFixture('one-clearinghouse');
    expect(() => runScenario(graph, { failed: ['nope'], durationHours: 1 })).toThrow(
      /unknown node id "nope"/,
    );
    expect(() => runScenario(graph, { failed: ['acme'], durationHours: -1 })).toThrow(/0 or more/);
  });
});
