// The editor's header: where the map sits (breadcrumbs), its name and review status, how it stands
// with the server; and the toolbar above the canvas: the palette, then the actions on the whole map
// (undo, redo, auto-layout, export, import, shortcuts, the side panel).
import {
  ActionIcon,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Group,
  Menu,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconDownload,
  IconFileImport,
  IconLayoutSidebarRight,
  IconLayoutSidebarRightCollapse,
  IconSitemap,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ReviewControl } from '../panels/ReviewControl';
import type { MapDetail } from '../types';
import type { SaveStatus } from './autosave';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsPopover } from './shortcuts';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

interface Props {
  orgId: string;
  name: string;
  map: MapDetail;
  editable: boolean;
  status: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  layingOut: boolean;
  panelOpen: boolean;
  shortcutsOpen: boolean;
  onShortcuts: (open: boolean) => void;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onExport: (what: 'svg' | 'png' | 'json') => void;
  onImport: () => void;
  onTogglePanel: () => void;
  onRetry: () => void;
  onShowConflict: () => void;
  onReviewChanged: (map: MapDetail) => void;
  /** The palette, at the left of the toolbar, for those who can edit. */
  palette?: ReactNode;
}

export function EditorHeader(props: Props) {
  const { map, editable } = props;
  return (
    <Stack gap="xs">
      <Breadcrumbs>
        <Anchor component={Link} to={`/o/${props.orgId}/maps`} size="sm">
          Maps
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {props.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Group gap="lg" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <Title
            order={2}
            lineClamp={1}
            style={{ minWidth: 0, flex: '0 1 auto', maxWidth: '60%' }}
            data-testid="map-title"
          >
            {props.name}
          </Title>
          <Box pt={4}>
            <ReviewControl map={map} onChanged={props.onReviewChanged} />
          </Box>
        </Group>
        <Box pt={8} style={{ flex: 'none' }}>
          <SaveIndicator
            status={props.status}
            lastSaved={new Date(map.updatedAt)}
            onRetry={props.onRetry}
            onShowConflict={props.onShowConflict}
          />
        </Box>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {props.palette ?? <div />}
        <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
          {editable && (
            <>
              <ActionIcon.Group>
                <Tooltip label={`Undo (${MOD}Z)`}>
                  <ActionIcon
                    variant="default"
                    size={34}
                    onClick={props.onUndo}
                    disabled={!props.canUndo}
                    aria-label="Undo"
                  >
                    <IconArrowBackUp size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={`Redo (${MOD}Shift+Z)`}>
                  <ActionIcon
                    variant="default"
                    size={34}
                    onClick={props.onRedo}
                    disabled={!props.canRedo}
                    aria-label="Redo"
                  >
                    <IconArrowForwardUp size={18} />
                  </ActionIcon>
                </Tooltip>
              </ActionIcon.Group>
              <Tooltip label="Lay the whole map out again automatically (you can undo it)">
                <Button
                  variant="default"
                  size="sm"
                  px="sm"
                  leftSection={<IconSitemap size={16} />}
                  onClick={props.onAutoLayout}
                  loading={props.layingOut}
                >
                  Auto-layout
                </Button>
              </Tooltip>
            </>
          )}
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              <Button variant="default" size="sm" px="sm" leftSection={<IconDownload size={16} />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>The whole map, marked TLP:{map.tlp}</Menu.Label>
              <Menu.Item onClick={() => props.onExport('svg')}>Image (SVG)</Menu.Item>
              <Menu.Item onClick={() => props.onExport('png')}>Image (PNG)</Menu.Item>
              <Menu.Item onClick={() => props.onExport('json')}>SMART model document (JSON)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {editable && (
            <Button
              variant="default"
              size="sm"
              px="sm"
              leftSection={<IconFileImport size={16} />}
              onClick={props.onImport}
            >
              Import
            </Button>
          )}
          <ShortcutsPopover opened={props.shortcutsOpen} onChange={props.onShortcuts} editable={editable} />
          <Tooltip label={props.panelOpen ? 'Hide the side panel' : 'Show the side panel'}>
            <ActionIcon
              variant="default"
              size={34}
              onClick={props.onTogglePanel}
              aria-label={props.panelOpen ? 'Hide the side panel' : 'Show the side panel'}
            >
              {props.panelOpen ? (
                <IconLayoutSidebarRightCollapse size={18} />
              ) : (
                <IconLayoutSidebarRight size={18} />
              )}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}
