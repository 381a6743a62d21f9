// The ranking as people who do not set it see it: rank, template, scores in words and the reason.
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IMPACT_LABELS, IMPORTANCE_LABELS, type RankedItem } from './selection-model';

export function ReadOnlyRanking({
  items,
  titleOf,
  action,
}: {
  items: RankedItem[];
  titleOf: (templateId: string) => string;
  action: (templateId: string) => ReactNode;
}) {
  if (items.length === 0)
    return (
      <Paper withBorder p="xl">
        <Text c="dimmed" ta="center" size="sm">
          No templates are chosen yet. An administrator or risk lead chooses and ranks them.
        </Text>
      </Paper>
    );
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Ranking">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Rank</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th w={170}>Importance</Table.Th>
            <Table.Th w={170}>Potential impact</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th w={140} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={item.templateId} data-testid={`ranked-${item.templateId}`}>
              <Table.Td>
                <Badge size="lg" radius="sm">
                  {index + 1}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {titleOf(item.templateId)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.importance} · {IMPORTANCE_LABELS[item.importance]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.impact} · {IMPACT_LABELS[item.impact]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.reason}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">{action(item.templateId)}</Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
