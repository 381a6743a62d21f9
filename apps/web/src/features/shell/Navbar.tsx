// The left navigation, grouped the way the method runs: Phase 1, Phase 2, reports, then admin.
import { Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBuilding, IconHistory, IconHome, IconUsers } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { type MethodStep, PHASE_TITLES, type StepIcon, stepsOfPhase } from '../method/steps';

interface Item {
  to: string;
  label: string;
  icon: StepIcon;
  end?: boolean;
}

function NavItem({ item, onNavigate }: { item: Item; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const active = pathname === item.to || (!item.end && pathname.startsWith(`${item.to}/`));
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      onClick={onNavigate}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      leftSection={<Icon size={18} stroke={1.6} />}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

function Section({ title, items, onNavigate }: { title: string; items: Item[]; onNavigate: () => void }) {
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Text
        size="xs"
        fw={700}
        c="dimmed"
        tt="uppercase"
        px="sm"
        pt="sm"
        pb={4}
        style={{ letterSpacing: 0.4 }}
      >
        {title}
      </Text>
      {items.map((item) => (
        <NavItem key={item.to} item={item} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}

function stepItems(orgId: string, phase: MethodStep['phase']): Item[] {
  return stepsOfPhase(phase).map((step) => ({
    to: `/o/${orgId}/${step.path}`,
    label: step.label,
    icon: step.icon,
  }));
}

export function Navbar({
  orgId,
  isAdmin,
  onNavigate,
}: {
  orgId: string;
  isAdmin: boolean;
  onNavigate: () => void;
}) {
  const base = `/o/${orgId}`;
  return (
    <ScrollArea type="scroll" h="100%">
      <Stack gap="xs" component="nav" aria-label="Main navigation">
        <NavItem item={{ to: base, label: 'Overview', icon: IconHome, end: true }} onNavigate={onNavigate} />
        <Section title={PHASE_TITLES[1]} items={stepItems(orgId, 1)} onNavigate={onNavigate} />
        <Section title={PHASE_TITLES[2]} items={stepItems(orgId, 2)} onNavigate={onNavigate} />
        <Section title="Across phases" items={stepItems(orgId, 'reports')} onNavigate={onNavigate} />
        {isAdmin && (
          <>
            <Divider my={4} />
            <Section
              title="Admin"
              onNavigate={onNavigate}
              items={[
                { to: `${base}/admin/members`, label: 'Members', icon: IconUsers },
                { to: `${base}/admin/audit`, label: 'Audit log', icon: IconHistory },
                { to: `${base}/admin/organization`, label: 'Organization', icon: IconBuilding },
              ]}
            />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
