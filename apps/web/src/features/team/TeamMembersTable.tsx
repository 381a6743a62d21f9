// The people on the planning team: discipline, role on the assessment, sub-teams, who approves.
import { ActionIcon, Badge, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash, IconUserCheck } from '@tabler/icons-react';
import { DISCIPLINE_LABELS, type Member, type SubTeam, type TeamMember } from '../../api/types';

export function TeamMembersTable({
  members,
  subTeams,
  accounts,
  canEdit,
  onEdit,
  onRemove,
}: {
  members: TeamMember[];
  subTeams: SubTeam[];
  accounts: Member[];
  canEdit: boolean;
  onEdit: (member: TeamMember) => void;
  onRemove: (member: TeamMember) => void;
}) {
  const subTeamName = (id: string) => subTeams.find((t) => t.id === id)?.name ?? '';
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Team members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Discipline</Table.Th>
            <Table.Th>Role on the assessment</Table.Th>
            <Table.Th>Sub-teams</Table.Th>
            {canEdit && (
              <Table.Th w={88}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const account = accounts.find((a) => a.userId === member.userId);
            return (
              <Table.Tr key={member.id} data-testid={`team-member-${member.name}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    {member.isApprover && (
                      <Badge
                        size="sm"
                        variant="light"
                        color="grape"
                        leftSection={<IconUserCheck size={12} />}
                      >
                        Approver
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      member.email,
                      member.userId
                        ? account
                          ? 'SMART account linked'
                          : 'account no longer in organization'
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{DISCIPLINE_LABELS[member.discipline]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={member.assessmentRole ? undefined : 'dimmed'}>
                    {member.assessmentRole || 'Not described'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {member.subTeamIds.map((id) => (
                      <Badge key={id} size="sm" variant="outline" color="gray">
                        {subTeamName(id)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Edit">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${member.name}`}
                          onClick={() => onEdit(member)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Remove from team">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${member.name}`}
                          onClick={() => onRemove(member)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
