// A signed-in user who belongs to no organization (all memberships removed): create one or sign out.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate } from 'react-router-dom';
import { FullPageLoader } from '../../app/FullPageLoader';
import { AuthLayout } from '../auth/AuthLayout';
import { homePath, useLogout, useSession } from '../auth/session';
import { NewOrganizationForm } from './NewOrganizationModal';

export function NoOrganizationPage() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (session.isPending) return <FullPageLoader />;
  if (!session.data) return <Navigate to="/signin" replace />;
  if (session.data.organizations.length > 0) return <Navigate to={homePath(session.data)} replace />;
  return (
    <AuthLayout width={520}>
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="md">
          <Title order={2}>You are not in any organization</Title>
          <Text size="sm" c="dimmed">
            Ask an administrator for a new invitation, or create an organization of your own.
          </Text>
          <NewOrganizationForm />
          <Button
            variant="subtle"
            color="gray"
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => navigate('/signin', { replace: true }) })
            }
          >
            Sign out
          </Button>
        </Stack>
      </Paper>
    </AuthLayout>
  );
}
