import { parseModel } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_SIZE } from './layout';
import { modelToGraph } from './map-graph';

const parsed = parseModel({
  format: 'smart-model',
  version: 1,
  tlp: 'CLEAR',
  functions: [{ id: 'claims', label: 'Claims paid', maxTolerableDowntime: '3d' }],
  processSteps: [
    { id: 'submit', label: 'Submit claim' },
    { id: 'remit', label: 'Receive remittance' },
  ],
  services: [
    { id: 'ch-a', label: 'Clearinghouse A', category: 'clearinghouse', vendor: 'va' },
    { id: 'ch-b', label: 'Clearinghouse B', category: 'clearinghouse', vendor: 'vb' },
  ],
  vendors: [{ id: 'va' }, { id: 'vb' }],
  hosts: [{ id: 'cloud', vendor: 'va' }],
  workarounds: [{ id: 'paper', label: 'Paper claims', for: 'submit', capacity: 0.25, maxDuration: '14d' }],
  dependencies: [
    { from: 'claims', to: 'remit', flow: 'payment' },
    { from: 'remit', to: 'submit' },
    { from: 'submit', to: 'ch-a' },
    { from: 'submit', to: 'ch-b' },
    { from: 'ch-a', to: 'cloud', flow: 'support' },
  ],
  alternatives: [{ id: 'either', from: 'submit', members: ['ch-a', 'ch-b'] }],
});

describe('a model as a drawable map', () => {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const graph = modelToGraph(parsed.model);

  it('draws every node, with the label or else the id, and a second line where one helps', () => {
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      'function:Claims paid',
      'step:Submit claim',
      'step:Receive remittance',
      'service:Clearinghouse A',
      'service:Clearinghouse B',
      'vendor:va',
      'vendor:vb',
      'host:cloud',
      'workaround:Paper claims',
    ]);
    expect(graph.nodes.find((n) => n.id === 'paper')?.detail).toBe('25% capacity for up to 14d');
    expect(graph.nodes.find((n) => n.id === 'ch-a')?.detail).toBe('clearinghouse');
  });

  it('draws dependencies from provider to dependent, marking alternatives', () => {
    const edge = (source: string, target: string) =>
      graph.edges.find((e) => e.source === source && e.target === target);
    expect(edge('remit', 'claims')?.kind).toBe('payment');
    expect(edge('ch-a', 'submit')?.alternatives).toBe('1 of 2');
    expect(edge('submit', 'remit')?.alternatives).toBeUndefined();
    expect(edge('va', 'ch-a')).toMatchObject({ kind: 'support', label: 'provides' });
    expect(edge('va', 'cloud')).toMatchObject({ kind: 'support', label: 'operates' });
    expect(edge('paper', 'submit')?.kind).toBe('workaround');
  });

  it('lays providers out left of what depends on them, without overlaps', async () => {
    const at = await layoutGraph(graph);
    expect(at.size).toBe(graph.nodes.length);
    const x = (id: string) => at.get(id)?.x ?? Number.NaN;
    expect(x('ch-a')).toBeLessThan(x('submit'));
    expect(x('submit')).toBeLessThan(x('remit'));
    expect(x('remit')).toBeLessThan(x('claims'));
    const boxes = graph.nodes.map((n) => ({ ...NODE_SIZE[n.kind], ...(at.get(n.id) ?? { x: 0, y: 0 }) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });
});
