// Phase 1 · Step 5, the map editor's page (/o/:orgId/maps/:mapId): loads the map, places the nodes
// that have no saved position, and opens the editor on it.
import { Alert, Anchor, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import type { EditorDoc } from './editor/edits';
import { MapEditor } from './editor/MapEditor';
import { prepareDoc } from './editor/prepare';
import { warmLayoutEngine } from './layout';
import { mapKey } from './queries';
import type { MapDetail } from './types';

const EDITOR_PATH = /^\/o\/([^/]+)\/maps\/([^/]+)\/?$/;

/**
 * The map asked for as soon as this page's code arrives, while the app shell is still checking
 * the session: on a large map it is the biggest thing the page waits for. Used once, by the
 * first load of that map; anything but a map (not signed in, not found) is asked again the usual
 * way, which reports it properly.
 */
let early: { path: string; map: Promise<MapDetail | null> } | null = null;
if (typeof window !== 'undefined') {
  const match = EDITOR_PATH.exec(window.location.pathname);
  if (match) {
    const path = `/api/orgs/${match[1]}/maps/${match[2]}`;
    const map = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<MapDetail>) : null))
      .catch(() => null);
    early = { path, map };
  }
  // ELK's worker takes a moment to load and compile: start it now, not when the map arrives.
  warmLayoutEngine();
}

async function loadMap(orgId: string, mapId: string): Promise<MapDetail> {
  const path = `/api/orgs/${orgId}/maps/${mapId}`;
  if (early?.path === path) {
    const pending = early.map;
    early = null;
    const map = await pending;
    if (map) return map;
  }
  return api.get<MapDetail>(path);
}

/** The map (the same cache entry as the maps queries' useMap), loaded with the early request. */
function useEditorMap(orgId: string, mapId: string) {
  return useQuery({ queryKey: mapKey(orgId, mapId), queryFn: () => loadMap(orgId, mapId) });
}

export function MapEditorPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const { mapId = '' } = useParams();
  const query = useEditorMap(orgId, mapId);
  // The editor starts from the map as first loaded; later refetches of the query do not reset it.
  const [opened, setOpened] = useState<{ map: MapDetail; doc: EditorDoc } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const data = query.data;

  useEffect(() => {
    if (!data || (opened && opened.map.id === data.id)) return;
    let current = true;
    prepareDoc(data)
      .then((doc) => current && setOpened({ map: data, doc }))
      .catch((error: unknown) => current && setFailed(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [data, opened]);

  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack maw={720}>
        <Alert
          color={missing ? 'gray' : 'red'}
          title={missing ? 'Map not found' : 'The map could not be opened'}
        >
          <Text size="sm">
            {missing ? 'It may have been deleted, or the link is wrong.' : errorMessage(query.error)}
          </Text>
        </Alert>
        <Anchor component={Link} to={`/o/${orgId}/maps`}>
          Back to the maps
        </Anchor>
      </Stack>
    );
  }
  if (failed) {
    return (
      <Alert color="red" title="The map could not be laid out" maw={720}>
        <Stack gap="xs">
          <Text size="sm">{failed}</Text>
          <Button size="xs" variant="default" w="fit-content" onClick={() => window.location.reload()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!opened || opened.map.id !== mapId) {
    const nodes = data?.nodeCount ?? 0;
    return (
      <Center h="calc(100dvh - 160px)">
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm" c="dimmed" data-testid="map-editor-loading">
            {data ? `Laying out ${nodes.toLocaleString()} nodes…` : 'Opening the map…'}
          </Text>
        </Stack>
      </Center>
    );
  }
  return (
    <ReactFlowProvider key={opened.map.id}>
      <MapEditor orgId={orgId} role={membership.role} initial={opened.map} initialDoc={opened.doc} />
    </ReactFlowProvider>
  );
}
