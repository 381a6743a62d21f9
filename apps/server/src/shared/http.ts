// HTTP plumbing shared by every feature: the error format, the request's session and organization,
// CSRF protection for cookie-authenticated writes, and the role check each route declares.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type LoadedSession, loadSession, membershipRole, SESSION_COOKIE } from '../auth/sessions';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import type { Role } from '../db/schema';
import { AppError, type FieldIssue, forbidden, notFound } from './errors';

/** Who may call a route: anyone, any signed-in user, or members of the organization in the path with one of these roles. */
export type Access = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'org'; roles: readonly Role[] };

export const ALL_ROLES: readonly Role[] = [
  'admin',
  'risk_lead',
  'assessor',
  'business_owner',
  'executive_viewer',
];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: LoadedSession | null;
    org: { id: string; role: Role } | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** A row id from the path: anything that is not a UUID cannot name a row, so it is "not found". */
export function validId(id: string, what: string): string {
  if (!isUuid(id)) throw notFound(what);
  return id;
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export function registerHttpPlumbing(
  app: FastifyInstance,
  db: AppDb,
  config: Config,
  routes: RouteAccess[],
): void {
  app.decorateRequest('session', null);
  app.decorateRequest('org', null);

  // No API route exists without a declared access rule: forgetting one fails at start, not in production.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await loadSession(db, token, config) : null;
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if (request.session && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken) {
        throw new AppError(
          'csrf_failed',
          'Missing or wrong x-csrf-token header; reload the page and try again.',
        );
      }
    }
    if (access.kind === 'public') return;
    if (!request.session) throw new AppError('unauthenticated', 'Sign in first.');
    if (access.kind === 'org') request.org = await resolveOrganization(db, request, access.roles);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}.` } });
  });
}

async function resolveOrganization(db: AppDb, request: FastifyRequest, roles: readonly Role[]) {
  const { orgId } = request.params as { orgId?: string };
  const session = request.session;
  if (!orgId || !session) throw notFound('Organization');
  // An organization the caller does not belong to does not exist, as far as the caller can tell.
  const role = isUuid(orgId) ? await membershipRole(db, orgId, session.user.id) : null;
  if (!role) throw notFound('Organization');
  if (!roles.includes(role)) throw forbidden();
  return { id: orgId, role };
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return reply
      .status(400)
      .send({ error: { code: 'invalid_input', message: `Invalid input. ${summary}`, issues } });
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return reply
      .status(413)
      .send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
  }
  if (status === 429) {
    return reply.status(429).send({ error: { code: 'rate_limited', message: error.message } });
  }
  if (status >= 400 && status < 500) {
    const message =
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the body as application/json.' : error.message;
    return reply.status(status).send({ error: { code: 'invalid_input', message } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } });
}
