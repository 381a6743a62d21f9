// The signed-in app: AppShell with the method's navigation on the left and the organization
// switcher and user menu in the header. Guards the session and the membership of /o/:orgId.
import { AppShell, Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldHalfFilled } from '@tabler/icons-react';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router-dom';
import { FullPageLoader } from '../../app/FullPageLoader';
import { ErrorScreen } from '../../app/RouteError';
import { homePath, membershipFor, useSession } from '../auth/session';
import type { CurrentOrg } from './current-org';
import { Navbar } from './Navbar';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { orgId } = useParams();
  const location = useLocation();
  const session = useSession();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ErrorScreen error={session.error} />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  const membership = membershipFor(session.data, orgId);
  // Not (or no longer) a member of this organization: go to one the user belongs to.
  if (!membership) return <Navigate to={homePath(session.data)} replace />;

  const context: CurrentOrg = { membership, session: session.data, isAdmin: membership.role === 'admin' };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="xl"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label="Navigation"
            />
            <UnstyledButton component={Link} to={`/o/${membership.id}`} aria-label="SMART overview">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={32} radius="md">
                  <IconShieldHalfFilled size={20} />
                </ThemeIcon>
                <Text fw={700} size="lg">
                  SMART
                </Text>
              </Group>
            </UnstyledButton>
            <Text c="dimmed" size="sm" visibleFrom="md">
              Sector Mapping and Risk Toolkit
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrgSwitcher session={session.data} current={membership} />
            <UserMenu user={session.data.user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navbar orgId={membership.id} isAdmin={context.isAdmin} onNavigate={closeNav} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet context={context} />
      </AppShell.Main>
    </AppShell>
  );
}
