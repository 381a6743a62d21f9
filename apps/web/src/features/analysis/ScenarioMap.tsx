// One map of the organization, coloured by a scenario at one moment of the outage: red where a
// node is down, amber while a workaround holds it ("until day 30"), faded where nothing happens.
// The map is drawn with the maps feature's own nodes and edges at its saved layout; clicking an
// affected node asks the page to show its chain of reasons.
import '@xyflow/react/dist/style.css';
import { Alert, Center, Loader, Paper } from '@mantine/core';
import type { NodeCondition, Scenario } from '@smart/core';
import { Background, Controls, type NodeProps, ReactFlow } from '@xyflow/react';
import { memo, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../app/form-errors';
import { normalizeDraft } from '../maps/draft';
import { type Point, placeMissing } from '../maps/layout';
import {
  edgeTypes,
  type MapFlowNode,
  MapNodeBox,
  type MapNodeData,
  toFlowEdge,
  toFlowNode,
} from '../maps/map-flow';
import { modelToGraph } from '../maps/map-graph';
import { useMap } from '../maps/queries';
import { TlpBadge } from '../maps/TlpBadge';
import { formatMoment, mapNodeId, nodeConditionAt } from './format';
import { CONDITION } from './labels';

interface ScenarioNodeData extends MapNodeData {
  condition: NodeCondition | null;
  note?: string;
}

type ScenarioFlowNode = MapFlowNode & { data: ScenarioNodeData };

function ScenarioNodeInner(props: NodeProps<MapFlowNode>) {
  const data = props.data as ScenarioNodeData;
  const look = data.condition ? CONDITION[data.condition] : null;
  return (
    <div
      data-testid={`scenario-node-${data.node.id}`}
      data-condition={data.condition ?? 'up'}
      style={{
        position: 'relative',
        opacity: data.condition === null || data.condition === 'up' ? 0.4 : 1,
        filter: look && data.condition !== 'up' ? `drop-shadow(0 0 6px ${look.hex})` : undefined,
        cursor: data.condition && data.condition !== 'up' ? 'pointer' : 'default',
      }}
    >
      <MapNodeBox {...props} />
      {look && data.condition !== 'up' && (
        <div
          style={{
            position: 'absolute',
            top: -19,
            left: 8,
            padding: '1px 8px',
            borderRadius: 4,
            background: look.hex,
            color: '#fff',
            fontSize: 11,
            fontWeight: 700,
            whiteSpace: 'nowrap',
            zIndex: 3,
          }}
        >
          {data.note ?? look.label}
        </div>
      )}
    </div>
  );
}

const scenarioNodeTypes = { map: memo(ScenarioNodeInner) };

interface ScenarioMapProps {
  orgId: string;
  mapId: string;
  scenario: Scenario;
  atHours: number;
  onSelect: (orgNodeId: string) => void;
  /** The node whose reasons are shown (an organization id), drawn selected. */
  selected?: string | null;
  height?: number | string;
}

export function ScenarioMap({
  orgId,
  mapId,
  scenario,
  atHours,
  onSelect,
  selected = null,
  height = 560,
}: ScenarioMapProps) {
  const map = useMap(orgId, mapId);
  const model = useMemo(() => (map.data ? normalizeDraft(map.data.model) : null), [map.data]);
  const graph = useMemo(() => (model ? modelToGraph(model) : null), [model]);
  const [positions, setPositions] = useState<Record<string, Point> | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);

  useEffect(() => {
    if (!graph || !map.data) return;
    let current = true;
    placeMissing(graph, map.data.layout)
      .then((p) => current && setPositions(p))
      .catch((err: unknown) => current && setLayoutError(err instanceof Error ? err.message : String(err)));
    return () => {
      current = false;
    };
  }, [graph, map.data]);

  // The scenario speaks in the organization's ids; this map in its own.
  const outcomeByMapId = useMemo(() => {
    const ids = new Set(graph?.nodes.map((n) => n.id) ?? []);
    const byMapId = new Map<string, Scenario['nodes'][number]>();
    for (const outcome of scenario.nodes) {
      const own = mapNodeId(outcome.id, ids);
      if (own && !byMapId.has(own)) byMapId.set(own, outcome);
    }
    return byMapId;
  }, [graph, scenario]);

  const nodes = useMemo(() => {
    if (!graph || !positions) return null;
    return graph.nodes.map((node) => {
      const outcome = outcomeByMapId.get(node.id);
      const flow = toFlowNode(node, positions[node.id] ?? { x: 0, y: 0 }, {
        selected: outcome !== undefined && outcome.id === selected,
      }) as ScenarioFlowNode;
      const condition = outcome ? nodeConditionAt(outcome, atHours) : null;
      let note: string | undefined;
      if (outcome && condition === 'degraded') {
        const until = outcome.downAtHours ?? outcome.degradedUntilHours;
        note = until !== undefined ? `Workaround until ${formatMoment(until)}` : 'On a workaround';
      } else if (outcome && condition === 'down') {
        note = `Down from ${formatMoment(outcome.downAtHours ?? 0)}`;
      }
      flow.data = { ...flow.data, condition, ...(note ? { note } : {}) };
      return flow;
    });
  }, [graph, positions, outcomeByMapId, atHours, selected]);

  const edges = useMemo(() => graph?.edges.map((e) => toFlowEdge(e)) ?? [], [graph]);

  return (
    <Paper withBorder h={height} pos="relative" style={{ overflow: 'hidden' }} data-testid="scenario-map">
      {map.isError && (
        <Alert color="red" m="md">
          {errorMessage(map.error)}
        </Alert>
      )}
      {layoutError && (
        <Alert color="red" m="md">
          The map could not be laid out: {layoutError}
        </Alert>
      )}
      {!nodes && !map.isError && !layoutError && (
        <Center h="100%">
          <Loader size="sm" />
        </Center>
      )}
      {nodes && (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={scenarioNodeTypes}
          edgeTypes={edgeTypes}
          fitView
          // Frame what the outage reaches, not the whole map: that is what the reader looks for.
          fitViewOptions={{
            nodes: [...outcomeByMapId.keys()].map((id) => ({ id })),
            padding: 0.25,
            maxZoom: 1,
          }}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onNodeClick={(_event, node) => {
            const outcome = outcomeByMapId.get(node.id);
            if (outcome) onSelect(outcome.id);
          }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} color="#e9ecef" />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
      {map.data && <TlpBadge tlp={map.data.tlp} pos="absolute" top={10} right={10} style={{ zIndex: 5 }} />}
    </Paper>
  );
}
