// The review moves a map allows from its status, for a caller who may edit and/or validate it
// (the server checks again): editors submit, ask for changes and reopen; reviewers validate.
import type { ReviewStatus } from '../types';

export interface ReviewMove {
  to: ReviewStatus;
  label: string;
  /** What the move means, shown in the confirmation. */
  explain: string;
  primary: boolean;
}

/** The moves from a status, for a caller who may edit and/or validate (the server checks again). */
export function reviewMoves(status: ReviewStatus, canEdit: boolean, canReview: boolean): ReviewMove[] {
  const moves: ReviewMove[] = [];
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
