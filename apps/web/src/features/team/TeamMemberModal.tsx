// Add or edit a person on the planning team: who they are (optionally their SMART account), their
// discipline, their role on the assessment, and whether they approve the rubric.
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { DISCIPLINE_LABELS, DISCIPLINES, isDiscipline, type TeamMember } from '../../api/types';
import { applyApiErrors } from '../../app/form-errors';
import { useMembers } from '../admin/members/queries';
import { useSaveTeamMember } from './queries';

export const DISCIPLINE_OPTIONS = DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }));

interface Values {
  name: string;
  email: string;
  userId: string | null;
  discipline: string | null;
  assessmentRole: string;
  isApprover: boolean;
}

const blank: Values = {
  name: '',
  email: '',
  userId: null,
  discipline: null,
  assessmentRole: '',
  isApprover: false,
};

function valuesOf(member: TeamMember | null): Values {
  if (!member) return blank;
  return {
    name: member.name,
    email: member.email ?? '',
    userId: member.userId,
    discipline: member.discipline,
    assessmentRole: member.assessmentRole,
    isApprover: member.isApprover,
  };
}

export function TeamMemberModal({
  orgId,
  opened,
  member,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  /** The member being edited, or null to add one. */
  member: TeamMember | null;
  onClose: () => void;
}) {
  const save = useSaveTeamMember(orgId);
  const accounts = useMembers(orgId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: blank,
    validate: {
      name: (v) => (v.trim() === '' ? 'Enter the person’s name' : null),
      email: (v) =>
        v.trim() === '' || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address',
      discipline: (v) => (isDiscipline(v) ? null : 'Choose a discipline'),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens for a member
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(member));
      form.resetDirty();
      form.clearErrors();
      setFormError(null);
    }
  }, [opened, member]);

  const accountOptions = (accounts.data ?? []).map((a) => ({
    value: a.userId,
    label: `${a.name} (${a.email})`,
  }));

  const submit = form.onSubmit((values) => {
    if (!isDiscipline(values.discipline)) return;
    setFormError(null);
    save.mutate(
      {
        id: member?.id ?? null,
        input: {
          name: values.name.trim(),
          email: values.email.trim() === '' ? null : values.email.trim(),
          userId: values.userId,
          discipline: values.discipline,
          assessmentRole: values.assessmentRole.trim(),
          isApprover: values.isApprover,
        },
      },
      { onSuccess: onClose, onError: (error) => setFormError(applyApiErrors(form, error)) },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={member ? `Edit ${member.name}` : 'Add a team member'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label="SMART account (optional)"
            description="Link the person’s account if they use SMART. People without an account can be on the team too."
            placeholder="Not linked"
            data={accountOptions}
            searchable
            clearable
            {...form.getInputProps('userId')}
            onChange={(value) => {
              form.setFieldValue('userId', value);
              const account = accounts.data?.find((a) => a.userId === value);
              if (account) {
                if (form.getValues().name.trim() === '') form.setFieldValue('name', account.name);
                if (form.getValues().email.trim() === '') form.setFieldValue('email', account.email);
              }
            }}
          />
          <Group grow align="flex-start">
            <TextInput label="Name" required {...form.getInputProps('name')} />
            <TextInput label="Email (optional)" type="email" {...form.getInputProps('email')} />
          </Group>
          <Select
            label="Discipline"
            required
            placeholder="Choose a discipline"
            data={DISCIPLINE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('discipline')}
          />
          <TextInput
            label="Role on the assessment"
            placeholder="e.g. Leads the vendor security reviews"
            {...form.getInputProps('assessmentRole')}
          />
          <Checkbox
            label="Approves the materiality rubric"
            description="For members of senior management or the board who sign off the rubric."
            {...form.getInputProps('isApprover', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {member ? 'Save changes' : 'Add to team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
