// Says at a glance which rubric version is approved and used by analysis, and whether a newer
// draft is waiting for approval.
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { APPROVING_BODY_LABELS, type RubricOverview } from '../../api/types';
import { formatDate } from './format';

export function ApprovalBanner({ overview }: { overview: RubricOverview }) {
  const approved = overview.versions.find((v) => v.status === 'approved');
  const draft = overview.draftVersion;
  if (!approved?.approval) {
    return (
      <Alert
        color="yellow"
        icon={<IconAlertTriangle />}
        title="No version approved yet"
        data-testid="approval-banner"
      >
        Analysis cannot use the rubric until senior management or the board approves a version.
        {draft !== null && ` Version ${draft} is the draft to take for approval.`}
      </Alert>
    );
  }
  const a = approved.approval;
  return (
    <Alert
      color="teal"
      icon={<IconRosetteDiscountCheck />}
      title={`Version ${approved.version} is approved and used by analysis`}
      data-testid="approval-banner"
    >
      <Text size="sm">
        Approved by {a.approverName} ({APPROVING_BODY_LABELS[a.approvingBody]}) on{' '}
        {formatDate(a.approvalDate)}
        {a.note ? `: “${a.note}”` : '.'}
      </Text>
      {draft !== null && (
        <Text size="sm" mt={4}>
          Version {draft} is a draft with later changes; analysis keeps using version {approved.version} until
          the draft’s approval is recorded.
        </Text>
      )}
    </Alert>
  );
}
