// The palette above the canvas: one button per kind of node, in the shape and colours of the key.
// Click to add one in the middle of the view, or drag it onto the map. Keys 1-6 add them too.
import { Group, Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { NODE_LOOK } from '../map-style';
import { NodeShape } from '../NodeShape';
import { PALETTE_DRAG_TYPE } from './EditorCanvas';
import type { AddableKind } from './edits';
import classes from './MapEditor.module.css';

export const PALETTE_KINDS: readonly AddableKind[] = [
  'function',
  'step',
  'system',
  'service',
  'vendor',
  'host',
];

const SHORT_LABEL: Record<AddableKind, string> = {
  function: 'Function',
  step: 'Step',
  system: 'System',
  service: 'Service',
  vendor: 'Vendor',
  host: 'Host',
};

export function Palette({ onAdd }: { onAdd: (kind: AddableKind) => void }) {
  return (
    <Paper withBorder radius="md" px={4} py={3} data-testid="palette">
      <Group gap={2} wrap="nowrap">
        <Tooltip label="Add a node: click one, or drag it onto the map">
          <IconPlus size={16} color="var(--mantine-color-dimmed)" style={{ marginInline: 3 }} aria-hidden />
        </Tooltip>
        {PALETTE_KINDS.map((kind, i) => {
          const look = NODE_LOOK[kind];
          return (
            <Tooltip
              key={kind}
              label={`${look.label}: ${look.meaning} Click to add, or drag onto the map. Key: ${i + 1}`}
              multiline
              maw={280}
              openDelay={400}
            >
              <UnstyledButton
                aria-label={`Add ${look.label.toLowerCase()}`}
                data-testid={`palette-${kind}`}
                draggable
                onDragStart={(event) => {
                  event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
                  event.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => onAdd(kind)}
                px={5}
                py={4}
                style={{ borderRadius: 6, cursor: 'grab' }}
                className={classes.paletteItem}
              >
                <Group gap={6} wrap="nowrap">
                  <div style={{ position: 'relative', width: 26, height: 16, flex: 'none' }}>
                    <NodeShape look={look} width={26} height={16} strokeWidth={1.5} />
                  </div>
                  <Text size="xs" fw={500}>
                    {SHORT_LABEL[kind]}
                  </Text>
                </Group>
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Group>
    </Paper>
  );
}
