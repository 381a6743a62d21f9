// P1.4, map selection and prioritization: the planning team chooses the sector templates that
// apply, ranks them, scores importance and potential impact in words and records why. Saved with
// the version it started from, so a colleague's save is never overwritten silently. From a chosen
// template, one click makes its map and opens the editor.
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconDeviceFloppy, IconPlus, IconSortDescending } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { CreateMapModal } from '../maps/panels/CreateMapModal';
import { canEditSelection } from '../maps/panels/map-permissions';
import { useCreateMap, useMapSelection, useMaps, useSaveMapSelection } from '../maps/queries';
import type { MapSummary } from '../maps/types';
import { formatDateTime } from '../materiality/format';
import { useCurrentOrg } from '../shell/current-org';
import { ReadOnlyNotice } from '../team/permissions';
import { type TemplateSummary, useTemplates } from '../templates/queries';
import { RankedCard } from './RankedCard';
import { ReadOnlyRanking } from './ReadOnlyRanking';
import {
  addItem,
  fromSaved,
  moveItem,
  orderByScore,
  type RankedItem,
  rankingErrors,
  removeItem,
  sameRanking,
  updateItem,
} from './selection-model';
import { TemplatePicker } from './TemplatePicker';

/** The button on a chosen template: open its map, or make one. */
function MapAction({
  templateId,
  title,
  map,
  saved,
  dirty,
  canCreate,
  creating,
  onCreate,
  orgId,
}: {
  templateId: string;
  title: string;
  map: MapSummary | undefined;
  saved: boolean;
  dirty: boolean;
  canCreate: boolean;
  creating: boolean;
  onCreate: (templateId: string) => void;
  orgId: string;
}) {
  if (map)
    return (
      <Button
        size="xs"
        variant="default"
        component={Link}
        to={`/o/${orgId}/maps/${map.id}`}
        rightSection={<IconArrowRight size={14} />}
      >
        Open map
      </Button>
    );
  if (!canCreate || !saved) return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={14} />}
      disabled={dirty}
      title={dirty ? 'Save the ranking first' : undefined}
      loading={creating}
      onClick={() => onCreate(templateId)}
      aria-label={`Create map from ${title}`}
    >
      Create map
    </Button>
  );
}

export function MapSelectionPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const canEdit = canEditSelection(membership.role);
  const canCreate = canEdit || membership.role === 'business_owner';
  const navigate = useNavigate();
  const selection = useMapSelection(orgId);
  const templates = useTemplates();
  const maps = useMaps(orgId);
  const save = useSaveMapSelection(orgId);
  const create = useCreateMap(orgId);

  // The ranking as edited, with the version it started from; null while it matches the saved one.
  const [draft, setDraft] = useState<{ items: RankedItem[]; version: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dragged, setDragged] = useState<string | null>(null);
  const [armed, setArmed] = useState<string | null>(null);
  const [ownerCreating, setOwnerCreating] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<string | null>(null);

  const saved = selection.data ? fromSaved(selection.data.items) : [];
  const items = draft?.items ?? saved;
  const dirty = draft !== null && !sameRanking(draft.items, saved);
  const templateById = new Map((templates.data ?? []).map((t): [string, TemplateSummary] => [t.id, t]));
  const titleOf = (id: string) => templateById.get(id)?.title ?? id;
  const rankOf = new Map(items.map((item, index) => [item.templateId, index + 1]));
  const savedIds = new Set(saved.map((i) => i.templateId));
  const mapOf = new Map<string, MapSummary>();
  for (const m of maps.data ?? []) if (m.templateId && !mapOf.has(m.templateId)) mapOf.set(m.templateId, m);
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;

  const edit = (change: (list: RankedItem[]) => RankedItem[]) => {
    if (!selection.data) return;
    const version = draft?.version ?? selection.data.version;
    setDraft({ items: change(items), version });
  };
  const move = (templateId: string, to: number) => {
    const from = items.findIndex((i) => i.templateId === templateId);
    focusAfterMove.current = templateId;
    edit((list) => moveItem(list, from, to));
  };

  // Keyboard moves keep the focus on the handle of the item that moved.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    focusAfterMove.current = null;
    handles.current.get(id)?.focus();
  });

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const submit = () => {
    const found = rankingErrors(items);
    setErrors(found);
    const firstInvalid = items.find((i) => found[i.templateId]);
    if (firstInvalid) document.getElementById(`reason-${firstInvalid.templateId}`)?.focus();
    if (firstInvalid || !selection.data) return;
    save.mutate(
      {
        version: draft?.version ?? selection.data.version,
        items: items.map(({ templateId, importance, impact, reason }) => ({
          templateId,
          importance,
          impact,
          reason: reason.trim(),
        })),
      },
      { onSuccess: () => setDraft(null) },
    );
  };

  const reload = async () => {
    save.reset();
    setErrors({});
    setDraft(null);
    await selection.refetch();
  };

  const createMap = (templateId: string) => {
    if (!canEdit) {
      // A business owner names the sub-team the map is for.
      setOwnerCreating(templateId);
      return;
    }
    create.mutate(
      { name: titleOf(templateId), templateId },
      { onSuccess: (map) => navigate(`/o/${orgId}/maps/${map.id}`) },
    );
  };

  const errorCount = Object.keys(errors).filter((id) => rankOf.has(id)).length;
  const data = selection.data;

  return (
    <Stack gap="lg" maw={1500}>
      <Stack gap={4}>
        <Breadcrumbs>
          <Anchor component={Link} to={`/o/${orgId}/maps`} size="sm">
            Maps
          </Anchor>
          <Text size="sm">Choose and rank</Text>
        </Breadcrumbs>
        <Title order={2}>Choose and rank the maps that apply</Title>
        <Text c="dimmed" maw={900}>
          Choose the sector workflows your organization runs, put the most important first, and say how much
          the organization relies on each and how much harm its sudden stop would do. The reason you record is
          kept with the ranking, for the people who review it later.
        </Text>
      </Stack>

      {!canEdit && <ReadOnlyNotice what="the ranking" />}
      {(selection.isPending || templates.isPending) && <Skeleton h={300} />}
      {selection.isError && <Alert color="red">{errorMessage(selection.error)}</Alert>}
      {templates.isError && <Alert color="red">{errorMessage(templates.error)}</Alert>}
      {create.isError && <Alert color="red">{errorMessage(create.error)}</Alert>}

      {data && templates.data && (
        <>
          <Paper
            withBorder
            p="sm"
            px="md"
            style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 8px)', zIndex: 5 }}
            data-testid="selection-status"
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
                {dirty
                  ? 'Unsaved changes.'
                  : data.updatedAt
                    ? `Saved by ${data.updatedBy?.name ?? 'someone no longer in SMART'} on ${formatDateTime(data.updatedAt)} · version ${data.version} ·`
                    : 'Not saved yet: nothing is chosen.'}{' '}
                {items.length > 0 &&
                  `${items.length} ${items.length === 1 ? 'template' : 'templates'} chosen.`}
              </Text>
              {canEdit && (
                <Group gap="xs">
                  {items.length > 1 && (
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconSortDescending size={14} />}
                      onClick={() => edit(orderByScore)}
                      title="Highest importance × impact first"
                    >
                      Order by score
                    </Button>
                  )}
                  {dirty && (
                    <Button size="xs" variant="default" onClick={() => void reload()}>
                      Discard changes
                    </Button>
                  )}
                  <Button
                    size="xs"
                    leftSection={<IconDeviceFloppy size={14} />}
                    disabled={!dirty}
                    loading={save.isPending}
                    onClick={submit}
                  >
                    Save ranking
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>

          {conflict && (
            <Alert
              color="orange"
              title="Someone else saved the ranking first"
              data-testid="selection-conflict"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {conflict.message} Your changes are still on screen; load the saved ranking to see theirs,
                  then make your changes again.
                </Text>
                <Button size="xs" variant="white" color="orange" onClick={() => void reload()}>
                  Load the saved ranking
                </Button>
              </Stack>
            </Alert>
          )}
          {save.isError && !conflict && <Alert color="red">{errorMessage(save.error)}</Alert>}
          {errorCount > 0 && (
            <Alert color="red">
              {errorCount === 1 ? 'One template needs' : `${errorCount} templates need`} a reason before the
              ranking can be saved; {errorCount === 1 ? 'it is' : 'they are'} marked in red below.
            </Alert>
          )}

          {canEdit ? (
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Stack gap="sm">
                  <Title order={4}>Your ranking</Title>
                  {items.length === 0 && (
                    <Paper withBorder p="xl">
                      <Text c="dimmed" ta="center" size="sm">
                        Nothing chosen yet. Choose the workflows your organization runs from the templates on
                        the right; the first one you choose is ranked first, and you can reorder them.
                      </Text>
                    </Paper>
                  )}
                  {items.map((item, index) => (
                    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target for mouse dragging; the keyboard moves items with the handle and the buttons
                    <div
                      key={item.templateId}
                      draggable={armed === item.templateId}
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', item.templateId);
                        setDragged(item.templateId);
                      }}
                      onDragEnd={() => {
                        setDragged(null);
                        setArmed(null);
                      }}
                      onDragOver={(event) => {
                        if (dragged === null) return;
                        event.preventDefault();
                        const from = items.findIndex((i) => i.templateId === dragged);
                        if (from === index) return;
                        const box = event.currentTarget.getBoundingClientRect();
                        const below = event.clientY > box.top + box.height / 2;
                        // Move only once the pointer passes the middle, so the two cards do not swap back and forth.
                        if ((from < index && below) || (from > index && !below)) move(dragged, index);
                      }}
                      onDrop={(event) => event.preventDefault()}
                    >
                      <RankedCard
                        item={item}
                        rank={index + 1}
                        count={items.length}
                        title={titleOf(item.templateId)}
                        error={errors[item.templateId]}
                        dragging={dragged === item.templateId}
                        handleRef={(el) => {
                          if (el) handles.current.set(item.templateId, el);
                          else handles.current.delete(item.templateId);
                        }}
                        onArmDrag={() => setArmed(item.templateId)}
                        onChange={(change) => {
                          if (change.reason !== undefined && errors[item.templateId])
                            setErrors(({ [item.templateId]: _, ...rest }) => rest);
                          edit((list) => updateItem(list, item.templateId, change));
                        }}
                        onMove={(to) => move(item.templateId, to)}
                        onRemove={() => edit((list) => removeItem(list, item.templateId))}
                        action={
                          <MapAction
                            templateId={item.templateId}
                            title={titleOf(item.templateId)}
                            map={mapOf.get(item.templateId)}
                            saved={savedIds.has(item.templateId)}
                            dirty={dirty}
                            canCreate={canCreate}
                            creating={create.isPending && create.variables?.templateId === item.templateId}
                            onCreate={createMap}
                            orgId={orgId}
                          />
                        }
                      />
                    </div>
                  ))}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack
                  gap="sm"
                  style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 76px)' }}
                >
                  <Title order={4}>Templates</Title>
                  <TemplatePicker
                    orgId={orgId}
                    templates={templates.data}
                    rankOf={rankOf}
                    onAdd={(id) => edit((list) => addItem(list, id))}
                    onRemove={(id) => edit((list) => removeItem(list, id))}
                  />
                </Stack>
              </Grid.Col>
            </Grid>
          ) : (
            <ReadOnlyRanking
              items={items}
              titleOf={titleOf}
              action={(templateId) => (
                <MapAction
                  templateId={templateId}
                  title={titleOf(templateId)}
                  map={mapOf.get(templateId)}
                  saved
                  dirty={false}
                  canCreate={canCreate}
                  creating={false}
                  onCreate={createMap}
                  orgId={orgId}
                />
              )}
            />
          )}
        </>
      )}

      <CreateMapModal
        opened={ownerCreating !== null}
        initialTemplateId={ownerCreating}
        onClose={() => setOwnerCreating(null)}
      />
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
      >
        <Stack gap="md">
          <Text size="sm">The ranking has changes that are not saved. Leave this page and lose them?</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              Leave without saving
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
