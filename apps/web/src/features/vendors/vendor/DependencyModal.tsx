// Recording a fourth party or hidden dependency: what the vendor (or one of its services) relies
// on, of what kind — the cloud it runs on, a supplier, an API, an integration engine, an
// automation tool, a certificate or update service.
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { applyApiErrors } from '../../../app/form-errors';
import { useAddDependency } from '../queries';
import { DEPENDENCY_KIND_LABELS, DEPENDENCY_KINDS, type DependencyKind, type Service } from '../types';
import { VendorPicker, type VendorRef } from '../VendorPicker';

const KIND_HINTS: Record<DependencyKind, string> = {
  hosting: 'The cloud, data center or hosting company it runs on.',
  supplier: 'A company whose product or component it is built with or resells.',
  api: 'Another company’s interface it calls to do its job.',
  'integration-engine': 'The interface engine that carries its messages (HL7, X12, FHIR).',
  automation: 'A robotic-process or workflow automation tool it relies on.',
  certificate: 'The certificate authority or signing service it relies on.',
  'update-service': 'Where its software updates, definitions or feeds come from.',
  other: 'Anything else it cannot work without.',
};

interface Values {
  scope: string;
  kind: DependencyKind | null;
  dependsOn: VendorRef | null;
  notes: string;
}

const VENDOR_SCOPE = 'vendor';

export function DependencyModal({
  orgId,
  vendorId,
  vendorName,
  services,
  opened,
  initialServiceId,
  onClose,
}: {
  orgId: string;
  vendorId: string;
  vendorName: string;
  services: Service[];
  opened: boolean;
  /** Preselects one service as what depends. */
  initialServiceId: string | null;
  onClose: () => void;
}) {
  const add = useAddDependency(orgId, vendorId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { scope: VENDOR_SCOPE, kind: null, dependsOn: null, notes: '' },
    validate: {
      kind: (v) => (v ? null : 'Choose the kind of dependency'),
      dependsOn: (v) => (v ? null : 'Choose the vendor it depends on'),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    setFormError(null);
    form.setValues({ scope: initialServiceId ?? VENDOR_SCOPE, kind: null, dependsOn: null, notes: '' });
    form.clearErrors();
  }, [opened, initialServiceId]);

  const submit = form.onSubmit((values) => {
    if (!values.kind || !values.dependsOn) return;
    const target = values.dependsOn;
    setFormError(null);
    add.mutate(
      {
        serviceId: values.scope === VENDOR_SCOPE ? null : values.scope,
        dependsOnVendorId: target.id,
        kind: values.kind,
        notes: values.notes.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ message: `The dependency on ${target.name} was recorded.` });
          onClose();
        },
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Record a fourth party or hidden dependency" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label="What depends on it"
            data={[
              { value: VENDOR_SCOPE, label: `${vendorName} as a whole` },
              ...services.map((s) => ({ value: s.id, label: s.name })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('scope')}
          />
          <Select
            label="Kind"
            required
            placeholder="Choose"
            allowDeselect={false}
            data={DEPENDENCY_KINDS.map((k) => ({ value: k, label: DEPENDENCY_KIND_LABELS[k] }))}
            description={form.values.kind ? KIND_HINTS[form.values.kind] : undefined}
            {...form.getInputProps('kind')}
          />
          <VendorPicker
            orgId={orgId}
            label="Depends on"
            required
            placeholder="Search the inventory, or type a new name"
            excludeId={form.values.scope === VENDOR_SCOPE ? vendorId : undefined}
            value={form.values.dependsOn}
            onChange={(v) => form.setFieldValue('dependsOn', v)}
            error={(form.errors.dependsOn as string | undefined) ?? null}
          />
          <Textarea
            label="Notes"
            placeholder="Region, contract, what breaks when it is down"
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Record dependency
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
