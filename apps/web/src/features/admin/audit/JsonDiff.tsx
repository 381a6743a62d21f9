// Before/after view of one audit entry: a field table with changes highlighted, and the raw JSON.
import { Code, Grid, Stack, Table, Text } from '@mantine/core';
import { type DiffKind, diffJson, formatValue } from './json-diff';

const KIND_STYLE: Record<DiffKind, { color: string; label: string }> = {
  added: { color: 'var(--mantine-color-teal-0)', label: 'added' },
  removed: { color: 'var(--mantine-color-red-0)', label: 'removed' },
  changed: { color: 'var(--mantine-color-yellow-0)', label: 'changed' },
  unchanged: { color: 'transparent', label: '' },
};

function RawJson({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      <Code block style={{ maxHeight: 260, overflow: 'auto', fontSize: 12 }}>
        {value === undefined || value === null ? '(none)' : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffJson(before, after);
  const changed = lines.filter((line) => line.kind !== 'unchanged');
  return (
    <Stack gap="md" data-testid="audit-diff">
      {lines.length > 0 && (
        <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} aria-label="Changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="25%">Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
              <Table.Th w={90}>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.path || '(value)'} style={{ background: KIND_STYLE[line.kind].color }}>
                <Table.Td ff="monospace">{line.path || '(value)'}</Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {formatValue(line.before)}
                </Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {formatValue(line.after)}
                </Table.Td>
                <Table.Td>{KIND_STYLE[line.kind].label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {changed.length === 0 && (
        <Text size="xs" c="dimmed">
          No field changed.
        </Text>
      )}
      <Grid>
        <Grid.Col span={6}>
          <RawJson title="Before" value={before} />
        </Grid.Col>
        <Grid.Col span={6}>
          <RawJson title="After" value={after} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
