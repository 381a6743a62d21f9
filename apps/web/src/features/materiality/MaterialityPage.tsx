// Phase 1 · Step 2, materiality: the rubric that says how much harm is too much, its versions,
// and the recorded approval that makes one version the one analysis uses.
import { Alert, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowBack, IconPencil, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { RubricOverview, RubricVersion, RubricVersionSummary } from '../../api/types';
import { errorMessage } from '../../app/form-errors';
import { StepHeader } from '../method/StepHeader';
import { useCurrentOrg } from '../shell/current-org';
import { canEditPlanning, ReadOnlyNotice } from '../team/permissions';
import { useTeam } from '../team/queries';
import { ApprovalBanner } from './ApprovalBanner';
import { ApprovalModal } from './ApprovalModal';
import { formatDateTime, STATUS_COLORS, STATUS_LABELS } from './format';
import { rubricKey, useRubricOverview, useRubricVersion } from './queries';
import { RubricEditor } from './RubricEditor';
import { RubricGrid } from './RubricGrid';
import { StartRubricCard } from './StartRubricCard';
import { VersionHistory } from './VersionHistory';

/** The version people work on: the draft if there is one, else the approved one, else the newest. */
function currentVersion(overview: RubricOverview): RubricVersionSummary | undefined {
  return (
    overview.versions.find((v) => v.status === 'draft') ??
    overview.versions.find((v) => v.status === 'approved') ??
    overview.versions[0]
  );
}

export function MaterialityPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const canEdit = canEditPlanning(membership.role);
  const queryClient = useQueryClient();
  const overview = useRubricOverview(orgId);
  const team = useTeam(orgId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The version an edit started from, kept while the list refreshes underneath.
  const [editing, setEditing] = useState<RubricVersion | null>(null);
  const [approving, setApproving] = useState<RubricVersionSummary | null>(null);
  const versionSection = useRef<HTMLDivElement>(null);
  const show = (id: string | null) => {
    setEditing(null);
    setSelectedId(id);
    // The history sits below the grid: bring the version chosen there into view.
    versionSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const data = overview.data;
  const current = data ? currentVersion(data) : undefined;
  const shown = data?.versions.find((v) => v.id === (editing?.id ?? selectedId)) ?? current;
  const version = useRubricVersion(orgId, shown?.id ?? null);
  const isLatest = shown !== undefined && shown.version === data?.latestVersion;
  const approvers = (team.data?.members ?? []).filter((m) => m.isApprover).map((m) => m.name);

  return (
    <Stack gap="xl" maw={1400}>
      <StepHeader
        path="materiality"
        detail="Every change is kept as a new version. The version senior management or the board approved is the one every score refers to."
      />
      {!canEdit && <ReadOnlyNotice what="the rubric and its history" />}
      {overview.isPending && <Skeleton h={240} />}
      {overview.isError && <Alert color="red">{errorMessage(overview.error)}</Alert>}

      {data &&
        data.versions.length === 0 &&
        (canEdit ? (
          <StartRubricCard orgId={orgId} />
        ) : (
          <Alert color="gray" title="No rubric yet">
            An administrator or risk lead starts the rubric from the SMART default; it will appear here.
          </Alert>
        ))}

      {data && shown && (
        <>
          <ApprovalBanner overview={data} />

          <Stack gap="sm" ref={versionSection} style={{ scrollMarginTop: 76 }}>
            <Group justify="space-between" align="flex-end">
              <Stack gap={2}>
                <Group gap="sm">
                  <Title order={3}>Version {shown.version}</Title>
                  <Badge
                    color={STATUS_COLORS[shown.status]}
                    variant="light"
                    data-testid="shown-version-status"
                  >
                    {STATUS_LABELS[shown.status]}
                  </Badge>
                  {editing !== null && (
                    <Badge color="blue" variant="filled">
                      Editing
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  Saved by {shown.createdBy.name} on {formatDateTime(shown.createdAt)}
                  {shown.changeNote ? ` · ${shown.changeNote}` : ''}
                </Text>
              </Stack>
              {canEdit && isLatest && editing === null && (
                <Group gap="sm">
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} />}
                    onClick={() => version.data && setEditing(version.data)}
                  >
                    Edit rubric
                  </Button>
                  {shown.status === 'draft' && (
                    <Button
                      color="teal"
                      leftSection={<IconRosetteDiscountCheck size={16} />}
                      onClick={() => setApproving(shown)}
                    >
                      Record approval
                    </Button>
                  )}
                </Group>
              )}
            </Group>

            {!isLatest && editing === null && (
              <Alert color="gray" variant="light" data-testid="earlier-version-notice">
                <Group justify="space-between">
                  <Text size="sm">
                    You are looking at version {shown.version}, an earlier version kept for the record. It is
                    read-only.
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowBack size={14} />}
                    onClick={() => show(null)}
                  >
                    Back to version {current?.version}
                  </Button>
                </Group>
              </Alert>
            )}

            {version.isPending && !editing && <Skeleton h={400} />}
            {version.isError && <Alert color="red">{errorMessage(version.error)}</Alert>}
            {editing ? (
              <RubricEditor
                key={editing.id}
                orgId={orgId}
                base={editing}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setEditing(null);
                  setSelectedId(saved.id);
                }}
                onReloadLatest={() => {
                  setEditing(null);
                  setSelectedId(null);
                  void queryClient.invalidateQueries({ queryKey: rubricKey(orgId) });
                }}
              />
            ) : (
              version.data && <RubricGrid dimensions={version.data.dimensions} />
            )}
          </Stack>

          <Stack gap="sm">
            <Title order={3}>Version history</Title>
            <VersionHistory versions={data.versions} selectedId={shown.id} onSelect={show} />
          </Stack>
        </>
      )}

      <ApprovalModal
        orgId={orgId}
        version={approving}
        approvers={approvers}
        approvedVersion={data?.approvedVersion ?? null}
        onClose={() => setApproving(null)}
      />
    </Stack>
  );
}
