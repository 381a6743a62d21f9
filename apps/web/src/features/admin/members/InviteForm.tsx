// Invite a member by email and role; shows the acceptance link to hand over (no mail server yet).
import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { isRole, ROLE_LABELS, ROLE_OPTIONS, type Role } from '../../../api/types';
import { applyApiErrors } from '../../../app/form-errors';
import { useInvite } from './queries';

/** The server may answer with a path; the person receiving it needs a full address. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

export function InviteForm({ orgId }: { orgId: string }) {
  const invite = useInvite(orgId);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; role: Role; url: string } | null>(null);
  const form = useForm<{ email: string; role: string }>({
    initialValues: { email: '', role: 'assessor' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      role: (value) => (isRole(value) ? null : 'Choose a role'),
    },
  });

  const submit = form.onSubmit((values) => {
    const role = values.role;
    if (!isRole(role)) return;
    setFormError(null);
    invite.mutate(
      { email: values.email.trim(), role },
      {
        onSuccess: (result) => {
          setCreated({ email: result.invitation.email, role, url: absoluteUrl(result.acceptUrl) });
          form.setFieldValue('email', '');
        },
        onError: (error) => setFormError(applyApiErrors(form, error)),
      },
    );
  });

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={4}>Invite a member</Title>
          <Text size="sm" c="dimmed">
            SMART does not send email yet: after inviting, copy the link and send it to the person yourself.
          </Text>
        </Stack>
        {formError && <Alert color="red">{formError}</Alert>}
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Email"
              type="email"
              placeholder="name@example.org"
              style={{ flex: 1, minWidth: 240 }}
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              allowDeselect={false}
              w={200}
              {...form.getInputProps('role')}
            />
            <Button type="submit" mt={25} loading={invite.isPending}>
              Invite
            </Button>
          </Group>
        </form>
        {created && (
          <Alert
            color="teal"
            icon={<IconLink />}
            title={`Invitation created for ${created.email} (${ROLE_LABELS[created.role]})`}
          >
            <Stack gap={6}>
              <Text size="sm">Send this link to {created.email}. It works once and expires.</Text>
              <Group gap="xs" wrap="nowrap">
                <TextInput
                  value={created.url}
                  readOnly
                  aria-label="Invitation link"
                  data-testid="invite-link"
                  style={{ flex: 1 }}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <CopyButton value={created.url}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                      <ActionIcon variant="light" size="lg" onClick={copy} aria-label="Copy invitation link">
                        {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
