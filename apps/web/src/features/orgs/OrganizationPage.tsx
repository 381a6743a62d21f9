// Admin · Organization: the organization's name, short name and creation date; rename it.
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OrganizationDetails } from '../../api/types';
import { applyApiErrors, errorMessage } from '../../app/form-errors';
import { AdminOnly } from '../admin/AdminOnly';
import { useCurrentOrg } from '../shell/current-org';
import { useOrganization, useRenameOrganization } from './queries';

function RenameForm({ org }: { org: OrganizationDetails }) {
  const rename = useRenameOrganization(org.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: org.name },
    validate: { name: (value) => (value.trim().length < 2 ? 'Enter the organization’s name' : null) },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    rename.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (saved) => {
          form.resetDirty({ name: saved.name });
          notifications.show({ color: 'teal', message: 'Organization name saved.' });
        },
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Group justify="flex-end">
          <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OrganizationSettings({ orgId }: { orgId: string }) {
  const org = useOrganization(orgId);
  if (org.isPending) return <Skeleton h={200} />;
  if (org.isError) return <Alert color="red">{errorMessage(org.error)}</Alert>;
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        {/* Keyed by name so the field follows a rename made elsewhere. */}
        <RenameForm key={org.data.name} org={org.data} />
        <Group gap="xl">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Short name (slug)
            </Text>
            <Text ff="monospace">{org.data.slug}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Created
            </Text>
            <Text>{new Date(org.data.createdAt).toLocaleDateString()}</Text>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}

export function OrganizationPage() {
  const { membership } = useCurrentOrg();
  return (
    <AdminOnly>
      <Stack gap="lg" maw={720}>
        <Stack gap={4}>
          <Title order={2}>Organization</Title>
          <Text c="dimmed">The organization’s name as members see it in SMART and in reports.</Text>
        </Stack>
        <OrganizationSettings orgId={membership.id} />
      </Stack>
    </AdminOnly>
  );
}
