// Where the map stands with the server, in a few words: "Saved 14:32", "Unsaved changes",
// "Saving…", "Not saved — retrying", "Not saved" with the reason, or the conflict.
import { Anchor, Group, Loader, Popover, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloudOff, IconPointFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SaveStatus } from './autosave';

export const timeOf = (date: Date) =>
  date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export function SaveIndicator({
  status,
  lastSaved,
  onRetry,
  onShowConflict,
}: {
  status: SaveStatus;
  /** When the map was last saved, if the status does not say. */
  lastSaved: Date;
  onRetry: () => void;
  onShowConflict: () => void;
}) {
  let content: ReactNode;
  switch (status.state) {
    case 'saved':
      content = (
        <Group gap={4} c="dimmed">
          <IconCircleCheck size={16} />
          <Text size="sm">Saved {timeOf(status.at ?? lastSaved)}</Text>
        </Group>
      );
      break;
    case 'pending':
      content = (
        <Group gap={4} c="dimmed">
          <IconPointFilled size={16} />
          <Text size="sm">Unsaved changes</Text>
        </Group>
      );
      break;
    case 'saving':
      content = (
        <Group gap={6} c="dimmed">
          <Loader size={14} />
          <Text size="sm">Saving…</Text>
        </Group>
      );
      break;
    case 'retrying':
      content = (
        <Group gap={4} c="orange.8">
          <IconCloudOff size={16} />
          <Text size="sm" title={status.message}>
            Not saved — retrying
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={onRetry}>
            Retry now
          </Anchor>
        </Group>
      );
      break;
    case 'failed':
      content = (
        <Popover width={360} withArrow position="bottom-end">
          <Popover.Target>
            <Anchor component="button" type="button" size="sm" c="red.7">
              <Group gap={4}>
                <IconAlertTriangle size={16} />
                Not saved: why?
              </Group>
            </Anchor>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {status.message}
              </Text>
              {status.issues.slice(0, 8).map((issue) => (
                <Text size="xs" key={`${issue.path}-${issue.message}`}>
                  {issue.path ? `${issue.path}: ` : ''}
                  {issue.message}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                Your changes are still here. Undo the last change, or correct it; the next change is saved
                again.
              </Text>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      );
      break;
    case 'conflict':
      content = (
        <Anchor component="button" type="button" size="sm" c="red.7" onClick={onShowConflict}>
          <Group gap={4}>
            <IconAlertTriangle size={16} />
            Not saved — someone else saved
          </Group>
        </Anchor>
      );
      break;
  }
  return (
    <div role="status" aria-live="polite" data-testid="save-status" data-state={status.state}>
      {content}
    </div>
  );
}
