// The difference between two versions of a map in words: what was added, removed and changed,
// each entry naming the kind of thing and its label, with the server's details underneath.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ModelChange } from '../types';

export const ENTITY_LABELS: Record<ModelChange['entity'], string> = {
  map: 'Map',
  function: 'Function',
  step: 'Step',
  system: 'Internal system',
  service: 'Third-party service',
  vendor: 'Vendor',
  host: 'Host',
  workaround: 'Workaround',
  dependency: 'Dependency',
  alternatives: 'Alternatives',
};

const GROUPS: { change: ModelChange['change']; title: string; color: string }[] = [
  { change: 'added', title: 'Added', color: 'teal' },
  { change: 'removed', title: 'Removed', color: 'red' },
  { change: 'changed', title: 'Changed', color: 'blue' },
];

export function DiffView({ changes }: { changes: ModelChange[] }) {
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No difference in the map’s content (positions on the canvas are not compared).
      </Text>
    );
  return (
    <Stack gap="md" data-testid="map-diff">
      {GROUPS.map(({ change, title, color }) => {
        const items = changes.filter((c) => c.change === change);
        if (items.length === 0) return null;
        return (
          <Stack gap={6} key={change} data-testid={`diff-${change}`}>
            <Group gap={6}>
              <Badge color={color} variant="light" radius="sm" tt="none">
                {title}
              </Badge>
              <Text size="xs" c="dimmed">
                {items.length}
              </Text>
            </Group>
            {items.map((c) => (
              <Stack
                gap={2}
                key={`${c.entity}:${c.id}`}
                pl="xs"
                style={{ borderLeft: `2px solid var(--mantine-color-${color}-3)` }}
              >
                <Text size="sm">
                  <Text span size="xs" c="dimmed">
                    {ENTITY_LABELS[c.entity]}:{' '}
                  </Text>
                  <Text span fw={500}>
                    {c.label}
                  </Text>
                </Text>
                {c.details.length > 0 && (
                  <List size="xs" spacing={2} c="dimmed" withPadding>
                    {c.details.map((d) => (
                      <List.Item key={d} style={{ overflowWrap: 'anywhere' }}>
                        {d}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
