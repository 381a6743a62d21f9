import { draftModelSchema, draftProblems } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { modelToGraph } from '../map-graph';
import { applyEdit, connectionProblem, type EditorDoc, newId } from './edits';
import { record, redo, startHistory, undo } from './history';

const model = draftModelSchema.parse({
  format: 'smart-model',
  version: 1,
  tlp: 'AMBER',
  name: 'Claims',
  functions: [{ id: 'claims', label: 'Claims paid', maxTolerableDowntime: '3d' }],
  processSteps: [{ id: 'submit', label: 'Submit claim', order: 1 }],
  services: [
    { id: 'ch-a', label: 'Clearinghouse A', category: 'clearinghouse', vendor: 'va' },
    { id: 'ch-b', label: 'Clearinghouse B', category: 'clearinghouse', vendor: 'vb' },
    { id: 'ch-c', label: 'Clearinghouse C', category: 'clearinghouse', vendor: 'vb' },
  ],
  vendors: [{ id: 'va' }, { id: 'vb' }],
  hosts: [{ id: 'cloud', vendor: 'va' }],
  workarounds: [{ id: 'paper', label: 'Paper claims', for: 'submit', capacity: 0.25, maxDuration: '14d' }],
  dependencies: [
    { from: 'claims', to: 'submit', flow: 'payment' },
    { from: 'submit', to: 'ch-a' },
    { from: 'submit', to: 'ch-b' },
    { from: 'submit', to: 'ch-c' },
  ],
  alternatives: [{ id: 'either', from: 'submit', members: ['ch-a', 'ch-b'] }],
});
const doc: EditorDoc = { model, layout: { claims: { x: 600, y: 0 }, submit: { x: 300, y: 0 } } };

describe('drawing a line between two nodes', () => {
  it('makes the target depend on the source, with a flow that suits the source', () => {
    const step = applyEdit(doc, { type: 'connect', source: 'ch-a', target: 'claims' });
    expect(step.model.dependencies.at(-1)).toEqual({ from: 'claims', to: 'ch-a', flow: 'information' });
    const hosted = applyEdit(doc, { type: 'connect', source: 'cloud', target: 'ch-b' });
    expect(hosted.model.dependencies.at(-1)).toEqual({ from: 'ch-b', to: 'cloud', flow: 'support' });
  });

  it('makes a vendor drawn to a service its vendor, and a workaround drawn to a node cover it', () => {
    const vendor = applyEdit(doc, { type: 'connect', source: 'vb', target: 'ch-a' });
    expect(vendor.model.services.find((s) => s.id === 'ch-a')?.vendor).toBe('vb');
    expect(vendor.model.dependencies).toBe(doc.model.dependencies);
    const moved = applyEdit(doc, { type: 'connect', source: 'paper', target: 'claims' });
    expect(moved.model.workarounds[0]?.for).toBe('claims');
  });

  it('refuses loops, repeats and lines into a workaround, saying why', () => {
    expect(connectionProblem(model, 'submit', 'submit')).toMatch(/itself/);
    expect(connectionProblem(model, 'ch-a', 'submit')).toMatch(/already connected/);
    expect(connectionProblem(model, 'submit', 'paper')).toMatch(/workaround/);
    expect(connectionProblem(model, 'submit', 'nowhere')).toMatch(/nodes of this map/);
    expect(applyEdit(doc, { type: 'connect', source: 'ch-a', target: 'submit' })).toBe(doc);
  });
});

describe('removing', () => {
  it('takes a node with its lines, its workaround and its position, and leaves what named it incomplete', () => {
    const next = applyEdit(doc, { type: 'remove', nodes: ['submit', 'va'], edges: [] });
    expect(next.model.processSteps).toEqual([]);
    expect(next.model.workarounds).toEqual([]);
    expect(next.model.dependencies).toEqual([]);
    expect(next.model.alternatives).toEqual([]);
    expect(next.layout.submit).toBeUndefined();
    // The service keeps existing without its vendor: validation says so.
    expect(next.model.services.find((s) => s.id === 'ch-a')?.vendor).toBeUndefined();
    expect(draftProblems(next.model).map((p) => p.message)).toContain(
      'Third-party service "Clearinghouse A" has no vendor',
    );
  });

  it('ends a group of alternatives that has one member left', () => {
    const graph = modelToGraph(model);
    const edge = graph.edges.find((e) => e.source === 'ch-b' && e.target === 'submit');
    if (!edge) throw new Error('edge not drawn');
    expect(edge.alternatives).toBe('1 of 2');
    const next = applyEdit(doc, { type: 'remove', nodes: [], edges: [edge.ref] });
    expect(next.model.dependencies.some((d) => d.to === 'ch-b')).toBe(false);
    expect(next.model.alternatives).toEqual([]);
  });

  it('removes a vendor line by clearing the vendor, and a workaround line with its workaround', () => {
    const next = applyEdit(doc, {
      type: 'remove',
      nodes: [],
      edges: [
        { type: 'vendor', node: 'cloud' },
        { type: 'workaround', id: 'paper' },
      ],
    });
    expect(next.model.hosts[0]).toEqual({ id: 'cloud' });
    expect(next.model.workarounds).toEqual([]);
  });
});

describe('groups of alternatives', () => {
  it('groups dependencies of one node, taking members from an older group, with k within 1..n', () => {
    const next = applyEdit(doc, {
      type: 'groupAlternatives',
      id: 'three',
      from: 'submit',
      members: ['ch-b', 'ch-c', 'claims'],
      k: 5,
    });
    // "claims" is not a dependency of "submit"; ch-b left the old group, which then ended.
    expect(next.model.alternatives).toEqual([
      { id: 'three', from: 'submit', members: ['ch-b', 'ch-c'], k: 2 },
    ]);
    expect(modelToGraph(next.model).edges.find((e) => e.source === 'ch-c')?.alternatives).toBe('2 of 2');
  });

  it('needs two members, and keeps k within the members when it changes', () => {
    expect(applyEdit(doc, { type: 'groupAlternatives', id: 'g', from: 'submit', members: ['ch-a'] })).toBe(
      doc,
    );
    const next = applyEdit(doc, { type: 'updateGroup', id: 'either', k: 9, label: 'Either clearinghouse' });
    expect(next.model.alternatives[0]).toMatchObject({ k: 2, label: 'Either clearinghouse' });
  });
});

describe('changing a node', () => {
  it('sets the fields of its kind and removes emptied ones', () => {
    const next = applyEdit(doc, {
      type: 'updateNode',
      id: 'claims',
      patch: { maxTolerableDowntime: undefined, label: 'Claims paid on time', order: 3 },
    });
    expect(next.model.functions[0]).toEqual({ id: 'claims', label: 'Claims paid on time', impacts: [] });
    const cleared = applyEdit(doc, { type: 'updateNode', id: 'submit', patch: { label: '' } });
    expect(cleared.model.processSteps[0]).toEqual({ id: 'submit', order: 1 });
  });

  it('adds nodes and workarounds at a position, with ids that are new', () => {
    const id = newId(model, 'service');
    expect(id).toMatch(/^svc-[0-9a-z]{6}$/);
    const added = applyEdit(doc, {
      type: 'addNode',
      kind: 'service',
      id,
      label: 'Beta clearinghouse',
      position: { x: 10, y: 20 },
      patch: { category: 'clearinghouse' },
    });
    expect(added.model.services.at(-1)).toEqual({
      id,
      label: 'Beta clearinghouse',
      category: 'clearinghouse',
    });
    expect(added.layout[id]).toEqual({ x: 10, y: 20 });
    const covered = applyEdit(doc, {
      type: 'addWorkaround',
      id: 'phone',
      for: 'submit',
      label: 'Phone',
      capacity: 0.5,
      maxDuration: '1d',
      staff: 1,
      position: { x: 0, y: 0 },
    });
    // "submit" already has a workaround: at most one per node.
    expect(covered).toBe(doc);
  });
});

describe('undo and redo', () => {
  it('walks back and forth, and a burst of typing in one field is one step', () => {
    let history = startHistory(doc);
    const typed = (label: string) =>
      applyEdit(history.present, { type: 'updateNode', id: 'submit', patch: { label } });
    history = record(history, typed('S'), 'label:submit', 1000);
    history = record(history, typed('Su'), 'label:submit', 1400);
    history = record(history, typed('Sub'), 'label:submit', 1800);
    history = record(history, applyEdit(history.present, { type: 'setMap', tlp: 'RED' }), null, 1900);
    expect(history.past).toHaveLength(2);
    history = undo(history);
    expect(history.present.model.tlp).toBe('AMBER');
    expect(history.present.model.processSteps[0]?.label).toBe('Sub');
    history = undo(history);
    expect(history.present).toBe(doc);
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.present.model.tlp).toBe('RED');
    expect(redo(history)).toBe(history);
  });
});
