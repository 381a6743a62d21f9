// Admin · Audit log: every change to the organization's data, who made it and when, with
// filters, "Load more" paging, and a check of the hash chain that makes tampering visible.
import { Alert, Button, Center, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { AdminOnly } from '../AdminOnly';
import { useMembers } from '../members/queries';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES, withSeen } from './known-actions';
import { type AuditFilters, EMPTY_AUDIT_FILTERS, useAuditLog, useVerifyAuditChain } from './queries';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

function AuditLog({ orgId }: { orgId: string }) {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  // Typing in a text filter should not fire a request per keystroke.
  const [debounced] = useDebouncedValue(filters, 300);
  const members = useMembers(orgId);
  const log = useAuditLog(orgId, debounced);
  const verify = useVerifyAuditChain(orgId);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const actions = withSeen(
    KNOWN_ACTIONS,
    entries.map((entry) => entry.action),
    filters.action,
  );
  const entityTypes = withSeen(
    KNOWN_ENTITY_TYPES,
    entries.map((entry) => entry.entityType),
    filters.entityType,
  );

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>Audit log</Title>
          <Text c="dimmed" maw={720}>
            Every change to this organization’s data: who made it, when, and what it was before and after.
            Entries cannot be edited; each one is chained to the previous by a hash, so tampering shows.
          </Text>
        </Stack>
        <VerifyChainButton verify={verify} />
      </Group>
      <VerifyChainResult verify={verify} />
      <AuditFiltersBar
        value={filters}
        onChange={setFilters}
        members={members.data ?? []}
        actions={actions}
        entityTypes={entityTypes}
      />
      {log.isPending && <Skeleton h={240} />}
      {log.isError && <Alert color="red">{errorMessage(log.error)}</Alert>}
      {log.isSuccess && entries.length === 0 && (
        <Text c="dimmed" data-testid="audit-empty">
          No entries match these filters.
        </Text>
      )}
      {entries.length > 0 && <AuditTable entries={entries} />}
      {log.hasNextPage && (
        <Center>
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { membership } = useCurrentOrg();
  return (
    <AdminOnly>
      <AuditLog orgId={membership.id} />
    </AdminOnly>
  );
}
