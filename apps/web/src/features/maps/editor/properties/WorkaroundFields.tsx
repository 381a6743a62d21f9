// A manual workaround: the downtime procedure that keeps a node running at reduced capacity, with
// the staff it needs and how long it can last. Shown in the panel of the node it covers (attach,
// edit, remove) and in the workaround's own panel.
import { Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { DraftModel } from '../../draft';
import { NODE_SIZE } from '../../layout';
import type { MapLayout } from '../../types';
import { type Edit, newId } from '../edits';
import { DurationInput } from './fields';

type Workaround = DraftModel['workarounds'][number];

export function WorkaroundInputs({
  workaround,
  commit,
  editable,
}: {
  workaround: Workaround;
  commit: (edit: Edit, coalesceKey?: string) => void;
  editable: boolean;
}) {
  const id = workaround.id;
  return (
    <Stack gap="xs">
      <TextInput
        label="What people do"
        value={workaround.label ?? ''}
        onChange={(event) =>
          commit({ type: 'updateNode', id, patch: { label: event.currentTarget.value } }, `label:${id}`)
        }
        disabled={!editable}
      />
      <Group grow gap="xs" align="flex-start">
        <NumberInput
          label="Capacity"
          description="of normal"
          suffix="%"
          min={0}
          max={100}
          clampBehavior="strict"
          value={Math.round(workaround.capacity * 100)}
          onChange={(value) =>
            typeof value === 'number' &&
            commit({ type: 'updateNode', id, patch: { capacity: value / 100 } }, `capacity:${id}`)
          }
          disabled={!editable}
        />
        <DurationInput
          label="Lasts up to"
          description="sustainable for"
          value={workaround.maxDuration}
          onCommit={(value) =>
            value && commit({ type: 'updateNode', id, patch: { maxDuration: value } }, `max:${id}`)
          }
          disabled={!editable}
        />
        <NumberInput
          label="Staff"
          description="extra people"
          min={0}
          allowDecimal={false}
          clampBehavior="strict"
          value={workaround.staff}
          onChange={(value) =>
            typeof value === 'number' &&
            commit({ type: 'updateNode', id, patch: { staff: value } }, `staff:${id}`)
          }
          disabled={!editable}
        />
      </Group>
    </Stack>
  );
}

/** The workaround section of a node's panel: attach one, or edit and remove the one it has. */
export function WorkaroundSection({
  nodeId,
  model,
  layout,
  commit,
  editable,
}: {
  nodeId: string;
  model: DraftModel;
  layout: MapLayout;
  commit: (edit: Edit, coalesceKey?: string) => void;
  editable: boolean;
}) {
  const workaround = model.workarounds.find((w) => w.for === nodeId);
  if (!workaround) {
    if (!editable) return null;
    const at = layout[nodeId] ?? { x: 0, y: 0 };
    return (
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Manual workaround
        </Text>
        <Text size="xs" c="dimmed">
          A downtime procedure that keeps this running at reduced capacity for a while.
        </Text>
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconPlus size={14} />}
          w="fit-content"
          onClick={() =>
            commit({
              type: 'addWorkaround',
              id: newId(model, 'workaround'),
              for: nodeId,
              label: 'Manual workaround',
              capacity: 0.5,
              maxDuration: '3d',
              staff: 1,
              position: { x: at.x, y: at.y + NODE_SIZE.step.height + 40 },
            })
          }
        >
          Attach a workaround
        </Button>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="xs" radius="sm" bg="orange.0" data-testid="workaround-section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Manual workaround
          </Text>
          {editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={12} />}
              onClick={() => commit({ type: 'remove', nodes: [workaround.id], edges: [] })}
            >
              Remove
            </Button>
          )}
        </Group>
        <WorkaroundInputs workaround={workaround} commit={commit} editable={editable} />
      </Stack>
    </Paper>
  );
}
