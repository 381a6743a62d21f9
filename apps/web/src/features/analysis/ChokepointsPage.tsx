// Single points of failure, per critical function: every vendor, service or host whose failure
// alone stops it, and, called out first, the "backups" that are not backups because both sides
// depend on one shared provider (the engine's own sentence says which and why).
import { Alert, Badge, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { FunctionSinglePoints } from '@smart/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentOrg } from '../shell/current-org';
import { AnalysisFrame } from './AnalysisFrame';
import { indexAnalysis, kindLabel } from './labels';
import { useAnalysis } from './queries';
import type { OrgAnalysis } from './types';

type Filter = 'exposed' | 'all';

/** Functions with a false redundancy first, then by how many single points they have. */
function ordered(list: FunctionSinglePoints[]): FunctionSinglePoints[] {
  return [...list].sort(
    (a, b) =>
      b.falseRedundancies.length - a.falseRedundancies.length ||
      b.singlePoints.length - a.singlePoints.length ||
      a.function.label.localeCompare(b.function.label),
  );
}

function FunctionCard({
  entry,
  index,
}: {
  entry: FunctionSinglePoints;
  index: ReturnType<typeof indexAnalysis>;
}) {
  // One sentence per shared provider and group: the engine reports a group once per shared node.
  const exposed = entry.singlePoints.length > 0;
  return (
    <Card withBorder padding="lg" data-testid={`chokepoints-${entry.function.id}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={4}>{entry.function.label}</Title>
          <Text size="sm" c="dimmed">
            Critical function · {index.mapNames(entry.function.id) || 'map unknown'}
          </Text>
        </div>
        {exposed ? (
          <Badge color="red" variant="light" size="lg" radius="sm">
            {entry.singlePoints.length} single {entry.singlePoints.length === 1 ? 'point' : 'points'} of
            failure
          </Badge>
        ) : (
          <Badge
            color="green"
            variant="light"
            size="lg"
            radius="sm"
            leftSection={<IconCircleCheck size={14} />}
          >
            No single point of failure
          </Badge>
        )}
      </Group>
      {entry.falseRedundancies.map((f) => (
        <Alert
          key={`${f.group}:${f.shared.id}`}
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title="This backup is not a real backup"
          mb="sm"
          data-testid="false-redundancy"
        >
          <Text size="sm">{f.explanation}</Text>
        </Alert>
      ))}
      {exposed && (
        <Table verticalSpacing={6} data-testid="single-points">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>If this fails alone, the function stops</Table.Th>
              <Table.Th w={160}>Kind</Table.Th>
              <Table.Th>Map</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.singlePoints.map((id) => {
              const node = index.nodes.get(id);
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {node?.label ?? id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{node ? kindLabel(node.kind) : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {index.mapNames(id) || 'From the vendor inventory'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Chokepoints({ analysis }: { analysis: OrgAnalysis }) {
  const [filter, setFilter] = useState<Filter>('exposed');
  const index = indexAnalysis(analysis);
  const all = ordered(analysis.singlePoints);
  const shown =
    filter === 'all' ? all : all.filter((e) => e.singlePoints.length > 0 || e.falseRedundancies.length > 0);
  const workaroundsNote =
    analysis.options.workarounds === 'ignore'
      ? 'Manual workarounds are left out here: they buy time, they do not remove the dependency.'
      : 'Manual workarounds are counted here.';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {analysis.summary.functionsWithSinglePoints} of {analysis.summary.functions} critical functions have
          at least one single point of failure within {Math.round(analysis.options.horizonHours / 24)} days.{' '}
          {workaroundsNote}
        </Text>
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'exposed', label: 'Functions at risk' },
            { value: 'all', label: 'All functions' },
          ]}
        />
      </Group>
      {shown.length === 0 && <Text c="dimmed">No critical function has a single point of failure.</Text>}
      {shown.map((entry) => (
        <FunctionCard key={entry.function.id} entry={entry} index={index} />
      ))}
    </Stack>
  );
}

export function ChokepointsPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const analysis = useAnalysis(orgId);
  return (
    <AnalysisFrame orgId={orgId} view="chokepoints" analysis={analysis}>
      {(data) => <Chokepoints analysis={data} />}
    </AnalysisFrame>
  );
}
