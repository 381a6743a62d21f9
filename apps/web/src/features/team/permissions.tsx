// Who may change the planning team and the materiality rubric, and the note others see instead.
import { Alert } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { Role } from '../../api/types';

export const PLANNING_EDITORS: readonly Role[] = ['admin', 'risk_lead'];

export function canEditPlanning(role: Role): boolean {
  return PLANNING_EDITORS.includes(role);
}

/** Shown instead of edit controls, so a reader knows why there are none and whom to ask. */
export function ReadOnlyNotice({ what }: { what: string }) {
  return (
    <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="read-only-notice">
      You can read {what}. Only administrators and risk leads can change this.
    </Alert>
  );
}
