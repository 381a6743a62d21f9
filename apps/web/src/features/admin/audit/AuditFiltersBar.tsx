// Filters of the audit log: action, actor, entity type and a date range.
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { Member } from '../../../api/types';
import { actionLabel } from './known-actions';
import { type AuditFilters, EMPTY_AUDIT_FILTERS } from './queries';

interface Props {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
  members: Member[];
  /** Choices for the action and entity-type filters (the server matches them exactly). */
  actions: string[];
  entityTypes: string[];
}

export function AuditFiltersBar({ value, onChange, members, actions, entityTypes }: Props) {
  const set = <Key extends keyof AuditFilters>(key: Key, next: AuditFilters[Key]) =>
    onChange({ ...value, [key]: next });
  const isFiltered = JSON.stringify(value) !== JSON.stringify(EMPTY_AUDIT_FILTERS);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the audit log">
      <Select
        label="Action"
        placeholder="Any action"
        w={230}
        clearable
        searchable
        data={actions.map((action) => ({ value: action, label: actionLabel(action) }))}
        value={value.action || null}
        onChange={(next) => set('action', next ?? '')}
      />
      <Select
        label="Actor"
        placeholder="Anyone"
        w={200}
        clearable
        searchable
        data={members.map((member) => ({ value: member.userId, label: member.name }))}
        value={value.actorId}
        onChange={(next) => set('actorId', next)}
      />
      <Select
        label="Entity type"
        placeholder="Any type"
        w={180}
        clearable
        searchable
        data={entityTypes}
        value={value.entityType || null}
        onChange={(next) => set('entityType', next ?? '')}
      />
      <TextInput
        label="From"
        type="date"
        w={160}
        value={value.from}
        max={value.to || undefined}
        onChange={(event) => set('from', event.currentTarget.value)}
      />
      <TextInput
        label="To"
        type="date"
        w={160}
        value={value.to}
        min={value.from || undefined}
        onChange={(event) => set('to', event.currentTarget.value)}
      />
      <Button
        variant="subtle"
        color="gray"
        leftSection={<IconFilterOff size={16} />}
        disabled={!isFiltered}
        onClick={() => onChange(EMPTY_AUDIT_FILTERS)}
      >
        Clear filters
      </Button>
    </Group>
  );
}
