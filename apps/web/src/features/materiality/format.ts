// Words and dates for rubric versions, shared by the banner, the history and the grid.
import { APPROVING_BODY_LABELS, type RubricStatus } from '../../api/types';

export function formatDate(iso: string): string {
  // A plain date (2026-01-15) is a calendar day, not a moment: show it without a time-zone shift.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const STATUS_LABELS: Record<RubricStatus, string> = {
  draft: 'Draft',
  approved: 'Approved · used by analysis',
  superseded: 'Superseded',
};

export const SHORT_STATUS_LABELS: Record<RubricStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  superseded: 'Superseded',
};

export const STATUS_COLORS: Record<RubricStatus, string> = {
  draft: 'yellow',
  approved: 'teal',
  superseded: 'gray',
};

export { APPROVING_BODY_LABELS };
