// Form or change a sub-team: its name, what it covers, the workflows it owns and its members.
import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { SubTeam, TeamMember } from '../../api/types';
import { applyApiErrors } from '../../app/form-errors';
import { useSaveSubTeam } from './queries';

interface Values {
  name: string;
  description: string;
  workflows: string;
  memberIds: string[];
}

const blank: Values = { name: '', description: '', workflows: '', memberIds: [] };

export function SubTeamModal({
  orgId,
  opened,
  subTeam,
  members,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  subTeam: SubTeam | null;
  members: TeamMember[];
  onClose: () => void;
}) {
  const save = useSaveSubTeam(orgId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: blank,
    validate: { name: (v) => (v.trim() === '' ? 'Give the sub-team a name' : null) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens for a sub-team
  useEffect(() => {
    if (opened) {
      form.setValues(
        subTeam
          ? {
              name: subTeam.name,
              description: subTeam.description,
              workflows: subTeam.workflows,
              memberIds: subTeam.memberIds,
            }
          : blank,
      );
      form.clearErrors();
      setFormError(null);
    }
  }, [opened, subTeam]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      {
        id: subTeam?.id ?? null,
        input: {
          name: values.name.trim(),
          description: values.description.trim(),
          workflows: values.workflows.trim(),
          memberIds: values.memberIds,
        },
      },
      { onSuccess: onClose, onError: (error) => setFormError(applyApiErrors(form, error)) },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={subTeam ? `Edit ${subTeam.name}` : 'Form a sub-team'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label="Sub-team name"
            required
            placeholder="e.g. Laboratory"
            {...form.getInputProps('name')}
          />
          <Textarea
            label="What it covers"
            autosize
            minRows={2}
            placeholder="e.g. Everything from specimen collection to reporting results"
            {...form.getInputProps('description')}
          />
          <Textarea
            label="Workflows it owns"
            description="The workflows whose maps this sub-team keeps accurate; one per line."
            autosize
            minRows={2}
            placeholder={'Laboratories\nBlood'}
            {...form.getInputProps('workflows')}
          />
          <MultiSelect
            label="Members"
            placeholder={members.length === 0 ? 'Add people to the team first' : 'Choose team members'}
            data={members.map((m) => ({ value: m.id, label: m.name }))}
            searchable
            {...form.getInputProps('memberIds')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {subTeam ? 'Save changes' : 'Form sub-team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
