// Every version of the rubric, newest first: who saved it and when, what changed, its status and
// its approval. Any version can be opened, read-only.
import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { APPROVING_BODY_LABELS, type RubricVersionSummary } from '../../api/types';
import { formatDate, formatDateTime, SHORT_STATUS_LABELS, STATUS_COLORS } from './format';

export function VersionHistory({
  versions,
  selectedId,
  onSelect,
}: {
  versions: RubricVersionSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Rubric versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Version</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th>Saved by</Table.Th>
            <Table.Th>What changed</Table.Th>
            <Table.Th>Approval</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr
              key={v.id}
              data-testid={`rubric-version-${v.version}`}
              bg={v.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Td>
                <Text fw={600}>v{v.version}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Badge color={STATUS_COLORS[v.status]} variant="light">
                    {SHORT_STATUS_LABELS[v.status]}
                  </Badge>
                  {v.status === 'approved' && (
                    <Text size="xs" c="teal.8">
                      Used by analysis
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{v.createdBy.name}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.createdAt)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={v.changeNote ? undefined : 'dimmed'}>
                  {v.changeNote || 'No note'}
                </Text>
              </Table.Td>
              <Table.Td>
                {v.approval ? (
                  <Stack gap={0}>
                    <Text size="sm">
                      {v.approval.approverName} ({APPROVING_BODY_LABELS[v.approval.approvingBody]})
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(v.approval.approvalDate)} · recorded by {v.approval.recordedBy.name}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not approved
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {v.id === selectedId ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    Shown above
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onSelect(v.id)}
                    aria-label={`View version ${v.version}`}
                  >
                    View
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
