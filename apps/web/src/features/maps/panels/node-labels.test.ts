import { describe, expect, it } from 'vitest';
import type { DraftModelDocument } from '../types';
import { nodeNames } from './node-labels';

describe('node names of a stored map', () => {
  it('names every node kind by id, falling back to the id for an empty label', () => {
    const model: DraftModelDocument = {
      tlp: 'AMBER',
      functions: [{ id: 'fn', label: 'Get paid' }],
      processSteps: [
        { id: 'st', label: 'Submit claim' },
        { id: 'st2', label: '  ' },
      ],
      services: [{ id: 'svc', label: 'Clearinghouse' }],
      workarounds: [{ id: 'wk', label: 'Paper claims' }],
    };
    const names = nodeNames(model);
    expect(names.get('fn')).toEqual({ label: 'Get paid', kind: 'function' });
    expect(names.get('st')).toEqual({ label: 'Submit claim', kind: 'step' });
    expect(names.get('st2')).toEqual({ label: 'st2', kind: 'step' });
    expect(names.get('svc')?.kind).toBe('service');
    expect(names.get('wk')?.kind).toBe('workaround');
  });

  it('skips what a draft may hold that is not a node', () => {
    const model = {
      tlp: 'RED',
      systems: 'not a list',
      hosts: [null, 7, { label: 'no id' }, { id: 'h1' }],
    } as DraftModelDocument;
    const names = nodeNames(model);
    expect([...names.keys()]).toEqual(['h1']);
    expect(nodeNames(undefined).size).toBe(0);
  });
});
