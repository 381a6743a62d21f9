// The panel of one selected line: for a dependency its flow type (drawn as the key draws it), label
// and data standard, and the group of alternatives it belongs to; for a vendor line or a workaround
// line, what it means and how to remove it.
import { Anchor, Autocomplete, Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { FLOW_TYPES } from '@smart/core';
import { lineKey } from '@smart/templates/keys';
import { IconTrash } from '@tabler/icons-react';
import { type DraftModel, type NodeEntry, nodeLabel } from '../../draft';
import { LineSwatch } from '../../MapLegend';
import type { MapEdge } from '../../map-graph';
import type { Edit } from '../edits';

/** Standards the templates use, offered while typing (any other can be written). */
const STANDARDS = [
  'X12 837P/837I/837D',
  'X12 835',
  'X12 270/271',
  'X12 276/277',
  'X12 278',
  'X12 999, 277CA',
  'NCPDP SCRIPT',
  'NCPDP Telecommunication D.0',
  'HL7 v2',
  'HL7 v2 ORM/ORU',
  'HL7 FHIR R4',
  'HL7 CDA',
  'DICOM',
  'DICOMweb',
  'IHE XDS',
  'ACH CCD+ (Nacha)',
  'GS1 EDI',
  'NEMSIS',
  'SFTP batch files',
];

interface Props {
  edge: MapEdge;
  model: DraftModel;
  nodes: ReadonlyMap<string, NodeEntry>;
  editable: boolean;
  commit: (edit: Edit, coalesceKey?: string) => void;
  onSelectNode: (id: string) => void;
}

function Name({
  id,
  nodes,
  onSelect,
}: {
  id: string;
  nodes: Props['nodes'];
  onSelect: (id: string) => void;
}) {
  return (
    <Anchor component="button" type="button" fw={600} onClick={() => onSelect(id)}>
      {nodeLabel(nodes.get(id)?.node ?? { id })}
    </Anchor>
  );
}

export function EdgeProperties({ edge, model, nodes, editable, commit, onSelectNode }: Props) {
  const remove = (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      leftSection={<IconTrash size={12} />}
      onClick={() => commit({ type: 'remove', nodes: [], edges: [edge.ref] })}
    >
      Remove line
    </Button>
  );
  const ref = edge.ref;
  if (ref.type === 'vendor') {
    return (
      <Stack gap="sm" data-testid="edge-properties">
        <Group justify="space-between">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Vendor
          </Text>
          {editable && remove}
        </Group>
        <Text size="sm">
          <Name id={edge.source} nodes={nodes} onSelect={onSelectNode} /> {edge.label ?? 'provides'}{' '}
          <Name id={edge.target} nodes={nodes} onSelect={onSelectNode} />. If the vendor fails, so does this.
        </Text>
        <Text size="xs" c="dimmed">
          Removing the line leaves the service without a vendor until another is chosen in its panel.
        </Text>
      </Stack>
    );
  }
  if (ref.type === 'workaround') {
    return (
      <Stack gap="sm" data-testid="edge-properties">
        <Group justify="space-between">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Manual workaround
          </Text>
          {editable && remove}
        </Group>
        <Text size="sm">
          <Name id={edge.source} nodes={nodes} onSelect={onSelectNode} /> keeps{' '}
          <Name id={edge.target} nodes={nodes} onSelect={onSelectNode} /> running when what it depends on
          fails.
        </Text>
        <Text size="xs" c="dimmed">
          Removing the line removes the workaround.
        </Text>
      </Stack>
    );
  }
  const dep = model.dependencies[ref.index];
  if (!dep) return null;
  const group = model.alternatives.find((g) => g.from === dep.from && g.members.includes(dep.to));
  return (
    <Stack gap="sm" data-testid="edge-properties">
      <Group justify="space-between">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          Dependency
        </Text>
        {editable && remove}
      </Group>
      <Text size="sm">
        <Name id={dep.from} nodes={nodes} onSelect={onSelectNode} /> depends on{' '}
        <Name id={dep.to} nodes={nodes} onSelect={onSelectNode} />.
      </Text>
      <Radio.Group
        label="Flow"
        value={dep.flow}
        onChange={(flow) =>
          commit({
            type: 'updateDependency',
            index: ref.index,
            patch: { flow: flow as (typeof FLOW_TYPES)[number] },
          })
        }
      >
        <Stack gap={6} mt={4}>
          {FLOW_TYPES.map((flow) => (
            <Radio
              key={flow}
              value={flow}
              disabled={!editable}
              label={
                <Group gap={8} wrap="nowrap">
                  <LineSwatch look={lineKey[flow]} />
                  <Text size="sm">{lineKey[flow].label}</Text>
                </Group>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label="Label"
        description="What passes, e.g. “charges” or “remittances”"
        value={dep.label ?? ''}
        onChange={(event) =>
          commit(
            { type: 'updateDependency', index: ref.index, patch: { label: event.currentTarget.value } },
            `dep-label:${ref.index}`,
          )
        }
        disabled={!editable}
      />
      <Autocomplete
        label="Standard"
        description="The data or messaging standard the flow uses"
        data={STANDARDS}
        value={dep.standard ?? ''}
        onChange={(standard) =>
          commit(
            { type: 'updateDependency', index: ref.index, patch: { standard } },
            `dep-standard:${ref.index}`,
          )
        }
        disabled={!editable}
      />
      {group && (
        <Stack gap={4}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              One of a group of alternatives
            </Text>
            <Badge size="sm" variant="light" color="grape">
              {group.k} of {group.members.length}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {nodeLabel(nodes.get(dep.from)?.node ?? { id: dep.from })} keeps running while {group.k} of these{' '}
            {group.members.length} run. Change the group in its panel.
          </Text>
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onSelectNode(dep.from)}>
            Open {nodeLabel(nodes.get(dep.from)?.node ?? { id: dep.from })}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
