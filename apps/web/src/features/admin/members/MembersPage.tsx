// Admin · Members: who belongs to the organization, their roles, and pending invitations.
import { Stack, Text, Title } from '@mantine/core';
import { useCurrentOrg } from '../../shell/current-org';
import { AdminOnly } from '../AdminOnly';
import { InvitationsSection } from './InvitationsSection';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';

export function MembersPage() {
  const { membership, session } = useCurrentOrg();
  return (
    <AdminOnly>
      <Stack gap="xl" maw={1100}>
        <Stack gap={4}>
          <Title order={2}>Members</Title>
          <Text c="dimmed">
            The people of {membership.name} who work in SMART, and what each may do. Roles: administrators
            manage members; risk leads run the method; assessors review vendors; business owners describe
            their workflows; executive viewers read and approve.
          </Text>
        </Stack>
        <MembersTable orgId={membership.id} currentUserId={session.user.id} />
        <InviteForm orgId={membership.id} />
        <InvitationsSection orgId={membership.id} />
      </Stack>
    </AdminOnly>
  );
}
