// What a node depends on and what depends on it, with the controls that shape them: connect to
// another node without drawing a line, and group dependencies that are alternatives of each other
// (the node keeps running while k of the n run).
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowsSplit } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { type DraftModel, type NodeEntry, nodeLabel } from '../../draft';
import { lineKeyLabel } from '../../map-style';
import { type Edit, newId } from '../edits';

/** More rows than this in one list are summarized: a vendor of a large map may serve hundreds. */
const SHOWN = 60;

interface Props {
  nodeId: string;
  model: DraftModel;
  nodes: ReadonlyMap<string, NodeEntry>;
  editable: boolean;
  commit: (edit: Edit, coalesceKey?: string) => void;
  onSelectNode: (id: string) => void;
}

function NodeLink({
  id,
  nodes,
  onSelect,
}: {
  id: string;
  nodes: Props['nodes'];
  onSelect: (id: string) => void;
}) {
  const entry = nodes.get(id);
  if (!entry) {
    return (
      <Text size="sm" c="red" span>
        unknown node “{id}”
      </Text>
    );
  }
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => onSelect(id)} ta="left" lineClamp={2}>
      {nodeLabel(entry.node)}
    </Anchor>
  );
}

/** The nodes a new connection could go to: every node but this one, workarounds and those already linked. */
function connectable(nodes: Props['nodes'], exclude: ReadonlySet<string>) {
  const data: { value: string; label: string }[] = [];
  for (const [id, entry] of nodes) {
    if (exclude.has(id) || entry.kind === 'workaround') continue;
    data.push({ value: id, label: `${nodeLabel(entry.node)}` });
  }
  return data;
}

export function DependsOn({ nodeId, model, nodes, editable, commit, onSelectNode }: Props) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const deps = useMemo(
    () => model.dependencies.flatMap((d, index) => (d.from === nodeId ? [{ ...d, index }] : [])),
    [model.dependencies, nodeId],
  );
  const groups = model.alternatives.filter((g) => g.from === nodeId);
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g] as const)));
  const options = useMemo(
    () => connectable(nodes, new Set([nodeId, ...deps.map((d) => d.to)])),
    [nodes, nodeId, deps],
  );
  const chosen = [...checked].filter((id) => deps.some((d) => d.to === id));

  return (
    <Stack gap="xs" data-testid="depends-on">
      <Text size="sm" fw={600}>
        Depends on{' '}
        {deps.length > 0 && (
          <Badge variant="light" color="gray" size="sm">
            {deps.length}
          </Badge>
        )}
      </Text>
      {deps.length === 0 && (
        <Text size="xs" c="dimmed">
          Nothing yet. Draw a line into this node's left side, or choose below.
        </Text>
      )}
      {deps.slice(0, SHOWN).map((d) => {
        const group = groupOf.get(d.to);
        return (
          <Group key={`${d.to}-${d.index}`} gap={8} wrap="nowrap" align="flex-start">
            {editable && deps.length > 1 && (
              <Checkbox
                mt={3}
                size="xs"
                aria-label={`Choose ${nodeLabel(nodes.get(d.to)?.node ?? { id: d.to })} as an alternative`}
                checked={checked.has(d.to)}
                onChange={(event) => {
                  const next = new Set(checked);
                  if (event.currentTarget.checked) next.add(d.to);
                  else next.delete(d.to);
                  setChecked(next);
                }}
              />
            )}
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <NodeLink id={d.to} nodes={nodes} onSelect={onSelectNode} />
              <Text size="xs" c="dimmed">
                {lineKeyLabel(d.flow)}
                {d.standard ? ` · ${d.standard}` : ''}
              </Text>
            </Stack>
            {group && (
              <Badge size="sm" variant="light" color="grape" style={{ flex: 'none' }}>
                {group.k} of {group.members.length}
              </Badge>
            )}
          </Group>
        );
      })}
      {deps.length > SHOWN && (
        <Text size="xs" c="dimmed">
          and {deps.length - SHOWN} more
        </Text>
      )}
      {editable && deps.length > 1 && (
        <Button
          size="xs"
          variant="light"
          color="grape"
          leftSection={<IconArrowsSplit size={14} />}
          disabled={chosen.length < 2}
          onClick={() => {
            commit({
              type: 'groupAlternatives',
              id: newId(model, 'group'),
              from: nodeId,
              members: chosen,
              k: 1,
            });
            setChecked(new Set());
          }}
          w="fit-content"
        >
          {chosen.length < 2
            ? 'Tick two to group them as alternatives'
            : `Group as alternatives (1 of ${chosen.length})`}
        </Button>
      )}
      {groups.map((g) => (
        <Paper key={g.id} withBorder p="xs" radius="sm" bg="grape.0" data-testid="alternatives-group">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                Alternatives: {g.k} of {g.members.length}
              </Text>
              {editable && (
                <CloseButton
                  size="sm"
                  aria-label="Ungroup these alternatives"
                  title="Ungroup: every one of them is needed again"
                  onClick={() => commit({ type: 'ungroup', id: g.id })}
                />
              )}
            </Group>
            <Group gap={6} wrap="nowrap" align="center">
              <Text size="xs">Keeps running while</Text>
              <NumberInput
                size="xs"
                w={56}
                min={1}
                max={g.members.length}
                clampBehavior="strict"
                allowDecimal={false}
                value={g.k}
                onChange={(value) =>
                  typeof value === 'number' && commit({ type: 'updateGroup', id: g.id, k: value })
                }
                aria-label="How many of the alternatives must run"
                disabled={!editable}
              />
              <Text size="xs">of {g.members.length} run</Text>
            </Group>
            <TextInput
              size="xs"
              placeholder="What the group is, e.g. “Either clearinghouse”"
              aria-label="Name of the group"
              value={g.label ?? ''}
              onChange={(event) =>
                commit(
                  { type: 'updateGroup', id: g.id, label: event.currentTarget.value },
                  `group-label:${g.id}`,
                )
              }
              disabled={!editable}
            />
            <Text size="xs" c="dimmed">
              {g.members.map((m) => nodeLabel(nodes.get(m)?.node ?? { id: m })).join(' · ')}
            </Text>
          </Stack>
        </Paper>
      ))}
      {editable && (
        <Select
          size="xs"
          placeholder="Add something it depends on…"
          aria-label="Add something this node depends on"
          data={options}
          value={null}
          searchable
          limit={50}
          nothingFoundMessage="No node matches"
          onChange={(id) => id && commit({ type: 'connect', source: id, target: nodeId })}
        />
      )}
    </Stack>
  );
}

export function UsedBy({ nodeId, model, nodes, editable, commit, onSelectNode }: Props) {
  const users = useMemo(
    () => model.dependencies.flatMap((d, index) => (d.to === nodeId ? [{ ...d, index }] : [])),
    [model.dependencies, nodeId],
  );
  const options = useMemo(
    () => connectable(nodes, new Set([nodeId, ...users.map((d) => d.from)])),
    [nodes, nodeId, users],
  );
  return (
    <Stack gap="xs" data-testid="used-by">
      <Text size="sm" fw={600}>
        Needed by{' '}
        {users.length > 0 && (
          <Badge variant="light" color="gray" size="sm">
            {users.length}
          </Badge>
        )}
      </Text>
      {users.length === 0 && (
        <Text size="xs" c="dimmed">
          Nothing depends on it yet. Draw a line from this node's right side, or choose below.
        </Text>
      )}
      {users.slice(0, SHOWN).map((d) => (
        <Stack key={`${d.from}-${d.index}`} gap={0}>
          <NodeLink id={d.from} nodes={nodes} onSelect={onSelectNode} />
          <Text size="xs" c="dimmed">
            {lineKeyLabel(d.flow)}
            {d.standard ? ` · ${d.standard}` : ''}
          </Text>
        </Stack>
      ))}
      {users.length > SHOWN && (
        <Text size="xs" c="dimmed">
          and {users.length - SHOWN} more
        </Text>
      )}
      {editable && (
        <Select
          size="xs"
          placeholder="Add something that depends on it…"
          aria-label="Add something that depends on this node"
          data={options}
          value={null}
          searchable
          limit={50}
          nothingFoundMessage="No node matches"
          onChange={(id) => id && commit({ type: 'connect', source: nodeId, target: id })}
        />
      )}
    </Stack>
  );
}
