// The editor's dialogs: the conflict when someone else saved first (never an overwrite: download
// your version, then load theirs), importing a model document over the map, and leaving the page
// with changes not yet saved.
import { Alert, Button, FileButton, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router-dom';
import type { MapDetail } from '../types';
import type { ConflictInfo, SaveStatus } from './autosave';
import { parseModelFile, type ReadModelResult } from './model-file';
import { timeOf } from './SaveIndicator';

function savedBy(theirs: MapDetail | null): string {
  if (!theirs) return 'Someone else saved this map while you were editing it.';
  const who = theirs.updatedBy?.name ?? 'Someone';
  const when = new Date(theirs.updatedAt);
  const day = when.toDateString() === new Date().toDateString() ? 'today' : when.toLocaleDateString();
  return `${who} saved this map ${day} at ${timeOf(when)} (version ${theirs.version}) while you were editing it.`;
}

export function ConflictModal({
  opened,
  conflict,
  onClose,
  onDownloadMine,
  onLoadTheirs,
}: {
  opened: boolean;
  conflict: ConflictInfo;
  onClose: () => void;
  onDownloadMine: () => void;
  onLoadTheirs: () => Promise<void>;
}) {
  const [downloaded, setDownloaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Your changes were not saved"
      size="lg"
      data-testid="conflict-modal"
    >
      <Stack gap="md">
        <Text fw={600}>{savedBy(conflict.theirs)}</Text>
        <Text size="sm">
          Saving your version now would overwrite their work, so SMART has stopped saving this map. Your
          changes are still on this screen. Download them as a model document if you want to keep them, then
          load their version and make your changes again (or import the file you downloaded).
        </Text>
        <Text size="xs" c="dimmed">
          The server said: {conflict.message}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button
            variant={downloaded ? 'default' : 'filled'}
            leftSection={<IconDownload size={16} />}
            onClick={() => {
              onDownloadMine();
              setDownloaded(true);
            }}
          >
            Download my version (JSON)
          </Button>
          <Button
            variant={downloaded ? 'filled' : 'default'}
            color={downloaded ? 'blue' : 'gray'}
            leftSection={<IconRefresh size={16} />}
            loading={loading}
            onClick={async () => {
              setLoading(true);
              setError(null);
              try {
                await onLoadTheirs();
              } catch (e) {
                setError(e instanceof Error ? e.message : String(e));
              } finally {
                setLoading(false);
              }
            }}
          >
            Load their version
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export type ImportOutcome = { ok: true } | { ok: false; message: string; details: string[] };

export function ImportModal({
  opened,
  onClose,
  currentTlp,
  onImport,
}: {
  opened: boolean;
  onClose: () => void;
  currentTlp: string;
  onImport: (file: string, result: Extract<ReadModelResult, { ok: true }>) => Promise<ImportOutcome>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<ReadModelResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Extract<ImportOutcome, { ok: false }> | null>(null);
  useEffect(() => {
    if (!opened) {
      setFile(null);
      setRead(null);
      setRefused(null);
    }
  }, [opened]);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setRefused(null);
    setRead(chosen ? parseModelFile(chosen.name, chosen.size, await chosen.text()) : null);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import a model document" size="lg">
      <Stack gap="md">
        <Text size="sm">
          A SMART model document (JSON) replaces this map's content and is saved as a new version. The current
          version stays in the history and can be restored.
        </Text>
        <FileButton onChange={choose} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} w="fit-content">
              {file ? 'Choose another file' : 'Choose a file'}
            </Button>
          )}
        </FileButton>
        {read && !read.ok && (
          <Alert color="red" title={read.title} data-testid="import-error">
            <List size="sm" spacing={2}>
              {read.details.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {read?.ok && file && (
          <Alert color="blue" variant="light" title={file.name} data-testid="import-summary">
            <Text size="sm">
              {read.model.name ? `“${read.model.name}”: ` : ''}
              {read.nodeCount} nodes, {read.model.dependencies.length} dependencies, marked TLP:
              {read.model.tlp}
              {read.model.tlp !== currentTlp
                ? ` (this map is TLP:${currentTlp} now; it will take the file's marking)`
                : ''}
              .
            </Text>
          </Alert>
        )}
        {refused && (
          <Alert color="red" title={refused.message} data-testid="import-error">
            <List size="sm" spacing={2}>
              {refused.details.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!read?.ok}
            loading={busy}
            onClick={async () => {
              if (!read?.ok || !file) return;
              setBusy(true);
              const outcome = await onImport(file.name, read);
              setBusy(false);
              if (outcome.ok) onClose();
              else setRefused(outcome);
            }}
          >
            Replace the map with this document
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Warns before leaving with changes not yet saved: the browser's own prompt when the tab closes or
 * reloads, and a dialog for links inside the app, which can save first.
 */
export function LeaveGuard({
  hasUnsavedChanges,
  status,
  saveNow,
}: {
  hasUnsavedChanges: () => boolean;
  status: SaveStatus;
  saveNow: () => Promise<SaveStatus>;
}) {
  const dirty = status.state !== 'saved';
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges() && status.state !== 'saving') return;
      event.preventDefault();
      // Older browsers show the prompt only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsavedChanges, status.state]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && hasUnsavedChanges() && currentLocation.pathname !== nextLocation.pathname,
  );
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal opened onClose={() => blocker.reset()} title="Your last changes are not saved yet">
      <Stack gap="md">
        <Text size="sm">
          {failed
            ? 'They could not be saved just now. Leave without them, or stay and try again.'
            : 'Save them before you go, or leave without them.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset()}>
            Stay
          </Button>
          <Button variant="light" color="red" onClick={() => blocker.proceed()}>
            Leave without saving
          </Button>
          <Button
            loading={saving}
            disabled={status.state === 'conflict'}
            onClick={async () => {
              setSaving(true);
              const after = await saveNow();
              setSaving(false);
              if (after.state === 'saved') blocker.proceed();
              else setFailed(true);
            }}
          >
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
