// Plain-language messages for failed sign-ins.
import { ApiError } from '../../api/client';
import { errorMessage } from '../../app/form-errors';

export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'The email or password is not correct. Check them and try again.';
    if (error.status === 429) {
      const wait =
        error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
          ? `about ${Math.ceil(error.retryAfterSeconds / 60)} minute${error.retryAfterSeconds > 60 ? 's' : ''}`
          : 'a few minutes';
      return `Too many sign-in attempts. For your security, please wait ${wait} before trying again.`;
    }
  }
  return errorMessage(error);
}
