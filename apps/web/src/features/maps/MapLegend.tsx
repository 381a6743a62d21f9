// The map's key: what each shape and each line means, from the shared line and shape key.
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LineStyle } from '@smart/templates/keys';
import type { MapNodeKind } from './map-graph';
import { LEGEND_LINES, NODE_LOOK } from './map-style';
import { NodeShape } from './NodeShape';

function LineSwatch({ look }: { look: LineStyle }) {
  return (
    <svg width={40} height={18} style={{ flex: 'none' }} aria-hidden>
      <line
        x1={1}
        y1={9}
        x2={32}
        y2={9}
        stroke={look.color}
        strokeWidth={look.width + (look.stroke === 'double' ? 1.5 : 0)}
        strokeDasharray={look.dashArray || undefined}
      />
      {look.stroke === 'double' && <line x1={1} y1={9} x2={32} y2={9} stroke="#ffffff" strokeWidth={1.2} />}
      <path d="M32 4 L40 9 L32 14 Z" fill={look.color} />
    </svg>
  );
}

export function MapLegend() {
  const kinds = Object.keys(NODE_LOOK) as MapNodeKind[];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" data-testid="map-legend">
      <Stack gap={8}>
        <Title order={5}>Shapes</Title>
        {kinds.map((kind) => {
          const look = NODE_LOOK[kind];
          return (
            <Group key={kind} gap="sm" wrap="nowrap" align="flex-start">
              <div style={{ position: 'relative', width: 40, height: 22, flex: 'none' }}>
                <NodeShape look={look} width={40} height={22} strokeWidth={1.5} />
              </div>
              <Text size="sm">
                <b>{look.label}</b>: {look.meaning}
              </Text>
            </Group>
          );
        })}
      </Stack>
      <Stack gap={8}>
        <Title order={5}>Lines</Title>
        {LEGEND_LINES.map((look) => (
          <Group key={look.label} gap="sm" wrap="nowrap" align="flex-start">
            <LineSwatch look={look} />
            <Text size="sm">
              <b>{look.label}</b>: {look.meaning}
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          Arrows point the way things flow: from a provider to what depends on it. A label such as “1 of 2”
          marks a group of alternatives.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
