// The prioritized vendor list, Phase 1's output: every vendor ranked, each rank explained in
// sentences and by its path on the maps; the score's weights beside it (previewed as they move,
// saved by administrators and risk leads); dated snapshots for Phase 2; exports with the TLP mark.
import {
  Alert,
  Badge,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ScoreWeights, VendorPriority } from '@smart/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useCurrentOrg } from '../shell/current-org';
import { AnalysisFrame } from './AnalysisFrame';
import { ExportMenu } from './ExportMenu';
import { sameWeights, weightsParam } from './format';
import { canSetWeights, canTakeSnapshots } from './permissions';
import { useAnalysis, useSavedWeights, useSaveWeights } from './queries';
import { SnapshotsPanel } from './SnapshotsPanel';
import type { OrgAnalysis } from './types';
import { WeightsPanel } from './WeightsPanel';

function RankMove({ now, before }: { now: number; before: number | undefined }) {
  if (before === undefined || before === now) return null;
  const up = now < before;
  return (
    <Badge
      size="xs"
      variant="light"
      color={up ? 'red' : 'green'}
      leftSection={up ? <IconArrowUp size={10} /> : <IconArrowDown size={10} />}
      title={`Rank ${before} with the saved weights`}
    >
      {Math.abs(before - now)}
    </Badge>
  );
}

function WorstImpact({ p }: { p: VendorPriority }) {
  if (!p.worst)
    return (
      <Text size="sm" c="dimmed">
        No function stops within the outage
      </Text>
    );
  const level = p.worst.levelName.charAt(0).toUpperCase() + p.worst.levelName.slice(1);
  return (
    <>
      <Text size="sm" fw={500}>
        {level} {p.worst.dimensionLabel.toLowerCase()} harm
      </Text>
      <Text size="xs" c="dimmed">
        {p.worst.functionLabel}
      </Text>
    </>
  );
}

function PriorityRow({
  p,
  before,
  open,
  onToggle,
}: {
  p: VendorPriority;
  before?: number;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <Fragment>
      <Table.Tr
        data-testid="priority-row"
        data-vendor={p.vendor.label}
        style={{ cursor: 'pointer' }}
        onClick={onToggle}
      >
        <Table.Td w={64}>
          <Group gap={4} wrap="nowrap">
            <Text fw={700} data-testid="priority-rank">
              {p.rank}
            </Text>
            <RankMove now={p.rank} before={before} />
          </Group>
        </Table.Td>
        <Table.Td>
          <UnstyledButton
            onClick={onToggle}
            aria-expanded={open}
            aria-label={`Why ${p.vendor.label} ranks ${p.rank}`}
          >
            <Group gap={6} wrap="nowrap">
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              <Text fw={600} data-testid="priority-vendor">
                {p.vendor.label}
              </Text>
            </Group>
          </UnstyledButton>
        </Table.Td>
        <Table.Td w={220}>
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={p.score}
              w={130}
              color={p.score >= 60 ? 'red' : p.score >= 35 ? 'orange' : 'gray'}
            />
            <Text size="sm" fw={600} w={28}>
              {Math.round(p.score)}
            </Text>
          </Group>
        </Table.Td>
        <Table.Td w={150}>
          <Text size="sm" fw={600}>
            {p.functionsTakenDown.length}
          </Text>
          <Text size="xs" c="dimmed">
            of {p.functionsDependent} that rely on it
          </Text>
        </Table.Td>
        <Table.Td>
          <WorstImpact p={p} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={4} pb="md">
            <Stack gap={6} data-testid="priority-explanation">
              {p.explanation.map((sentence) => (
                <Text key={sentence} size="sm">
                  {sentence}
                </Text>
              ))}
              {/* The explanation usually ends with the path already; otherwise it is given here. */}
              {p.pathText && !p.explanation.some((sentence) => sentence.includes(p.pathText)) && (
                <Text size="xs" c="dimmed">
                  Path on the maps: {p.pathText}
                </Text>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function Ranking({
  analysis,
  savedRanks,
}: {
  analysis: OrgAnalysis;
  savedRanks: Map<string, number> | null;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Card withBorder padding="lg">
      <Title order={4}>Vendors by priority</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Assess and mitigate from the top. Click a vendor for the reasons behind its rank. The outage
        considered lasts {Math.round(analysis.options.horizonHours / 24)} days.
      </Text>
      <Table verticalSpacing="xs" highlightOnHover data-testid="priority-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Vendor</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Functions it stops</Table.Th>
            <Table.Th>Worst harm</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.priorities.map((p) => (
            <PriorityRow
              key={p.vendor.id}
              p={p}
              before={savedRanks?.get(p.vendor.id)}
              open={open.has(p.vendor.id)}
              onToggle={() => toggle(p.vendor.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Priorities({ orgId, saved }: { orgId: string; saved: OrgAnalysis }) {
  const { membership } = useCurrentOrg();
  const canSave = canSetWeights(membership.role);
  const savedWeights = useSavedWeights(orgId);
  const saveWeights = useSaveWeights(orgId);
  const [weights, setWeights] = useState<ScoreWeights>(saved.savedWeights);
  const [debounced] = useDebouncedValue(weights, 300);
  // After a save (here or by a colleague) the sliders follow the saved weights; a refetch that
  // brings the same weights back leaves a preview alone.
  const savedKey = weightsParam(saved.savedWeights);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the weights' values, not the object
  useEffect(() => setWeights(saved.savedWeights), [savedKey]);
  const previewing = !sameWeights(debounced, saved.savedWeights);
  const preview = useAnalysis(orgId, previewing ? debounced : null);
  const shown = previewing && preview.data ? preview.data : saved;
  const savedRanks = useMemo(
    () => (previewing ? new Map(saved.priorities.map((p) => [p.vendor.id, p.rank])) : null),
    [previewing, saved.priorities],
  );
  const save = () => {
    if (!savedWeights.data) return;
    saveWeights.mutate({ weights, version: savedWeights.data.version });
  };
  return (
    <>
      <WeightsPanel
        weights={weights}
        saved={saved.savedWeights}
        onChange={setWeights}
        canSave={canSave}
        onSave={save}
        saving={saveWeights.isPending}
        saveError={saveWeights.error}
        updatedBy={savedWeights.data?.updatedByName}
      />
      {preview.isError && previewing && <Alert color="red">The preview could not be computed.</Alert>}
      <Ranking analysis={shown} savedRanks={savedRanks} />
      <SnapshotsPanel orgId={orgId} canTake={canTakeSnapshots(membership.role)} />
    </>
  );
}

export function PrioritiesPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const analysis = useAnalysis(orgId);
  return (
    <AnalysisFrame orgId={orgId} view="priorities" analysis={analysis} actions={<ExportMenu orgId={orgId} />}>
      {(data) => <Priorities orgId={orgId} saved={data} />}
    </AnalysisFrame>
  );
}
