// "New organization": creates another organization with the current user as its administrator.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyApiErrors } from '../../app/form-errors';
import { OrganizationFields, type OrganizationFieldValues } from './OrganizationFields';
import { useCreateOrganization } from './queries';
import { slugError } from './slug';

export function NewOrganizationForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrganizationFieldValues>({
    initialValues: { organizationName: '', organizationSlug: '' },
    validate: {
      organizationName: (value) => (value.trim().length < 2 ? 'Enter the organization’s name' : null),
      organizationSlug: slugError,
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { name: values.organizationName.trim(), slug: values.organizationSlug },
      {
        onSuccess: (org) => {
          notifications.show({
            color: 'teal',
            title: 'Organization created',
            message: `You are the administrator of ${org.name}.`,
          });
          form.reset();
          onDone?.();
          navigate(`/o/${org.id}`);
        },
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Each organization has its own maps, vendors, members and audit log. You will be its administrator.
        </Text>
        {formError && <Alert color="red">{formError}</Alert>}
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
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={create.isPending}>
            Create organization
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New organization" size="md">
      <NewOrganizationForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
