// Request and response pieces that several features share.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { roles } from '../db/schema';

// Messages a person can act on, wherever a schema does not give its own.
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined,
});

export const roleSchema = z.enum(roles);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }))
  .pipe(z.string().max(254));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256);
export const personNameSchema = z.string().trim().min(1, { message: 'is required' }).max(120);
export const orgNameSchema = z.string().trim().min(1, { message: 'is required' }).max(200);
export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'must be 2–63 lowercase letters, digits or hyphens, starting with a letter or digit',
  });
export const orgParams = z.object({ orgId: z.string() });

export const sessionResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  organizations: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: roleSchema })),
  csrfToken: z.string(),
});
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
