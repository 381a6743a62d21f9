import { type DraftModel, draftModelSchema } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { analysableModel, type WhatIfFunction, type WhatIfResult, whatIf } from './what-if';

/** One function, one step that submits claims through one clearinghouse, hosted in one cloud. */
const base = draftModelSchema.parse({
  format: 'smart-model',
  version: 1,
  tlp: 'AMBER',
  name: 'Claims',
  functions: [{ id: 'claims', label: 'Claims paid', maxTolerableDowntime: '3d' }],
  processSteps: [{ id: 'submit', label: 'Submit claim', order: 1 }],
  services: [{ id: 'ch-a', label: 'Clearinghouse A', category: 'clearinghouse', vendor: 'va' }],
  vendors: [
    { id: 'va', label: 'Alpha Inc.' },
    { id: 'vb', label: 'Beta Inc.' },
    { id: 'vc', label: 'Cloud Co.' },
  ],
  hosts: [
    { id: 'cloud-1', label: 'Cloud region 1', vendor: 'vc' },
    { id: 'cloud-2', label: 'Cloud region 2', vendor: 'vc' },
  ],
  dependencies: [
    { from: 'claims', to: 'submit', flow: 'payment' },
    { from: 'submit', to: 'ch-a' },
    { from: 'ch-a', to: 'cloud-1', flow: 'support' },
  ],
});

/** The draft with a second clearinghouse on `host`, as an alternate of the first (1 of 2). */
function withAlternate(host: string, extra: Partial<DraftModel['services'][number]> = {}): DraftModel {
  return draftModelSchema.parse({
    ...base,
    services: [
      ...base.services,
      { id: 'ch-b', label: 'Clearinghouse B', category: 'clearinghouse', vendor: 'vb', ...extra },
    ],
    dependencies: [
      ...base.dependencies,
      { from: 'submit', to: 'ch-b', flow: 'information' },
      { from: 'ch-b', to: host, flow: 'support' },
    ],
    alternatives: [
      { id: 'either', label: 'Either clearinghouse', from: 'submit', members: ['ch-a', 'ch-b'], k: 1 },
    ],
  });
}

function claims(result: WhatIfResult): WhatIfFunction {
  if (result.status === 'blocked') throw new Error('blocked');
  const fn = result.functions.find((f) => f.function.id === 'claims');
  if (!fn) throw new Error('no claims function');
  return fn;
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe('whatIf', () => {
  it('finds the only clearinghouse, its vendor and its host as single points of failure', () => {
    const result = whatIf(base);
    expect(result.status).toBe('complete');
    const fn = claims(result);
    expect(ids(fn.thirdParty)).toEqual(['ch-a', 'cloud-1', 'va', 'vc']);
    expect(ids(fn.internal)).toEqual(['submit']);
    expect(fn.falseRedundancies).toEqual([]);
    if (result.status !== 'blocked') {
      expect(result.chokepoints.sort()).toEqual(['ch-a', 'cloud-1', 'va', 'vc']);
      expect(result.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('an alternate clearinghouse on another host removes the clearinghouse as a single point of failure', () => {
    const fn = claims(whatIf(withAlternate('cloud-2')));
    expect(ids(fn.thirdParty)).toEqual(['vc']);
    expect(fn.thirdParty.map((n) => n.id)).not.toContain('ch-a');
    // Both regions belong to one cloud vendor: that is still the one failure that stops claims.
    expect(fn.falseRedundancies).toHaveLength(1);
    expect(fn.falseRedundancies[0]?.shared.id).toBe('vc');
  });

  it('both clearinghouses on the same host make the host a single point of failure, a false redundancy', () => {
    const fn = claims(whatIf(withAlternate('cloud-1')));
    expect(ids(fn.thirdParty)).toEqual(['cloud-1', 'vc']);
    const hostReport = fn.falseRedundancies.find((r) => r.shared.id === 'cloud-1');
    expect(hostReport?.explanation).toBe(
      'The redundancy of Submit claim is false: Clearinghouse A and Clearinghouse B both depend on ' +
        'Cloud region 1 (host); if it fails, 2 of 2 alternatives fail together.',
    );
  });

  it('analyses a service that has no vendor yet without one, and says what it set aside', () => {
    const result = whatIf(withAlternate('cloud-2', { vendor: undefined }));
    expect(result.status).toBe('partial');
    if (result.status === 'blocked') return;
    expect(result.setAside.map((p) => p.message)).toEqual([
      'Third-party service "Clearinghouse B" has no vendor',
    ]);
    const fn = claims(result);
    expect(fn.thirdParty.map((n) => n.id)).not.toContain('ch-a');
    // The stand-in vendor is never shown.
    expect(result.chokepoints.some((id) => id.startsWith('what-if:'))).toBe(false);
  });

  it('sets aside a line to nowhere and a function without a tolerance', () => {
    const draft = draftModelSchema.parse({
      ...base,
      functions: [{ id: 'claims', label: 'Claims paid' }],
      dependencies: [...base.dependencies, { from: 'submit', to: 'gone', flow: 'information' }],
    });
    const result = whatIf(draft);
    expect(result.status).toBe('partial');
    if (result.status === 'blocked') return;
    expect(result.setAside).toHaveLength(2);
    expect(ids(claims(result).thirdParty)).toEqual(['ch-a', 'cloud-1', 'va', 'vc']);
  });

  it('sets aside a repeated id and what then points nowhere, and analyses the rest', () => {
    const draft = draftModelSchema.parse({
      ...base,
      systems: [{ id: 'ch-a', label: 'A system that took the clearinghouse id' }],
    });
    const result = whatIf(draft);
    expect(result.status).toBe('partial');
    if (result.status === 'blocked') return;
    expect(result.setAside.length).toBeGreaterThan(0);
    expect(claims(result).function.label).toBe('Claims paid');
  });

  it('an empty map analyses to nothing', () => {
    const empty = draftModelSchema.parse({ format: 'smart-model', version: 1, tlp: 'AMBER', name: 'Empty' });
    expect(whatIf(empty)).toMatchObject({ status: 'complete', functions: [], chokepoints: [] });
    expect(analysableModel(empty)).toBeDefined();
  });
});
