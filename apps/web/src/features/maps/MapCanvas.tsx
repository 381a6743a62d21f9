// A read-only rendering of a map: the model's nodes laid out by ELK, drawn with React Flow, with
// each node kind and flow type styled as the legend shows. Pan, zoom and a minimap.
import '@xyflow/react/dist/style.css';
import { Center, Loader, Paper, Text } from '@mantine/core';
import type { SmartModel } from '@smart/core';
import {
  Background,
  Controls,
  type Edge,
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
import { type MapEdge, type MapNode, modelToGraph } from './map-graph';
import { EDGE_LOOK, NODE_KIND_LABEL, NODE_LOOK } from './map-style';
import { TlpBadge } from './TlpBadge';

type MapFlowNode = Node<{ node: MapNode; highlighted: boolean }, 'map'>;

function MapNodeBox({ data }: NodeProps<MapFlowNode>) {
  const { node, highlighted } = data;
  const look = NODE_LOOK[node.kind];
  const size = NODE_SIZE[node.kind];
  return (
    <Paper
      data-testid={`map-node-${node.id}`}
      data-kind={node.kind}
      withBorder
      shadow={highlighted ? 'md' : 'xs'}
      px="sm"
      py={6}
      w={size.width}
      h={size.height}
      style={{
        borderRadius: look.radius,
        borderColor: `var(--mantine-color-${look.color}-${highlighted ? 7 : 4})`,
        borderWidth: highlighted ? 3 : 1.5,
        borderStyle: look.dashed ? 'dashed' : 'solid',
        background: `var(--mantine-color-${look.color}-0)`,
        overflow: 'hidden',
      }}
      title={`${NODE_KIND_LABEL[node.kind]}: ${node.label}${node.detail ? `\n${node.detail}` : ''}`}
    >
      <Handle type="target" position={Position.Left} style={{ opacity: 0 }} isConnectable={false} />
      <Text size="10px" tt="uppercase" fw={700} c={`${look.color}.8`} lh={1.4} truncate>
        {NODE_KIND_LABEL[node.kind]}
      </Text>
      <Text size="sm" fw={600} lh={1.25} lineClamp={node.detail ? 1 : 2}>
        {node.label}
      </Text>
      {node.detail && (
        <Text size="xs" c="dimmed" lh={1.3} lineClamp={2}>
          {node.detail}
        </Text>
      )}
      <Handle type="source" position={Position.Right} style={{ opacity: 0 }} isConnectable={false} />
    </Paper>
  );
}

const nodeTypes = { map: MapNodeBox };

function toFlowEdge(edge: MapEdge): Edge {
  const look = EDGE_LOOK[edge.kind];
  const label = edge.alternatives ?? edge.label;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'smoothstep',
    markerEnd: { type: MarkerType.ArrowClosed, color: look.stroke, width: 16, height: 16 },
    style: { stroke: look.stroke, strokeWidth: look.width, strokeDasharray: look.dash },
    ...(label
      ? {
          label,
          labelStyle: { fontSize: 11, fill: '#343a40' },
          labelBgStyle: { fill: edge.alternatives ? '#fff3bf' : '#ffffff' },
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
}

export function MapCanvas({ model, highlighted, height = 620 }: MapCanvasProps) {
  const graph = useMemo(() => modelToGraph(model), [model]);
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
          fitView
          fitViewOptions={{ padding: 0.08 }}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} color="#e9ecef" />
          <Controls showInteractive={false} />
          <MiniMap
            pannable
            zoomable
            nodeColor={(n) => `var(--mantine-color-${NODE_LOOK[(n as MapFlowNode).data.node.kind].color}-4)`}
          />
        </ReactFlow>
      )}
      <TlpBadge tlp={model.tlp} pos="absolute" top={10} right={10} style={{ zIndex: 5 }} />
    </Paper>
  );
}
