// The editor's keyboard shortcuts, one list for the key handling and for the "Keyboard shortcuts"
// popover that shows them. Keys typed into a field stay the field's (its own undo, its own
// Backspace), except Ctrl/Cmd+S, which saves from anywhere.
import { ActionIcon, Group, Kbd, Popover, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  remove: () => void;
  save: () => void;
  addKind: (index: number) => void;
  selectAll: () => void;
  clearSelection: () => void;
  fitView: () => void;
  showShortcuts: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: { keys: string[][]; action: string; editOnly: boolean }[] = [
  { keys: [[MOD, 'Z']], action: 'Undo', editOnly: true },
  {
    keys: [
      [MOD, 'Shift', 'Z'],
      ['Ctrl', 'Y'],
    ],
    action: 'Redo',
    editOnly: true,
  },
  { keys: [['Delete'], ['Backspace']], action: 'Remove the selection', editOnly: true },
  { keys: [[MOD, 'S']], action: 'Save now', editOnly: true },
  { keys: [['1 – 6']], action: 'Add a function, step, system, service, vendor or host', editOnly: true },
  { keys: [['N']], action: 'Add a process step', editOnly: true },
  { keys: [[MOD, 'A']], action: 'Select every node', editOnly: false },
  { keys: [['Shift', 'drag']], action: 'Select an area', editOnly: false },
  { keys: [['Esc']], action: 'Clear the selection', editOnly: false },
  { keys: [['F']], action: 'Fit the whole map in view', editOnly: false },
  { keys: [['?']], action: 'Show these shortcuts', editOnly: false },
];

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens on the window while the editor is open; `editable` turns the editing keys on. */
export function useEditorShortcuts(handlers: ShortcutHandlers, editable: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = ref.current;
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        if (editable) h.save();
        return;
      }
      // A dialog or menu open over the editor keeps its keys.
      if (typingInField(event.target) || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if (mod && !event.altKey) {
        if (key === 'z' && !event.shiftKey && editable) h.undo();
        else if (((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) && editable) h.redo();
        else if (key === 'a') h.selectAll();
        else return;
        event.preventDefault();
        return;
      }
      if (event.altKey) return;
      if ((event.key === 'Delete' || event.key === 'Backspace') && editable) h.remove();
      else if (event.key === 'Escape') h.clearSelection();
      else if (key === 'f') h.fitView();
      else if (event.key === '?') h.showShortcuts();
      else if (key === 'n' && editable) h.addKind(1);
      else if (/^[1-6]$/.test(event.key) && editable) h.addKind(Number(event.key) - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable]);
}

export function ShortcutsPopover({
  opened,
  onChange,
  editable,
}: {
  opened: boolean;
  onChange: (opened: boolean) => void;
  editable: boolean;
}) {
  return (
    <Popover opened={opened} onChange={onChange} width={400} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label="Keyboard shortcuts (?)" disabled={opened}>
          <ActionIcon
            variant="default"
            size={34}
            aria-label="Keyboard shortcuts"
            onClick={() => onChange(!opened)}
            data-testid="shortcuts-button"
          >
            <IconKeyboard size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Keyboard shortcuts
          </Text>
          <Table withRowBorders={false} verticalSpacing={3} aria-label="Keyboard shortcuts">
            <Table.Tbody>
              {SHORTCUTS.filter((s) => editable || !s.editOnly).map((s) => (
                <Table.Tr key={s.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      {s.keys.map((combo, i) => (
                        <Group key={combo.join('+')} gap={2} wrap="nowrap">
                          {i > 0 && (
                            <Text size="xs" c="dimmed" mr={2}>
                              or
                            </Text>
                          )}
                          {combo.map((k) => (
                            <Kbd key={k} size="xs">
                              {k}
                            </Kbd>
                          ))}
                        </Group>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.action}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Scroll to zoom, drag the background to pan. Draw a line from a node’s right handle to the left
            handle of what depends on it.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
