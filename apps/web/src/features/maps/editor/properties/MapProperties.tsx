// The panel when nothing is selected: the map's name and TLP marking, what it holds, and how to
// start editing. And the panel for several selected things: remove them, or group them as
// alternatives when one of them depends on the others.
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { TLP_LEVELS, type Tlp } from '@smart/core';
import { IconArrowsSplit, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { type DraftModel, type NodeEntry, nodeLabel } from '../../draft';
import type { MapEdge } from '../../map-graph';
import { NODE_LOOK } from '../../map-style';
import { TLP_OPTIONS } from '../../panels/tlp-options';
import type { MapDetail } from '../../types';
import { type Edit, newId } from '../edits';

const COUNTS: { kind: keyof typeof NODE_LOOK; list: keyof DraftModel }[] = [
  { kind: 'function', list: 'functions' },
  { kind: 'step', list: 'processSteps' },
  { kind: 'system', list: 'systems' },
  { kind: 'service', list: 'services' },
  { kind: 'vendor', list: 'vendors' },
  { kind: 'host', list: 'hosts' },
  { kind: 'workaround', list: 'workarounds' },
];

export function MapProperties({
  model,
  map,
  editable,
  commit,
}: {
  model: DraftModel;
  map: MapDetail;
  editable: boolean;
  commit: (edit: Edit, coalesceKey?: string) => void;
}) {
  // The name cannot be empty: an emptied field keeps the last name until something is typed.
  const [name, setName] = useState(model.name ?? map.name);
  useEffect(() => setName(model.name ?? map.name), [model.name, map.name]);
  return (
    <Stack gap="sm" data-testid="map-properties">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        This map
      </Text>
      <TextInput
        label="Name"
        value={name}
        error={name.trim() === '' ? 'A map needs a name' : undefined}
        maxLength={200}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setName(next);
          if (next.trim()) commit({ type: 'setMap', name: next }, 'map-name');
        }}
        disabled={!editable}
      />
      <Select
        label="TLP marking"
        description="Who may see this map and its exports (TLP 2.0)"
        data={TLP_OPTIONS}
        value={model.tlp}
        allowDeselect={false}
        onChange={(tlp) =>
          tlp &&
          (TLP_LEVELS as readonly string[]).includes(tlp) &&
          commit({ type: 'setMap', tlp: tlp as Tlp })
        }
        disabled={!editable}
      />
      {map.subTeamName && (
        <Text size="sm">
          Owned by the <b>{map.subTeamName}</b> sub-team.
        </Text>
      )}
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
        {COUNTS.map(({ kind, list }) => (
          <Group key={kind} gap={6} wrap="nowrap">
            <Badge variant="light" color="gray" size="sm" miw={34}>
              {(model[list] as unknown[]).length}
            </Badge>
            <Text size="xs">{NODE_LOOK[kind].label}</Text>
          </Group>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {model.dependencies.length} dependencies, {model.alternatives.length} groups of alternatives.
      </Text>
      <Text size="sm" c="dimmed">
        {editable
          ? 'Select a node or a line to edit it. Add nodes from the bar at the top of the map; draw a line from a node’s right handle to what depends on it.'
          : 'Select a node or a line to read its details and comments.'}
      </Text>
    </Stack>
  );
}

/** A node among the selection that depends on two or more of the other selected nodes. */
export function alternativesCandidate(model: DraftModel, selected: ReadonlySet<string>) {
  for (const id of selected) {
    const providers = model.dependencies.filter((d) => d.from === id && selected.has(d.to)).map((d) => d.to);
    if (providers.length >= 2) return { from: id, members: providers };
  }
  return null;
}

export function SelectionProperties({
  model,
  nodes,
  selectedNodes,
  selectedEdges,
  editable,
  commit,
}: {
  model: DraftModel;
  nodes: ReadonlyMap<string, NodeEntry>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: readonly MapEdge[];
  editable: boolean;
  commit: (edit: Edit) => void;
}) {
  const candidate = alternativesCandidate(model, selectedNodes);
  const nodeCount = selectedNodes.size;
  const edgeCount = selectedEdges.length;
  return (
    <Stack gap="sm" data-testid="selection-properties">
      <Text size="sm" fw={600}>
        {[
          nodeCount ? `${nodeCount} ${nodeCount === 1 ? 'node' : 'nodes'}` : '',
          edgeCount ? `${edgeCount} ${edgeCount === 1 ? 'line' : 'lines'}` : '',
        ]
          .filter(Boolean)
          .join(' and ')}{' '}
        selected
      </Text>
      <Text size="xs" c="dimmed">
        Shift-click or drag with Shift held to change the selection. Drag any of them to move them together.
      </Text>
      {editable && candidate && (
        <Stack gap={4}>
          <Text size="sm">
            <b>{nodeLabel(nodes.get(candidate.from)?.node ?? { id: candidate.from })}</b> depends on{' '}
            {candidate.members.length} of the selected nodes. If any one of them is enough, group them as
            alternatives.
          </Text>
          <Button
            size="xs"
            variant="light"
            color="grape"
            leftSection={<IconArrowsSplit size={14} />}
            w="fit-content"
            onClick={() =>
              commit({
                type: 'groupAlternatives',
                id: newId(model, 'group'),
                from: candidate.from,
                members: candidate.members,
                k: 1,
              })
            }
          >
            Group as alternatives (1 of {candidate.members.length})
          </Button>
        </Stack>
      )}
      {editable && (
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          w="fit-content"
          onClick={() =>
            commit({ type: 'remove', nodes: [...selectedNodes], edges: selectedEdges.map((e) => e.ref) })
          }
        >
          Remove the selection
        </Button>
      )}
    </Stack>
  );
}
