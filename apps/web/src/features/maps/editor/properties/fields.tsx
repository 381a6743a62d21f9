// Inputs the properties panel uses for the model's own kinds of value: a duration written as
// people write it, a service category from the taxonomy, a vendor of the map (or a new one), the
// actor of a step, and the badge naming a node's kind in its shape.
import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
  Tooltip,
} from '@mantine/core';
import { parseDuration } from '@smart/core';
import { taxonomy } from '@smart/templates/taxonomy';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { DraftModel, DraftNodeKind } from '../../draft';
import { nodeLabel } from '../../draft';
import { NODE_LOOK } from '../../map-style';
import { NodeShape } from '../../NodeShape';
import { UNCATEGORIZED } from '../edits';

export function KindBadge({ kind }: { kind: DraftNodeKind }) {
  const look = NODE_LOOK[kind];
  return (
    <Group gap={8} wrap="nowrap">
      <div style={{ position: 'relative', width: 30, height: 18, flex: 'none' }}>
        <NodeShape look={look} width={30} height={18} strokeWidth={1.5} />
      </div>
      <Text size="xs" tt="uppercase" fw={700} c={look.border}>
        {look.label}
      </Text>
    </Group>
  );
}

export const DURATION_HINT = 'Write it like 90m, 36h, 14d or 1d12h';

interface DurationInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: string | undefined;
  /** Called with a valid duration, or undefined when the field is emptied. */
  onCommit: (value: string | undefined) => void;
  /** Whether an empty field is allowed (it is reported as a problem of the map). */
  required?: boolean;
}

/** A duration field that takes what people type and keeps only valid durations in the model. */
export function DurationInput({ value, onCommit, required = false, ...props }: DurationInputProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const trimmed = text.trim();
  const valid = trimmed === '' || parseDuration(trimmed) !== undefined;
  const error = !valid ? DURATION_HINT : required && trimmed === '' ? 'Not set yet' : undefined;
  return (
    <TextInput
      {...props}
      value={text}
      error={error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const t = next.trim();
        if (t === '') onCommit(undefined);
        else if (parseDuration(t) !== undefined) onCommit(t);
      }}
    />
  );
}

const GROUP_LABEL = (group: string) => group.charAt(0).toUpperCase() + group.slice(1);

/** The taxonomy as Select data, grouped by area; a category the taxonomy lacks stays choosable. */
function categoryData(current: string) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const category of taxonomy) {
    const label = GROUP_LABEL(category.group);
    const items = groups.get(label) ?? [];
    items.push({ value: category.id, label: category.label });
    groups.set(label, items);
  }
  const data = [...groups].map(([group, items]) => ({ group, items }));
  if (current !== UNCATEGORIZED && !taxonomy.some((c) => c.id === current)) {
    data.unshift({ group: 'In this map', items: [{ value: current, label: current }] });
  }
  return data;
}

export function CategorySelect({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (category: string) => void;
  disabled: boolean;
}) {
  const data = useMemo(() => categoryData(value), [value]);
  const definition = taxonomy.find((c) => c.id === value)?.definition;
  return (
    <Select
      label="Category"
      placeholder="Choose from the service taxonomy"
      data={data}
      value={value === UNCATEGORIZED ? null : value}
      onChange={(next) => next && onChange(next)}
      searchable
      nothingFoundMessage="No category matches"
      description={definition}
      error={value === UNCATEGORIZED ? 'Choose a category' : undefined}
      disabled={disabled}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}

interface VendorSelectProps {
  model: DraftModel;
  value: string | undefined;
  onChange: (vendorId: string | undefined) => void;
  /** Adds a vendor with this name to the map and makes it this node's vendor. */
  onCreate: (name: string) => void;
  disabled: boolean;
  required: boolean;
  label: string;
}

export function VendorSelect({
  model,
  value,
  onChange,
  onCreate,
  disabled,
  required,
  label,
}: VendorSelectProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const data = useMemo(
    () => model.vendors.map((v) => ({ value: v.id, label: nodeLabel(v) })),
    [model.vendors],
  );
  const dangling = value !== undefined && !model.vendors.some((v) => v.id === value);
  const create = () => {
    if (!name.trim()) return;
    onCreate(name.trim());
    setName('');
    setAdding(false);
  };
  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <Select
        style={{ flex: 1 }}
        label={label}
        placeholder={data.length ? 'Choose a vendor of this map' : 'No vendors yet: add one'}
        data={dangling ? [{ value, label: `Unknown vendor "${value}"` }, ...data] : data}
        value={value ?? null}
        onChange={(next) => onChange(next ?? undefined)}
        searchable
        clearable={!required}
        error={required && !value ? 'No vendor yet' : dangling ? 'This vendor is not in the map' : undefined}
        disabled={disabled}
      />
      {!disabled && (
        <Popover opened={adding} onChange={setAdding} position="bottom-end" withArrow trapFocus>
          <Popover.Target>
            <Tooltip label="Add a new vendor to the map">
              <ActionIcon
                variant="default"
                size={36}
                aria-label="Add a new vendor"
                onClick={() => setAdding((open) => !open)}
                mb={required && !value ? 22 : dangling ? 22 : 0}
              >
                <IconPlus size={16} />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs" w={240}>
              <TextInput
                label="New vendor's name"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') create();
                }}
                data-autofocus
              />
              <Button size="xs" onClick={create} disabled={!name.trim()}>
                Add this vendor
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}

export interface ActorOption {
  id: string;
  label: string;
}

/** Who performs a step: one of the template's actors (stored by id) or any role typed in. */
export function ActorInput({
  value,
  actors,
  onChange,
  disabled,
}: {
  value: string | undefined;
  actors: readonly ActorOption[];
  onChange: (actor: string | undefined) => void;
  disabled: boolean;
}) {
  const shown = actors.find((a) => a.id === value)?.label ?? value ?? '';
  return (
    <Autocomplete
      label="Actor"
      description="Who performs the step: a role or an organization"
      placeholder="e.g. billing office, payer"
      data={[...new Set(actors.map((a) => a.label))]}
      value={shown}
      onChange={(text) => {
        const actor = actors.find((a) => a.label === text);
        onChange(actor ? actor.id : text.trim() === '' ? undefined : text);
      }}
      disabled={disabled}
    />
  );
}
