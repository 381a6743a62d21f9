// Adding one vendor: its name, web domain and other names; the rest is filled in on its own page.
import { Alert, Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyApiErrors } from '../../app/form-errors';
import { useCreateVendor } from './queries';

interface Values {
  name: string;
  domain: string;
  aliases: string[];
}

export function AddVendorModal({
  orgId,
  opened,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateVendor(orgId);
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', domain: '', aliases: [] },
    validate: { name: (v) => (v.trim() === '' ? 'Enter the vendor’s name' : null) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (opened) {
      form.reset();
      setFormError(null);
    }
  }, [opened]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      {
        name: values.name.trim(),
        domain: values.domain.trim() || null,
        aliases: values.aliases,
        contacts: [],
        phiKinds: [],
        phiRecords: null,
        notes: null,
      },
      {
        onSuccess: (vendor) => {
          notifications.show({ message: `${vendor.name} was added to the inventory.` });
          onClose();
          navigate(`/o/${orgId}/vendors/${vendor.id}`);
        },
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Add a vendor" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Web domain"
            description="For example acmeclaims.com; it tells duplicates apart when you import spreadsheets."
            {...form.getInputProps('domain')}
          />
          <TagsInput
            label="Other names"
            description="Trade names, abbreviations, former names. Press Enter after each."
            {...form.getInputProps('aliases')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add vendor
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
