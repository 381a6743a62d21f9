// A read-only rendering of a map: the model's nodes laid out by ELK, drawn with React Flow, with
// each node kind and flow type styled as the legend shows. Pan, zoom and a minimap.
import '@xyflow/react/dist/style.css';
import { Center, Loader, Paper, Text } from '@mantine/core';
import type { SmartModel } from '@smart/core';
import {
  Background,
  BaseEdge,
  Controls,
  type Edge,
  type EdgeProps,
  getSmoothStepPath,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { layoutGraph, NODE_SIZE } from './layout';
import { type MapEdge, type MapNames, type MapNode, modelToGraph } from './map-graph';
import { edgeLook, NODE_LOOK } from './map-style';
import { NodeShape, shapeInset } from './NodeShape';
import { TlpBadge } from './TlpBadge';

type MapFlowNode = Node<{ node: MapNode; highlighted: boolean }, 'map'>;

function MapNodeBox({ data }: NodeProps<MapFlowNode>) {
  const { node, highlighted } = data;
  const look = NODE_LOOK[node.kind];
  const size = NODE_SIZE[node.kind];
  const inset = shapeInset(look.shape, size.width);
  const padX = 12 + inset;
  const padTop = look.shape === 'cylinder' ? 14 : look.shape === 'ellipse' ? 10 : 6;
  return (
    <div
      data-testid={`map-node-${node.id}`}
      data-kind={node.kind}
      data-highlighted={highlighted || undefined}
      title={`${look.label}: ${node.label}${node.detail ? `\n${node.detail}` : ''}`}
      style={{
        position: 'relative',
        width: size.width,
        height: size.height,
        filter: highlighted ? 'drop-shadow(0 0 6px rgba(207, 34, 46, 0.55))' : undefined,
      }}
    >
      <NodeShape
        look={highlighted ? { ...look, border: '#cf222e' } : look}
        width={size.width}
        height={size.height}
        strokeWidth={highlighted ? 3 : 1.5}
      />
      <Handle type="target" position={Position.Left} style={{ opacity: 0 }} isConnectable={false} />
      <div
        style={{
          position: 'relative',
          padding: `${padTop}px ${padX}px 0`,
          overflow: 'hidden',
          height: '100%',
        }}
      >
        <Text size="10px" tt="uppercase" fw={700} c={highlighted ? '#cf222e' : look.border} lh={1.4} truncate>
          {highlighted ? 'Single point of failure' : look.label}
        </Text>
        <Text size="sm" fw={600} lh={1.2} lineClamp={2}>
          {node.label}
        </Text>
        {node.detail && (
          <Text size="xs" c="dimmed" lh={1.3} lineClamp={1}>
            {node.detail}
          </Text>
        )}
      </div>
      <Handle type="source" position={Position.Right} style={{ opacity: 0 }} isConnectable={false} />
    </div>
  );
}

type KeyedEdge = Edge<{ double: boolean }, 'keyed'>;

/** A smooth-step edge; a "double" line (payment) is a wide stroke with a light core. */
function KeyedEdgeLine(props: EdgeProps<KeyedEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath(props);
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        labelX={labelX}
        labelY={labelY}
        label={props.label}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
      />
      {props.data?.double && (
        <path d={path} fill="none" stroke="#ffffff" strokeWidth={1.2} style={{ pointerEvents: 'none' }} />
      )}
    </>
  );
}

const nodeTypes = { map: MapNodeBox };
const edgeTypes = { keyed: KeyedEdgeLine };

function toFlowEdge(edge: MapEdge): KeyedEdge {
  const look = edgeLook(edge);
  const label = edge.alternatives ?? edge.label;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'keyed',
    data: { double: look.stroke === 'double' },
    markerEnd: { type: MarkerType.ArrowClosed, color: look.color, width: 14, height: 14 },
    style: {
      stroke: look.color,
      strokeWidth: look.width + (look.stroke === 'double' ? 1.5 : 0),
      strokeDasharray: look.dashArray || undefined,
    },
    ...(label
      ? {
          label,
          labelStyle: { fontSize: 10, fill: '#343a40' },
          labelBgStyle: { fill: edge.alternatives ? '#f3e8ff' : '#ffffff', fillOpacity: 0.9 },
          labelBgPadding: [4, 2] as [number, number],
        }
      : {}),
  };
}

export interface MapCanvasProps {
  model: SmartModel;
  /** Node ids to draw emphasized (single points of failure, a selection ...). */
  highlighted?: ReadonlySet<string>;
  height?: number | string;
  /** Names for the actor and category ids the model uses (stable for the model's lifetime). */
  names?: MapNames;
}

export function MapCanvas({ model, highlighted, height = 620, names }: MapCanvasProps) {
  const graph = useMemo(() => modelToGraph(model, names), [model, names]);
  const [nodes, setNodes] = useState<MapFlowNode[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setNodes(null);
    layoutGraph(graph)
      .then((positions) => {
        if (!current) return;
        setNodes(
          graph.nodes.map((node) => ({
            id: node.id,
            type: 'map',
            position: positions.get(node.id) ?? { x: 0, y: 0 },
            data: { node, highlighted: highlighted?.has(node.id) ?? false },
            draggable: false,
            connectable: false,
          })),
        );
      })
      .catch((err: unknown) => current && setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      current = false;
    };
  }, [graph, highlighted]);

  const edges = useMemo(() => graph.edges.map(toFlowEdge), [graph]);

  return (
    <Paper withBorder h={height} pos="relative" style={{ overflow: 'hidden' }} data-testid="map-canvas">
      {failed && (
        <Center h="100%">
          <Text c="red">The map could not be laid out: {failed}</Text>
        </Center>
      )}
      {!failed && !nodes && (
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      )}
      {nodes && (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={{ padding: 0.06, minZoom: 0.55 }}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} color="#e9ecef" />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor={(n) => NODE_LOOK[(n as MapFlowNode).data.node.kind].border} />
        </ReactFlow>
      )}
      <TlpBadge tlp={model.tlp} pos="absolute" top={10} right={10} style={{ zIndex: 5 }} />
    </Paper>
  );
}
