// The 17 sector templates to choose from: searchable, each with what it covers and a button that
// puts it on (or takes it off) the ranking.
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TemplateSummary } from '../templates/queries';

function matches(t: TemplateSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [t.title, t.workflow, ...t.functions, ...t.categories, ...t.standards].some((text) =>
    text.toLowerCase().includes(q),
  );
}

export function TemplatePicker({
  orgId,
  templates,
  rankOf,
  onAdd,
  onRemove,
}: {
  orgId: string;
  templates: TemplateSummary[];
  /** The rank of each chosen template (1-based). */
  rankOf: Map<string, number>;
  onAdd: (templateId: string) => void;
  onRemove: (templateId: string) => void;
}) {
  const [query, setQuery] = useState('');
  const shown = templates.filter((t) => matches(t, query));
  return (
    <Stack gap="sm">
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder="Search workflows, services or standards"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        aria-label="Search templates"
      />
      <Box mah="calc(100vh - 280px)" style={{ overflowY: 'auto' }} pr={4}>
        <Stack gap="xs">
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              No template mentions “{query}”.
            </Text>
          )}
          {shown.map((t) => {
            const rank = rankOf.get(t.id);
            return (
              <Paper
                key={t.id}
                withBorder
                p="sm"
                radius="md"
                data-testid={`pick-${t.id}`}
                bg={rank ? 'var(--mantine-color-blue-0)' : undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text fw={600} size="sm" truncate>
                        {t.title}
                      </Text>
                      {rank && (
                        <Badge size="xs" radius="sm" variant="light" tt="none" style={{ flex: 'none' }}>
                          Ranked {rank}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {t.workflow}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t.steps} steps · {t.services} third-party services ·{' '}
                      <Anchor component={Link} to={`/o/${orgId}/maps/templates/${t.id}`} size="xs">
                        see the map
                      </Anchor>
                    </Text>
                  </Stack>
                  {rank ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      leftSection={<IconCheck size={14} />}
                      onClick={() => onRemove(t.id)}
                      aria-label={`Take ${t.title} off the ranking`}
                      style={{ flex: 'none' }}
                    >
                      Chosen
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => onAdd(t.id)}
                      aria-label={`Choose ${t.title}`}
                      style={{ flex: 'none' }}
                    >
                      Choose
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      </Box>
    </Stack>
  );
}
