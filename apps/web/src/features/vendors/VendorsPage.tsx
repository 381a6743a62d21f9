// Phase 1 · Step 4, the vendor inventory: every vendor and service behind the workflows, searched,
// filtered by service category and sorted on the server, shown in a virtualized table; with adding
// a vendor, importing a spreadsheet and exporting the whole inventory.
import { Alert, Button, Group, Menu, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { StepHeader } from '../method/StepHeader';
import { useCurrentOrg } from '../shell/current-org';
import { AddVendorModal } from './AddVendorModal';
import { CATEGORY_OPTIONS, categoryLabel } from './categories';
import { canKeepInventory, InventoryReadOnlyNotice } from './permissions';
import { type ListFilters, useVendorPages } from './queries';
import { LIST_SORTS, type ListSort } from './types';
import { VendorTable } from './VendorTable';

const numberFormat = new Intl.NumberFormat('en-US');

function isSort(value: string | null): value is ListSort {
  return LIST_SORTS.some((s) => s === value);
}

/** The list's search, filter and order live in the address, so going back to the list restores them. */
function useListFilters(): [ListFilters, (change: Partial<ListFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort');
  const filters: ListFilters = {
    q: params.get('q') ?? '',
    category: params.get('category'),
    sort: isSort(sort) ? sort : 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  const update = (change: Partial<ListFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.category) search.set('category', next.category);
    if (next.sort !== 'name') search.set('sort', next.sort);
    if (next.dir !== 'asc') search.set('dir', next.dir);
    setParams(search, { replace: true });
  };
  return [filters, update];
}

function EmptyInventory({
  filtered,
  canEdit,
  onAdd,
}: {
  filtered: boolean;
  canEdit: boolean;
  onAdd: () => void;
}) {
  return (
    <Stack align="center" gap="sm" p="xl" data-testid="vendors-empty">
      {filtered ? (
        <Text c="dimmed">No vendor matches this search and filter.</Text>
      ) : (
        <>
          <Text fw={600}>The inventory is empty.</Text>
          <Text c="dimmed" ta="center" maw={520}>
            {canEdit
              ? 'Add your vendors one by one, or import the list you already keep in a spreadsheet.'
              : 'No vendors have been recorded yet.'}
          </Text>
          {canEdit && (
            <Group>
              <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
                Add vendor
              </Button>
              <Button component={Link} to="import" variant="light" leftSection={<IconFileImport size={16} />}>
                Import a spreadsheet
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

export function VendorsPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const canEdit = canKeepInventory(membership.role);
  const [filters, setFilters] = useListFilters();
  const [search, setSearch] = useState(filters.q);
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [adding, setAdding] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search changes the address
  useEffect(() => {
    if (debouncedSearch !== filters.q) setFilters({ q: debouncedSearch });
  }, [debouncedSearch]);

  // A new object only when a value changes: the list's queries are keyed by it.
  const { q, category, sort, dir } = filters;
  const stableFilters = useMemo(() => ({ q, category, sort, dir }), [q, category, sort, dir]);
  const head = useVendorPages(orgId, stableFilters, 0, 0);
  const filtered = Boolean(stableFilters.q.trim() || stableFilters.category);
  const exportHref = (format: 'csv' | 'xlsx') => `/api/orgs/${orgId}/vendors/export?format=${format}`;

  return (
    <Stack gap="lg" maw={1600}>
      <StepHeader
        path="vendors"
        detail="Each vendor with its services and products, the kinds and volume of patient data it handles, the clouds, suppliers and integrations behind it, and the map steps it supports."
      />
      {!canEdit && <InventoryReadOnlyNotice />}

      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            aria-label="Search the inventory"
            placeholder="Search names, domains, services"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={360}
          />
          <Select
            aria-label="Service category"
            placeholder="All service categories"
            data={CATEGORY_OPTIONS}
            value={stableFilters.category}
            onChange={(category) => setFilters({ category })}
            searchable
            clearable
            w={300}
            comboboxProps={{ width: 360 }}
            nothingFoundMessage="No such category"
          />
        </Group>
        <Group gap="sm">
          {canEdit && (
            <>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add vendor
              </Button>
              <Button component={Link} to="import" variant="light" leftSection={<IconFileImport size={16} />}>
                Import
              </Button>
            </>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                rightSection={<IconChevronDown size={14} />}
              >
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>The whole inventory, one row per service</Menu.Label>
              <Menu.Item component="a" href={exportHref('csv')} download>
                CSV (.csv)
              </Menu.Item>
              <Menu.Item component="a" href={exportHref('xlsx')} download>
                Excel workbook (.xlsx)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Text size="sm" c="dimmed" data-testid="vendor-total" aria-live="polite">
        {head.total === null
          ? 'Loading the inventory…'
          : `${numberFormat.format(head.total)} ${head.total === 1 ? 'vendor' : 'vendors'}${
              filtered
                ? ` match${head.total === 1 ? 'es' : ''}${stableFilters.q.trim() ? ` “${stableFilters.q.trim()}”` : ''}${
                    stableFilters.category ? ` in ${categoryLabel(stableFilters.category)}` : ''
                  }`
                : ' in the inventory'
            }`}
      </Text>
      {head.error && <Alert color="red">{errorMessage(head.error)}</Alert>}

      <VendorTable
        orgId={orgId}
        filters={stableFilters}
        onSort={(sort, dir) => setFilters({ sort, dir })}
        empty={<EmptyInventory filtered={filtered} canEdit={canEdit} onAdd={() => setAdding(true)} />}
      />

      <AddVendorModal orgId={orgId} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
