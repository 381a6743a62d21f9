// One chosen template in the ranking: its rank, how important the workflow is and how much harm
// its stop would do (1-5, in words), the reason, and the controls to move or remove it. Moving
// works with the mouse (drag the handle) and the keyboard (the handle's arrow keys, or the buttons).
import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconX } from '@tabler/icons-react';
import type { ReactNode, Ref } from 'react';
import { IMPACT_LABELS, IMPORTANCE_LABELS, type RankedItem, REASON_MAX, SCALE } from './selection-model';

function Scale({
  label,
  words,
  value,
  onChange,
  name,
}: {
  label: string;
  words: Record<number, string>;
  value: number;
  onChange: (value: number) => void;
  name: string;
}) {
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
      <Text size="sm" fw={500} id={`${name}-label`}>
        {label}: <Text span c="blue.8" fw={600}>{`${value} · ${words[value]}`}</Text>
      </Text>
      <SegmentedControl
        size="xs"
        value={String(value)}
        onChange={(v) => onChange(Number(v))}
        data={SCALE.map((n) => ({ value: String(n), label: <span title={words[n]}>{n}</span> }))}
        aria-labelledby={`${name}-label`}
        name={name}
      />
      <Group justify="space-between" gap={0}>
        <Text size="xs" c="dimmed">
          {words[1]}
        </Text>
        <Text size="xs" c="dimmed">
          {words[5]}
        </Text>
      </Group>
    </Stack>
  );
}

export function RankedCard({
  item,
  rank,
  count,
  title,
  error,
  dragging,
  handleRef,
  onChange,
  onMove,
  onRemove,
  onArmDrag,
  action,
}: {
  item: RankedItem;
  rank: number;
  count: number;
  title: string;
  error: string | undefined;
  dragging: boolean;
  handleRef: Ref<HTMLButtonElement>;
  onChange: (change: Partial<Omit<RankedItem, 'templateId'>>) => void;
  /** Move to a new 0-based position. */
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The handle was pressed: the card may now be dragged. */
  onArmDrag: () => void;
  /** Open or create its map. */
  action: ReactNode;
}) {
  const index = rank - 1;
  const slug = `rank-${item.templateId}`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      shadow={dragging ? 'md' : undefined}
      style={{ opacity: dragging ? 0.6 : 1 }}
      data-testid={`ranked-${item.templateId}`}
      aria-label={`Rank ${rank}: ${title}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Tooltip label="Drag to reorder, or focus and press ↑ / ↓" openDelay={400}>
              <ActionIcon
                ref={handleRef}
                variant="subtle"
                color="gray"
                style={{ cursor: 'grab' }}
                aria-label={`Reorder ${title} (rank ${rank} of ${count}); use the arrow keys`}
                onMouseDown={onArmDrag}
                onTouchStart={onArmDrag}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowUp' && index > 0) {
                    event.preventDefault();
                    onMove(index - 1);
                  } else if (event.key === 'ArrowDown' && index < count - 1) {
                    event.preventDefault();
                    onMove(index + 1);
                  }
                }}
              >
                <IconGripVertical size={18} />
              </ActionIcon>
            </Tooltip>
            <Badge size="lg" radius="sm" variant="filled" style={{ flex: 'none' }}>
              {rank}
            </Badge>
            <Text fw={600} truncate>
              {title}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            {action}
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              aria-label={`Move ${title} up`}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
              aria-label={`Move ${title} down`}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <Tooltip label="Take off the list">
              <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={`Remove ${title}`}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <Group gap="xl" align="flex-start" wrap="wrap">
          <Scale
            label="Importance"
            words={IMPORTANCE_LABELS}
            value={item.importance}
            onChange={(importance) => onChange({ importance })}
            name={`${slug}-importance`}
          />
          <Scale
            label="Potential impact"
            words={IMPACT_LABELS}
            value={item.impact}
            onChange={(impact) => onChange({ impact })}
            name={`${slug}-impact`}
          />
        </Group>
        <Textarea
          id={`reason-${item.templateId}`}
          label="Reason"
          placeholder="Why this workflow matters here, e.g. “Two thirds of our revenue; a 2024 clearinghouse outage stopped claims for three weeks.”"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={REASON_MAX}
          required
          value={item.reason}
          error={error}
          onChange={(event) => onChange({ reason: event.currentTarget.value })}
          aria-label={`Reason for ${title}`}
        />
      </Stack>
    </Paper>
  );
}
