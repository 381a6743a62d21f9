// The map's review status (Draft, In review, Validated by whom and when) and the moves the caller
// may make from it: editors submit for review, ask for changes and reopen; reviewers validate.
// Each move can carry a note for the people working on the map.
import { Alert, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { useReviewMap } from '../queries';
import type { MapDetail } from '../types';
import { type ReviewMove, reviewMoves } from './review-moves';
import { ReviewStatusBadge } from './review-status';

export interface ReviewControlProps {
  map: MapDetail;
  /** Called with the map after a review change (its version has moved on). */
  onChanged: (map: MapDetail) => void;
}

export function ReviewControl({ map, onChanged }: ReviewControlProps) {
  const orgId = useCurrentOrg().membership.id;
  const review = useReviewMap(orgId, map.id);
  const [move, setMove] = useState<ReviewMove | null>(null);
  const [note, setNote] = useState('');
  const moves = reviewMoves(map.reviewStatus, map.canEdit, map.canReview);

  const confirm = () => {
    if (!move) return;
    const text = note.trim();
    review.mutate(
      { status: move.to, version: map.version, ...(text ? { note: text } : {}) },
      {
        onSuccess: (changed) => {
          setMove(null);
          onChanged(changed);
        },
      },
    );
  };

  return (
    <Stack gap={6} data-testid="review-control">
      <Group gap="xs" wrap="wrap">
        <ReviewStatusBadge map={map} long size="lg" />
        {moves.map((m) => (
          <Button
            key={m.label}
            size="xs"
            variant={m.primary ? 'filled' : 'default'}
            onClick={() => {
              review.reset();
              setNote('');
              setMove(m);
            }}
          >
            {m.label}
          </Button>
        ))}
        {map.reviewNote && (
          <Tooltip label={map.reviewNote} multiline maw={360} style={{ whiteSpace: 'pre-wrap' }}>
            <Text size="xs" c="dimmed" maw={260} truncate data-testid="review-note">
              Note: {map.reviewNote}
            </Text>
          </Tooltip>
        )}
      </Group>

      {map.reviewStatus === 'in_review' && !map.canReview && moves.length === 0 && (
        <Text size="xs" c="dimmed">
          Waiting for a reviewer: an administrator, a risk lead or a business owner of the map’s sub-team.
        </Text>
      )}

      <Modal
        opened={move !== null}
        onClose={() => setMove(null)}
        title={move ? `${move.label}: ${map.name}` : ''}
      >
        <Stack gap="md">
          <Text size="sm">{move?.explain}</Text>
          <Textarea
            label="Note (optional)"
            description="Kept with the review status, for the people working on the map."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {review.isError && <Alert color="red">{errorMessage(review.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMove(null)}>
              Cancel
            </Button>
            <Button loading={review.isPending} onClick={confirm}>
              {move?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
