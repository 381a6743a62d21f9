// Pending invitations, with who sent them, when they expire, and a revoke button.
import { Alert, Button, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { roleLabel } from '../../../api/types';
import { errorMessage } from '../../../app/form-errors';
import { useInvitations, useRevokeInvitation } from './queries';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function InvitationsSection({ orgId }: { orgId: string }) {
  const invitations = useInvitations(orgId);
  const revoke = useRevokeInvitation(orgId);

  let body: ReactNode;
  if (invitations.isPending) body = <Skeleton h={80} />;
  else if (invitations.isError) body = <Alert color="red">{errorMessage(invitations.error)}</Alert>;
  else if (invitations.data.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        No pending invitations.
      </Text>
    );
  else
    body = (
      <Paper withBorder>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{roleLabel(invitation.role)}</Table.Td>
                <Table.Td>{invitation.invitedBy?.name ?? '—'}</Table.Td>
                <Table.Td>{formatDate(invitation.createdAt)}</Table.Td>
                <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke invitation for ${invitation.email}`}
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() =>
                      revoke.mutate(invitation.id, {
                        onSuccess: () =>
                          notifications.show({ message: `Invitation for ${invitation.email} revoked.` }),
                        onError: (error) =>
                          notifications.show({ color: 'red', message: errorMessage(error) }),
                      })
                    }
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    );

  return (
    <Stack gap="sm">
      <Title order={4}>Pending invitations</Title>
      {body}
    </Stack>
  );
}
