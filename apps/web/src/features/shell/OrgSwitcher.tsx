// Header menu to switch between the user's organizations or create a new one.
import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingHospital, IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { type Membership, roleLabel, type Session } from '../../api/types';
import { NewOrganizationModal } from '../orgs/NewOrganizationModal';

export function OrgSwitcher({ session, current }: { session: Session; current: Membership }) {
  const navigate = useNavigate();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={300} shadow="md">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBuildingHospital size={18} stroke={1.6} />}
            rightSection={<IconChevronDown size={16} />}
            aria-label={`Organization: ${current.name}`}
            data-testid="org-switcher"
          >
            <Text span size="sm" fw={600} truncate maw={260}>
              {current.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organizations</Menu.Label>
          {session.organizations.map((org) => (
            <Menu.Item
              key={org.id}
              onClick={() => navigate(`/o/${org.id}`)}
              rightSection={org.id === current.id ? <IconCheck size={16} /> : null}
            >
              <Text size="sm" fw={org.id === current.id ? 600 : 400}>
                {org.name}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabel(org.role)}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={openCreate}>
            New organization
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <NewOrganizationModal opened={creating} onClose={closeCreate} />
    </>
  );
}
