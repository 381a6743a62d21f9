// The two ways to accept an invitation: create an account (new user), or sign in and accept.
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { InvitationPreview } from '../../api/types';
import { applyApiErrors, errorMessage } from '../../app/form-errors';
import { invitedOrgPath, useAcceptInvitation } from './invitations';
import { signInErrorMessage } from './login-errors';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordError } from './password-strength';
import { useLogin, useLogout, useSession } from './session';

interface Props {
  token: string;
  invitation: InvitationPreview;
}

export function AcceptAsNewUser({ token, invitation }: Props) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', password: '', confirmPassword: '' },
    validate: {
      name: (value) => (value.trim().length < 1 ? 'Enter your name' : null),
      password: newPasswordError,
      confirmPassword: (value, values) => (value === values.password ? null : 'The passwords do not match'),
    },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    accept.mutate(
      { name: values.name.trim(), password: values.password },
      {
        onSuccess: (session) =>
          navigate(invitedOrgPath(session, invitation.organizationName), { replace: true }),
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">Create your account to accept.</Text>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Email" value={invitation.email} readOnly disabled />
        <TextInput label="Your name" autoComplete="name" required autoFocus {...form.getInputProps('name')} />
        <NewPasswordFields form={form} />
        <Button type="submit" loading={accept.isPending} fullWidth>
          Create account and join
        </Button>
      </Stack>
    </form>
  );
}

export function AcceptAsExistingUser({ token, invitation }: Props) {
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const logout = useLogout();
  const accept = useAcceptInvitation(token);
  const form = useForm({ initialValues: { password: '' } });

  const acceptNow = () =>
    accept.mutate(
      {},
      {
        onSuccess: (accepted) =>
          navigate(invitedOrgPath(accepted, invitation.organizationName), { replace: true }),
      },
    );
  const acceptError = accept.isError && (
    <Alert color="red" role="alert">
      {errorMessage(accept.error)}
    </Alert>
  );

  const signedInEmail = session.data?.user.email;
  if (signedInEmail && signedInEmail.toLowerCase() === invitation.email.toLowerCase()) {
    return (
      <Stack gap="md">
        <Text size="sm">You are signed in as {signedInEmail}.</Text>
        {acceptError}
        <Button onClick={acceptNow} loading={accept.isPending} fullWidth>
          Accept invitation
        </Button>
      </Stack>
    );
  }
  if (signedInEmail) {
    return (
      <Stack gap="md">
        <Alert color="yellow">
          You are signed in as {signedInEmail}, but this invitation is for {invitation.email}. Sign out, then
          sign in with the invited account.
        </Alert>
        <Button variant="default" loading={logout.isPending} onClick={() => logout.mutate()}>
          Sign out
        </Button>
      </Stack>
    );
  }
  const submit = form.onSubmit((values) =>
    login.mutate({ email: invitation.email, password: values.password }, { onSuccess: acceptNow }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">You already have a SMART account. Sign in to accept.</Text>
        {login.isError && (
          <Alert color="red" role="alert">
            {signInErrorMessage(login.error)}
          </Alert>
        )}
        {acceptError}
        <TextInput label="Email" value={invitation.email} readOnly disabled />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          autoFocus
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={login.isPending || accept.isPending} fullWidth>
          Sign in and accept
        </Button>
      </Stack>
    </form>
  );
}
