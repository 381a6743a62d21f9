// Places the server's validation issues for a rubric on the grid's cells ("2.levels.0.threshold"),
// and says in one line what went wrong when a cell alone cannot.
import { ApiError } from '../../api/client';
import { errorMessage } from '../../app/form-errors';

/** Server issues under body.dimensions, keyed by the path inside the dimensions. */
export function dimensionErrors(error: unknown): { byPath: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { byPath: {}, general: error ? errorMessage(error) : null };
  const byPath: Record<string, string> = {};
  let general: string | null = null;
  for (const issue of error.issues) {
    const match = /^body\.dimensions\.(.+)$/.exec(issue.path);
    if (match?.[1]) byPath[match[1]] = issue.message;
    else general = general ?? `${issue.path.replace(/^body\./, '')}: ${issue.message}`;
  }
  if (error.issues.length === 0) general = error.message;
  const marked = Object.keys(byPath).length;
  if (marked > 0 && !general) {
    general = `${marked === 1 ? 'One field needs' : `${marked} fields need`} attention; ${marked === 1 ? 'it is' : 'they are'} marked in red below.`;
  }
  return { byPath, general };
}
