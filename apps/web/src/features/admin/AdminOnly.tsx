// Admin pages render only for administrators of the current organization.
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCurrentOrg } from '../shell/current-org';

export function AdminOnly({ children }: { children: ReactNode }) {
  const { isAdmin } = useCurrentOrg();
  if (!isAdmin) {
    return (
      <Alert color="gray" icon={<IconLock />} title="Administrators only" maw={560}>
        Only administrators of this organization can see this page. Ask an administrator if you need access.
      </Alert>
    );
  }
  return <>{children}</>;
}
