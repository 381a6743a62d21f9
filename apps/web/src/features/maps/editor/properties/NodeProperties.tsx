// The panel of one selected node: its label and notes, the fields of its kind (a function's
// tolerance and impact curve, a step's order and actor, a service's category and vendor, a host's
// vendor, a workaround's capacity), what it depends on and what needs it, its workaround, and the
// inventory services linked to it.
import {
  Anchor,
  Button,
  Divider,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { type DraftModel, type NodeEntry, nodeLabel } from '../../draft';
import { NODE_SIZE } from '../../layout';
import { InventoryLinks } from '../../panels/InventoryLinks';
import type { MapLayout } from '../../types';
import { type Edit, newId } from '../edits';
import { DependsOn, UsedBy } from './DependenciesSection';
import {
  ActorInput,
  type ActorOption,
  CategorySelect,
  DurationInput,
  KindBadge,
  VendorSelect,
} from './fields';
import { ImpactsEditor } from './ImpactsEditor';
import { WorkaroundInputs, WorkaroundSection } from './WorkaroundFields';

export interface NodePropertiesProps {
  entry: NodeEntry;
  model: DraftModel;
  layout: MapLayout;
  nodes: ReadonlyMap<string, NodeEntry>;
  editable: boolean;
  mapId: string;
  actors: readonly ActorOption[];
  commit: (edit: Edit, coalesceKey?: string) => void;
  onSelectNode: (id: string) => void;
  labelRef?: RefObject<HTMLInputElement | null>;
}

function KindFields(props: NodePropertiesProps) {
  const { entry, model, layout, editable, actors, commit } = props;
  const id = entry.node.id;
  const addVendor = (name: string) => {
    const vendorId = newId(model, 'vendor');
    const at = layout[id] ?? { x: 0, y: 0 };
    commit({
      type: 'batch',
      edits: [
        {
          type: 'addNode',
          kind: 'vendor',
          id: vendorId,
          label: name,
          position: { x: at.x - NODE_SIZE.vendor.width - 90, y: at.y },
        },
        { type: 'updateNode', id, patch: { vendor: vendorId } },
      ],
    });
  };
  switch (entry.kind) {
    case 'function':
      return (
        <>
          <DurationInput
            label="Maximum tolerable downtime"
            description="How long the organization can go without this function"
            placeholder="e.g. 3d or 36h"
            value={entry.node.maxTolerableDowntime}
            required
            onCommit={(value) =>
              commit({ type: 'updateNode', id, patch: { maxTolerableDowntime: value } }, `mtd:${id}`)
            }
            disabled={!editable}
          />
          <ImpactsEditor
            impacts={entry.node.impacts}
            rubric={model.rubric}
            onChange={(impacts) => commit({ type: 'updateNode', id, patch: { impacts } }, `impacts:${id}`)}
            disabled={!editable}
          />
        </>
      );
    case 'step':
      return (
        <Group grow align="flex-start" gap="xs">
          <NumberInput
            label="Order"
            description="1 = first"
            min={0}
            allowDecimal={false}
            value={entry.node.order ?? ''}
            onChange={(value) =>
              commit(
                { type: 'updateNode', id, patch: { order: typeof value === 'number' ? value : undefined } },
                `order:${id}`,
              )
            }
            disabled={!editable}
            maw={110}
          />
          <ActorInput
            value={entry.node.actor}
            actors={actors}
            onChange={(actor) => commit({ type: 'updateNode', id, patch: { actor } }, `actor:${id}`)}
            disabled={!editable}
          />
        </Group>
      );
    case 'service':
      return (
        <>
          <CategorySelect
            value={entry.node.category}
            onChange={(category) => commit({ type: 'updateNode', id, patch: { category } })}
            disabled={!editable}
          />
          <VendorSelect
            label="Vendor"
            model={model}
            value={entry.node.vendor}
            onChange={(vendor) => commit({ type: 'updateNode', id, patch: { vendor } })}
            onCreate={addVendor}
            disabled={!editable}
            required
          />
          <PhiRecords value={entry.node.phiRecords} id={id} commit={commit} editable={editable} />
        </>
      );
    case 'vendor':
      return (
        <>
          <PhiRecords value={entry.node.phiRecords} id={id} commit={commit} editable={editable} />
          <Provides {...props} />
        </>
      );
    case 'host':
      return (
        <VendorSelect
          label="Operated by"
          model={model}
          value={entry.node.vendor}
          onChange={(vendor) => commit({ type: 'updateNode', id, patch: { vendor } })}
          onCreate={addVendor}
          disabled={!editable}
          required={false}
        />
      );
    case 'workaround':
      return <WorkaroundInputs workaround={entry.node} commit={commit} editable={editable} />;
    default:
      return null;
  }
}

function PhiRecords({
  value,
  id,
  commit,
  editable,
}: {
  value: number | undefined;
  id: string;
  commit: NodePropertiesProps['commit'];
  editable: boolean;
}) {
  return (
    <NumberInput
      label="Protected health information"
      description="Patient records handled, roughly"
      min={0}
      allowDecimal={false}
      thousandSeparator=","
      value={value ?? ''}
      onChange={(next) =>
        commit(
          { type: 'updateNode', id, patch: { phiRecords: typeof next === 'number' ? next : undefined } },
          `phi:${id}`,
        )
      }
      disabled={!editable}
    />
  );
}

/** The services and hosts a vendor stands behind: its failure fails all of them. */
function Provides({ entry, model, onSelectNode }: NodePropertiesProps) {
  const id = entry.node.id;
  const provided = [...model.services, ...model.hosts].filter((n) => n.vendor === id);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Provides
      </Text>
      {provided.length === 0 ? (
        <Text size="xs" c="dimmed">
          No service or host of this map names this vendor yet.
        </Text>
      ) : (
        provided.slice(0, 60).map((n) => (
          <Anchor
            key={n.id}
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => onSelectNode(n.id)}
          >
            {nodeLabel(n)}
          </Anchor>
        ))
      )}
      {provided.length > 60 && (
        <Text size="xs" c="dimmed">
          and {provided.length - 60} more
        </Text>
      )}
    </Stack>
  );
}

/** Which node a workaround keeps running (it can be moved to another node). */
function WorkaroundTarget({ entry, nodes, editable, commit, onSelectNode }: NodePropertiesProps) {
  if (entry.kind !== 'workaround') return null;
  const data = [...nodes.values()]
    .filter((n) => n.kind !== 'workaround')
    .map((n) => ({ value: n.node.id, label: nodeLabel(n.node) }));
  return editable ? (
    <Select
      label="Keeps this running"
      data={data}
      value={entry.node.for}
      searchable
      limit={50}
      onChange={(target) => target && commit({ type: 'connect', source: entry.node.id, target })}
    />
  ) : (
    <Text size="sm">
      Keeps{' '}
      <Text span fw={600} style={{ cursor: 'pointer' }} onClick={() => onSelectNode(entry.node.for)}>
        {nodeLabel(nodes.get(entry.node.for)?.node ?? { id: entry.node.for })}
      </Text>{' '}
      running.
    </Text>
  );
}

export function NodeProperties(props: NodePropertiesProps) {
  const { entry, editable, commit, mapId, labelRef } = props;
  const id = entry.node.id;
  const isWorkaround = entry.kind === 'workaround';
  return (
    <Stack gap="sm" data-testid="node-properties">
      <Group justify="space-between" wrap="nowrap">
        <KindBadge kind={entry.kind} />
        {editable && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={12} />}
            onClick={() => commit({ type: 'remove', nodes: [id], edges: [] })}
          >
            Remove
          </Button>
        )}
      </Group>
      {!isWorkaround && (
        <TextInput
          ref={labelRef}
          label="Name"
          value={entry.node.label ?? ''}
          placeholder={id}
          onChange={(event) =>
            commit({ type: 'updateNode', id, patch: { label: event.currentTarget.value } }, `label:${id}`)
          }
          disabled={!editable}
        />
      )}
      <WorkaroundTarget {...props} />
      <KindFields {...props} />
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={8}
        value={entry.node.notes ?? ''}
        onChange={(event) =>
          commit({ type: 'updateNode', id, patch: { notes: event.currentTarget.value } }, `notes:${id}`)
        }
        disabled={!editable}
      />
      <Text size="xs" c="dimmed">
        Id: {id}
      </Text>
      {!isWorkaround && (
        <>
          <Divider />
          {entry.kind !== 'vendor' && <DependsOn {...props} nodeId={id} />}
          {entry.kind !== 'function' && <UsedBy {...props} nodeId={id} />}
          {entry.kind !== 'vendor' && (
            <>
              <Divider />
              <WorkaroundSection
                nodeId={id}
                model={props.model}
                layout={props.layout}
                commit={commit}
                editable={editable}
              />
            </>
          )}
        </>
      )}
      {(entry.kind === 'service' || entry.kind === 'step') && (
        <>
          <Divider />
          <Text size="sm" fw={600}>
            In the vendor inventory
          </Text>
          <InventoryLinks mapId={mapId} nodeId={id} canEdit={editable} />
        </>
      )}
    </Stack>
  );
}
