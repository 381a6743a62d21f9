import { describe, expect, it } from 'vitest';
import { LARGE_MAP_NODES, layoutGraph, NODE_SIZE, placeMissing } from './layout';
import type { MapEdge, MapGraph, MapNode, MapNodeKind } from './map-graph';

const node = (id: string, kind: MapNodeKind): MapNode => ({ id, kind, label: id });
const edge = (source: string, target: string, kind: MapEdge['kind'] = 'information'): MapEdge => ({
  id: `${source}>${target}`,
  ref: { type: 'dependency', index: 0 },
  source,
  target,
  kind,
});

function noOverlaps(graph: MapGraph, at: ReadonlyMap<string, { x: number; y: number }>) {
  const boxes = graph.nodes.map((n) => ({
    id: n.id,
    ...NODE_SIZE[n.kind],
    ...(at.get(n.id) ?? { x: Number.NaN, y: 0 }),
  }));
  for (const b of boxes) expect(Number.isFinite(b.x), `${b.id} placed`).toBe(true);
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (b.x >= a.x + a.width) break;
      const apart = a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  }
}

/** `copies` workflows of a function, four steps, two services with one shared vendor, a workaround. */
function workflows(copies: number): MapGraph {
  const nodes: MapNode[] = [node('vendor', 'vendor')];
  const edges: MapEdge[] = [];
  for (let c = 0; c < copies; c++) {
    const id = (s: string) => `${s}-${c}`;
    nodes.push(node(id('f'), 'function'), node(id('w'), 'workaround'));
    for (let s = 0; s < 4; s++) nodes.push(node(id(`s${s}`), 'step'));
    nodes.push(node(id('a'), 'service'), node(id('b'), 'service'));
    edges.push(edge(id('s3'), id('f')), edge(id('a'), id('s1')), edge(id('b'), id('s2')));
    for (let s = 1; s < 4; s++) edges.push(edge(id(`s${s - 1}`), id(`s${s}`)));
    edges.push(edge('vendor', id('a'), 'support'), edge('vendor', id('b'), 'support'));
    edges.push(edge(id('w'), id('s2'), 'workaround'));
  }
  // One cycle, which a layered layout must survive.
  edges.push(edge('s3-0', 's0-0'));
  return { nodes, edges };
}

describe('placing nodes that have no saved position', () => {
  const graph: MapGraph = {
    nodes: [
      node('fn', 'function'),
      node('step', 'step'),
      node('svc', 'service'),
      node('new', 'service'),
      node('w', 'workaround'),
    ],
    edges: [edge('step', 'fn'), edge('svc', 'step'), edge('new', 'step'), edge('w', 'step', 'workaround')],
  };
  const saved = { fn: { x: 700, y: 0 }, step: { x: 400, y: 0 }, svc: { x: 100, y: 0 } };

  it('keeps saved positions and puts a new provider left of what needs it, a workaround under its node', async () => {
    const at = await placeMissing(graph, saved);
    expect(at.fn).toEqual(saved.fn);
    expect(at.svc).toEqual(saved.svc);
    expect(at.new?.x).toBeLessThan(400);
    expect(at.w?.y).toBeGreaterThan(0);
    expect(at.w?.x).toBe(400);
    noOverlaps(graph, new Map(Object.entries(at)));
  });

  it('lays out the whole map when nothing has a position', async () => {
    const at = await placeMissing(graph, {});
    expect(Object.keys(at).sort()).toEqual(['fn', 'new', 'step', 'svc', 'w']);
    expect(at.svc?.x).toBeLessThan(at.step?.x ?? 0);
    expect(at.step?.x).toBeLessThan(at.fn?.x ?? 0);
  });
});

describe('laying out a large map', () => {
  const graph = workflows(80);
  it(`uses the linear-time layout above ${LARGE_MAP_NODES} nodes: every node placed, none overlapping, in well under a second`, async () => {
    expect(graph.nodes.length).toBeGreaterThan(LARGE_MAP_NODES);
    const started = performance.now();
    const at = await layoutGraph(graph);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(at.size).toBe(graph.nodes.length);
    noOverlaps(graph, at);
    const x = (id: string) => at.get(id)?.x ?? Number.NaN;
    // Providers left of what depends on them; the vendor left of its services.
    expect(x('a-7')).toBeLessThan(x('s1-7'));
    expect(x('s1-7')).toBeLessThan(x('s2-7'));
    expect(x('s3-7')).toBeLessThan(x('f-7'));
    expect(x('vendor')).toBeLessThan(x('a-7'));
    // The workaround sits under the step it keeps running.
    expect(x('w-7')).toBe(x('s2-7'));
    expect(at.get('w-7')?.y).toBeGreaterThan(at.get('s2-7')?.y ?? 0);
  });

  it('gives the same layout every time', async () => {
    expect([...(await layoutGraph(graph))]).toEqual([...(await layoutGraph(graph))]);
  });
});
