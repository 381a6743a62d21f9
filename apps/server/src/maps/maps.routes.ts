// Workflow maps over HTTP: the organization's maps, their versions, comments, review and links to
// the vendor inventory; and the selection and ranking of the sector templates that apply.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDb } from '../db/client';

export function mapRoutes(_db: AppDb): FastifyPluginAsyncZod {
  return async () => {};
}
