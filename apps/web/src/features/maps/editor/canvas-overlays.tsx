// What sits on the canvas besides the map: the TLP marking (always shown; a menu of the TLP 2.0
// levels for those who can edit), the legend, and the band with the map's name and marking that
// is drawn into exported images.
import { Box, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { Tlp } from '@smart/core';
import { IconChevronDown, IconCircleCheck, IconMap } from '@tabler/icons-react';
import { Panel, type Rect, ViewportPortal } from '@xyflow/react';
import { useState } from 'react';
import { MapLegend } from '../MapLegend';
import { TLP_OPTIONS } from '../panels/tlp-options';
import { TLP_COLOR, TlpBadge } from '../TlpBadge';
import { EXPORT_HEADER, EXPORT_PADDING } from './export-image';

export function TlpMarking({
  tlp,
  editable,
  onChange,
}: {
  tlp: Tlp;
  editable: boolean;
  onChange: (tlp: Tlp) => void;
}) {
  const badge = <TlpBadge tlp={tlp} size="lg" />;
  return (
    <Panel position="top-right" style={{ margin: 10 }}>
      {editable ? (
        <Menu position="bottom-end" withArrow width={340}>
          <Menu.Target>
            <Button
              variant="subtle"
              color="dark"
              size="compact-md"
              px={2}
              rightSection={<IconChevronDown size={14} />}
              aria-label={`TLP marking: TLP:${tlp}. Change it`}
              data-testid="tlp-menu"
            >
              {badge}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Who may see this map and its exports (TLP 2.0)</Menu.Label>
            {TLP_OPTIONS.map((option) => (
              <Menu.Item
                key={option.value}
                onClick={() => onChange(option.value)}
                rightSection={option.value === tlp ? <IconCircleCheck size={16} /> : null}
              >
                {option.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : (
        badge
      )}
    </Panel>
  );
}

export function LegendOverlay() {
  // Closed at first: open, it covers the corner of the map.
  const [shown, setShown] = useState(false);
  return (
    <Panel position="top-left" style={{ margin: 10 }}>
      <Stack gap={6} align="flex-start">
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconMap size={14} />}
          onClick={() => setShown(!shown)}
          aria-expanded={shown}
        >
          {shown ? 'Hide legend' : 'Legend'}
        </Button>
        {shown && (
          <Paper withBorder shadow="xs" p="sm" radius="md">
            <MapLegend compact />
          </Paper>
        )}
      </Stack>
    </Panel>
  );
}

/** The map's name and marking above the nodes, in flow coordinates, while an image is taken. */
export function ExportHeader({ frame, name, tlp }: { frame: Rect; name: string; tlp: Tlp }) {
  return (
    <ViewportPortal>
      <Box
        style={{
          position: 'absolute',
          transform: `translate(${frame.x + EXPORT_PADDING}px, ${frame.y + EXPORT_PADDING / 2}px)`,
          width: frame.width - 2 * EXPORT_PADDING,
          height: EXPORT_HEADER,
        }}
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fz={24} fw={700} lh={1.2} c="#1f2328">
              {name}
            </Text>
            <Text fz={13} c="#57606a">
              SMART workflow map · {new Date().toLocaleDateString(undefined, { dateStyle: 'long' })}
            </Text>
          </Stack>
          <div
            style={{
              background: '#000',
              color: TLP_COLOR[tlp],
              fontFamily: 'monospace',
              fontWeight: 700,
              fontSize: 20,
              padding: '4px 10px',
              whiteSpace: 'nowrap',
            }}
          >
            TLP:{tlp}
          </div>
        </Group>
      </Box>
    </ViewportPortal>
  );
}
