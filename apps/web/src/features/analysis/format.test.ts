import type { FunctionOutcome, Scenario } from '@smart/core';
import { describe, expect, it } from 'vitest';
import {
  chartRows,
  formatHours,
  formatMoment,
  functionAt,
  functionStory,
  mapNodeId,
  nodeConditionAt,
  reasonChain,
  weightsParam,
  worstLevels,
} from './format';

const fn = (over: Partial<FunctionOutcome>): FunctionOutcome => ({
  id: 'f',
  label: 'Lab results delivered',
  state: 'down',
  toleranceHours: 24,
  levels: { patientSafety: 4 },
  timeline: [],
  workarounds: [],
  reason: [],
  explanation: '',
  ...over,
});

describe('analysis format', () => {
  it('says lengths and moments in days', () => {
    expect(formatHours(504)).toBe('21 days');
    expect(formatHours(24)).toBe('1 day');
    expect(formatHours(30)).toBe('1 day 6 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatMoment(0)).toBe('day 0');
    expect(formatMoment(336)).toBe('day 14');
    expect(formatMoment(54)).toBe('day 2, hour 6');
  });

  it('writes the weights as the query parameter, in factor order', () => {
    expect(
      weightsParam({ impact: 25, blastRadius: 35, noMitigation: 15, phi: 15, sectorConcentration: 10 }),
    ).toBe('blastRadius:35,impact:25,noMitigation:15,phi:15,sectorConcentration:10');
  });

  it('gives a node its condition at a moment', () => {
    const node = {
      id: 'n',
      label: 'N',
      kind: 'step' as const,
      state: 'down' as const,
      hitAtHours: 0,
      downAtHours: 336,
    };
    expect(nodeConditionAt(node, 0)).toBe('degraded');
    expect(nodeConditionAt(node, 335)).toBe('degraded');
    expect(nodeConditionAt(node, 336)).toBe('down');
    expect(nodeConditionAt({ ...node, hitAtHours: 24, downAtHours: undefined }, 10)).toBe('up');
  });

  it('reads a function at a moment from its timeline, the last event first at equal times', () => {
    const f = fn({
      timeline: [
        { atHours: 0, state: 'up', levels: { p: 0 }, event: 'start' },
        { atHours: 0, state: 'degraded', levels: { p: 0 }, event: 'workaround' },
        { atHours: 336, state: 'down', levels: { p: 3 }, event: 'down' },
      ],
    });
    expect(functionAt(f, 0).state).toBe('degraded');
    expect(functionAt(f, 400)).toEqual({ state: 'down', levels: { p: 3 } });
  });

  it('tells a function’s story', () => {
    expect(
      functionStory(
        fn({
          degradedFromHours: 0,
          downAtHours: 336,
          workarounds: [
            {
              node: 's',
              workaround: 'w',
              label: 'By hand',
              capacity: 0.3,
              staff: 2,
              fromHours: 0,
              untilHours: 336,
            },
          ],
        }),
      ),
    ).toBe('On a workaround from day 0 until day 14, then down from day 14');
    expect(functionStory(fn({ state: 'up' }))).toBe('not affected');
  });

  it('follows the chain of reasons to what failed', () => {
    const scenario: Scenario = {
      failed: ['v'],
      durationHours: 504,
      workarounds: 'count',
      nodes: [
        { id: 'v', label: 'ClearPath', kind: 'vendor', state: 'down', hitAtHours: 0, downAtHours: 0 },
        {
          id: 's',
          label: 'Claims service',
          kind: 'service',
          state: 'down',
          hitAtHours: 0,
          downAtHours: 0,
          because: 'v',
        },
        {
          id: 'st',
          label: 'Post remittances',
          kind: 'step',
          state: 'degraded',
          hitAtHours: 0,
          degradedUntilHours: 720,
          because: 's',
        },
      ],
      functions: [],
      summary: { functionsDown: 0, functionsDegraded: 0, nodesDown: 2, nodesDegraded: 1 },
    };
    const chain = reasonChain(scenario, 'st');
    expect(chain.map((c) => c.id)).toEqual(['st', 's', 'v']);
    expect(chain[0]?.why).toBe('lost Claims service; a workaround holds it until day 30');
    expect(chain[2]?.why).toContain('part of this scenario');
  });

  it('matches an organization id back to the map’s own id', () => {
    const ids = new Set(['s-submit', 'v-nimbus']);
    expect(mapNodeId('v-nimbus', ids)).toBe('v-nimbus');
    expect(mapNodeId('s-submit@claims', ids)).toBe('s-submit');
    expect(mapNodeId('inventory:123', ids)).toBeUndefined();
  });

  it('builds stepped chart rows to the end of the outage', () => {
    const rows = chartRows(
      [
        { atHours: 0, levels: { ps: 0 } },
        { atHours: 336, levels: { ps: 4 } },
      ],
      [{ id: 'ps', label: 'Patient safety' }],
      504,
    );
    expect(rows).toEqual([
      { day: 0, 'Patient safety': 0 },
      { day: 14, 'Patient safety': 4 },
      { day: 21, 'Patient safety': 4 },
    ]);
  });

  it('takes the worst level per dimension', () => {
    expect(worstLevels([fn({ levels: { a: 1, b: 3 } }), fn({ levels: { a: 2, b: 0 } })])).toEqual({
      a: 2,
      b: 3,
    });
  });
});
