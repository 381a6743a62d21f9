// `/invite/:token`: shows which organization and role the invitation is for, then lets a new user
// create their account, or an existing user sign in, and accept.
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { roleLabel } from '../../api/types';
import { FullPageLoader } from '../../app/FullPageLoader';
import { errorMessage } from '../../app/form-errors';
import { AuthLayout } from './AuthLayout';
import { AcceptAsExistingUser, AcceptAsNewUser } from './InviteAcceptForms';
import { useInvitationPreview } from './invitations';

function invitationErrorText(error: unknown): string {
  if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
    return 'This invitation link is not valid any more: it was already used, revoked, or it expired. Ask your administrator for a new one.';
  }
  return errorMessage(error);
}

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);

  if (preview.isPending) return <FullPageLoader />;
  if (preview.isError) {
    return (
      <AuthLayout>
        <Alert color="red" icon={<IconAlertCircle />} title="Invitation not available" role="alert">
          {invitationErrorText(preview.error)}
        </Alert>
      </AuthLayout>
    );
  }
  const invitation = preview.data;
  return (
    <AuthLayout width={480}>
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="lg">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconMailOpened size={28} color="var(--mantine-color-teal-7)" />
            <Stack gap={4}>
              <Title order={2}>Join {invitation.organizationName}</Title>
              <Text size="sm" c="dimmed">
                You are invited as{' '}
                <Badge variant="light" size="sm" radius="sm">
                  {roleLabel(invitation.role)}
                </Badge>{' '}
                with the email {invitation.email}.
              </Text>
              <Text size="xs" c="dimmed">
                The link expires on {new Date(invitation.expiresAt).toLocaleDateString()}.
              </Text>
            </Stack>
          </Group>
          {invitation.userExists ? (
            <AcceptAsExistingUser token={token} invitation={invitation} />
          ) : (
            <AcceptAsNewUser token={token} invitation={invitation} />
          )}
        </Stack>
      </Paper>
    </AuthLayout>
  );
}
