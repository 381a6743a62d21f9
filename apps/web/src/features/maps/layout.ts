// Automatic layout of a map with ELK's layered algorithm: providers on the left, the workflow's
// steps in the middle, the critical functions they produce on the right.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { MapGraph, MapNode, MapNodeKind } from './map-graph';

export interface Size {
  width: number;
  height: number;
}

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

export const NODE_SIZE: Record<MapNodeKind, Size> = {
  function: { width: 240, height: 84 },
  step: { width: 220, height: 78 },
  system: { width: 210, height: 78 },
  service: { width: 240, height: 84 },
  vendor: { width: 220, height: 78 },
  host: { width: 210, height: 84 },
  workaround: { width: 220, height: 84 },
};

const elk = new ELK();

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '28',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
};

/** Positions (top-left corners) for every node of the graph. */
export async function layoutGraph(graph: MapGraph): Promise<Map<string, Positioned>> {
  const known = new Set(graph.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: 'map',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((n: MapNode) => ({ id: n.id, ...NODE_SIZE[n.kind] })),
    // Edges to ids the document does not define are shown by validation, not laid out.
    edges: graph.edges
      .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, Positioned>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { id: child.id, x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}
