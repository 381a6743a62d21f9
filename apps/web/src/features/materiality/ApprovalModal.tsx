// Recording the approval of a draft version: which body approved it, who, when, and a note.
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import {
  APPROVING_BODIES,
  APPROVING_BODY_LABELS,
  isApprovingBody,
  type RubricVersionSummary,
} from '../../api/types';
import { applyApiErrors } from '../../app/form-errors';
import { useApproveRubricVersion } from './queries';

interface Values {
  approvingBody: string | null;
  approverName: string;
  approvalDate: string;
  note: string;
}

const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export function ApprovalModal({
  orgId,
  version,
  approvers,
  approvedVersion,
  onClose,
}: {
  orgId: string;
  version: RubricVersionSummary | null;
  /** Names of team members marked as approvers, offered as suggestions. */
  approvers: string[];
  approvedVersion: number | null;
  onClose: () => void;
}) {
  const approve = useApproveRubricVersion(orgId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { approvingBody: null, approverName: '', approvalDate: todayIso(), note: '' },
    validate: {
      approvingBody: (v) => (isApprovingBody(v) ? null : 'Choose the body that approved it'),
      approverName: (v) => (v.trim() === '' ? 'Enter who approved it' : null),
      approvalDate: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v)
          ? 'Enter the date'
          : v > todayIso()
            ? 'The date cannot be in the future'
            : null,
      note: (v, values) =>
        values.approvingBody === 'other' && v.trim() === '' ? 'Say which body approved the rubric' : null,
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens for a version
  useEffect(() => {
    if (version) {
      form.reset();
      setFormError(null);
    }
  }, [version]);

  const submit = form.onSubmit((values) => {
    if (!version || !isApprovingBody(values.approvingBody)) return;
    setFormError(null);
    approve.mutate(
      {
        id: version.id,
        input: {
          approvingBody: values.approvingBody,
          approverName: values.approverName.trim(),
          approvalDate: values.approvalDate,
          note: values.note.trim(),
        },
      },
      { onSuccess: onClose, onError: (error) => setFormError(applyApiErrors(form, error)) },
    );
  });

  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      title={version ? `Record the approval of version ${version.version}` : ''}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Record an approval that has already happened, for example at a board meeting. The approved version
            becomes the one analysis uses
            {approvedVersion !== null ? `, replacing version ${approvedVersion}` : ''}.
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Select
            label="Approving body"
            required
            placeholder="Choose"
            data={APPROVING_BODIES.map((b) => ({ value: b, label: APPROVING_BODY_LABELS[b] }))}
            allowDeselect={false}
            {...form.getInputProps('approvingBody')}
          />
          <Group grow align="flex-start">
            <Autocomplete
              label="Approver"
              required
              placeholder="e.g. Pat Kim, board chair"
              data={approvers}
              {...form.getInputProps('approverName')}
            />
            <TextInput
              label="Date of approval"
              type="date"
              required
              {...form.getInputProps('approvalDate')}
            />
          </Group>
          <Textarea
            label="Note"
            autosize
            minRows={2}
            placeholder="e.g. Approved at the January board meeting; minutes item 4"
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={approve.isPending}>
              Record approval
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
