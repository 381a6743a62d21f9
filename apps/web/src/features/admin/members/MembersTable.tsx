// The members table: name, email, role (changeable by administrators), joined date, remove.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { isRole, type Member, ROLE_OPTIONS } from '../../../api/types';
import { errorMessage } from '../../../app/form-errors';
import { useChangeRole, useMembers, useRemoveMember } from './queries';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function RemoveMemberModal({
  orgId,
  member,
  onClose,
}: {
  orgId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const remove = useRemoveMember(orgId);
  return (
    <Modal opened={member !== null} onClose={onClose} title="Remove member">
      {member && (
        <Stack gap="md">
          <Text size="sm">
            Remove {member.name} ({member.email}) from this organization? They lose access at once. Their past
            actions stay in the audit log.
          </Text>
          {remove.isError && <Alert color="red">{errorMessage(remove.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(member.userId, {
                  onSuccess: () => {
                    notifications.show({ message: `${member.name} was removed.` });
                    onClose();
                  },
                })
              }
            >
              Remove
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function MembersTable({ orgId, currentUserId }: { orgId: string; currentUserId: string }) {
  const members = useMembers(orgId);
  const changeRole = useChangeRole(orgId);
  const [removing, setRemoving] = useState<Member | null>(null);

  if (members.isPending) return <Skeleton h={160} />;
  if (members.isError) return <Alert color="red">{errorMessage(members.error)}</Alert>;

  const rows = members.data.map((member) => (
    <Table.Tr key={member.userId} data-testid={`member-${member.email}`}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {member.name}
          </Text>
          {member.userId === currentUserId && (
            <Badge size="xs" variant="light" color="gray">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{member.email}</Text>
      </Table.Td>
      <Table.Td w={210}>
        <Select
          aria-label={`Role of ${member.name}`}
          data={ROLE_OPTIONS}
          value={member.role}
          allowDeselect={false}
          size="xs"
          disabled={changeRole.isPending}
          onChange={(value) => {
            if (!isRole(value) || value === member.role) return;
            changeRole.mutate(
              { userId: member.userId, role: value },
              {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: `${member.name} is now ${ROLE_OPTIONS.find((o) => o.value === value)?.label ?? value}.`,
                  }),
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    title: 'Role not changed',
                    message: errorMessage(error),
                  }),
              },
            );
          }}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {formatDate(member.joinedAt)}
        </Text>
      </Table.Td>
      <Table.Td w={56}>
        <Tooltip label="Remove from organization">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${member.name}`}
            onClick={() => setRemoving(member)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Joined</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
      <RemoveMemberModal orgId={orgId} member={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}
