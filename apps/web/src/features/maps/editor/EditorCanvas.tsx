// The editable canvas: the map's nodes at their saved positions, drawn with the same nodes and
// edges as the read-only view. Built for large maps: React Flow objects are reused for nodes and
// edges that did not change (so an edit re-renders only what it touched), only what is in view is
// rendered, and a drag moves nodes locally and becomes one edit when it ends.
import '@xyflow/react/dist/style.css';
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import { type DragEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NODE_SIZE } from '../layout';
import { edgeTypes, type KeyedEdge, type MapFlowNode, nodeTypes, toFlowEdge, toFlowNode } from '../map-flow';
import type { MapEdge, MapGraph, MapNode } from '../map-graph';
import { NODE_LOOK } from '../map-style';
import type { MapLayout, Position } from '../types';
import type { AddableKind } from './edits';
import type { NodeProblems } from './problems';

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const NO_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

/** The drag-and-drop type a palette item carries. */
export const PALETTE_DRAG_TYPE = 'application/x-smart-node-kind';

/** Maps up to this size open fitted to the screen; larger ones open at a readable zoom. */
const FIT_VIEW_NODES = 250;
const ORIGIN = { x: 0, y: 0 };

interface NodeMemo {
  node: MapNode;
  position: Position;
  selected: boolean;
  highlighted: boolean;
  problems: string;
  editable: boolean;
  flow: MapFlowNode;
}

const sameNode = (a: MapNode, b: MapNode) =>
  a.kind === b.kind && a.label === b.label && a.detail === b.detail;

const sameEdge = (a: MapEdge, b: MapEdge) =>
  a.source === b.source &&
  a.target === b.target &&
  a.kind === b.kind &&
  a.label === b.label &&
  a.alternatives === b.alternatives &&
  a.ref.type === b.ref.type &&
  (a.ref.type !== 'dependency' || b.ref.type !== 'dependency' || a.ref.index === b.ref.index);

/** The viewport a large map opens at: its top-left corner at a zoom where labels read. */
function openingViewport(graph: MapGraph, layout: MapLayout): Viewport {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const node of graph.nodes) {
    const p = layout[node.id];
    if (!p) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  const zoom = 0.6;
  return Number.isFinite(minX) ? { x: 40 - minX * zoom, y: 60 - minY * zoom, zoom } : { x: 0, y: 0, zoom };
}

export interface EditorCanvasProps {
  graph: MapGraph;
  layout: MapLayout;
  selection: Selection;
  problems: ReadonlyMap<string, NodeProblems>;
  /** Nodes drawn as single points of failure (the chokepoints of the live what-if). */
  highlighted?: ReadonlySet<string>;
  editable: boolean;
  /** While an image is taken: every node rendered, nothing selected, no problem markers. */
  exporting: boolean;
  onSelect: (selection: Selection) => void;
  onMoved: (positions: Record<string, Position>) => void;
  onConnect: (source: string, target: string) => void;
  onAddAt: (kind: AddableKind, position: Position) => void;
  canConnect: (source: string, target: string) => boolean;
  /** Called once the first nodes are on screen. */
  onFirstRender?: () => void;
  /** Overlays drawn over the canvas (palette, TLP marking, legend). */
  children?: ReactNode;
}

export function EditorCanvas(props: EditorCanvasProps) {
  const { graph, layout, selection, problems, highlighted, editable, exporting } = props;
  const { screenToFlowPosition } = useReactFlow();
  const [drag, setDrag] = useState<Record<string, Position> | null>(null);
  const nodeMemo = useRef(new Map<string, NodeMemo>());
  const edgeMemo = useRef(new Map<string, { edge: MapEdge; selected: boolean; flow: KeyedEdge }>());
  const [initialViewport] = useState(() =>
    graph.nodes.length > FIT_VIEW_NODES ? openingViewport(graph, layout) : undefined,
  );

  const nodes = useMemo(() => {
    const previous = nodeMemo.current;
    const next = new Map<string, NodeMemo>();
    const list: MapFlowNode[] = [];
    for (const node of graph.nodes) {
      const position = drag?.[node.id] ?? layout[node.id] ?? ORIGIN;
      const selected = !exporting && selection.nodes.has(node.id);
      const isHighlighted = !exporting && (highlighted?.has(node.id) ?? false);
      const found = exporting ? undefined : problems.get(node.id);
      const problemText = found ? `${found.level}:${found.messages.join('\n')}` : '';
      const old = previous.get(node.id);
      let memo: NodeMemo;
      if (
        old &&
        sameNode(old.node, node) &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === selected &&
        old.highlighted === isHighlighted &&
        old.problems === problemText &&
        old.editable === editable
      ) {
        memo = old;
      } else {
        const flow = toFlowNode(node, position, {
          selected,
          highlighted: isHighlighted,
          editable,
          ...(found ? { problems: found.messages, problemLevel: found.level } : {}),
        });
        memo = {
          node,
          position,
          selected,
          highlighted: isHighlighted,
          problems: problemText,
          editable,
          flow,
        };
      }
      next.set(node.id, memo);
      list.push(memo.flow);
    }
    nodeMemo.current = next;
    return list;
  }, [graph, layout, drag, selection, problems, highlighted, editable, exporting]);

  const edges = useMemo(() => {
    const known = new Set(graph.nodes.map((n) => n.id));
    const previous = edgeMemo.current;
    const next = new Map<string, { edge: MapEdge; selected: boolean; flow: KeyedEdge }>();
    const list: KeyedEdge[] = [];
    for (const edge of graph.edges) {
      // A dangling end is a problem listed beside the map, not a line to nowhere.
      if (!known.has(edge.source) || !known.has(edge.target)) continue;
      const selected = !exporting && selection.edges.has(edge.id);
      const old = previous.get(edge.id);
      const memo =
        old && old.selected === selected && sameEdge(old.edge, edge)
          ? old
          : { edge, selected, flow: toFlowEdge(edge, selected) };
      next.set(edge.id, memo);
      list.push(memo.flow);
    }
    edgeMemo.current = next;
    return list;
  }, [graph, selection, exporting]);

  // Selection changes arrive node by node and edge by edge, in two calls for one click.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const { onSelect, onMoved } = props;
  const applySelect = useCallback(
    (kind: 'nodes' | 'edges', changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return;
      const current = selectionRef.current;
      const set = new Set(current[kind]);
      for (const change of changes) {
        if (change.selected) set.add(change.id);
        else set.delete(change.id);
      }
      const next = { ...current, [kind]: set };
      selectionRef.current = next;
      onSelect(next);
    },
    [onSelect],
  );

  const dragRef = useRef(drag);
  dragRef.current = drag;
  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      const selects: { id: string; selected: boolean }[] = [];
      let moving: Record<string, Position> | null = null;
      let ended = false;
      for (const change of changes) {
        if (change.type === 'select') selects.push({ id: change.id, selected: change.selected });
        else if (change.type === 'position') {
          if (change.position) {
            moving ??= { ...(dragRef.current ?? {}) };
            moving[change.id] = change.position;
          }
          if (!change.dragging) ended = true;
        }
      }
      applySelect('nodes', selects);
      if (ended) {
        const final = moving ?? dragRef.current;
        dragRef.current = null;
        setDrag(null);
        if (final && Object.keys(final).length > 0) onMoved(final);
      } else if (moving) {
        dragRef.current = moving;
        setDrag(moving);
      }
    },
    [applySelect, onMoved],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<KeyedEdge>[]) =>
      applySelect(
        'edges',
        changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])),
      ),
    [applySelect],
  );

  const { onConnect: connect, canConnect, onAddAt } = props;
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) connect(c.source, c.target);
    },
    [connect],
  );
  const isValidConnection = useCallback(
    (c: Connection | KeyedEdge) => Boolean(c.source && c.target && canConnect(c.source, c.target)),
    [canConnect],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as AddableKind | '';
      if (!kind || !(kind in NODE_SIZE)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const size = NODE_SIZE[kind];
      onAddAt(kind, { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) });
    },
    [screenToFlowPosition, onAddAt],
  );

  const { onFirstRender } = props;
  const reported = useRef(false);
  // The overview draws every node of the map: it comes once the map itself is on screen.
  const [overview, setOverview] = useState(false);
  useEffect(() => {
    if (reported.current || nodes.length === 0) return;
    reported.current = true;
    // After the browser has painted the nodes, not merely after React committed them.
    requestAnimationFrame(() =>
      setTimeout(() => {
        onFirstRender?.();
        setOverview(true);
      }, 0),
    );
  }, [nodes, onFirstRender]);

  return (
    <ReactFlow<MapFlowNode, KeyedEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      {...(initialViewport
        ? { defaultViewport: initialViewport }
        : { fitView: true, fitViewOptions: { padding: 0.06, maxZoom: 1.1, minZoom: 0.5 } })}
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements={!exporting}
      nodesDraggable={editable}
      nodesConnectable={editable}
      elementsSelectable
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      zoomOnDoubleClick={false}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} color="#e9ecef" />
      <Controls showInteractive={false} position="bottom-left" orientation="horizontal" />
      {overview && (
        <MiniMap
          position="bottom-right"
          style={{ width: 180, height: 120 }}
          pannable
          zoomable
          nodeColor={(n) => NODE_LOOK[(n as MapFlowNode).data.node.kind].border}
          ariaLabel="Overview of the whole map"
        />
      )}
      {props.children}
    </ReactFlow>
  );
}
