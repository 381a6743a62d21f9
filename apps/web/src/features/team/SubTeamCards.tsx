// The sub-teams: what each covers, the workflows it owns and who is on it.
import { ActionIcon, Badge, Card, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { SubTeam, TeamMember } from '../../api/types';

export function SubTeamCards({
  subTeams,
  members,
  canEdit,
  onEdit,
  onRemove,
}: {
  subTeams: SubTeam[];
  members: TeamMember[];
  canEdit: boolean;
  onEdit: (subTeam: SubTeam) => void;
  onRemove: (subTeam: SubTeam) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      {subTeams.map((subTeam) => {
        const workflows = subTeam.workflows
          .split(/\n|;/)
          .map((w) => w.trim())
          .filter(Boolean);
        return (
          <Card withBorder key={subTeam.id} padding="md" data-testid={`sub-team-${subTeam.name}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{subTeam.name}</Text>
                {canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Edit sub-team">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit ${subTeam.name}`}
                        onClick={() => onEdit(subTeam)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Dissolve sub-team">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Dissolve ${subTeam.name}`}
                        onClick={() => onRemove(subTeam)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
              {subTeam.description && (
                <Text size="sm" c="dimmed">
                  {subTeam.description}
                </Text>
              )}
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Workflows owned
                </Text>
                {workflows.length > 0 ? (
                  <Group gap={4}>
                    {workflows.map((w) => (
                      <Badge key={w} variant="light" size="sm">
                        {w}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    None named yet
                  </Text>
                )}
              </Stack>
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Members
                </Text>
                <Text size="sm">
                  {subTeam.memberIds
                    .map((id) => members.find((m) => m.id === id)?.name)
                    .filter(Boolean)
                    .join(', ') || 'No members yet'}
                </Text>
              </Stack>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
