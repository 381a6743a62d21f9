// The pieces of a map that React Flow draws, shared by the read-only canvas of the templates and
// the editor: the node (its shape from the key, its label, a problem marker), the keyed edge, and
// how a map node or edge becomes a React Flow one. Node sizes and handle places are given up front,
// so a map of thousands of nodes draws without measuring each node first.
import { Tooltip } from '@mantine/core';
import {
  BaseEdge,
  type Edge,
  type EdgeProps,
  getSmoothStepPath,
  Handle,
  MarkerType,
  type Node,
  type NodeHandle,
  type NodeProps,
  Position,
  useStore,
} from '@xyflow/react';
import { memo } from 'react';
import { NODE_SIZE } from './layout';
import classes from './map-flow.module.css';
import type { MapEdge, MapNode, MapNodeKind } from './map-graph';
import { edgeLook, NODE_LOOK } from './map-style';
import { NodeShape, shapeInset } from './NodeShape';

export interface MapNodeData extends Record<string, unknown> {
  node: MapNode;
  /** Drawn emphasized (a single point of failure). */
  highlighted: boolean;
  /** Validation messages about this node, shown by a marker: red for errors, amber for warnings. */
  problems?: readonly string[];
  problemLevel?: 'error' | 'warning';
  /** Handles people can drag a new connection from. */
  connectable?: boolean;
}

export type MapFlowNode = Node<MapNodeData, 'map'>;

const SELECTED = '#1c7ed6';
const PROBLEM = '#e03131';

/** Below this zoom a node is drawn as its shape and label only: the text would be unreadable anyway. */
const LOW_DETAIL_ZOOM = 0.4;
const lowDetailSelector = (s: { transform: [number, number, number] }) => s.transform[2] < LOW_DETAIL_ZOOM;

const WARNING = '#e8590c';

function ProblemMarker({ problems, level }: { problems: readonly string[]; level: 'error' | 'warning' }) {
  return (
    <Tooltip
      label={problems.map((p) => <div key={p}>{p}</div>)}
      color={level === 'error' ? 'red' : 'orange'}
      multiline
      maw={320}
      withArrow
    >
      <div
        className="map-node-problem"
        role="img"
        aria-label={problems.join('; ')}
        data-testid="node-problem"
        data-level={level}
        style={{
          position: 'absolute',
          top: -8,
          right: -6,
          width: 20,
          height: 20,
          borderRadius: 10,
          background: level === 'error' ? PROBLEM : WARNING,
          color: '#fff',
          fontSize: 13,
          fontWeight: 700,
          lineHeight: '20px',
          textAlign: 'center',
          boxShadow: '0 0 0 2px #fff',
          zIndex: 2,
        }}
      >
        !
      </div>
    </Tooltip>
  );
}

function MapNodeBoxInner({ data, selected }: NodeProps<MapFlowNode>) {
  const { node, highlighted, problems, problemLevel = 'error', connectable = false } = data;
  const lowDetail = useStore(lowDetailSelector);
  const look = NODE_LOOK[node.kind];
  const size = NODE_SIZE[node.kind];
  const inset = shapeInset(look.shape, size.width);
  const padX = 12 + inset;
  const padTop = look.shape === 'cylinder' ? 14 : look.shape === 'ellipse' ? 10 : 6;
  const hasProblems = problems !== undefined && problems.length > 0;
  const border = selected ? SELECTED : highlighted ? '#cf222e' : look.border;
  return (
    <div
      data-testid={`map-node-${node.id}`}
      data-kind={node.kind}
      data-highlighted={highlighted || undefined}
      data-selected={selected || undefined}
      data-problem={hasProblems || undefined}
      title={lowDetail ? `${look.label}: ${node.label}` : undefined}
      className={connectable ? 'map-node map-node-editable' : 'map-node'}
      style={{
        position: 'relative',
        width: size.width,
        height: size.height,
        filter: selected
          ? 'drop-shadow(0 0 5px rgba(28, 126, 214, 0.55))'
          : highlighted
            ? 'drop-shadow(0 0 6px rgba(207, 34, 46, 0.55))'
            : undefined,
      }}
    >
      <NodeShape
        look={{ ...look, border }}
        width={size.width}
        height={size.height}
        strokeWidth={selected || highlighted ? 3 : 1.5}
      />
      <Handle
        type="target"
        position={Position.Left}
        className={connectable ? classes.handle : classes.hidden}
        isConnectable={connectable}
      />
      {/* Plain elements and one stylesheet: a large map draws hundreds of these at once. */}
      {lowDetail ? (
        <div className={classes.body} style={{ padding: `${padTop + 10}px ${padX}px 0` }}>
          <div className={classes.bigLabel}>{node.label}</div>
        </div>
      ) : (
        <div className={classes.body} style={{ padding: `${padTop}px ${padX}px 0` }}>
          <div className={classes.kind} style={{ color: highlighted ? '#cf222e' : look.border }}>
            {highlighted ? 'Single point of failure' : look.label}
          </div>
          <div className={classes.label}>{node.label}</div>
          {node.detail && (
            <div
              className={classes.detail}
              style={node.detail === 'No tolerance set' ? { color: PROBLEM } : undefined}
            >
              {node.detail}
            </div>
          )}
        </div>
      )}
      {hasProblems && <ProblemMarker problems={problems} level={problemLevel} />}
      <Handle
        type="source"
        position={Position.Right}
        className={connectable ? classes.handle : classes.hidden}
        isConnectable={connectable}
      />
    </div>
  );
}

export const MapNodeBox = memo(MapNodeBoxInner);

export type KeyedEdge = Edge<{ double: boolean; mapEdge: MapEdge }, 'keyed'>;

/** A smooth-step edge; a "double" line (payment) is a wide stroke with a light core. */
function KeyedEdgeLineInner(props: EdgeProps<KeyedEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath(props);
  const style = props.selected
    ? { ...props.style, stroke: SELECTED, strokeWidth: Number(props.style?.strokeWidth ?? 2) + 1.5 }
    : props.style;
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={props.markerEnd}
        style={style}
        labelX={labelX}
        labelY={labelY}
        label={props.label}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        interactionWidth={16}
      />
      {props.data?.double && (
        <path d={path} fill="none" stroke="#ffffff" strokeWidth={1.2} style={{ pointerEvents: 'none' }} />
      )}
    </>
  );
}

export const KeyedEdgeLine = memo(KeyedEdgeLineInner);

export const nodeTypes = { map: MapNodeBox };
export const edgeTypes = { keyed: KeyedEdgeLine };

export function toFlowEdge(edge: MapEdge, selected = false): KeyedEdge {
  const look = edgeLook(edge);
  const label = edge.alternatives ?? edge.label;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'keyed',
    selected,
    data: { double: look.stroke === 'double', mapEdge: edge },
    markerEnd: { type: MarkerType.ArrowClosed, color: look.color, width: 14, height: 14 },
    style: {
      stroke: look.color,
      strokeWidth: look.width + (look.stroke === 'double' ? 1.5 : 0),
      strokeDasharray: look.dashArray || undefined,
    },
    ...(label
      ? {
          label,
          labelStyle: { fontSize: 10, fill: edge.alternatives ? '#5a32a3' : '#343a40' },
          labelBgStyle: { fill: edge.alternatives ? '#f3e8ff' : '#ffffff', fillOpacity: 0.92 },
          labelBgPadding: [4, 2] as [number, number],
        }
      : {}),
  };
}

/** Where each kind's two handles sit: the left middle takes dependencies in, the right gives. */
const HANDLES: Record<MapNodeKind, NodeHandle[]> = Object.fromEntries(
  Object.entries(NODE_SIZE).map(([kind, size]) => [
    kind,
    [
      { type: 'target', position: Position.Left, x: -5, y: size.height / 2 - 5, width: 10, height: 10 },
      {
        type: 'source',
        position: Position.Right,
        x: size.width - 5,
        y: size.height / 2 - 5,
        width: 10,
        height: 10,
      },
    ],
  ]),
) as Record<MapNodeKind, NodeHandle[]>;

export interface FlowNodeOptions {
  highlighted?: boolean;
  selected?: boolean;
  problems?: readonly string[];
  problemLevel?: 'error' | 'warning';
  editable?: boolean;
}

export function toFlowNode(node: MapNode, position: { x: number; y: number }, options: FlowNodeOptions = {}) {
  const size = NODE_SIZE[node.kind];
  const editable = options.editable ?? false;
  const flowNode: MapFlowNode = {
    id: node.id,
    type: 'map',
    position,
    data: {
      node,
      highlighted: options.highlighted ?? false,
      ...(options.problems?.length
        ? { problems: options.problems, problemLevel: options.problemLevel ?? 'error' }
        : {}),
      connectable: editable,
    },
    width: size.width,
    height: size.height,
    measured: { width: size.width, height: size.height },
    handles: HANDLES[node.kind],
    selected: options.selected ?? false,
    draggable: editable,
    connectable: editable,
  };
  return flowNode;
}
