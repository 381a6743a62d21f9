// Editing a rubric version: the grid in edit mode, a note on what changed, and saving as the next
// version. A save from a version someone else has since replaced is refused by the server; the
// editor then says so and offers to load the latest, instead of overwriting their work.
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { RubricDimension, RubricVersion } from '../../api/types';
import { errorMessage } from '../../app/form-errors';
import { useSaveRubricVersion } from './queries';
import { RubricGrid } from './RubricGrid';
import { dimensionErrors } from './rubric-errors';

/** The dimensions every rubric keeps (PRODUCT P1.2); the server refuses a rubric without them. */
export const REQUIRED_DIMENSIONS = ['patientSafety', 'operational', 'financial', 'regulatory', 'privacy'];

function newDimension(existing: RubricDimension[]): RubricDimension {
  let n = existing.length + 1;
  while (existing.some((d) => d.id === `custom${n}`)) n += 1;
  const scale = existing[0]?.levels ?? [];
  return {
    id: `custom${n}`,
    label: 'New dimension',
    description: '',
    levels: scale.map((l) => ({ value: l.value, label: l.label, description: '', threshold: '' })),
  };
}

export function RubricEditor({
  orgId,
  base,
  onSaved,
  onCancel,
  onReloadLatest,
}: {
  orgId: string;
  base: RubricVersion;
  onSaved: (saved: RubricVersion) => void;
  onCancel: () => void;
  onReloadLatest: () => void;
}) {
  const save = useSaveRubricVersion(orgId);
  const [dimensions, setDimensions] = useState(base.dimensions);
  const [changeNote, setChangeNote] = useState('');
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const { byPath, general } = dimensionErrors(conflict ? null : save.error);

  return (
    <Stack gap="md">
      <Paper withBorder p="md" bg="blue.0">
        <Group justify="space-between" align="flex-end">
          <TextInput
            label="What changed (optional)"
            placeholder="e.g. Financial thresholds raised after the CFO review"
            value={changeNote}
            onChange={(e) => setChangeNote(e.currentTarget.value)}
            style={{ flex: 1, maxWidth: 620 }}
          />
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { baseVersion: base.version, dimensions, changeNote: changeNote.trim() },
                  { onSuccess: onSaved },
                )
              }
            >
              Save as version {base.version + 1}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          Saving keeps version {base.version} readable in the history. The new version is a draft until its
          approval is recorded.
        </Text>
      </Paper>
      {conflict && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="Someone saved a newer version">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(save.error)}</Text>
            <Text size="sm">
              Your edits are still shown below: note what you need, then load the latest version and make them
              there.
            </Text>
            <Button size="xs" color="orange" onClick={onReloadLatest}>
              Load the latest version
            </Button>
          </Stack>
        </Alert>
      )}
      {general && (
        <Alert color="red" title="The rubric was not saved">
          {general}
        </Alert>
      )}
      <RubricGrid
        dimensions={dimensions}
        editing={{ onChange: setDimensions, errors: byPath, required: REQUIRED_DIMENSIONS }}
      />
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() => setDimensions([...dimensions, newDimension(dimensions)])}
        >
          Add a dimension
        </Button>
      </Group>
    </Stack>
  );
}
