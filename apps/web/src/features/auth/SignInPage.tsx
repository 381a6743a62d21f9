// Sign-in: email and password, with clear messages for wrong credentials and rate limiting.
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { FullPageLoader } from '../../app/FullPageLoader';
import { AuthLayout } from './AuthLayout';
import { signInErrorMessage } from './login-errors';
import { homePath, useLogin, useSession, useSetupStatus } from './session';

/** Only same-app paths are followed after sign-in, never another site. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const session = useSession();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter your email address'),
      password: (value) => (value.length > 0 ? null : 'Enter your password'),
    },
  });

  if (setup.isPending || session.isPending) return <FullPageLoader />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={safeNext(params.get('next')) ?? homePath(session.data)} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (signedIn) =>
          navigate(safeNext(params.get('next')) ?? homePath(signedIn), { replace: true }),
      },
    );
  });

  return (
    <AuthLayout>
      <Paper withBorder shadow="sm" p="xl">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={2}>Sign in</Title>
              <Text c="dimmed" size="sm">
                Use the email and password of your SMART account.
              </Text>
            </Stack>
            {login.isError && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not sign in">
                {signInErrorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              Sign in
            </Button>
            <Text size="xs" c="dimmed">
              No account? Ask an administrator of your organization for an invitation.{' '}
              <Anchor href="/api/docs" size="xs" target="_blank" rel="noopener">
                API documentation
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </AuthLayout>
  );
}
