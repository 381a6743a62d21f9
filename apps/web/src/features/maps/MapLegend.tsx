// The map's key: what each shape and each line means, from the shared line and shape key.
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LineStyle } from '@smart/templates/keys';
import type { MapNodeKind } from './map-graph';
import { LEGEND_LINES, NODE_LOOK } from './map-style';
import { NodeShape } from './NodeShape';

export function LineSwatch({ look }: { look: LineStyle }) {
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

/** The key in two short columns of names only, for a corner of the editor's canvas. */
function CompactLegend() {
  const kinds = Object.keys(NODE_LOOK) as MapNodeKind[];
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing={4} data-testid="map-legend">
      <Stack gap={4}>
        {kinds.map((kind) => {
          const look = NODE_LOOK[kind];
          return (
            <Group key={kind} gap={8} wrap="nowrap" title={look.meaning}>
              <div style={{ position: 'relative', width: 30, height: 16, flex: 'none' }}>
                <NodeShape look={look} width={30} height={16} strokeWidth={1.5} />
              </div>
              <Text size="xs">{look.label}</Text>
            </Group>
          );
        })}
      </Stack>
      <Stack gap={4}>
        {LEGEND_LINES.map((look) => (
          <Group key={look.label} gap={8} wrap="nowrap" title={look.meaning}>
            <LineSwatch look={look} />
            <Text size="xs">{look.label}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed" maw={190}>
          Arrows run from a provider to what depends on it; “1 of 2” marks alternatives.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

export function MapLegend({ compact = false }: { compact?: boolean }) {
  if (compact) return <CompactLegend />;
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
