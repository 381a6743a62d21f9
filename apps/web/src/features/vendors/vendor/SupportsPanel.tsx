// "Supports": the map nodes a service is linked to and the process steps that depend on them, and
// linking the service to another node of a map from here (the map editor links from its side).
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { errorMessage } from '../../../app/form-errors';
import { useMaps } from '../../maps/queries';
import type { MapDetail, MapSummary, VendorMapLink } from '../../maps/types';
import { categoryLabel } from '../categories';
import { useLinkServiceToNode, useUnlink } from '../queries';
import type { Service } from '../types';

const KINDS: { key: string; kind: string; group: string }[] = [
  { key: 'services', kind: 'service', group: 'Services on the map' },
  { key: 'processSteps', kind: 'step', group: 'Process steps' },
  { key: 'systems', kind: 'system', group: 'Internal systems' },
  { key: 'functions', kind: 'function', group: 'Critical functions' },
];

export const NODE_KIND_LABELS: Record<string, string> = {
  service: 'service',
  step: 'step',
  system: 'system',
  function: 'function',
  vendor: 'vendor',
  host: 'host',
};

interface MapNodeOption {
  id: string;
  label: string;
  kind: string;
  category?: string;
}

/** The nodes of a stored (draft) map that a service can be linked to. */
function nodesOf(model: Record<string, unknown>): MapNodeOption[] {
  return KINDS.flatMap(({ key, kind }) => {
    const list = model[key];
    if (!Array.isArray(list)) return [];
    return list.flatMap((n: unknown) => {
      if (typeof n !== 'object' || n === null) return [];
      const node = n as { id?: unknown; label?: unknown; category?: unknown };
      if (typeof node.id !== 'string') return [];
      return [
        {
          id: node.id,
          label: typeof node.label === 'string' && node.label ? node.label : node.id,
          kind,
          ...(typeof node.category === 'string' ? { category: node.category } : {}),
        },
      ];
    });
  });
}

function LinkModal({
  orgId,
  service,
  maps,
  opened,
  onClose,
}: {
  orgId: string;
  service: Service;
  maps: MapSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  const [mapId, setMapId] = useState<string | null>(null);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const link = useLinkServiceToNode(orgId);
  const map = useQuery({
    queryKey: ['maps', orgId, mapId],
    queryFn: () => api.get<MapDetail>(`/api/orgs/${orgId}/maps/${mapId}`),
    enabled: mapId !== null,
  });
  const editable = maps.filter((m) => m.canEdit);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (opened) {
      setMapId(editable.length === 1 ? (editable[0]?.id ?? null) : null);
      setNodeId(null);
      link.reset();
    }
  }, [opened]);

  const nodes = map.data ? nodesOf(map.data.model) : [];
  // A map service of the same category is the likeliest match: listed first.
  const same = nodes.filter((n) => n.kind === 'service' && n.category === service.category);
  const options = [
    ...(same.length ? [{ group: `Same category (${categoryLabel(service.category)})`, items: same }] : []),
    ...KINDS.map(({ kind, group }) => ({
      group,
      items: nodes.filter((n) => n.kind === kind && !same.includes(n)),
    })),
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({ group: g.group, items: g.items.map((n) => ({ value: n.id, label: n.label })) }));

  return (
    <Modal opened={opened} onClose={onClose} title={`Link ${service.name} to a map`} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Choose the node of a workflow map that this service is: usually the map’s service of the same kind,
          or the step or system that uses it. The analysis then follows the map from that node.
        </Text>
        {editable.length === 0 ? (
          <Alert color="gray">
            {maps.length === 0
              ? 'There are no maps yet. Create one from a template in the Maps step first.'
              : 'You cannot change any of the maps: their editors link services to them.'}
          </Alert>
        ) : (
          <>
            <Select
              label="Map"
              placeholder="Choose a map"
              data={editable.map((m) => ({ value: m.id, label: m.name }))}
              value={mapId}
              onChange={(id) => {
                setMapId(id);
                setNodeId(null);
              }}
              searchable
              allowDeselect={false}
            />
            <Select
              label="Node"
              placeholder={
                mapId === null ? 'Choose a map first' : map.isPending ? 'Loading the map…' : 'Choose a node'
              }
              data={options}
              value={nodeId}
              onChange={setNodeId}
              disabled={mapId === null || !map.data}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No such node"
              maxDropdownHeight={320}
            />
            {map.isError && <Alert color="red">{errorMessage(map.error)}</Alert>}
            {link.error && <Alert color="red">{errorMessage(link.error)}</Alert>}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={mapId === null || nodeId === null}
            loading={link.isPending}
            onClick={() => {
              if (!mapId || !nodeId) return;
              link.mutate(
                { mapId, nodeId, serviceId: service.id },
                {
                  onSuccess: () => {
                    notifications.show({
                      message: `${service.name} is linked to “${nodes.find((n) => n.id === nodeId)?.label ?? nodeId}”.`,
                    });
                    onClose();
                  },
                },
              );
            }}
          >
            Link
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const STEPS_SHOWN = 3;

/** The process steps that depend on a linked node: the first few, the rest on request. */
function StepList({ steps }: { steps: { id: string; label: string }[] }) {
  const [all, setAll] = useState(false);
  if (steps.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No process step depends on it yet.
      </Text>
    );
  }
  const shown = all ? steps : steps.slice(0, STEPS_SHOWN);
  const more = steps.length - shown.length;
  return (
    <Text size="xs" c="dimmed">
      {steps.length === 1 ? 'Step that depends on it: ' : `Steps that depend on it (${steps.length}): `}
      {shown.map((s) => s.label).join('; ')}
      {more > 0 && (
        <>
          {' '}
          <Anchor component="button" type="button" size="xs" onClick={() => setAll(true)}>
            and {more} more
          </Anchor>
        </>
      )}
    </Text>
  );
}

export function SupportsPanel({
  orgId,
  service,
  links,
  linksError,
  canEdit,
}: {
  orgId: string;
  service: Service;
  links: VendorMapLink[];
  linksError: unknown;
  canEdit: boolean;
}) {
  const maps = useMaps(orgId);
  const unlink = useUnlink(orgId);
  const [linking, setLinking] = useState(false);
  const canEditMap = (mapId: string) => maps.data?.find((m) => m.id === mapId)?.canEdit ?? false;
  const mine = links.filter((l) => l.serviceId === service.id);

  return (
    <Stack gap={6} data-testid={`supports-${service.id}`}>
      {linksError ? (
        <Text size="sm" c="dimmed">
          Links to maps cannot be shown: {errorMessage(linksError)}
        </Text>
      ) : mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not linked to any map yet.
        </Text>
      ) : (
        mine.map((l) => (
          <Group key={l.id} gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm">
                <Anchor component={Link} to={`/o/${orgId}/maps/${l.mapId}`} size="sm">
                  {l.mapName}
                </Anchor>
                {' › '}
                <b>{l.nodeLabel}</b>{' '}
                <Badge tt="none" size="xs" variant="outline" color="gray" radius="sm">
                  {NODE_KIND_LABELS[l.nodeKind] ?? l.nodeKind}
                </Badge>
              </Text>
              <StepList steps={l.steps} />
            </Stack>
            {canEdit && canEditMap(l.mapId) && (
              <Tooltip label="Unlink">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Unlink from ${l.nodeLabel}`}
                  loading={unlink.isPending && unlink.variables?.linkId === l.id}
                  onClick={() =>
                    unlink.mutate(
                      { mapId: l.mapId, linkId: l.id },
                      { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) },
                    )
                  }
                >
                  <IconUnlink size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))
      )}
      {canEdit && !linksError && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconLink size={14} />}
            onClick={() => setLinking(true)}
          >
            Link to a map node
          </Button>
        </Group>
      )}
      <LinkModal
        orgId={orgId}
        service={service}
        maps={maps.data ?? []}
        opened={linking}
        onClose={() => setLinking(false)}
      />
    </Stack>
  );
}
