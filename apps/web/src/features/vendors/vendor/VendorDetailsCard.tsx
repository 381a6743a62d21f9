// A vendor's own facts: name, other names, web domain, contacts, the kinds and volume of protected
// health information it handles, and notes. Read as text; edited in place by those who keep the
// inventory, saved against the version they opened (a stale save is refused and explained, and the
// user's edits stay on screen until they choose to load the other version).
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api/client';
import { applyApiErrors } from '../../../app/form-errors';
import { useUpdateVendor } from '../queries';
import type { VendorContact, VendorDetail } from '../types';

/** Kinds of protected health information people commonly record; any other can be typed. */
const PHI_KIND_SUGGESTIONS = [
  'demographics',
  'clinical',
  'claims',
  'billing',
  'eligibility',
  'lab results',
  'imaging',
  'prescriptions',
  'behavioral health',
  'genetic',
  'Social Security numbers',
  'payment cards',
];

interface Values {
  name: string;
  aliases: string[];
  domain: string;
  contacts: Required<VendorContact>[];
  phiKinds: string[];
  phiRecords: number | string;
  notes: string;
}

function valuesOf(vendor: VendorDetail): Values {
  return {
    name: vendor.name,
    aliases: vendor.aliases,
    domain: vendor.domain ?? '',
    contacts: vendor.contacts.map((c) => ({
      name: c.name ?? '',
      role: c.role ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    phiKinds: vendor.phiKinds,
    phiRecords: vendor.phiRecords ?? '',
    notes: vendor.notes ?? '',
  };
}

const compact = (contact: Required<VendorContact>): VendorContact =>
  Object.fromEntries(
    Object.entries(contact)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

const numberFormat = new Intl.NumberFormat('en-US');

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const none = (
  <Text size="sm" c="dimmed">
    Not recorded
  </Text>
);

function ReadView({ vendor }: { vendor: VendorDetail }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Field label="Web domain">
          {vendor.domain ? (
            <Anchor href={`https://${vendor.domain}`} target="_blank" rel="noreferrer" size="sm">
              {vendor.domain}
            </Anchor>
          ) : (
            none
          )}
        </Field>
        <Field label="Other names">
          {vendor.aliases.length ? <Text size="sm">{vendor.aliases.join(', ')}</Text> : none}
        </Field>
        <Field label="Kinds of PHI">
          {vendor.phiKinds.length ? <Text size="sm">{vendor.phiKinds.join(', ')}</Text> : none}
        </Field>
        <Field label="PHI records">
          {vendor.phiRecords === null ? (
            none
          ) : (
            <Text size="sm">{numberFormat.format(vendor.phiRecords)}</Text>
          )}
        </Field>
      </SimpleGrid>
      <Field label="Contacts">
        {vendor.contacts.length === 0
          ? none
          : vendor.contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id and are shown in their stored order
              <Text size="sm" key={`${c.email ?? ''}-${i}`}>
                {[c.name, c.role].filter(Boolean).join(', ')}
                {c.email && (
                  <>
                    {c.name || c.role ? ' · ' : ''}
                    <Anchor href={`mailto:${c.email}`} size="sm">
                      {c.email}
                    </Anchor>
                  </>
                )}
                {c.phone && ` · ${c.phone}`}
              </Text>
            ))}
      </Field>
      <Field label="Notes">
        {vendor.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {vendor.notes}
          </Text>
        ) : (
          none
        )}
      </Field>
    </Stack>
  );
}

function EditForm({ orgId, vendor, onDone }: { orgId: string; vendor: VendorDetail; onDone: () => void }) {
  const update = useUpdateVendor(orgId, vendor.id);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // The version these edits started from; moves on only when the user loads the newer one.
  const [baseVersion, setBaseVersion] = useState(vendor.version);
  const form = useForm<Values>({
    initialValues: valuesOf(vendor),
    validate: {
      name: (v) => (v.trim() === '' ? 'Enter the vendor’s name' : null),
      phiRecords: (v) =>
        v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? null : 'Enter a whole number',
      contacts: {
        email: (v) => (v.trim() === '' || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Not an email address'),
      },
    },
  });
  const newer = vendor.version !== baseVersion;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        version: baseVersion,
        name: values.name.trim(),
        aliases: values.aliases,
        domain: values.domain.trim() || null,
        contacts: values.contacts.map(compact).filter((c) => Object.keys(c).length > 0),
        phiKinds: values.phiKinds,
        phiRecords: values.phiRecords === '' ? null : Number(values.phiRecords),
        notes: values.notes.trim() || null,
      },
      {
        onSuccess: (saved) => {
          notifications.show({ message: `${saved.name} was saved.` });
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            setStale(true);
            return;
          }
          // A contact's field is named by its position (body.contacts.0.email): marked on that field.
          if (error instanceof ApiError) {
            const isContact = (path: string) => /contacts\.\d+\.\w+$/.test(path);
            for (const issue of error.issues.filter((x) => isContact(x.path))) {
              const [, index, field] = issue.path.match(/contacts\.(\d+)\.(\w+)$/) ?? [];
              form.setFieldError(`contacts.${index}.${field}`, issue.message);
            }
            const rest = error.issues.filter((x) => !isContact(x.path));
            setFormError(
              applyApiErrors(form, new ApiError(error.status, error.code, error.message, rest, null)),
            );
          } else setFormError(applyApiErrors(form, error));
        },
      },
    );
  });

  const loadLatest = () => {
    form.setValues(valuesOf(vendor));
    form.resetDirty(valuesOf(vendor));
    setBaseVersion(vendor.version);
    setStale(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && (
          <Alert color="orange" title="Someone else changed this vendor" data-testid="vendor-conflict">
            <Stack gap="xs">
              <Text size="sm">
                {newer
                  ? 'Their version has been loaded in the background. Your edits are still here and were not saved: load their version to see what changed, then make your edits again.'
                  : 'Your edits are still here and were not saved. Reload to see their changes, then make your edits again.'}
              </Text>
              <Group>
                <Button size="xs" variant="white" color="orange" onClick={loadLatest} disabled={!newer}>
                  Load their version (discards my edits)
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Web domain" placeholder="acmeclaims.com" {...form.getInputProps('domain')} />
          <TagsInput
            label="Other names"
            placeholder="Press Enter after each"
            {...form.getInputProps('aliases')}
          />
          <TagsInput
            label="Kinds of PHI"
            placeholder="Choose or type"
            data={PHI_KIND_SUGGESTIONS}
            {...form.getInputProps('phiKinds')}
          />
          <NumberInput
            label="PHI records"
            description="About how many patients’ records it holds or sees"
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            {...form.getInputProps('phiRecords')}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Contacts
          </Text>
          {form.values.contacts.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; rows are edited in place
            <Paper key={i} withBorder p="xs" bg="gray.0">
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" style={{ flex: 1 }}>
                  <TextInput
                    aria-label="Contact name"
                    placeholder="Name"
                    {...form.getInputProps(`contacts.${i}.name`)}
                  />
                  <TextInput
                    aria-label="Contact role"
                    placeholder="Role"
                    {...form.getInputProps(`contacts.${i}.role`)}
                  />
                  <TextInput
                    aria-label="Contact email"
                    placeholder="Email"
                    {...form.getInputProps(`contacts.${i}.email`)}
                  />
                  <TextInput
                    aria-label="Contact phone"
                    placeholder="Phone"
                    {...form.getInputProps(`contacts.${i}.phone`)}
                  />
                </SimpleGrid>
                <Tooltip label="Remove this contact">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={4}
                    aria-label="Remove this contact"
                    onClick={() => form.removeListItem('contacts', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('contacts', { name: '', role: '', email: '', phone: '' })}
            >
              Add contact
            </Button>
          </Group>
        </Stack>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={stale}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VendorDetailsCard({
  orgId,
  vendor,
  canEdit,
}: {
  orgId: string;
  vendor: VendorDetail;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>About this vendor</Title>
          {canEdit && !editing && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
          )}
        </Group>
        {editing ? (
          <EditForm orgId={orgId} vendor={vendor} onDone={() => setEditing(false)} />
        ) : (
          <ReadView vendor={vendor} />
        )}
      </Stack>
    </Paper>
  );
}
