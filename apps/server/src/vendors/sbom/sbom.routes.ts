// SBOMs of inventory services over HTTP: upload one for a service (its suppliers become the
// service's dependencies), read them with their components, remove one.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { actorOf, requireOrg } from '../../orgs/orgs.routes';
import { AppError } from '../../shared/errors';
import { ALL_ROLES, validId } from '../../shared/http';
import { runInWorker } from '../import/run-in-worker';
import { deleteSbom, getSbom, importSbom, listSboms, serviceOf } from './sbom.service';

export const MAX_SBOM_BYTES = 20 * 1024 * 1024;

const READ = { kind: 'org', roles: ALL_ROLES } as const;
const KEEP = { kind: 'org', roles: ['admin', 'risk_lead', 'assessor', 'business_owner'] } as const;
const tags = ['vendors'];
const megabytes = MAX_SBOM_BYTES / (1024 * 1024);

const vendorParams = z.object({ orgId: z.string(), vendorId: z.string() });
const serviceParams = vendorParams.extend({ serviceId: z.string() });
const componentQuery = z.object({
  q: z.string().trim().max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function sbomRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_SBOM_BYTES, files: 1, fields: 5 } });

    app.get(
      '/api/orgs/:orgId/vendors/:vendorId/sboms',
      {
        config: { access: READ },
        schema: { tags, summary: 'The SBOMs of a vendor’s services', params: vendorParams },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const vendorId = validId(request.params.vendorId, 'Vendor');
        return withTenant(db, orgId, (tx) => listSboms(tx, orgId, vendorId));
      },
    );

    app.get(
      '/api/orgs/:orgId/vendors/:vendorId/services/:serviceId/sbom',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: 'A service’s SBOM with one page of its components (searched by name, supplier or purl)',
          params: serviceParams,
          querystring: componentQuery,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const vendorId = validId(request.params.vendorId, 'Vendor');
        const serviceId = validId(request.params.serviceId, 'Service');
        return withTenant(db, orgId, (tx) => getSbom(tx, orgId, vendorId, serviceId, request.query));
      },
    );

    app.post(
      '/api/orgs/:orgId/vendors/:vendorId/services/:serviceId/sbom',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: `Import a CycloneDX (JSON or XML) or SPDX (JSON) SBOM for a service (at most ${megabytes} MB); its suppliers become the service’s dependencies, replacing the previous SBOM’s`,
          consumes: ['multipart/form-data'],
          params: serviceParams,
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const vendorId = validId(request.params.vendorId, 'Vendor');
        const serviceId = validId(request.params.serviceId, 'Service');
        if (!request.isMultipart()) {
          throw new AppError(
            'invalid_input',
            'Send the SBOM as multipart/form-data in a field named "file".',
          );
        }
        await withTenant(db, orgId, (tx) => serviceOf(tx, orgId, vendorId, serviceId));
        const file = await request.file();
        if (!file) throw new AppError('invalid_input', 'No file was sent: choose an SBOM file.');
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('payload_too_large', `The SBOM is larger than ${megabytes} MB.`);
          }
          throw err;
        }
        // Parsed outside the transaction, in the import worker: a large SBOM does not hold the database.
        const sbom = await runInWorker('parseSbom', new Uint8Array(bytes));
        const filename = file.filename.trim().slice(0, 255) || 'sbom';
        const result = await withTenant(db, orgId, (tx) =>
          importSbom(tx, orgId, actorOf(request.session), vendorId, serviceId, filename, sbom),
        );
        return reply.status(201).send(result);
      },
    );

    app.delete(
      '/api/orgs/:orgId/vendors/:vendorId/services/:serviceId/sbom',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Remove a service’s SBOM with the dependencies it created',
          params: serviceParams,
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const vendorId = validId(request.params.vendorId, 'Vendor');
        const serviceId = validId(request.params.serviceId, 'Service');
        await withTenant(db, orgId, (tx) =>
          deleteSbom(tx, orgId, actorOf(request.session), vendorId, serviceId),
        );
        return reply.status(204).send();
      },
    );
  };
}
