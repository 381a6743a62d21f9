// Who may keep the vendor inventory (the server enforces the same rule), and the note others see.
import { Alert } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { Role } from '../../api/types';

const KEEPERS: readonly Role[] = ['admin', 'risk_lead', 'assessor', 'business_owner'];

export function canKeepInventory(role: Role): boolean {
  return KEEPERS.includes(role);
}

export function InventoryReadOnlyNotice() {
  return (
    <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="read-only-notice">
      You can read the vendor inventory. Administrators, risk leads, assessors and business owners keep it.
    </Alert>
  );
}
