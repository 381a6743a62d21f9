// Asks before deleting a map, says what goes with it, and shows the server's refusal if any.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { useDeleteMap } from '../queries';
import type { MapSummary } from '../types';

export function DeleteMapModal({
  map,
  onClose,
  onDeleted,
}: {
  map: MapSummary | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const orgId = useCurrentOrg().membership.id;
  const remove = useDeleteMap(orgId);
  const { reset } = remove;
  useEffect(() => {
    if (map) reset();
  }, [map, reset]);
  return (
    <Modal opened={map !== null} onClose={onClose} title="Delete map">
      <Stack gap="md">
        <Text size="sm">
          Delete <b>{map?.name}</b>? Its version history, comments and links to the vendor inventory are
          deleted with it. This cannot be undone; export the map first if you may need it again.
        </Text>
        {remove.isError && <Alert color="red">{errorMessage(remove.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (map)
                remove.mutate(map.id, {
                  onSuccess: () => {
                    onClose();
                    onDeleted?.();
                  },
                });
            }}
          >
            Delete map
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
