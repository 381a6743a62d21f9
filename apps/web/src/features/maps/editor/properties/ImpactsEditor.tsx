// A function's impact curve: from how much downtime on, which level each materiality dimension
// reaches. One row per step of the curve, one small column per dimension of the rubric.
import { ActionIcon, Button, NumberInput, Stack, Table, Text, Tooltip } from '@mantine/core';
import { DEFAULT_RUBRIC, type ImpactStep, parseDuration, type Rubric } from '@smart/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DurationInput } from './fields';

const SHORT: Record<string, string> = {
  patientSafety: 'Safety',
  operational: 'Ops',
  financial: 'Fin.',
  regulatory: 'Reg.',
  privacy: 'Privacy',
};

interface Props {
  impacts: readonly ImpactStep[];
  rubric: Rubric | undefined;
  onChange: (impacts: ImpactStep[]) => void;
  disabled: boolean;
}

export function ImpactsEditor({ impacts, rubric = DEFAULT_RUBRIC, onChange, disabled }: Props) {
  const maxLevel = Math.max(...rubric.levels.map((l) => l.value));
  const levelName = (value: number) => rubric.levels.find((l) => l.value === value)?.label ?? String(value);
  const set = (index: number, step: ImpactStep) => onChange(impacts.map((s, i) => (i === index ? step : s)));
  const add = () => {
    const last = impacts.at(-1);
    const after = last ? `${Math.max(1, Math.ceil((parseDuration(last.after) ?? 0) / 24) * 2)}d` : '0h';
    onChange([...impacts, { after, levels: { ...(last?.levels ?? {}) } }]);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Impact as the outage grows
      </Text>
      <Text size="xs" c="dimmed">
        From each downtime on, the level (0 = none to {maxLevel} = {levelName(maxLevel)}) each dimension of
        the rubric reaches.
      </Text>
      {impacts.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={2} aria-label="Impact levels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Text size="xs">After</Text>
              </Table.Th>
              {rubric.dimensions.map((d) => (
                <Table.Th key={d.id}>
                  <Tooltip label={d.label ?? d.id}>
                    <Text size="xs" ta="center">
                      {SHORT[d.id] ?? (d.label ?? d.id).slice(0, 6)}
                    </Text>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {impacts.map((step, i) => (
              // Rows have no identity of their own but their place in the curve.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={i}>
                <Table.Td w={64}>
                  <DurationInput
                    size="xs"
                    value={step.after}
                    onCommit={(after) => after && set(i, { ...step, after })}
                    aria-label={`Impact step ${i + 1}: after`}
                    disabled={disabled}
                  />
                </Table.Td>
                {rubric.dimensions.map((d) => (
                  <Table.Td key={d.id}>
                    <NumberInput
                      size="xs"
                      hideControls
                      min={0}
                      max={maxLevel}
                      clampBehavior="strict"
                      allowDecimal={false}
                      value={step.levels[d.id] ?? ''}
                      aria-label={`${d.label ?? d.id} after ${step.after}`}
                      styles={{ input: { textAlign: 'center', paddingInline: 2 } }}
                      onChange={(value) => {
                        const levels = { ...step.levels };
                        if (value === '' || typeof value !== 'number') delete levels[d.id];
                        else levels[d.id] = value;
                        set(i, { ...step, levels });
                      }}
                      disabled={disabled}
                    />
                  </Table.Td>
                ))}
                <Table.Td w={26}>
                  {!disabled && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove impact step ${i + 1}`}
                      onClick={() => onChange(impacts.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!disabled && (
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={add} w="fit-content">
          Add a step of the curve
        </Button>
      )}
      {impacts.length === 0 && disabled && (
        <Text size="xs" c="dimmed">
          No impact curve recorded.
        </Text>
      )}
    </Stack>
  );
}
