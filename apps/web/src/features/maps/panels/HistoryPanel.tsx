// The map's history: every saved version (how it came about, who saved it, when, what changed),
// the difference between any two in words (by default the chosen one against the map as it is
// now), and restoring an earlier version as a new one, so nothing is ever lost.
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { formatDateTime } from '../../materiality/format';
import { useCurrentOrg } from '../../shell/current-org';
import { useMapDiff, useMapVersions, useRestoreVersion } from '../queries';
import type { HistoryKind, MapDetail, MapVersionSummary } from '../types';
import { DiffView } from './DiffView';

export interface HistoryPanelProps {
  mapId: string;
  currentVersion: number;
  canEdit: boolean;
  /** Called with the map as restored, so the editor can load it. */
  onRestored: (map: MapDetail) => void;
}

const KIND_LABELS: Record<HistoryKind, string> = {
  create: 'Created',
  import: 'Imported',
  edit: 'Edited',
  restore: 'Restored',
};

function VersionRow({
  v,
  isCurrent,
  selected,
  onSelect,
}: {
  v: MapVersionSummary;
  isCurrent: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={`Version ${v.version}`}
      data-testid={`map-version-${v.version}`}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        border: `1px solid ${selected ? 'var(--mantine-color-blue-4)' : 'var(--mantine-color-gray-3)'}`,
        background: selected ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            v{v.version}
          </Text>
          <Text size="sm">{KIND_LABELS[v.kind]}</Text>
          {isCurrent && (
            <Badge size="xs" variant="light" radius="sm" tt="none">
              Current
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(v.savedAt)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {v.savedBy?.name ?? 'Someone no longer in SMART'}
        {v.summary ? ` · ${v.summary}` : ''}
      </Text>
    </UnstyledButton>
  );
}

export function HistoryPanel({ mapId, currentVersion, canEdit, onRestored }: HistoryPanelProps) {
  const orgId = useCurrentOrg().membership.id;
  const versions = useMapVersions(orgId, mapId, currentVersion);
  const restore = useRestoreVersion(orgId, mapId);
  const [chosen, setChosen] = useState<number | null>(null);
  const [against, setAgainst] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);

  const items = versions.data ?? [];
  const newest = items[0];
  // The newest snapshot is the map as it is now, unless a review change has moved the version on.
  const newestIsCurrent = newest?.version === currentVersion;
  const defaultChosen = (newestIsCurrent ? items[1] : newest)?.version ?? null;
  const from = chosen !== null && items.some((v) => v.version === chosen) ? chosen : defaultChosen;
  // Compared with the map as it is now, or (for the current version itself) with the one before it.
  const previous = items.find((v) => from !== null && v.version < from)?.version ?? null;
  const to = against ?? (from === currentVersion ? previous : currentVersion);
  // Always read from the older to the newer, whichever side was picked first.
  const older = from !== null && to !== null ? Math.min(from, to) : null;
  const newer = from !== null && to !== null ? Math.max(from, to) : null;
  const diff = useMapDiff(orgId, mapId, older, newer);
  const chosenVersion = items.find((v) => v.version === from);

  const toOptions = [
    { value: String(currentVersion), label: `The current map (v${currentVersion})` },
    ...items
      .filter((v) => v.version !== currentVersion)
      .map((v) => ({
        value: String(v.version),
        label: `v${v.version} · ${KIND_LABELS[v.kind]} ${formatDateTime(v.savedAt)}`,
      })),
  ];

  return (
    <Stack gap="sm" data-testid="history-panel">
      {versions.isPending && <Skeleton h={120} />}
      {versions.isError && <Alert color="red">{errorMessage(versions.error)}</Alert>}
      {versions.isSuccess && items.length <= 1 && (
        <Text size="sm" c="dimmed">
          Only the first version so far. Each save is kept here (saves by one person within ten minutes are
          grouped), so you can compare versions and go back to one.
        </Text>
      )}
      {items.length > 0 && (
        <Box mah="260px" style={{ overflowY: 'auto' }} pr={4}>
          <Stack gap={6} aria-label="Versions">
            {items.map((v) => (
              <VersionRow
                key={v.version}
                v={v}
                isCurrent={v.version === currentVersion}
                selected={v.version === from}
                onSelect={() => {
                  setChosen(v.version);
                  if (against === v.version) setAgainst(null);
                }}
              />
            ))}
          </Stack>
        </Box>
      )}

      {from !== null && chosenVersion && (
        <Stack gap="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} pb={6}>
              v{from} compared with
            </Text>
            <Select
              aria-label="Compare with"
              size="xs"
              data={toOptions.filter((o) => o.value !== String(from))}
              value={to === null ? null : String(to)}
              placeholder="Choose a version"
              onChange={(value) =>
                setAgainst(value === null || Number(value) === currentVersion ? null : Number(value))
              }
              allowDeselect={false}
              style={{ flex: 1 }}
            />
          </Group>
          {older !== null && older !== newer && diff.isPending && <Skeleton h={60} />}
          {diff.isError && <Alert color="red">{errorMessage(diff.error)}</Alert>}
          {diff.data && (
            <>
              <Text size="sm" data-testid="diff-summary">
                From v{diff.data.from} to {diff.data.to === currentVersion ? 'now' : `v${diff.data.to}`}:{' '}
                <b>{diff.data.summary || 'no change'}</b>
              </Text>
              <DiffView changes={diff.data.changes} />
            </>
          )}
          {canEdit && from !== currentVersion && (
            <Button
              variant="light"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => {
                restore.reset();
                setConfirming(true);
              }}
            >
              Restore version {from}
            </Button>
          )}
        </Stack>
      )}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Restore version ${from}?`}>
        <Stack gap="md">
          <Text size="sm">
            The map goes back to how it was in version {from}
            {chosenVersion
              ? ` (${KIND_LABELS[chosenVersion.kind].toLowerCase()} by ${chosenVersion.savedBy?.name ?? 'someone'} on ${formatDateTime(chosenVersion.savedAt)})`
              : ''}
            . Nodes added since then leave the map, with their links to the vendor inventory. This is saved as
            a new version: the map as it is now stays in the history and can be restored in turn.
          </Text>
          {restore.isError && <Alert color="red">{errorMessage(restore.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              loading={restore.isPending}
              onClick={() => {
                if (from === null) return;
                restore.mutate(
                  { version: from, currentVersion },
                  {
                    onSuccess: (map) => {
                      setConfirming(false);
                      setChosen(null);
                      setAgainst(null);
                      onRestored(map);
                    },
                  },
                );
              }}
            >
              Restore version {from}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
