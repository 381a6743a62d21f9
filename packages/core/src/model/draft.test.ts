import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelSizes } from '../testing/arbitraries';
import { FIXTURES, loadFixture } from '../testing/fixtures';
import { randomModel, seededRandom } from '../testing/random-model';
import { type DraftModel, draftModelSchema, draftProblems, draftToModel, stepsDependingOn } from './draft';
import { parseModel } from './validate';

const draft = (input: Record<string, unknown>): DraftModel =>
  draftModelSchema.parse({ format: 'smart-model', version: 1, tlp: 'AMBER', ...input });

const claims = () =>
  draft({
    functions: [{ id: 'fn-claims', label: 'Medical claims', maxTolerableDowntime: '5d' }],
    processSteps: [
      { id: 'step-1', label: 'Register patient' },
      { id: 'step-2', label: 'Submit claim' },
    ],
    services: [{ id: 'svc-1', label: 'Alpha', category: 'clearinghouse', vendor: 'v-alpha' }],
    vendors: [{ id: 'v-alpha', label: 'Alpha Inc.' }],
    dependencies: [
      { from: 'fn-claims', to: 'step-2' },
      { from: 'step-2', to: 'step-1' },
      { from: 'step-2', to: 'svc-1' },
    ],
  });

describe('draftModelSchema', () => {
  it('accepts a service without vendor and a function without tolerance, and nothing looser', () => {
    const parsed = draftModelSchema.safeParse({
      format: 'smart-model',
      version: 1,
      tlp: 'RED',
      functions: [{ id: 'f' }],
      services: [{ id: 's', category: 'ehr' }],
    });
    expect(parsed.success).toBe(true);
    const wrong = draftModelSchema.safeParse({
      format: 'smart-model',
      version: 1,
      tlp: 'RED',
      functions: [{ id: 'f', maxTolerableDowntime: 'soon' }],
      services: [{ id: 's' }],
    });
    expect(wrong.success ? [] : wrong.error.issues.map((i) => i.path.join('.'))).toEqual([
      'functions.0.maxTolerableDowntime',
      'services.0.category',
    ]);
  });
});

describe('draftProblems', () => {
  it('finds nothing wrong in a complete model, and such a draft parses strictly', () => {
    for (const name of FIXTURES) {
      const d = draftModelSchema.parse(loadFixture(name).model);
      expect(draftProblems(d).filter((p) => p.severity === 'error')).toEqual([]);
      expect(draftToModel(d)).toBeDefined();
    }
    expect(draftProblems(claims())).toEqual([]);
  });

  it('names a service with no vendor and a function with no tolerance, on their nodes', () => {
    const d = claims();
    delete d.services[0]?.vendor;
    delete d.functions[0]?.maxTolerableDowntime;
    expect(draftProblems(d)).toEqual([
      {
        path: 'services[0].vendor',
        nodeId: 'svc-1',
        severity: 'error',
        message: 'Third-party service "Alpha" has no vendor',
      },
      {
        path: 'functions[0].maxTolerableDowntime',
        nodeId: 'fn-claims',
        severity: 'error',
        message: 'Function "Medical claims" has no maximum tolerable downtime',
      },
      // Alpha Inc. provides nothing any more.
      {
        path: 'vendors[0]',
        nodeId: 'v-alpha',
        severity: 'warning',
        message: 'Vendor "Alpha Inc." is not connected to anything',
      },
    ]);
    expect(draftToModel(d)).toBeUndefined();
  });

  it('says which dependency dangles, by the labels of its known end', () => {
    const d = claims();
    d.dependencies.push({ from: 'step-2', to: 'svc-x', flow: 'information' });
    d.dependencies.push({ from: 'ghost', to: 'step-1', flow: 'payment' });
    d.dependencies.push({ from: 'nobody', to: 'nothing', flow: 'payment' });
    expect(draftProblems(d)).toEqual([
      {
        path: 'dependencies[3]',
        nodeId: 'step-2',
        severity: 'error',
        message: 'Dependency from "Submit claim" to unknown node "svc-x"',
      },
      {
        path: 'dependencies[4]',
        nodeId: 'step-1',
        severity: 'error',
        message: 'Dependency from unknown node "ghost" to "Register patient"',
      },
      {
        path: 'dependencies[5]',
        severity: 'error',
        message: 'Dependency from unknown node "nobody" to unknown node "nothing"',
      },
    ]);
  });

  it('reports loops, repeats, duplicate ids, bad groups and workarounds in words', () => {
    const d = claims();
    d.dependencies.push({ from: 'step-1', to: 'step-1', flow: 'information' });
    d.dependencies.push({ from: 'step-2', to: 'svc-1', flow: 'payment' });
    d.processSteps.push({ id: 'svc-1', label: 'Twin' });
    d.alternatives.push({ id: 'g', from: 'step-2', members: ['svc-1', 'step-1'], k: 3 });
    d.workarounds.push({
      id: 'w',
      label: 'Paper claims',
      for: 'gone',
      capacity: 0.5,
      maxDuration: '3d',
      staff: 1,
    });
    const problems = draftProblems(d);
    expect(problems.map((p) => [p.path, p.nodeId, p.message])).toEqual([
      ['dependencies[3]', 'step-1', '"Register patient" depends on itself'],
      ['dependencies[4]', 'step-2', 'Dependency from "Submit claim" to "Twin" is listed twice'],
      ['services[0].id', 'svc-1', 'Third-party service "Alpha": duplicate id "svc-1"'],
      ['workarounds[0].for', undefined, 'Workaround "Paper claims": unknown node id "gone"'],
      [
        'alternatives[0].k',
        'step-2',
        'Alternatives for "Submit claim": k = 3 but the group has only 2 members',
      ],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('warns about a function that depends on nothing and a node connected to nothing', () => {
    const d = claims();
    d.functions.push({ id: 'fn-2', label: 'Payments', maxTolerableDowntime: '1d', impacts: [] });
    d.systems.push({ id: 'sys', label: 'Interface engine' });
    expect(draftProblems(d)).toEqual([
      expect.objectContaining({
        nodeId: 'fn-2',
        severity: 'warning',
        message: expect.stringContaining('Payments'),
      }),
      expect.objectContaining({
        nodeId: 'sys',
        severity: 'warning',
        message: expect.stringContaining('not connected'),
      }),
    ]);
    expect(draftToModel(d)).toBeDefined();
  });

  it('has an error exactly when the strict parser refuses the draft', () => {
    fc.assert(
      fc.property(fc.integer(), modelSizes, fc.integer({ min: 0, max: 3 }), (seed, size, cuts) => {
        const random = seededRandom(seed ^ 0x5eed);
        const d = draftModelSchema.parse(randomModel(seed, size));
        // Take out a few nodes (leaving their edges dangling) and some vendors and tolerances.
        for (let i = 0; i < cuts; i++) {
          const lists = [d.processSteps, d.services, d.hosts, d.vendors] as { id: string }[][];
          const list = lists[Math.floor(random() * lists.length)];
          if (list?.length) list.splice(Math.floor(random() * list.length), 1);
        }
        if (random() < 0.3 && d.services[0]) delete d.services[0].vendor;
        if (random() < 0.3 && d.functions[0]) delete d.functions[0].maxTolerableDowntime;
        const errors = draftProblems(d).filter((p) => p.severity === 'error');
        expect(errors.length === 0).toBe(parseModel(d).ok);
        const ids = new Set(
          [...d.functions, ...d.processSteps, ...d.services, ...d.vendors, ...d.hosts].map((n) => n.id),
        );
        expect(errors.every((p) => p.nodeId === undefined || ids.has(p.nodeId))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('stepsDependingOn', () => {
  it('follows dependencies backwards to the steps, the node itself included when a step', () => {
    const d = claims();
    expect(stepsDependingOn(d, 'svc-1')).toEqual([{ id: 'step-2', label: 'Submit claim' }]);
    expect(stepsDependingOn(d, 'step-1')).toEqual([
      { id: 'step-1', label: 'Register patient' },
      { id: 'step-2', label: 'Submit claim' },
    ]);
    expect(stepsDependingOn(d, 'fn-claims')).toEqual([]);
    d.dependencies.push({ from: 'step-1', to: 'step-2', flow: 'information' });
    expect(stepsDependingOn(d, 'svc-1').map((s) => s.id)).toEqual(['step-1', 'step-2']);
  });
});
