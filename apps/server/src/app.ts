// Assembles the HTTP application: plumbing, features, OpenAPI, and the built web app.
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { analysisRoutes } from './analysis/analysis.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import type { Config } from './config';
import type { AppDb } from './db/client';
import { mapRoutes } from './maps/maps.routes';
import { materialityRoutes } from './materiality/materiality.routes';
import { memberRoutes } from './members/members.routes';
import { orgRoutes } from './orgs/orgs.routes';
import { setupRoutes } from './setup/setup.routes';
import { type RouteAccess, registerHttpPlumbing } from './shared/http';
import { teamRoutes } from './team/team.routes';
import { templateRoutes } from './templates/templates.routes';
import { vendorExportRoutes } from './vendors/export/export.routes';
import { vendorImportRoutes } from './vendors/import/vendor-imports.routes';
import { sbomRoutes } from './vendors/sbom/sbom.routes';
import { vendorRoutes } from './vendors/vendors.routes';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuiltApp {
  app: FastifyInstance;
  /** Every API route with its access rule, for the tests that sweep routes x roles. */
  routes: RouteAccess[];
}

export async function buildApp(
  db: AppDb,
  config: Config,
  opts: { logger?: boolean } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
  });
  const routes: RouteAccess[] = [];
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'SMART API',
        version: '0.1.0',
        description: 'Sector Mapping and Risk Toolkit platform API.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'smart_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerHttpPlumbing(app, db, config, routes);
  await app.register(setupRoutes(db, config));
  await app.register(authRoutes(db, config));
  await app.register(orgRoutes(db));
  await app.register(memberRoutes(db, config));
  await app.register(auditRoutes(db));
  await app.register(templateRoutes());
  await app.register(vendorRoutes(db));
  await app.register(vendorImportRoutes(db));
  await app.register(vendorExportRoutes(db));
  await app.register(sbomRoutes(db));
  await app.register(teamRoutes(db));
  await app.register(materialityRoutes(db));
  await app.register(mapRoutes(db));
  await app.register(analysisRoutes(db));
  app.get('/api/health', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => ({
    ok: true,
  }));

  serveWebApp(app, config.webDistDir);
  return { app, routes };
}

function serveWebApp(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`web app not built (${index} missing): run "npm run build"`);
    return;
  }
  app.register(fastifyStatic, { root: distDir, wildcard: false });
  // Client-side routes (/signin, /o/...) get the single page; unknown /api paths stay JSON 404s.
  app.get('/*', { config: { access: { kind: 'public' } } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route GET ${request.url}.` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
