// Automatic layout of a map with ELK's layered algorithm: providers on the left, the workflow's
// steps in the middle, the critical functions they produce on the right. In the browser ELK runs
// in a web worker, so the page never freezes; maps of more than LARGE_MAP_NODES nodes are laid
// out by quickLayout (same kind of layout, linear time). placeMissing places only the nodes a
// saved layout lacks.
import type { ELK as ElkEngine, ElkNode } from 'elkjs/lib/elk-api.js';
import type { MapGraph, MapNode, MapNodeKind } from './map-graph';
import { quickLayout } from './quick-layout';

export interface Size {
  width: number;
  height: number;
}

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

export interface Point {
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

/** Space between layers (columns) and between nodes of one layer. */
const LAYER_GAP = 90;
const NODE_GAP = 28;

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '60',
};

/**
 * Above this many nodes the map is laid out by quickLayout instead of ELK: in a browser ELK needs
 * several seconds for thousands of nodes. Its vendors and workarounds (which hang off one node or
 * many) are then placed beside the nodes they serve.
 */
export const LARGE_MAP_NODES = 400;
const SATELLITES: ReadonlySet<MapNodeKind> = new Set(['vendor', 'workaround']);

let engine: Promise<ElkEngine> | null = null;

/**
 * Starts ELK's worker ahead of the first layout (its 1.6 MB script loads and compiles meanwhile).
 * It runs nothing: a warm-up layout would hold the worker while the real one waits behind it.
 */
export function warmLayoutEngine(): void {
  void elk().catch(() => {
    // A failed start shows up again, with its message, at the first real layout.
  });
}

/** ELK in a web worker in the browser; in-process elsewhere (unit tests, Node). */
function elk(): Promise<ElkEngine> {
  engine ??=
    typeof window !== 'undefined' && typeof Worker !== 'undefined'
      ? Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
          ([api, worker]) => new api.default({ workerUrl: worker.default }),
        )
      : import('elkjs/lib/elk.bundled.js').then((bundled) => new bundled.default());
  return engine;
}

function layoutInput(graph: MapGraph): ElkNode {
  const known = new Set(graph.nodes.map((n) => n.id));
  return {
    id: 'map',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((n: MapNode) => ({ id: n.id, ...NODE_SIZE[n.kind] })),
    // Edges to ids the document does not define are shown by validation, not laid out.
    edges: graph.edges
      .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

async function runElk(graph: MapGraph): Promise<Map<string, Positioned>> {
  const result = await (await elk()).layout(layoutInput(graph));
  const positions = new Map<string, Positioned>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { id: child.id, x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}

function quick(graph: MapGraph): Map<string, Positioned> {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const placed = quickLayout(graph, {
    size: (id) => NODE_SIZE[kinds.get(id) ?? 'step'],
    layerGap: LAYER_GAP,
    nodeGap: NODE_GAP,
    componentGap: 60,
  });
  return new Map([...placed].map(([id, p]) => [id, { id, ...p }]));
}

/** A large map: its core by quickLayout, then its vendors and workarounds beside what they serve. */
async function largeLayout(graph: MapGraph): Promise<Map<string, Positioned>> {
  const core = graph.nodes.filter((n) => !SATELLITES.has(n.kind));
  if (core.length === 0) return quick(graph);
  const ids = new Set(core.map((n) => n.id));
  const placed = quick({
    nodes: core,
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  });
  const saved: Record<string, Point> = {};
  for (const [id, p] of placed) saved[id] = { x: p.x, y: p.y };
  const all = await placeMissing(graph, saved);
  return new Map(Object.entries(all).map(([id, p]) => [id, { id, x: p.x, y: p.y }]));
}

/** Positions (top-left corners) for every node of the graph: ELK's, or quickLayout's for a large map. */
export async function layoutGraph(graph: MapGraph): Promise<Map<string, Positioned>> {
  return graph.nodes.length <= LARGE_MAP_NODES ? runElk(graph) : largeLayout(graph);
}

interface Box extends Point, Size {}

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

/** Boxes in a coarse grid, so finding what a new box would overlap looks at a few cells only. */
class Occupancy {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 300;

  private keys(box: Box): string[] {
    const c = Occupancy.CELL;
    const keys: string[] = [];
    for (let cx = Math.floor(box.x / c); cx <= Math.floor((box.x + box.width) / c); cx++) {
      for (let cy = Math.floor(box.y / c); cy <= Math.floor((box.y + box.height) / c); cy++) {
        keys.push(`${cx},${cy}`);
      }
    }
    return keys;
  }

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  isFree(box: Box, margin: number): boolean {
    const grown = {
      x: box.x - margin,
      y: box.y - margin,
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    };
    return this.keys(grown).every(
      (key) => !(this.cells.get(key) ?? []).some((other) => overlaps(box, other, margin)),
    );
  }
}

/** The nearest free spot for a box of this size around `at`, looking up and down in turn. */
function freeSpot(occupied: Occupancy, at: Point, size: Size): Point {
  const step = size.height + NODE_GAP;
  for (let i = 0; i < 400; i++) {
    const offset = i === 0 ? 0 : Math.ceil(i / 2) * step * (i % 2 === 1 ? 1 : -1);
    const candidate = { x: at.x, y: at.y + offset };
    if (occupied.isFree({ ...candidate, ...size }, NODE_GAP / 2)) return candidate;
  }
  return at;
}

/**
 * A position for every node of the graph: the saved one where there is one; otherwise next to an
 * already placed neighbour (providers to the left, what depends on them to the right, a workaround
 * under its node); nodes with no placed neighbour are laid out by ELK below the rest. With no
 * saved position at all, ELK lays out the whole map.
 */
export async function placeMissing(
  graph: MapGraph,
  saved: Readonly<Record<string, Point>>,
): Promise<Record<string, Point>> {
  const missing = graph.nodes.filter((n) => !saved[n.id]);
  if (missing.length === 0) return { ...saved };
  const placedCount = graph.nodes.length - missing.length;
  const result: Record<string, Point> = { ...saved };
  if (placedCount === 0) {
    for (const [id, p] of await layoutGraph(graph)) result[id] = { x: p.x, y: p.y };
    return result;
  }

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const occupied = new Occupancy();
  for (const node of graph.nodes) {
    const p = saved[node.id];
    if (p) occupied.add({ ...p, ...NODE_SIZE[node.kind] });
  }
  const neighbours = new Map<string, { id: string; provider: boolean; workaround: boolean }[]>();
  const link = (a: string, b: string, provider: boolean, workaround: boolean) => {
    const list = neighbours.get(a);
    const entry = { id: b, provider, workaround };
    if (list) list.push(entry);
    else neighbours.set(a, [entry]);
  };
  for (const e of graph.edges) {
    // From the source's side, the target depends on it; from the target's, the source provides.
    link(e.source, e.target, false, e.kind === 'workaround');
    link(e.target, e.source, true, false);
  }

  const queue = missing.filter((n) => (neighbours.get(n.id) ?? []).some((nb) => result[nb.id]));
  const queued = new Set(queue.map((n) => n.id));
  while (queue.length > 0) {
    const node = queue.shift();
    if (!node || result[node.id]) continue;
    const size = NODE_SIZE[node.kind];
    const anchor = (neighbours.get(node.id) ?? []).find((nb) => result[nb.id]);
    const anchorAt = anchor && result[anchor.id];
    const anchorKind = anchor && byId.get(anchor.id)?.kind;
    if (!anchor || !anchorAt || !anchorKind) continue;
    const anchorSize = NODE_SIZE[anchorKind];
    let want: Point;
    if (node.kind === 'workaround') want = { x: anchorAt.x, y: anchorAt.y + anchorSize.height + NODE_GAP };
    else if (anchor.provider) want = { x: anchorAt.x + anchorSize.width + LAYER_GAP, y: anchorAt.y };
    else want = { x: anchorAt.x - size.width - LAYER_GAP, y: anchorAt.y };
    const at = freeSpot(occupied, want, size);
    result[node.id] = at;
    occupied.add({ ...at, ...size });
    for (const nb of neighbours.get(node.id) ?? []) {
      const next = byId.get(nb.id);
      if (next && !result[next.id] && !queued.has(next.id)) {
        queued.add(next.id);
        queue.push(next);
      }
    }
  }

  const rest = missing.filter((n) => !result[n.id]);
  if (rest.length > 0) {
    const ids = new Set(rest.map((n) => n.id));
    const sub: MapGraph = {
      nodes: rest,
      edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
    let minX = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const node of graph.nodes) {
      const p = result[node.id];
      if (!p) continue;
      minX = Math.min(minX, p.x);
      maxY = Math.max(maxY, p.y + NODE_SIZE[node.kind].height);
    }
    for (const [id, p] of await layoutGraph(sub)) {
      result[id] = { x: minX + p.x, y: maxY + 120 + p.y };
    }
  }
  return result;
}
