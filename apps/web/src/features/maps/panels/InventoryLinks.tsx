// The vendor-inventory services that support a map node (the link that lets the inventory say
// which map steps a vendor's service supports), and linking more by searching the inventory.
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { categoryById } from '@smart/templates/taxonomy';
import { IconLink, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { useAddLink, useMapLinks, useRemoveLink } from '../queries';
import { useInventorySearch } from './inventory-search';

export interface InventoryLinksProps {
  mapId: string;
  nodeId: string;
  canEdit: boolean;
}

const categoryLabel = (id: string) => categoryById(id)?.label ?? id;

function LinkSearch({
  orgId,
  linkedServiceIds,
  onLink,
  pendingServiceId,
}: {
  orgId: string;
  linkedServiceIds: Set<string>;
  onLink: (serviceId: string) => void;
  pendingServiceId: string | null;
}) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const search = useInventorySearch(orgId, debounced);
  const q = debounced.trim();
  return (
    <Stack gap={6}>
      <TextInput
        size="xs"
        aria-label="Search the inventory"
        placeholder="Search vendors or services to link"
        leftSection={<IconSearch size={14} />}
        rightSection={search.searching ? <Loader size={12} /> : null}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {search.error && <Alert color="red">{errorMessage(search.error)}</Alert>}
      {q && !search.searching && search.matches.length === 0 && !search.error && (
        <Text size="xs" c="dimmed">
          Nothing in the inventory matches “{q}”.{' '}
          <Anchor component={Link} to={`/o/${orgId}/vendors`} size="xs">
            Open the vendor inventory
          </Anchor>{' '}
          to add it.
        </Text>
      )}
      {search.matches.map((m) => (
        <Stack gap={2} key={m.vendorId} data-testid="inventory-match">
          <Text size="xs" fw={600}>
            {m.vendorName}
          </Text>
          {m.loading && <Skeleton h={18} />}
          {!m.loading && m.services.length === 0 && (
            <Text size="xs" c="dimmed">
              No service of this vendor fits; add services on the{' '}
              <Anchor component={Link} to={`/o/${orgId}/vendors/${m.vendorId}`} size="xs">
                vendor’s page
              </Anchor>
              .
            </Text>
          )}
          {m.services.map((s) => {
            const linked = linkedServiceIds.has(s.id);
            return (
              <Group key={s.id} justify="space-between" gap="xs" wrap="nowrap" pl="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {categoryLabel(s.category)}
                  </Text>
                </Stack>
                <Button
                  size="compact-xs"
                  variant={linked ? 'subtle' : 'light'}
                  disabled={linked}
                  loading={pendingServiceId === s.id}
                  leftSection={linked ? null : <IconLink size={12} />}
                  onClick={() => onLink(s.id)}
                  aria-label={linked ? `${s.name} is linked` : `Link ${s.name}`}
                >
                  {linked ? 'Linked' : 'Link'}
                </Button>
              </Group>
            );
          })}
        </Stack>
      ))}
      {search.total > search.matches.length && (
        <Text size="xs" c="dimmed">
          {search.total - search.matches.length} more vendors match; type more of the name.
        </Text>
      )}
    </Stack>
  );
}

export function InventoryLinks({ mapId, nodeId, canEdit }: InventoryLinksProps) {
  const orgId = useCurrentOrg().membership.id;
  const links = useMapLinks(orgId, mapId);
  const add = useAddLink(orgId, mapId);
  const remove = useRemoveLink(orgId, mapId);
  const mine = (links.data ?? []).filter((l) => l.nodeId === nodeId);
  const linkedServiceIds = new Set(mine.map((l) => l.service.id));

  return (
    <Stack gap="xs" data-testid="inventory-links">
      {links.isPending && <Skeleton h={40} />}
      {links.isError && <Alert color="red">{errorMessage(links.error)}</Alert>}
      {links.isSuccess && mine.length === 0 && (
        <Text size="sm" c="dimmed">
          No inventory service is linked to this node yet.
          {canEdit &&
            ' Link the vendor services it relies on, so the inventory shows which steps they support.'}
        </Text>
      )}
      {mine.map((l) => (
        <Paper key={l.id} withBorder p="xs" radius="sm" data-testid="inventory-link">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {l.service.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                <Anchor component={Link} to={`/o/${orgId}/vendors/${l.service.vendorId}`} size="xs">
                  {l.service.vendorName}
                </Anchor>{' '}
                · {categoryLabel(l.service.category)}
              </Text>
            </Stack>
            {canEdit && (
              <Tooltip label="Remove this link">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  loading={remove.isPending && remove.variables === l.id}
                  onClick={() => remove.mutate(l.id)}
                  aria-label={`Unlink ${l.service.name}`}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Paper>
      ))}
      {(add.isError || remove.isError) && (
        <Alert color="red">{errorMessage(add.error ?? remove.error)}</Alert>
      )}
      {canEdit && (
        <LinkSearch
          orgId={orgId}
          linkedServiceIds={linkedServiceIds}
          onLink={(serviceId) => add.mutate({ nodeId, serviceId })}
          pendingServiceId={add.isPending ? (add.variables?.serviceId ?? null) : null}
        />
      )}
    </Stack>
  );
}
