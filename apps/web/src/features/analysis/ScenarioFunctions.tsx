// The critical functions in a scenario at one moment of the outage: their condition then, what
// happens to them over the whole outage in words, and the worst harm reached by then.
import { Badge, Table, Text } from '@mantine/core';
import type { FunctionOutcome } from '@smart/core';
import { formatMoment, functionAt, functionStory } from './format';
import { CONDITION, indexAnalysis } from './labels';
import type { OrgAnalysis, ScenarioResult } from './types';

function StateBadge({ state }: { state: FunctionOutcome['state'] }) {
  const look = CONDITION[state];
  return (
    <Badge color={look.color} variant={state === 'up' ? 'light' : 'filled'} radius="sm" miw="max-content">
      {look.label}
    </Badge>
  );
}

export function FunctionsTable({
  result,
  atHours,
  analysis,
  onSelect,
}: {
  result: ScenarioResult;
  atHours: number;
  analysis: OrgAnalysis;
  onSelect: (id: string) => void;
}) {
  const index = indexAnalysis(analysis);
  const order = { down: 0, degraded: 1, up: 2 } as const;
  const rows = [...result.scenario.functions].sort(
    (a, b) =>
      order[functionAt(a, atHours).state] - order[functionAt(b, atHours).state] ||
      a.label.localeCompare(b.label),
  );
  const levelName = (dimension: string, level: number) =>
    analysis.rubric.dimensions.find((d) => d.id === dimension)?.levels.find((l) => l.level === level)?.label;
  const worstNow = (fn: FunctionOutcome) => {
    const { levels } = functionAt(fn, atHours);
    const [dimension, level] = Object.entries(levels).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (level <= 0) return '';
    const dim = analysis.rubric.dimensions.find((d) => d.id === dimension);
    return `${levelName(dimension, level) ?? level} (${dim?.label.toLowerCase() ?? dimension})`;
  };
  return (
    <Table verticalSpacing="xs" highlightOnHover data-testid="scenario-functions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Critical function</Table.Th>
          <Table.Th w={170}>On {formatMoment(atHours)}</Table.Th>
          <Table.Th>Over the whole outage</Table.Th>
          <Table.Th>Worst harm by then</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((fn) => {
          const now = functionAt(fn, atHours);
          return (
            <Table.Tr
              key={fn.id}
              data-testid="scenario-function"
              data-function={fn.label}
              data-state={now.state}
              style={{ cursor: fn.state === 'up' ? 'default' : 'pointer' }}
              onClick={() => fn.state !== 'up' && onSelect(fn.id)}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fn.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {index.mapNames(fn.id)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StateBadge state={now.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="function-story">
                  {functionStory(fn)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{worstNow(fn)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Marks on the timeline: the start, the end, and each day something changes. */
