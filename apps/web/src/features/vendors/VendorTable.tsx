// The inventory as a virtualized table: only the rows on screen exist in the page, and the pages of
// the list that cover them are fetched as they scroll into view, so 50,000 vendors scroll as
// smoothly as 50. Sortable headers ask the server for another order.
import { Anchor, Badge, Box, Group, Highlight, Skeleton, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { categoryLabel } from './categories';
import { type ListFilters, useVendorPages } from './queries';
import type { ListSort, VendorListItem } from './types';
import classes from './VendorTable.module.css';

const ROW_HEIGHT = 56;
const COLUMNS = 'minmax(220px, 2fr) minmax(170px, 1.2fr) minmax(220px, 2.2fr) 88px 116px 120px';

const numberFormat = new Intl.NumberFormat('en-US');
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

function SortHeader({
  label,
  sort,
  filters,
  onSort,
  align = 'left',
}: {
  label: string;
  sort: ListSort;
  filters: ListFilters;
  onSort: (sort: ListSort, dir: 'asc' | 'desc') => void;
  align?: 'left' | 'right';
}) {
  const active = filters.sort === sort;
  const Icon = !active ? IconArrowsSort : filters.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <th
      aria-sort={active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={classes.headerCell}
      style={{ justifyContent: align === 'right' ? 'flex-end' : 'flex-start' }}
    >
      <UnstyledButton
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() =>
          onSort(
            sort,
            active && filters.dir === 'asc' ? 'desc' : active ? 'asc' : sort === 'name' ? 'asc' : 'desc',
          )
        }
      >
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} stroke={active ? 2.2 : 1.5} aria-hidden />
        </Group>
      </UnstyledButton>
    </th>
  );
}

function PlainHeader({ children }: { children: ReactNode }) {
  return (
    <th className={classes.headerCell}>
      <Text size="sm" fw={600} c="dimmed">
        {children}
      </Text>
    </th>
  );
}

function Categories({ categories }: { categories: string[] }) {
  if (categories.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No services yet
      </Text>
    );
  }
  const shown = categories.slice(0, 2);
  const rest = categories.slice(2);
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
      {shown.map((c) => (
        <Badge
          key={c}
          variant="light"
          color="gray"
          radius="sm"
          tt="none"
          fw={500}
          style={{ flexShrink: 1, minWidth: 0 }}
        >
          {categoryLabel(c)}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.map(categoryLabel).join(', ')} withArrow>
          <Badge variant="outline" color="gray" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

function VendorRow({ vendor, search, href }: { vendor: VendorListItem; search: string; href: string }) {
  return (
    <>
      <td className={classes.cell}>
        <Box miw={0}>
          <Anchor component={Link} to={href} fw={600} size="sm" className={classes.name}>
            <Highlight component="span" highlight={search} size="sm" fw={600} inherit>
              {vendor.name}
            </Highlight>
          </Anchor>
          {vendor.aliases.length > 0 && (
            <Text size="xs" c="dimmed" truncate="end">
              also {vendor.aliases.join(', ')}
            </Text>
          )}
        </Box>
      </td>
      <td className={classes.cell}>
        <Text size="sm" c={vendor.domain ? undefined : 'dimmed'} truncate="end">
          {vendor.domain ?? '—'}
        </Text>
      </td>
      <td className={classes.cell}>
        <Categories categories={vendor.categories} />
      </td>
      <td className={classes.cell} style={{ justifyContent: 'flex-end' }}>
        <Text size="sm">{vendor.services}</Text>
      </td>
      <td className={classes.cell} style={{ justifyContent: 'flex-end' }}>
        <Text size="sm" c={vendor.phiRecords === null ? 'dimmed' : undefined}>
          {vendor.phiRecords === null ? '—' : numberFormat.format(vendor.phiRecords)}
        </Text>
      </td>
      <td className={classes.cell}>
        <Text size="sm" c="dimmed">
          {dateFormat.format(new Date(vendor.updatedAt))}
        </Text>
      </td>
    </>
  );
}

export function VendorTable({
  orgId,
  filters,
  onSort,
  empty,
}: {
  orgId: string;
  filters: ListFilters;
  onSort: (sort: ListSort, dir: 'asc' | 'desc') => void;
  /** Shown instead of rows when nothing matches. */
  empty: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const probe = useVendorPages(orgId, filters, 0, 0);
  const total = probe.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Another search, filter or order starts again at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters change
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filters]);
  const items = virtualizer.getVirtualItems();
  const pages = useVendorPages(orgId, filters, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);

  return (
    <div className={classes.frame}>
      <div ref={scrollRef} className={classes.scroll} data-testid="vendor-table-scroll">
        <table
          aria-label="Vendor inventory"
          aria-rowcount={total + 1}
          aria-busy={probe.isPending || probe.isStale}
          className={classes.table}
        >
          <thead className={classes.header}>
            <tr aria-rowindex={1} className={classes.row} style={{ gridTemplateColumns: COLUMNS }}>
              <SortHeader label="Vendor" sort="name" filters={filters} onSort={onSort} />
              <PlainHeader>Web domain</PlainHeader>
              <PlainHeader>Service categories</PlainHeader>
              <SortHeader label="Services" sort="services" filters={filters} onSort={onSort} align="right" />
              <PlainHeader>
                <span style={{ display: 'block', textAlign: 'right' }}>PHI records</span>
              </PlainHeader>
              <SortHeader label="Updated" sort="updated" filters={filters} onSort={onSort} />
            </tr>
          </thead>
          <tbody
            className={classes.rows}
            style={{ height: virtualizer.getTotalSize(), opacity: probe.isStale ? 0.6 : 1 }}
          >
            {items.map((item) => {
              const vendor = pages.rowAt(item.index);
              const href = vendor ? `/o/${orgId}/vendors/${vendor.id}` : '';
              // The vendor's name is the row's keyboard-reachable link; a click elsewhere on the row is a
              // mouse shortcut to it.
              return (
                <tr
                  key={vendor?.id ?? `row-${item.index}`}
                  aria-rowindex={item.index + 2}
                  className={classes.row}
                  data-clickable={vendor ? true : undefined}
                  onClick={(event) => {
                    if (!vendor || (event.target as HTMLElement).closest('a')) return;
                    navigate(href);
                  }}
                  style={{
                    gridTemplateColumns: COLUMNS,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {vendor ? (
                    <VendorRow vendor={vendor} search={filters.q.trim()} href={href} />
                  ) : (
                    <td className={classes.cell} style={{ gridColumn: '1 / -1' }}>
                      <Skeleton h={16} w="60%" />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {probe.isPending && (
          <Box p="md">
            {['a', 'b', 'c', 'd', 'e', 'f'].map((key) => (
              <Skeleton key={key} h={20} my={18} />
            ))}
          </Box>
        )}
        {!probe.isPending && total === 0 && empty}
      </div>
    </div>
  );
}
