// Add or change a service or product of a vendor: its category from the taxonomy, how it is
// deployed, the vendor that hosts it, and where it connects to the organization's systems.
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { applyApiErrors } from '../../../app/form-errors';
import { CATEGORY_OPTIONS, categoryOf } from '../categories';
import { useAddDependency, useSaveService } from '../queries';
import { DEPLOYMENT_LABELS, DEPLOYMENTS, type Deployment, type Service } from '../types';
import { VendorPicker, type VendorRef } from '../VendorPicker';

interface Values {
  name: string;
  category: string | null;
  deployment: Deployment | '';
  hosting: VendorRef | null;
  integrationPoints: string[];
  notes: string;
}

const blank: Values = {
  name: '',
  category: null,
  deployment: '',
  hosting: null,
  integrationPoints: [],
  notes: '',
};

export function ServiceModal({
  orgId,
  vendorId,
  opened,
  service,
  hostingName,
  hostingDependencies,
  onClose,
}: {
  orgId: string;
  vendorId: string;
  opened: boolean;
  /** The service being changed, or null to add one. */
  service: Service | null;
  /** The name of the service's hosting vendor, when it has one. */
  hostingName: string | null;
  /** "serviceId:vendorId" of the hosting dependencies already recorded. */
  hostingDependencies: Set<string>;
  onClose: () => void;
}) {
  const save = useSaveService(orgId, vendorId);
  const addDependency = useAddDependency(orgId, vendorId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: blank,
    validate: {
      name: (v) => (v.trim() === '' ? 'Enter the service’s name' : null),
      category: (v) => (v ? null : 'Choose the service category'),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens for a service
  useEffect(() => {
    if (!opened) return;
    setFormError(null);
    form.clearErrors();
    form.setValues(
      service
        ? {
            name: service.name,
            category: service.category,
            deployment: service.deployment ?? '',
            hosting: service.hostingVendorId
              ? { id: service.hostingVendorId, name: hostingName ?? 'Hosting vendor' }
              : null,
            integrationPoints: service.integrationPoints,
            notes: service.notes ?? '',
          }
        : blank,
    );
  }, [opened, service]);

  const category = form.values.category ? categoryOf(form.values.category) : undefined;

  const submit = form.onSubmit((values) => {
    if (!values.category) return;
    setFormError(null);
    save.mutate(
      {
        id: service?.id ?? null,
        ...(service ? { version: service.version } : {}),
        input: {
          name: values.name.trim(),
          category: values.category,
          deployment: values.deployment || null,
          hostingVendorId: values.hosting?.id ?? null,
          integrationPoints: values.integrationPoints,
          notes: values.notes.trim() || null,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ message: `${saved.name} was ${service ? 'saved' : 'added'}.` });
          // The host is a fourth party the analysis must see: recorded as a hosting dependency too.
          const host = values.hosting;
          if (host && !hostingDependencies.has(`${saved.id}:${host.id}`)) {
            addDependency.mutate(
              { serviceId: saved.id, dependsOnVendorId: host.id, kind: 'hosting', notes: null },
              {
                onError: (error) =>
                  notifications.show({
                    color: 'red',
                    message: `The hosting dependency on ${host.name} was not recorded: ${error.message}`,
                  }),
              },
            );
          }
          onClose();
        },
        onError: (error) =>
          setFormError(
            error instanceof ApiError && error.status === 409
              ? `${error.message} Close this window to see the latest version.`
              : applyApiErrors(form, error),
          ),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={service ? `Edit ${service.name}` : 'Add a service or product'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Service category"
            required
            searchable
            placeholder="Search the categories"
            allowDeselect={false}
            data={CATEGORY_OPTIONS}
            nothingFoundMessage="No such category"
            description={category?.definition}
            {...form.getInputProps('category')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Deployment
            </Text>
            <SegmentedControl
              aria-label="Deployment"
              data={[
                { value: '', label: 'Not known' },
                ...DEPLOYMENTS.map((d) => ({ value: d, label: DEPLOYMENT_LABELS[d] })),
              ]}
              {...form.getInputProps('deployment')}
            />
          </Stack>
          <VendorPicker
            orgId={orgId}
            label="Hosting provider"
            description="The vendor whose cloud or data center runs it, a fourth party; it is also recorded as a hosting dependency of this service."
            placeholder="Search, or type a new name"
            excludeId={vendorId}
            value={form.values.hosting}
            onChange={(hosting) => form.setFieldValue('hosting', hosting)}
            error={form.errors.hostingVendorId as string | undefined}
          />
          <TagsInput
            label="Integration points"
            description="Where it connects: systems, interfaces, standards (e.g. “EHR via HL7 v2 ADT”). Press Enter after each."
            {...form.getInputProps('integrationPoints')}
          />
          <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {service ? 'Save' : 'Add service'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
