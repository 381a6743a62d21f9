// Maps an API error onto a Mantine form: field issues go under their fields, the rest is returned
// as one message for an Alert above the form.
import { ApiError } from '../api/client';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

/** The part of a Mantine form this needs, so any form's values type fits. */
interface ErrorTarget {
  getValues: () => object;
  setFieldError: (path: string, error: string) => void;
}

export function applyApiErrors(form: ErrorTarget, error: unknown): string | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return errorMessage(error);
  const fields = Object.keys(form.getValues());
  let unplaced: string | null = null;
  for (const issue of error.issues) {
    const field = fields.find((name) => issue.path === name || issue.path.endsWith(`.${name}`));
    if (field) form.setFieldError(field, issue.message);
    else unplaced = unplaced ?? `${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
  }
  return unplaced;
}
