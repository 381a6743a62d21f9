// Phase 1 · Step 1, the planning team: the people who assess, their disciplines and roles, who
// approves the rubric, and the sub-teams that own specific workflows.
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { DISCIPLINE_LABELS, type Discipline, type SubTeam, type TeamMember } from '../../api/types';
import { errorMessage } from '../../app/form-errors';
import { useMembers } from '../admin/members/queries';
import { StepHeader } from '../method/StepHeader';
import { useCurrentOrg } from '../shell/current-org';
import { ConfirmRemoveModal } from './ConfirmRemoveModal';
import { canEditPlanning, ReadOnlyNotice } from './permissions';
import { useRemoveSubTeam, useRemoveTeamMember, useTeam } from './queries';
import { SubTeamCards } from './SubTeamCards';
import { SubTeamModal } from './SubTeamModal';
import { TeamMemberModal } from './TeamMemberModal';
import { TeamMembersTable } from './TeamMembersTable';

/** The disciplines the HSCC method asks a planning team to include. */
const RECOMMENDED: Discipline[] = [
  'risk',
  'cybersecurity',
  'legal',
  'compliance',
  'it',
  'finance',
  'operations',
  'executive',
];

function Section({
  title,
  hint,
  action,
  children,
}: {
  title: string;
  hint: string;
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Text c="dimmed" ta="center" size="sm">
        {children}
      </Text>
    </Paper>
  );
}

export function TeamPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const canEdit = canEditPlanning(membership.role);
  const team = useTeam(orgId);
  const accounts = useMembers(orgId);
  const removeMember = useRemoveTeamMember(orgId);
  const removeSubTeam = useRemoveSubTeam(orgId);
  const [editingMember, setEditingMember] = useState<TeamMember | null>(null);
  const [memberModal, setMemberModal] = useState(false);
  const [editingSubTeam, setEditingSubTeam] = useState<SubTeam | null>(null);
  const [subTeamModal, setSubTeamModal] = useState(false);
  const [removingMember, setRemovingMember] = useState<TeamMember | null>(null);
  const [removingSubTeam, setRemovingSubTeam] = useState<SubTeam | null>(null);

  const members = team.data?.members ?? [];
  const subTeams = team.data?.subTeams ?? [];
  const covered = new Set(members.map((m) => m.discipline));
  const missing = RECOMMENDED.filter((d) => !covered.has(d));

  return (
    <Stack gap="xl" maw={1200}>
      <StepHeader
        path="team"
        detail="Record each member’s discipline and role on the assessment, who approves the materiality rubric, and the sub-teams that own specific workflows."
      />

      {!canEdit && <ReadOnlyNotice what="the planning team" />}

      {team.isPending && <Skeleton h={200} />}
      {team.isError && <Alert color="red">{errorMessage(team.error)}</Alert>}

      {team.data && (
        <>
          <Section
            title="Members"
            hint={
              missing.length === 0
                ? 'Every recommended discipline is represented.'
                : `Not yet represented: ${missing.map((d) => DISCIPLINE_LABELS[d]).join(', ')}.`
            }
            action={
              canEdit && (
                <Button
                  leftSection={<IconPlus size={16} />}
                  onClick={() => {
                    setEditingMember(null);
                    setMemberModal(true);
                  }}
                >
                  Add member
                </Button>
              )
            }
          >
            {members.length === 0 ? (
              <EmptyState>
                No one is on the planning team yet.
                {canEdit &&
                  ' Add people from risk, cybersecurity, legal, compliance, IT, finance, operations and executive leadership.'}
              </EmptyState>
            ) : (
              <TeamMembersTable
                members={members}
                subTeams={subTeams}
                accounts={accounts.data ?? []}
                canEdit={canEdit}
                onEdit={(m) => {
                  setEditingMember(m);
                  setMemberModal(true);
                }}
                onRemove={(m) => {
                  removeMember.reset();
                  setRemovingMember(m);
                }}
              />
            )}
          </Section>

          <Section
            title="Sub-teams"
            hint="Smaller groups that own specific workflows, such as the laboratory or the revenue cycle."
            action={
              canEdit && (
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => {
                    setEditingSubTeam(null);
                    setSubTeamModal(true);
                  }}
                >
                  Form a sub-team
                </Button>
              )
            }
          >
            {subTeams.length === 0 ? (
              <EmptyState>No sub-teams yet.</EmptyState>
            ) : (
              <SubTeamCards
                subTeams={subTeams}
                members={members}
                canEdit={canEdit}
                onEdit={(t) => {
                  setEditingSubTeam(t);
                  setSubTeamModal(true);
                }}
                onRemove={(t) => {
                  removeSubTeam.reset();
                  setRemovingSubTeam(t);
                }}
              />
            )}
          </Section>
        </>
      )}

      <TeamMemberModal
        orgId={orgId}
        opened={memberModal}
        member={editingMember}
        onClose={() => setMemberModal(false)}
      />
      <SubTeamModal
        orgId={orgId}
        opened={subTeamModal}
        subTeam={editingSubTeam}
        members={members}
        onClose={() => setSubTeamModal(false)}
      />
      <ConfirmRemoveModal
        title="Remove team member"
        message={`Remove ${removingMember?.name ?? ''} from the planning team? They are also taken out of their sub-teams. Their SMART account, if any, is not affected.`}
        opened={removingMember !== null}
        pending={removeMember.isPending}
        error={removeMember.error}
        onClose={() => setRemovingMember(null)}
        onConfirm={() => {
          if (removingMember)
            removeMember.mutate(removingMember.id, { onSuccess: () => setRemovingMember(null) });
        }}
      />
      <ConfirmRemoveModal
        title="Dissolve sub-team"
        message={`Dissolve ${removingSubTeam?.name ?? ''}? Its members stay on the planning team.`}
        opened={removingSubTeam !== null}
        pending={removeSubTeam.isPending}
        error={removeSubTeam.error}
        onClose={() => setRemovingSubTeam(null)}
        onConfirm={() => {
          if (removingSubTeam)
            removeSubTeam.mutate(removingSubTeam.id, { onSuccess: () => setRemovingSubTeam(null) });
        }}
      />
    </Stack>
  );
}
