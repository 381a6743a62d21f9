// Phase 1 · Step 5, the map editor's page (/o/:orgId/maps/:mapId): loads the map, places the nodes
// that have no saved position, and opens the editor on it.
import { Alert, Anchor, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import type { EditorDoc } from './editor/edits';
import { MapEditor } from './editor/MapEditor';
import { prepareDoc } from './editor/prepare';
import { useMap } from './queries';
import type { MapDetail } from './types';

export function MapEditorPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const { mapId = '' } = useParams();
  const query = useMap(orgId, mapId);
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
