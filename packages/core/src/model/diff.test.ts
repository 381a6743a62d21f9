import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelSizes } from '../testing/arbitraries';
import { randomModel } from '../testing/random-model';
import { type ModelChange, modelDiff, summarizeChanges } from './diff';
import { type DraftModel, draftModelSchema } from './draft';

const draft = (input: Record<string, unknown>): DraftModel =>
  draftModelSchema.parse({ format: 'smart-model', version: 1, tlp: 'AMBER', ...input });

const claims = () =>
  draft({
    name: 'Claims',
    functions: [
      {
        id: 'fn',
        label: 'Medical claims',
        maxTolerableDowntime: '5d',
        impacts: [{ after: '0h', levels: { financial: 1 } }],
      },
    ],
    processSteps: [{ id: 'submit', label: 'Submit claim', order: 4 }],
    services: [
      { id: 'alpha', label: 'Alpha clearinghouse', category: 'clearinghouse', vendor: 'va' },
      { id: 'beta', label: 'Beta clearinghouse', category: 'clearinghouse', vendor: 'vb' },
      { id: 'gamma', label: 'Gamma clearinghouse', category: 'clearinghouse', vendor: 'vb' },
    ],
    vendors: [
      { id: 'va', label: 'Alpha Inc.' },
      { id: 'vb', label: 'Beta LLC' },
    ],
    workarounds: [{ id: 'paper', label: 'Paper claims', for: 'submit', capacity: 0.4, maxDuration: '14d' }],
    dependencies: [
      { from: 'fn', to: 'submit' },
      { from: 'submit', to: 'alpha' },
      { from: 'submit', to: 'beta' },
      { from: 'submit', to: 'gamma' },
    ],
    alternatives: [{ id: 'g', from: 'submit', members: ['alpha', 'beta'], k: 1 }],
  });

const lines = (changes: ModelChange[]) =>
  changes.map(
    (c) => `${c.change} ${c.entity} ${c.label}${c.details.length ? `: ${c.details.join('; ')}` : ''}`,
  );

describe('modelDiff', () => {
  it('says what changed in words, by label', () => {
    const before = claims();
    const after = claims();
    after.name = 'Claims (837P)';
    after.tlp = 'RED';
    const step = after.processSteps[0];
    if (step) step.label = 'Submit claim (837P)';
    const fn = after.functions[0];
    if (fn) {
      fn.maxTolerableDowntime = '72h';
      fn.impacts = [
        { after: '0h', levels: { financial: 2 } },
        { after: '7d', levels: { financial: 4 } },
      ];
    }
    const flow = after.dependencies[1];
    if (flow) {
      flow.flow = 'payment';
      flow.standard = 'X12 837P';
    }
    after.alternatives[0]?.members.push('gamma');
    const gamma = after.services[2];
    if (gamma) gamma.vendor = 'va';
    after.workarounds[0] = {
      ...after.workarounds[0],
      capacity: 0.5,
      staff: 2,
    } as DraftModel['workarounds'][0];
    after.vendors.push({ id: 'vc', label: 'Gamma Co' });
    after.dependencies = after.dependencies.filter((d) => d.to !== 'beta');
    after.alternatives[0]?.members.splice(1, 1);

    expect(lines(modelDiff(before, after))).toEqual([
      'changed map Claims (837P): Name: "Claims" → "Claims (837P)"; TLP: AMBER → RED',
      'changed function Medical claims: Maximum tolerable downtime: 5d → 3d; Impact from 0h: financial 1 → 2; Impact from 7d added (financial 4)',
      'changed step Submit claim (837P): Label: "Submit claim" → "Submit claim (837P)"',
      'changed service Gamma clearinghouse: Vendor: "Beta LLC" → "Alpha Inc."',
      'added vendor Gamma Co',
      'changed workaround Paper claims: Capacity: 40% → 50%; Extra staff: 0 → 2',
      'changed dependency Submit claim (837P) → Alpha clearinghouse: Flow: information → payment; Standard: (none) → "X12 837P"',
      'removed dependency Submit claim → Beta clearinghouse',
      'changed alternatives Alternatives for Submit claim (837P): Alternatives: 1 of 2 → 1 of 2 (added "Gamma clearinghouse"; removed "Beta clearinghouse")',
    ]);
  });

  it('counts a group that grows the way people say it', () => {
    const before = claims();
    const after = claims();
    after.alternatives[0]?.members.push('gamma');
    expect(modelDiff(before, after)).toEqual([
      {
        change: 'changed',
        entity: 'alternatives',
        id: 'g',
        label: 'Alternatives for Submit claim',
        details: ['Alternatives: 1 of 2 → 1 of 3 (added "Gamma clearinghouse")'],
      },
    ]);
  });

  it('does not call a node changed when only a node it refers to was renamed', () => {
    const before = claims();
    const after = claims();
    const vendor = after.vendors[0];
    if (vendor) vendor.label = 'Alpha Holdings';
    expect(lines(modelDiff(before, after))).toEqual([
      'changed vendor Alpha Holdings: Label: "Alpha Inc." → "Alpha Holdings"',
    ]);
  });

  it('finds nothing between a model and itself, or a copy with its keys in another order', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, (seed, size) => {
        const model = draftModelSchema.parse(randomModel(seed, size));
        expect(modelDiff(model, model)).toEqual([]);
        const reordered = JSON.parse(JSON.stringify(model), (_key, value) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).reverse())
            : value,
        );
        expect(modelDiff(model, draftModelSchema.parse(reordered))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('adds and removes exactly the entities one version has and the other has not', () => {
    const keysOf = (m: DraftModel): Record<string, Set<string>> => ({
      function: new Set(m.functions.map((n) => n.id)),
      step: new Set(m.processSteps.map((n) => n.id)),
      service: new Set(m.services.map((n) => n.id)),
      vendor: new Set(m.vendors.map((n) => n.id)),
      host: new Set(m.hosts.map((n) => n.id)),
      workaround: new Set(m.workarounds.map((n) => n.id)),
      dependency: new Set(m.dependencies.map((d) => `${d.from}->${d.to}`)),
      alternatives: new Set(m.alternatives.map((g) => g.id)),
    });
    fc.assert(
      fc.property(fc.integer(), fc.integer(), modelSizes, modelSizes, (seedA, seedB, sizeA, sizeB) => {
        const a = draftModelSchema.parse(randomModel(seedA, sizeA));
        const b = draftModelSchema.parse(randomModel(seedB, sizeB));
        const changes = modelDiff(a, b);
        const before = keysOf(a);
        const after = keysOf(b);
        for (const entity of Object.keys(before)) {
          const was = before[entity] ?? new Set();
          const now = after[entity] ?? new Set();
          const of = (kind: ModelChange['change']) =>
            changes.filter((c) => c.entity === entity && c.change === kind).map((c) => c.id);
          expect(of('added').sort()).toEqual([...now].filter((id) => !was.has(id)).sort());
          expect(of('removed').sort()).toEqual([...was].filter((id) => !now.has(id)).sort());
          expect(of('changed').every((id) => was.has(id) && now.has(id))).toBe(true);
        }
        expect(changes.filter((c) => c.change === 'changed').every((c) => c.details.length > 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('summarizeChanges', () => {
  it('counts by kind of change, leaving out the kinds that did not happen', () => {
    const change = (kind: ModelChange['change']): ModelChange => ({
      change: kind,
      entity: 'step',
      id: 'x',
      label: 'x',
      details: [],
    });
    expect(summarizeChanges([change('added'), change('changed'), change('added'), change('removed')])).toBe(
      '2 added, 1 removed, 1 changed',
    );
    expect(summarizeChanges([change('changed')])).toBe('1 changed');
    expect(summarizeChanges([])).toBe('No changes');
  });
});
