// Which column of the file feeds each inventory field: the server's guesses, changed with selects,
// and a preview of the file's first rows with each column labelled by the field it feeds.
import { Badge, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IMPORT_FIELDS, type ImportField, type ImportSummary, type ColumnMapping as Mapping } from '../types';

const NOT_IMPORTED = '';

export function ColumnMapping({
  summary,
  mapping,
  onChange,
}: {
  summary: ImportSummary;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const columns = [
    { value: NOT_IMPORTED, label: '— not imported —' },
    ...summary.headers.map((h, i) => ({ value: String(i), label: h })),
  ];
  const fieldOf = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field.id];
    if (column !== undefined) fieldOf.set(column, field.label);
  }
  const set = (field: ImportField, value: string | null) => {
    const next: Mapping = { ...mapping };
    if (value === null || value === NOT_IMPORTED) delete next[field];
    else {
      const column = Number(value);
      // One column feeds one field: taking it from another field leaves that one unmapped.
      for (const f of IMPORT_FIELDS) if (next[f.id] === column) delete next[f.id];
      next[field] = column;
    }
    onChange(next);
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3}>Match the columns</Title>
        <Text size="sm" c="dimmed">
          SMART guessed which column holds what, from the headers. Change any that are wrong; columns left out
          are not imported. Only the vendor name is required; a row with a service needs its category.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="column-mapping">
          {IMPORT_FIELDS.map((field) => (
            <Select
              key={field.id}
              label={field.label}
              required={'required' in field && field.required}
              data={columns}
              value={mapping[field.id] === undefined ? NOT_IMPORTED : String(mapping[field.id])}
              onChange={(value) => set(field.id, value)}
              allowDeselect={false}
              searchable
            />
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          The first {Math.min(summary.sample.length, summary.rowCount)} of{' '}
          {summary.rowCount.toLocaleString('en-US')} rows
        </Text>
        <Paper withBorder>
          <ScrollArea type="auto" offsetScrollbars>
            <Table
              striped
              withColumnBorders
              verticalSpacing={6}
              data-testid="import-preview"
              miw={summary.headers.length * 140}
            >
              <Table.Thead>
                <Table.Tr>
                  {summary.headers.map((header, i) => (
                    <Table.Th key={header} style={{ verticalAlign: 'top' }}>
                      <Stack gap={4}>
                        <Text size="sm" fw={600}>
                          {header}
                        </Text>
                        {fieldOf.has(i) ? (
                          <Badge tt="none" size="xs" radius="sm" variant="light">
                            {fieldOf.get(i)}
                          </Badge>
                        ) : (
                          <Badge tt="none" size="xs" radius="sm" variant="outline" color="gray">
                            not imported
                          </Badge>
                        )}
                      </Stack>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.sample.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id and never reorder
                  <Table.Tr key={r}>
                    {summary.headers.map((header, c) => (
                      <Table.Td key={header} c={fieldOf.has(c) ? undefined : 'dimmed'}>
                        <Text size="sm" lineClamp={2}>
                          {row[c] ?? ''}
                        </Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      </Stack>
    </Stack>
  );
}
