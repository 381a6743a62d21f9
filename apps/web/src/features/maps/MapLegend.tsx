// The map's key: what each box shape and each line means.
import { Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MapEdgeKind, MapNodeKind } from './map-graph';
import { EDGE_KIND_LABEL, EDGE_LOOK, NODE_KIND_LABEL, NODE_LOOK } from './map-style';

export interface LegendMeanings {
  nodes?: Partial<Record<MapNodeKind, string>>;
  edges?: Partial<Record<MapEdgeKind, string>>;
}

function NodeSwatch({ kind }: { kind: MapNodeKind }) {
  const look = NODE_LOOK[kind];
  return (
    <Box
      w={34}
      h={20}
      style={{
        flex: 'none',
        borderRadius: Math.min(look.radius, 10),
        border: `1.5px ${look.dashed ? 'dashed' : 'solid'} var(--mantine-color-${look.color}-4)`,
        background: `var(--mantine-color-${look.color}-0)`,
      }}
    />
  );
}

function EdgeSwatch({ kind }: { kind: MapEdgeKind }) {
  const look = EDGE_LOOK[kind];
  return (
    <svg width={34} height={20} style={{ flex: 'none' }} aria-hidden>
      <line
        x1={1}
        y1={10}
        x2={27}
        y2={10}
        stroke={look.stroke}
        strokeWidth={look.width}
        strokeDasharray={look.dash}
      />
      <path d="M27 6 L33 10 L27 14 Z" fill={look.stroke} />
    </svg>
  );
}

export function MapLegend({ meanings = {} }: { meanings?: LegendMeanings }) {
  const nodeKinds = Object.keys(NODE_LOOK) as MapNodeKind[];
  const edgeKinds = Object.keys(EDGE_LOOK) as MapEdgeKind[];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="map-legend">
      <Stack gap={6}>
        <Title order={5}>Shapes</Title>
        {nodeKinds.map((kind) => (
          <Group key={kind} gap="sm" wrap="nowrap" align="flex-start">
            <NodeSwatch kind={kind} />
            <Text size="sm">
              <b>{NODE_KIND_LABEL[kind]}</b>
              {meanings.nodes?.[kind] ? `: ${meanings.nodes[kind]}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
      <Stack gap={6}>
        <Title order={5}>Lines</Title>
        {edgeKinds.map((kind) => (
          <Group key={kind} gap="sm" wrap="nowrap" align="flex-start">
            <EdgeSwatch kind={kind} />
            <Text size="sm">
              <b>{EDGE_KIND_LABEL[kind]}</b>
              {meanings.edges?.[kind] ? `: ${meanings.edges[kind]}` : ''}
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          A label such as “1 of 2” on a line marks a group of alternatives: the step keeps running while that
          many of them do.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
