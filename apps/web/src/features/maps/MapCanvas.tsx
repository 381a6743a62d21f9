// A read-only rendering of a map (the template pages): the model's nodes laid out by ELK, drawn
// with React Flow, with each node kind and flow type styled as the legend shows. Pan, zoom and a
// minimap. The editor (editor/EditorCanvas.tsx) draws with the same nodes and edges (map-flow.tsx).
import '@xyflow/react/dist/style.css';
import { Center, Loader, Paper, Text } from '@mantine/core';
import type { SmartModel } from '@smart/core';
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { layoutGraph } from './layout';
import { edgeTypes, type MapFlowNode, nodeTypes, toFlowEdge, toFlowNode } from './map-flow';
import { type MapNames, modelToGraph } from './map-graph';
import { NODE_LOOK } from './map-style';
import { TlpBadge } from './TlpBadge';

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
          graph.nodes.map((node) =>
            toFlowNode(node, positions.get(node.id) ?? { x: 0, y: 0 }, {
              highlighted: highlighted?.has(node.id) ?? false,
            }),
          ),
        );
      })
      .catch((err: unknown) => current && setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      current = false;
    };
  }, [graph, highlighted]);

  const edges = useMemo(() => graph.edges.map((edge) => toFlowEdge(edge)), [graph]);

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
