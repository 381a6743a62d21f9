// Saved scenarios: save the one on screen under a name, open one again, delete it, and compare
// two side by side (which functions stop or run on a workaround, the worst harm per dimension).
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowsLeftRight, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { TlpBadge } from '../maps/TlpBadge';
import { formatHours, worstLevels } from './format';
import { analysisPath, useDeleteScenario, useSavedScenarios, useSaveScenario } from './queries';
import type { AnalysisDimension, SavedScenario, ScenarioInput, ScenarioResult } from './types';

interface SavedScenariosProps {
  orgId: string;
  canWrite: boolean;
  /** What is on screen now, to save; null before anything has been chosen. */
  current: ScenarioInput | null;
  open: SavedScenario | null;
  onOpen: (scenario: SavedScenario | null) => void;
  dimensions: AnalysisDimension[];
  label: (id: string) => string;
}

export function SavedScenarios({
  orgId,
  canWrite,
  current,
  open,
  onOpen,
  dimensions,
  label,
}: SavedScenariosProps) {
  const saved = useSavedScenarios(orgId);
  const save = useSaveScenario(orgId);
  const remove = useDeleteScenario(orgId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [comparing, setComparing] = useState(false);
  const list = saved.data ?? [];
  const describe = (s: SavedScenario) =>
    `${s.failed.map(label).join(', ')} for ${formatHours(s.durationHours)}`;

  const submit = () => {
    if (!current) return;
    const body = {
      name: name.trim(),
      failed: current.failed,
      durationHours: current.durationHours,
      workarounds: current.workarounds ?? 'count',
    };
    // Saving under the open scenario's name updates it; another name saves a new one.
    const update = open && open.name === body.name ? { id: open.id, version: open.version } : {};
    save.mutate(
      { ...body, ...update },
      {
        onSuccess: (result) => {
          setNaming(false);
          onOpen(result);
        },
      },
    );
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="saved-scenarios">
      <Select
        label="Saved scenarios"
        placeholder={list.length === 0 ? 'None saved yet' : 'Open a saved scenario'}
        data={list.map((s) => ({ value: s.id, label: s.name }))}
        value={open?.id ?? null}
        onChange={(id) => onOpen(list.find((s) => s.id === id) ?? null)}
        disabled={list.length === 0}
        w={280}
        clearable
        renderOption={({ option }) => {
          const s = list.find((x) => x.id === option.value);
          return (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              {s && (
                <Text size="xs" c="dimmed">
                  {describe(s)}
                </Text>
              )}
            </Stack>
          );
        }}
      />
      {canWrite && (
        <Button
          variant="light"
          leftSection={<IconDeviceFloppy size={16} />}
          disabled={!current}
          onClick={() => {
            setName(open?.name ?? '');
            setNaming(true);
          }}
        >
          Save scenario
        </Button>
      )}
      {canWrite && open && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={remove.isPending}
          onClick={() => remove.mutate(open.id, { onSuccess: () => onOpen(null) })}
        >
          Delete
        </Button>
      )}
      <Button
        variant="default"
        leftSection={<IconArrowsLeftRight size={16} />}
        disabled={list.length < 2}
        onClick={() => setComparing(true)}
      >
        Compare two
      </Button>

      <Modal opened={naming} onClose={() => setNaming(false)} title="Save this scenario">
        <Stack>
          <TextInput
            label="Name"
            placeholder="e.g. Clearinghouse gone for three weeks"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            data-autofocus
            required
          />
          {current && (
            <Text size="sm" c="dimmed">
              {current.failed.map(label).join(', ')} unavailable for {formatHours(current.durationHours)}
              {current.workarounds === 'ignore' ? ', workarounds left out' : ''}.
            </Text>
          )}
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!name.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
      {/* Mounted when opened, so it starts from the two most recent saved scenarios. */}
      {comparing && (
        <CompareModal
          orgId={orgId}
          opened
          onClose={() => setComparing(false)}
          scenarios={list}
          dimensions={dimensions}
        />
      )}
    </Group>
  );
}

function CompareModal({
  orgId,
  opened,
  onClose,
  scenarios,
  dimensions,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  scenarios: SavedScenario[];
  dimensions: AnalysisDimension[];
}) {
  const [ids, setIds] = useState<[string | null, string | null]>([
    scenarios[0]?.id ?? null,
    scenarios[1]?.id ?? null,
  ]);
  const chosen = ids.map((id) => scenarios.find((s) => s.id === id) ?? null);
  const results = useQueries({
    queries: chosen.map((s) => ({
      queryKey: ['analysis', orgId, 'compare', s?.id, s?.version],
      queryFn: () =>
        api.post<ScenarioResult>(`${analysisPath(orgId)}/scenario`, {
          failed: s?.failed ?? [],
          durationHours: s?.durationHours ?? 0,
          workarounds: s?.workarounds ?? 'count',
        }),
      enabled: opened && s !== null,
    })),
  });
  const options = scenarios.map((s) => ({ value: s.id, label: s.name }));
  const levelName = (dimension: string, level: number) =>
    dimensions.find((d) => d.id === dimension)?.levels.find((l) => l.level === level)?.label ?? String(level);
  const column = (i: 0 | 1) => {
    const r = results[i]?.data;
    if (!r) return null;
    const fns = r.scenario.functions;
    return {
      down: fns.filter((f) => f.state === 'down').map((f) => f.label),
      degraded: fns.filter((f) => f.state === 'degraded').map((f) => f.label),
      worst: worstLevels(fns),
    };
  };
  const cols = [column(0), column(1)];
  const error = results.find((r) => r.isError)?.error;
  const tlp = results.find((r) => r.data)?.data?.tlp;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={600}>Compare two saved scenarios</Text>
          {tlp && <TlpBadge tlp={tlp} />}
        </Group>
      }
    >
      <Stack data-testid="compare-scenarios">
        <SimpleGrid cols={2}>
          {([0, 1] as const).map((i) => (
            <Select
              key={i}
              label={i === 0 ? 'First scenario' : 'Second scenario'}
              data={options}
              value={ids[i]}
              onChange={(id) => setIds((current) => (i === 0 ? [id, current[1]] : [current[0], id]))}
            />
          ))}
        </SimpleGrid>
        {error !== undefined && error !== null && <Alert color="red">{errorMessage(error)}</Alert>}
        <Table withColumnBorders verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200} />
              {chosen.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the two columns are positions
                <Table.Th key={i}>{s ? `${s.name} (${formatHours(s.durationHours)})` : ''}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td fw={600}>Functions down</Table.Td>
              {cols.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the two columns are positions
                <Table.Td key={i}>{c ? (c.down.length ? c.down.join('; ') : 'None') : '…'}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={600}>Functions on a workaround</Table.Td>
              {cols.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the two columns are positions
                <Table.Td key={i}>{c ? (c.degraded.length ? c.degraded.join('; ') : 'None') : '…'}</Table.Td>
              ))}
            </Table.Tr>
            {dimensions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td fw={600}>Worst {d.label.toLowerCase()} harm</Table.Td>
                {cols.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the two columns are positions
                  <Table.Td key={i}>{c ? levelName(d.id, c.worst[d.id] ?? 0) : '…'}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
