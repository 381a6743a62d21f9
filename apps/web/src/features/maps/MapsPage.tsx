// Phase 1 · Step 3, workflow maps: the organization's maps (review status, marking, what still
// needs fixing, open comments, last save), creating one from a template, blank or from a file,
// and deleting one; with the way in to choosing and ranking the templates that apply.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconBooks, IconListNumbers, IconMessageCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { formatDateTime } from '../materiality/format';
import { StepHeader } from '../method/StepHeader';
import { useCurrentOrg } from '../shell/current-org';
import { type TemplateSummary, useTemplates } from '../templates/queries';
import { CreateMapModal } from './panels/CreateMapModal';
import { DeleteMapModal } from './panels/DeleteMapModal';
import { canCreateMaps, canDeleteMaps } from './panels/map-permissions';
import { ReviewStatusBadge } from './panels/review-status';
import { useMapSelection, useMaps } from './queries';
import { TlpBadge } from './TlpBadge';
import type { MapSummary, SelectionItem } from './types';

function MapsTable({
  maps,
  orgId,
  templateTitle,
  canDelete,
  onDelete,
}: {
  maps: MapSummary[];
  orgId: string;
  templateTitle: (id: string) => string;
  canDelete: boolean;
  onDelete: (map: MapSummary) => void;
}) {
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Maps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Map</Table.Th>
            <Table.Th>Sub-team</Table.Th>
            <Table.Th>Review</Table.Th>
            <Table.Th>Marking</Table.Th>
            <Table.Th>To fix</Table.Th>
            <Table.Th>Comments</Table.Th>
            <Table.Th>Last saved</Table.Th>
            {canDelete && <Table.Th w={50} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {maps.map((m) => (
            <Table.Tr key={m.id} data-testid={`map-row-${m.name}`}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/o/${orgId}/maps/${m.id}`} fw={600}>
                    {m.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {m.templateId ? `${templateTitle(m.templateId)} template` : 'Own map'} · {m.nodeCount}{' '}
                    {m.nodeCount === 1 ? 'node' : 'nodes'}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={m.subTeamName ? undefined : 'dimmed'}>
                  {m.subTeamName ?? 'None'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ReviewStatusBadge map={m} />
              </Table.Td>
              <Table.Td>
                <TlpBadge tlp={m.tlp} size="sm" />
              </Table.Td>
              <Table.Td>
                {m.problemCount > 0 ? (
                  <Tooltip label="Missing vendors or tolerances, or connections to nodes that are not on the map. Open the map to see them in place.">
                    <Badge color="orange" variant="light" radius="sm" tt="none">
                      {m.problemCount} {m.problemCount === 1 ? 'problem' : 'problems'}
                    </Badge>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    Nothing
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {m.openComments > 0 ? (
                  <Group gap={4} wrap="nowrap">
                    <IconMessageCircle size={16} />
                    <Text size="sm">{m.openComments} open</Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    None open
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{m.updatedBy?.name ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(m.updatedAt)}
                  </Text>
                </Stack>
              </Table.Td>
              {canDelete && (
                <Table.Td>
                  <Tooltip label="Delete map">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => onDelete(m)}
                      aria-label={`Delete ${m.name}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** What a newcomer does first: choose and rank the templates, then make a map of each. */
function GettingStarted({
  orgId,
  hasSelection,
  canCreate,
  onCreate,
}: {
  orgId: string;
  hasSelection: boolean;
  canCreate: boolean;
  onCreate: () => void;
}) {
  const steps = [
    {
      title: 'Choose and rank the templates that apply',
      text: (
        <>
          Pick the sector workflows your organization runs, from claims to laboratories, and rank them by
          importance and potential impact, with the reason. Each comes from the{' '}
          <Anchor component={Link} to={`/o/${orgId}/maps/templates`} size="sm">
            template library
          </Anchor>
          , where you can look at its map first.
        </>
      ),
      action: (
        <Button
          component={Link}
          to={`/o/${orgId}/maps/selection`}
          variant={hasSelection ? 'default' : 'filled'}
        >
          {hasSelection ? 'Review the ranking' : 'Choose templates'}
        </Button>
      ),
      done: hasSelection,
    },
    {
      title: 'Make a map of each workflow',
      text: 'Start from a chosen template and adapt it with the people who run the workflow; or start blank, or import a SMART model file.',
      action: canCreate ? (
        <Button
          onClick={onCreate}
          variant={hasSelection ? 'filled' : 'default'}
          leftSection={<IconPlus size={16} />}
        >
          New map
        </Button>
      ) : null,
      done: false,
    },
  ];
  return (
    <Paper withBorder p="xl" data-testid="maps-empty">
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={3}>No maps yet</Title>
          <Text size="sm" c="dimmed">
            {canCreate
              ? 'Two steps to your first map:'
              : 'Administrators, risk leads and business owners create the maps; they will be listed here.'}
          </Text>
        </Stack>
        {canCreate &&
          steps.map((s, i) => (
            <Group key={s.title} justify="space-between" wrap="nowrap" gap="lg">
              <Group wrap="nowrap" align="flex-start" gap="md">
                <ThemeIcon
                  radius="xl"
                  size={32}
                  variant={s.done ? 'filled' : 'light'}
                  color={s.done ? 'teal' : 'blue'}
                >
                  <Text fw={700} size="sm">
                    {i + 1}
                  </Text>
                </ThemeIcon>
                <Stack gap={2}>
                  <Text fw={600}>{s.title}</Text>
                  <Text size="sm" c="dimmed" maw={640}>
                    {s.text}
                  </Text>
                </Stack>
              </Group>
              {s.action}
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

/** The ranked templates that have no map yet, each one click from its map. */
function UnmappedSelection({
  items,
  templateById,
  onCreate,
}: {
  items: SelectionItem[];
  templateById: Map<string, TemplateSummary>;
  onCreate: (templateId: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="unmapped-selection">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          Ranked templates with no map yet:
        </Text>
        {items.map((item) => (
          <Button
            key={item.templateId}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => onCreate(item.templateId)}
            aria-label={`Create a map from ${templateById.get(item.templateId)?.title ?? item.templateId}`}
          >
            {item.rank}. {templateById.get(item.templateId)?.title ?? item.templateId}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}

export function MapsPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const maps = useMaps(orgId);
  const selection = useMapSelection(orgId);
  const templates = useTemplates();
  const canCreate = canCreateMaps(membership.role);
  const canDelete = canDeleteMaps(membership.role);
  const [creating, setCreating] = useState<{ templateId: string | null } | null>(null);
  const [deleting, setDeleting] = useState<MapSummary | null>(null);

  const templateById = new Map((templates.data ?? []).map((t) => [t.id, t]));
  const templateTitle = (id: string) => templateById.get(id)?.title ?? id;
  const mapped = new Set((maps.data ?? []).flatMap((m) => (m.templateId ? [m.templateId] : [])));
  const selected = selection.data?.items ?? [];
  const unmapped = selected.filter((i) => !mapped.has(i.templateId));

  return (
    <Stack gap="xl" maw={1400}>
      <StepHeader
        path="maps"
        detail="Choose and rank the sector templates that apply, then adapt each map with the people who run the workflow. Every save is kept, so you can compare versions and go back."
      />

      {!(maps.data && maps.data.length === 0) && (
        <Group gap="sm">
          {canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating({ templateId: null })}>
              New map
            </Button>
          )}
          <Button
            component={Link}
            to={`/o/${orgId}/maps/selection`}
            variant="light"
            leftSection={<IconListNumbers size={16} />}
          >
            {selected.length > 0 ? `Ranked templates (${selected.length})` : 'Choose and rank templates'}
          </Button>
          <Button
            component={Link}
            to={`/o/${orgId}/maps/templates`}
            variant="default"
            leftSection={<IconBooks size={16} />}
          >
            Template library
          </Button>
        </Group>
      )}

      {maps.isPending && <Skeleton h={200} />}
      {maps.isError && <Alert color="red">{errorMessage(maps.error)}</Alert>}

      {maps.data && maps.data.length === 0 && (
        <GettingStarted
          orgId={orgId}
          hasSelection={selected.length > 0}
          canCreate={canCreate}
          onCreate={() => setCreating({ templateId: null })}
        />
      )}

      {maps.data && maps.data.length > 0 && (
        <Stack gap="sm">
          {canCreate && (
            <UnmappedSelection
              items={unmapped}
              templateById={templateById}
              onCreate={(templateId) => setCreating({ templateId })}
            />
          )}
          <MapsTable
            maps={maps.data}
            orgId={orgId}
            templateTitle={templateTitle}
            canDelete={canDelete}
            onDelete={setDeleting}
          />
        </Stack>
      )}

      <CreateMapModal
        opened={creating !== null}
        initialTemplateId={creating?.templateId ?? null}
        onClose={() => setCreating(null)}
      />
      <DeleteMapModal map={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
