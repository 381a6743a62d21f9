// The fourth parties and hidden dependencies of a vendor and its services (what an outage of
// another company would take down with it), and the vendors and services that rely on this one.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmRemoveModal } from '../../team/ConfirmRemoveModal';
import { useRemoveDependency } from '../queries';
import { type Dependency, dependencyKindLabel, type VendorDetail } from '../types';

const SHOWN = 50;

/** Dependencies written by an SBOM import carry this note (see the server's sbom.service.ts). */
const fromSbom = (d: Dependency) => d.notes?.startsWith('From the SBOM ') ?? false;

function KindBadge({ kind }: { kind: string }) {
  return (
    <Badge
      tt="none"
      variant="light"
      color={kind === 'hosting' ? 'indigo' : kind === 'supplier' ? 'grape' : 'gray'}
      radius="sm"
    >
      {dependencyKindLabel(kind)}
    </Badge>
  );
}

export function DependenciesSection({
  orgId,
  vendor,
  canEdit,
  onAdd,
}: {
  orgId: string;
  vendor: VendorDetail;
  canEdit: boolean;
  onAdd: () => void;
}) {
  const remove = useRemoveDependency(orgId);
  const [removing, setRemoving] = useState<Dependency | null>(null);
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? vendor.dependsOn : vendor.dependsOn.slice(0, SHOWN);

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3}>Fourth parties and hidden dependencies</Title>
            <Text size="sm" c="dimmed" maw={760}>
              The clouds, suppliers, APIs, integration engines, automation, certificate and update services
              this vendor and its services rely on. Two “alternate” vendors that share one of these are not
              redundant.
            </Text>
          </Stack>
          {canEdit && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd}>
              Record a dependency
            </Button>
          )}
        </Group>
        {vendor.dependsOn.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-dependencies">
            None recorded yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="dependencies-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What depends</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Depends on</Table.Th>
                  <Table.Th>Notes</Table.Th>
                  {canEdit && <Table.Th w={48} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Text size="sm">{d.serviceId ? d.dependentName : `${vendor.name} as a whole`}</Text>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={d.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${orgId}/vendors/${d.dependsOnVendorId}`} size="sm">
                        {d.dependsOnName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Group gap={6} wrap="nowrap">
                        {fromSbom(d) && (
                          <Badge
                            tt="none"
                            size="xs"
                            variant="outline"
                            color="grape"
                            style={{ flexShrink: 0 }}
                          >
                            SBOM
                          </Badge>
                        )}
                        <Tooltip
                          label={d.notes}
                          disabled={!d.notes || d.notes.length < 70}
                          multiline
                          maw={420}
                        >
                          <Text size="sm" c="dimmed" truncate="end">
                            {d.notes ?? ''}
                          </Text>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Tooltip label="Remove this dependency">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Remove the dependency on ${d.dependsOnName}`}
                            onClick={() => {
                              remove.reset();
                              setRemoving(d);
                            }}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {vendor.dependsOn.length > SHOWN && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setShowAll((v) => !v)}>
              {showAll ? `Show the first ${SHOWN}` : `Show all ${vendor.dependsOn.length}`}
            </Button>
          </Group>
        )}

        {vendor.dependedOnBy.length > 0 && (
          <Stack gap="xs" mt="sm">
            <Title order={4}>Who relies on {vendor.name}</Title>
            <Table verticalSpacing="xs" data-testid="depended-on-by-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Vendor or service</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Notes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {vendor.dependedOnBy.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Text size="sm">{d.dependentName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={d.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {d.notes ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
      <ConfirmRemoveModal
        title="Remove dependency"
        message={
          removing
            ? `Remove the ${dependencyKindLabel(removing.kind).toLowerCase()} dependency of ${
                removing.serviceId ? removing.dependentName : vendor.name
              } on ${removing.dependsOnName}? ${removing.dependsOnName} stays in the inventory.`
            : ''
        }
        opened={removing !== null}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ message: `The dependency on ${removing.dependsOnName} was removed.` });
              setRemoving(null);
            },
          });
        }}
      />
    </Paper>
  );
}
