// First run: a three-step guided setup (organization, first administrator, done), with the demo
// organization as a clearly secondary way in.
import { Alert, Button, Group, Paper, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import type { Session } from '../../api/types';
import { FullPageLoader } from '../../app/FullPageLoader';
import { applyApiErrors } from '../../app/form-errors';
import { ErrorScreen } from '../../app/RouteError';
import { AuthLayout } from '../auth/AuthLayout';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { newPasswordError } from '../auth/password-strength';
import { homePath, setupKey, useSetupStatus } from '../auth/session';
import { OrganizationFields } from '../orgs/OrganizationFields';
import { slugError } from '../orgs/slug';
import { DemoCard } from './DemoCard';
import { useCompleteSetup } from './queries';

const ORG_FIELDS = ['organizationName', 'organizationSlug'] as const;

export function SetupPage() {
  const setup = useSetupStatus();
  const complete = useCompleteSetup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [created, setCreated] = useState<Session | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      organizationName: '',
      organizationSlug: '',
      name: '',
      email: '',
      password: '',
      confirmPassword: '',
    },
    validate: {
      organizationName: (value) => (value.trim().length < 2 ? 'Enter your organization’s name' : null),
      organizationSlug: slugError,
      name: (value) => (value.trim().length < 1 ? 'Enter your name' : null),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      password: newPasswordError,
      confirmPassword: (value, values) => (value === values.password ? null : 'The passwords do not match'),
    },
  });

  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <ErrorScreen error={setup.error} />;
  if (!setup.data.needsSetup && !created) return <Navigate to="/" replace />;

  const nextFromOrganization = () => {
    const invalid = ORG_FIELDS.map((field) => form.validateField(field).hasError).some(Boolean);
    if (!invalid) setActive(1);
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    complete.mutate(
      {
        organizationName: values.organizationName.trim(),
        organizationSlug: values.organizationSlug,
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
      },
      {
        onSuccess: (session) => {
          setCreated(session);
          setActive(3);
        },
        onError: (error) => {
          setFormError(applyApiErrors(form, error));
          if (ORG_FIELDS.some((field) => form.errors[field])) setActive(0);
        },
      },
    );
  });

  const openApp = () => {
    queryClient.setQueryData(setupKey, { needsSetup: false });
    if (created) navigate(homePath(created), { replace: true });
  };

  return (
    <AuthLayout width={640}>
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={2}>Set up SMART</Title>
            <Text c="dimmed" size="sm">
              Three short steps: your organization, your administrator account, and you are in.
            </Text>
          </Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <form
            noValidate
            onSubmit={(event) => {
              // Enter on the first step moves on instead of submitting the whole form.
              if (active === 0) {
                event.preventDefault();
                nextFromOrganization();
              } else submit(event);
            }}
          >
            <Stepper
              active={active}
              size="sm"
              allowNextStepsSelect={false}
              onStepClick={created ? undefined : setActive}
            >
              <Stepper.Step label="Organization" description="Who runs the program">
                <Stack gap="md" pt="md">
                  <OrganizationFields
                    values={form.getValues()}
                    errors={form.errors}
                    onChange={(patch) => {
                      form.setValues(patch);
                      for (const field of Object.keys(patch)) form.clearFieldError(field);
                    }}
                    autoFocus
                  />
                  <Group justify="flex-end">
                    <Button onClick={nextFromOrganization}>Next</Button>
                  </Group>
                </Stack>
              </Stepper.Step>
              <Stepper.Step label="Administrator" description="Your own account">
                <Stack gap="md" pt="md">
                  <Text size="sm" c="dimmed">
                    The administrator invites the rest of the team and gives each person a role.
                  </Text>
                  <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
                  <TextInput
                    label="Email"
                    type="email"
                    autoComplete="username"
                    required
                    {...form.getInputProps('email')}
                  />
                  <NewPasswordFields form={form} />
                  <Group justify="space-between">
                    <Button variant="default" onClick={() => setActive(0)}>
                      Back
                    </Button>
                    <Button type="submit" loading={complete.isPending}>
                      Create organization and account
                    </Button>
                  </Group>
                </Stack>
              </Stepper.Step>
              <Stepper.Step label="Done" description="Into the app" />
              <Stepper.Completed>
                <Stack gap="md" pt="md" align="flex-start">
                  <Group gap="xs">
                    <IconCircleCheck color="var(--mantine-color-teal-7)" />
                    <Title order={3}>SMART is ready</Title>
                  </Group>
                  <Text>
                    {created?.organizations[0]?.name ?? 'Your organization'} is set up and you are signed in
                    as its administrator. Start with Phase 1: bring your planning team together and agree on
                    what “material” means for you.
                  </Text>
                  <Button onClick={openApp}>Open SMART</Button>
                </Stack>
              </Stepper.Completed>
            </Stepper>
          </form>
        </Stack>
      </Paper>
      {active < 2 && <DemoCard />}
    </AuthLayout>
  );
}
