// The words and colours of a map's review status, shared by the maps list and the editor's review
// control, so both say "Validated by Dana Reyes on 3 Mar 2026" the same way.
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { formatDate } from '../../materiality/format';
import type { MapSummary, ReviewStatus } from '../types';

export const REVIEW_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  validated: 'Validated',
};

export const REVIEW_COLORS: Record<ReviewStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  validated: 'teal',
};

type ReviewFields = Pick<MapSummary, 'reviewStatus' | 'reviewedBy' | 'reviewedAt'>;

/** "Validated by Dana Reyes on 3 Mar 2026"; the plain label for the other statuses. */
export function reviewSentence(map: ReviewFields): string {
  if (map.reviewStatus !== 'validated') return REVIEW_LABELS[map.reviewStatus];
  const by = map.reviewedBy ? ` by ${map.reviewedBy.name}` : '';
  const on = map.reviewedAt ? ` on ${formatDate(map.reviewedAt)}` : '';
  return `Validated${by}${on}`;
}

export function ReviewStatusBadge({
  map,
  long = false,
  ...props
}: { map: ReviewFields; long?: boolean } & BadgeProps) {
  const badge = (
    <Badge
      color={REVIEW_COLORS[map.reviewStatus]}
      variant="light"
      radius="sm"
      tt="none"
      data-testid="review-status"
      {...props}
    >
      {long ? reviewSentence(map) : REVIEW_LABELS[map.reviewStatus]}
    </Badge>
  );
  if (long || map.reviewStatus !== 'validated') return badge;
  return <Tooltip label={reviewSentence(map)}>{badge}</Tooltip>;
}
