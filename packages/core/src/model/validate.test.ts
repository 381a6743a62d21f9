import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing/fixtures';
import type { SmartModelInput } from './document';
import { formatIssue, formatPath, type ModelIssue, parseModel } from './validate';

const base: SmartModelInput = {
  format: 'smart-model',
  version: 1,
  tlp: 'CLEAR',
  functions: [{ id: 'f', maxTolerableDowntime: '1d', impacts: [{ after: '0h', levels: { financial: 2 } }] }],
  vendors: [{ id: 'v' }],
  services: [{ id: 's', category: 'ehr', vendor: 'v' }],
  dependencies: [{ from: 'f', to: 's' }],
};

function issuesOf(input: unknown): ModelIssue[] {
  const result = parseModel(input);
  return result.ok ? [] : result.issues;
}

describe('parseModel', () => {
  it('accepts every seed fixture and fills in defaults', () => {
    expect(loadFixture('pharmacy-switch-fourth-party').model.hosts).toEqual([]);
    const parsed = parseModel(base);
    expect(parsed.ok && parsed.model.dependencies[0]?.flow).toBe('information');
  });

  it('names the JSON path of a shape error', () => {
    expect(issuesOf({ ...base, tlp: 'PURPLE' })).toEqual([
      { path: 'tlp', message: expect.stringContaining('"CLEAR"') },
    ]);
    expect(issuesOf({ ...base, dependencies: [{ from: 'f', to: 's', flow: 'gossip' }] })[0]?.path).toBe(
      'dependencies[0].flow',
    );
    expect(issuesOf({ ...base, functions: [{ id: 'f', maxTolerableDowntime: 'soon' }] })).toEqual([
      { path: 'functions[0].maxTolerableDowntime', message: expect.stringContaining('not a duration') },
    ]);
    expect(issuesOf({ ...base, version: 2 })[0]?.path).toBe('version');
    expect(issuesOf([])).toEqual([{ path: '', message: expect.stringContaining('object') }]);
  });

  it('names the JSON path of a dangling, duplicate or wrong-kind reference', () => {
    expect(
      issuesOf({
        ...base,
        vendors: [{ id: 'v' }, { id: 'v' }],
        services: [{ id: 's', category: 'ehr', vendor: 'f' }],
        dependencies: [
          { from: 'f', to: 's' },
          { from: 'f', to: 'ghost' },
          { from: 'f', to: 's' },
          { from: 's', to: 's' },
        ],
      }).map(formatIssue),
    ).toEqual([
      'vendors[1].id: duplicate id "v"',
      'services[0].vendor: "f" is not a vendor',
      'dependencies[1].to: unknown node id "ghost"',
      'dependencies[2]: duplicate dependency "f" -> "s"',
      'dependencies[3]: "s" depends on itself',
    ]);
  });

  it('checks groups of alternatives: members must be dependencies, k at most n', () => {
    const issues = issuesOf({
      ...base,
      vendors: [{ id: 'v' }, { id: 'w' }],
      services: [
        { id: 's', category: 'ehr', vendor: 'v' },
        { id: 't', category: 'ehr', vendor: 'w' },
      ],
      alternatives: [{ id: 'g', from: 'f', members: ['s', 't'], k: 3 }],
    });
    expect(issues.map(formatIssue)).toEqual([
      'alternatives[0].k: k = 3 but the group has only 2 members',
      'alternatives[0].members[1]: no dependency "f" -> "t" to make an alternative',
    ]);
  });

  it('checks workarounds, impact dimensions and sector shares', () => {
    const issues = issuesOf({
      ...base,
      functions: [
        {
          id: 'f',
          maxTolerableDowntime: '1d',
          impacts: [{ after: '0h', levels: { morale: 2, financial: 9 } }],
        },
      ],
      workarounds: [
        { id: 'w1', for: 's', capacity: 0.5, maxDuration: '1d' },
        { id: 'w2', for: 's', capacity: 0.5, maxDuration: '1d' },
        { id: 'w3', for: 'nowhere', capacity: 1.5, maxDuration: '1d' },
      ],
      sector: [
        {
          category: 'ehr',
          shares: [
            { vendor: 'A', share: 0.7 },
            { vendor: 'B', share: 0.6 },
          ],
        },
      ],
    });
    expect(issues.map(formatIssue)).toEqual(['workarounds[2].capacity: Too big: expected number to be <=1']);
    const referential = issuesOf({
      ...base,
      functions: [
        {
          id: 'f',
          maxTolerableDowntime: '1d',
          impacts: [{ after: '0h', levels: { morale: 2, financial: 9 } }],
        },
      ],
      workarounds: [
        { id: 'w1', for: 's', capacity: 0.5, maxDuration: '1d' },
        { id: 'w2', for: 's', capacity: 0.5, maxDuration: '1d' },
        { id: 'w3', for: 'nowhere', capacity: 1, maxDuration: '1d' },
      ],
      sector: [
        {
          category: 'ehr',
          shares: [
            { vendor: 'A', share: 0.7 },
            { vendor: 'B', share: 0.6 },
          ],
        },
      ],
    });
    expect(referential.map(formatIssue)).toEqual([
      'workarounds[1].for: "s" already has a workaround',
      'workarounds[2].for: unknown node id "nowhere"',
      'functions[0].impacts[0].levels.morale: unknown dimension "morale"',
      "functions[0].impacts[0].levels.financial: level 9 is above the rubric's 5",
      'sector[0].shares: shares add up to 1.300, more than 1',
    ]);
  });
});

describe('formatPath', () => {
  it('writes paths the way people read JSON', () => {
    expect(formatPath(['alternatives', 0, 'members', 2])).toBe('alternatives[0].members[2]');
    expect(formatPath([])).toBe('');
  });
});
