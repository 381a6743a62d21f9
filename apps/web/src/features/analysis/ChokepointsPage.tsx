// Single points of failure, per critical function: every vendor, service or host whose failure
// alone stops it, and, called out first, the "backups" that are not backups because both sides
// depend on one shared provider (the engine's own sentence says which and why).
import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { FalseRedundancy, FunctionSinglePoints } from '@smart/core';
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

/**
 * False redundancies by group: the engine reports a group once per shared node that defeats it
 * (the cloud vendor and its region), which reads best as one warning naming them all.
 */
function groupsOf(list: FalseRedundancy[]): [FalseRedundancy, ...FalseRedundancy[]][] {
  const groups = new Map<string, [FalseRedundancy, ...FalseRedundancy[]]>();
  for (const f of list) {
    const group = groups.get(f.group);
    if (group) group.push(f);
    else groups.set(f.group, [f]);
  }
  return [...groups.values()];
}

const THIRD_PARTY = new Set(['vendor', 'service', 'host']);

/**
 * The single points, third parties first (what a risk team can act on with a vendor); the
 * function's own steps and internal systems are single points too, but there are many of them and
 * they are listed only on request.
 */
function SinglePointList({ ids, index }: { ids: string[]; index: ReturnType<typeof indexAnalysis> }) {
  const [showInternal, setShowInternal] = useState(false);
  const nodes = ids.map((id) => index.nodes.get(id) ?? { id, label: id, kind: 'step' as const, mapIds: [] });
  const external = nodes.filter((n) => THIRD_PARTY.has(n.kind));
  const internal = nodes.filter((n) => !THIRD_PARTY.has(n.kind));
  const byKind = (kind: string) => external.filter((n) => n.kind === kind);
  const line = (title: string, list: typeof nodes, testId?: string) =>
    list.length > 0 && (
      <Group key={title} gap="sm" align="flex-start" wrap="nowrap" data-testid={testId}>
        <Text size="sm" c="dimmed" w={150} style={{ flex: 'none' }}>
          {title} ({list.length})
        </Text>
        <Text size="sm" fw={500}>
          {list.map((n) => n.label).join(' · ')}
        </Text>
      </Group>
    );
  return (
    <Stack gap={6} data-testid="single-points">
      <Text size="sm" fw={600}>
        If any one of these fails, the function stops:
      </Text>
      {line('Vendors', byKind('vendor'))}
      {line('Services', byKind('service'))}
      {line('Hosts and clouds', byKind('host'))}
      {external.length === 0 && (
        <Text size="sm">No single vendor, service or host stops it; its own steps or systems do.</Text>
      )}
      {showInternal && line('Its own steps and systems', internal)}
      {internal.length > 0 && (
        <Button
          variant="subtle"
          size="xs"
          px={0}
          onClick={() => setShowInternal((v) => !v)}
          style={{ alignSelf: 'flex-start' }}
        >
          {showInternal
            ? 'Hide the workflow’s own steps and systems'
            : `Show the workflow’s own ${internal.length} ${internal.length === 1 ? 'step or system' : 'steps and systems'} too`}
        </Button>
      )}
    </Stack>
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
  const thirdParties = entry.singlePoints.filter((id) =>
    THIRD_PARTY.has(index.nodes.get(id)?.kind ?? ''),
  ).length;
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
            {thirdParties} {thirdParties === 1 ? 'third party' : 'third parties'} it cannot do without
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
      {groupsOf(entry.falseRedundancies).map(([first, ...others]) => (
        <Alert
          key={first.group}
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title="This backup is not a real backup"
          mb="sm"
          data-testid="false-redundancy"
        >
          <Text size="sm">{first.explanation}</Text>
          {others.length > 0 && (
            <Text size="sm" mt={4}>
              The same is true of{' '}
              {others.map((f) => `${f.shared.label} (${kindLabel(f.shared.kind).toLowerCase()})`).join(', ')}.
            </Text>
          )}
        </Alert>
      ))}
      {exposed && <SinglePointList ids={entry.singlePoints} index={index} />}
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
