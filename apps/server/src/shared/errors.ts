// One error type with a code; mapped to HTTP in one place (http.ts). Messages are safe to show.
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_file'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'invalid_model'
  | 'already_set_up'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  /** An uploaded file that cannot be read as what it should be (spreadsheet, SBOM). */
  invalid_file: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** Someone saved since the caller's copy was read; details say who, when and the version now. */
  version_conflict: 409,
  /** A model document that does not parse; issues name each JSON path. */
  invalid_model: 422,
  already_set_up: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
