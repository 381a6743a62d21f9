// The map's review status (Draft, In review, Validated by whom and when) and the moves the caller
// may make from it: editors submit for review, ask for changes and reopen; reviewers validate.
// Each move can carry a note for the people working on the map.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { useReviewMap } from '../queries';
import type { MapDetail, ReviewStatus } from '../types';
import { ReviewStatusBadge } from './review-status';

export interface ReviewControlProps {
  map: MapDetail;
  /** Called with the map after a review change (its version has moved on). */
  onChanged: (map: MapDetail) => void;
}

interface Move {
  to: ReviewStatus;
  label: string;
  /** What the move means, shown in the confirmation. */
  explain: string;
  primary: boolean;
}

/** The moves from a status, for a caller who may edit and/or validate (the server checks again). */
export function reviewMoves(status: ReviewStatus, canEdit: boolean, canReview: boolean): Move[] {
  const moves: Move[] = [];
  if (status === 'draft' && canEdit)
    moves.push({
      to: 'in_review',
      label: 'Submit for review',
      explain: 'The map goes to its reviewers, who validate it or ask for changes. Editing stays possible.',
      primary: true,
    });
  if (status === 'in_review' && canReview)
    moves.push({
      to: 'validated',
      label: 'Validate',
      explain:
        'You confirm that the map describes how the workflow really runs. Your name and today’s date are recorded.',
      primary: true,
    });
  if (status === 'in_review' && canEdit)
    moves.push({
      to: 'draft',
      label: 'Request changes',
      explain: 'The map goes back to draft. Say in the note what should change.',
      primary: false,
    });
  if (status === 'validated' && canEdit)
    moves.push({
      to: 'draft',
      label: 'Reopen',
      explain:
        'The map goes back to draft and its validation is cleared. Any change to its content does this too.',
      primary: false,
    });
  return moves;
}

export function ReviewControl({ map, onChanged }: ReviewControlProps) {
  const orgId = useCurrentOrg().membership.id;
  const review = useReviewMap(orgId, map.id);
  const [move, setMove] = useState<Move | null>(null);
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
      </Group>
      {map.reviewNote && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} data-testid="review-note">
          Note: {map.reviewNote}
        </Text>
      )}
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
