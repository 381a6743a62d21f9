// Dated snapshots of the prioritized list: what Phase 2 tiers vendors from. Administrators and
// risk leads take one (with the saved weights); everyone sees the list and downloads any of them.
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../app/form-errors';
import { TlpBadge } from '../maps/TlpBadge';
import { ExportMenu } from './ExportMenu';
import { useSnapshots, useTakeSnapshot } from './queries';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function SnapshotsPanel({ orgId, canTake }: { orgId: string; canTake: boolean }) {
  const snapshots = useSnapshots(orgId);
  const take = useTakeSnapshot(orgId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const submit = () =>
    take.mutate(name.trim() ? { name: name.trim() } : {}, {
      onSuccess: () => {
        setNaming(false);
        setName('');
      },
    });
  return (
    <Card withBorder padding="lg" data-testid="snapshots">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Snapshots</Title>
          <Text size="sm" c="dimmed">
            A snapshot keeps the list as it is today, with the saved weights. Phase 2 tiers vendors from the
            latest one.
          </Text>
        </div>
        {canTake && (
          <Button leftSection={<IconCamera size={16} />} variant="light" onClick={() => setNaming(true)}>
            Save snapshot
          </Button>
        )}
      </Group>
      {snapshots.isError && <Alert color="red">{errorMessage(snapshots.error)}</Alert>}
      {snapshots.data && snapshots.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No snapshot yet.
        </Text>
      )}
      {snapshots.data && snapshots.data.length > 0 && (
        <Table verticalSpacing="xs" data-testid="snapshot-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Vendors</Table.Th>
              <Table.Th>Marking</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshots.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{dateTime.format(new Date(s.takenAt))}</Table.Td>
                <Table.Td>{s.name ?? ''}</Table.Td>
                <Table.Td>{s.takenByName ?? ''}</Table.Td>
                <Table.Td>{s.vendorCount}</Table.Td>
                <Table.Td>
                  <TlpBadge tlp={s.tlp} size="sm" />
                </Table.Td>
                <Table.Td ta="right">
                  <ExportMenu orgId={orgId} snapshot={s.id} label="Download" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save a snapshot of the prioritized list">
        <Stack>
          <TextInput
            label="Name (optional)"
            placeholder="e.g. Board meeting, March"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            The snapshot uses the saved weights, not a preview. It cannot be changed afterwards.
          </Text>
          {take.isError && <Alert color="red">{errorMessage(take.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button onClick={submit} loading={take.isPending}>
              Save snapshot
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
