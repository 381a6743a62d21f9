// The rubric as a grid: impact dimensions down, levels 1 to 5 across; each cell says in plain
// words what the level means and the threshold that puts an impact there. Editable in place.
import { ActionIcon, Paper, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { RubricDimension } from '../../api/types';

export interface GridEditing {
  onChange: (dimensions: RubricDimension[]) => void;
  /** Server issues by path inside the dimensions ("2.levels.0.threshold"). */
  errors: Record<string, string>;
  /** Dimensions every rubric must keep; others can be removed. */
  required: readonly string[];
}

const LEVEL_TINTS = ['teal.0', 'lime.0', 'yellow.0', 'orange.0', 'red.0'];

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function RubricGrid({
  dimensions,
  editing,
}: {
  dimensions: RubricDimension[];
  editing?: GridEditing;
}) {
  const levels = dimensions[0]?.levels ?? [];
  const update = (i: number, change: (d: RubricDimension) => RubricDimension) =>
    editing?.onChange(dimensions.map((d, k) => (k === i ? change(d) : d)));
  // A level's name is the same on every dimension, so the engine has one scale.
  const renameLevel = (j: number, label: string) =>
    editing?.onChange(
      dimensions.map((d) => ({ ...d, levels: d.levels.map((l, k) => (k === j ? { ...l, label } : l)) })),
    );
  const setCell = (i: number, j: number, field: 'description' | 'threshold', value: string) =>
    update(i, (d) => ({ ...d, levels: d.levels.map((l, k) => (k === j ? { ...l, [field]: value } : l)) }));
  const err = (path: string) => editing?.errors[path];

  return (
    <Paper withBorder style={{ overflowX: 'auto' }}>
      <Table
        layout="fixed"
        verticalSpacing="sm"
        horizontalSpacing="sm"
        withColumnBorders
        aria-label="Materiality rubric"
        miw={940}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>Impact dimension</Table.Th>
            {levels.map((level, j) => (
              <Table.Th key={level.value} bg={LEVEL_TINTS[j]}>
                {editing ? (
                  <TextInput
                    size="xs"
                    aria-label={`Name of level ${level.value}`}
                    leftSection={<Text size="xs">{level.value}</Text>}
                    value={level.label}
                    error={err(`0.levels.${j}.label`)}
                    onChange={(e) => renameLevel(j, e.currentTarget.value)}
                  />
                ) : (
                  <Text size="sm" fw={700}>
                    {level.value} · {capitalized(level.label)}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dimensions.map((dimension, i) => (
            <Table.Tr key={dimension.id} data-testid={`rubric-row-${dimension.id}`}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {editing ? (
                  <Stack gap={6}>
                    <TextInput
                      size="xs"
                      aria-label={`Name of dimension ${i + 1}`}
                      value={dimension.label}
                      error={err(`${i}.label`)}
                      onChange={(e) => {
                        const label = e.currentTarget.value;
                        update(i, (d) => ({ ...d, label }));
                      }}
                    />
                    <Textarea
                      size="xs"
                      autosize
                      minRows={2}
                      aria-label={`${dimension.label}: question`}
                      placeholder="The question this dimension answers"
                      value={dimension.description}
                      error={err(`${i}.description`)}
                      onChange={(e) => {
                        const description = e.currentTarget.value;
                        update(i, (d) => ({ ...d, description }));
                      }}
                    />
                    {!editing.required.includes(dimension.id) && (
                      <Tooltip label="Remove this dimension">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove dimension ${dimension.label}`}
                          onClick={() => editing.onChange(dimensions.filter((_, k) => k !== i))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Stack>
                ) : (
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {dimension.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {dimension.description}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              {dimension.levels.map((level, j) => (
                <Table.Td key={level.value} style={{ verticalAlign: 'top' }}>
                  {editing ? (
                    <Stack gap={6}>
                      <Textarea
                        size="xs"
                        autosize
                        minRows={2}
                        label="Meaning"
                        aria-label={`${dimension.label}, level ${level.value}: meaning`}
                        value={level.description}
                        error={err(`${i}.levels.${j}.description`)}
                        onChange={(e) => setCell(i, j, 'description', e.currentTarget.value)}
                      />
                      <Textarea
                        size="xs"
                        autosize
                        minRows={2}
                        label="Threshold"
                        aria-label={`${dimension.label}, level ${level.value}: threshold`}
                        value={level.threshold}
                        error={err(`${i}.levels.${j}.threshold`)}
                        onChange={(e) => setCell(i, j, 'threshold', e.currentTarget.value)}
                      />
                    </Stack>
                  ) : (
                    <Stack gap={6}>
                      <Text size="sm">{level.description}</Text>
                      {level.threshold && (
                        <Text size="xs" c="dark.4" fw={500}>
                          <Text span size="xs" c="dimmed" fw={400}>
                            Threshold:{' '}
                          </Text>
                          {level.threshold}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
