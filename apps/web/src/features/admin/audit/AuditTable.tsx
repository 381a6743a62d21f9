// The audit entries: time, actor, action, entity; a row expands into its before/after diff.
import { ActionIcon, Badge, Code, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../api/types';
import { JsonDiff } from './JsonDiff';
import { actionLabel } from './known-actions';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Fragment>
      <Table.Tr
        data-testid="audit-row"
        style={{ cursor: 'pointer' }}
        onClick={() => setOpen((value) => !value)}
      >
        <Table.Td w={44}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-label={open ? `Hide changes of entry ${entry.seq}` : `Show changes of entry ${entry.seq}`}
            onClick={(event) => {
              event.stopPropagation();
              setOpen((value) => !value);
            }}
          >
            <Chevron size={16} />
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="xs" c="dimmed">
            #{entry.seq}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Tooltip label={entry.at}>
            <Text size="sm">{formatTime(entry.at)}</Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actor?.name ?? 'System'}</Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} title={entry.action}>
            {actionLabel(entry.action)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.entityType}</Text>
          <Text size="xs" c="dimmed" ff="monospace" truncate maw={220} title={entry.entityId}>
            {entry.entityId}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)" p="md">
            <JsonDiff before={entry.before} after={entry.after} />
            <Text size="xs" c="dimmed" mt="xs">
              Hash <Code fz="xs">{entry.hash}</Code>
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Paper withBorder>
      <Table verticalSpacing="xs" horizontalSpacing="md" highlightOnHover aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>#</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Entity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.seq} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
