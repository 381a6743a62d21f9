// The vendor inventory over HTTP. Everyone in the organization reads it; administrators, risk
// leads, assessors and business owners keep it; executive viewers only read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { ALL_ROLES, validId } from '../shared/http';
import { dependencyInput, listQuery, serviceInput, vendorInput } from './vendors.inputs';
import {
  addDependency,
  createService,
  createVendor,
  deleteService,
  deleteVendor,
  getVendor,
  listVendors,
  removeDependency,
  updateService,
  updateVendor,
} from './vendors.service';

const READ = { kind: 'org', roles: ALL_ROLES } as const;
const KEEP = { kind: 'org', roles: ['admin', 'risk_lead', 'assessor', 'business_owner'] } as const;

const versioned = { version: z.number().int().min(1) };
const tags = ['vendors'];

export function vendorRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/vendors',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: 'One page of the vendor inventory, searched, filtered by service category and sorted',
          params: z.object({ orgId: z.string() }),
          querystring: listQuery,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) => listVendors(tx, orgId, request.query));
      },
    );

    app.post(
      '/api/orgs/:orgId/vendors',
      {
        config: { access: KEEP },
        schema: { tags, summary: 'Add a vendor', params: z.object({ orgId: z.string() }), body: vendorInput },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const vendor = await withTenant(db, orgId, (tx) =>
          createVendor(tx, orgId, actorOf(request.session), request.body),
        );
        return reply.status(201).send(vendor);
      },
    );

    const vendorParams = z.object({ orgId: z.string(), vendorId: z.string() });

    app.get(
      '/api/orgs/:orgId/vendors/:vendorId',
      {
        config: { access: READ },
        schema: { tags, summary: 'A vendor with its services and dependencies', params: vendorParams },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.vendorId, 'Vendor');
        return withTenant(db, orgId, (tx) => getVendor(tx, orgId, id));
      },
    );

    app.patch(
      '/api/orgs/:orgId/vendors/:vendorId',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Change a vendor (send the version you edited; a stale one gets 409)',
          params: vendorParams,
          body: vendorInput.extend(versioned),
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.vendorId, 'Vendor');
        const { version, ...input } = request.body;
        return withTenant(db, orgId, (tx) =>
          updateVendor(tx, orgId, actorOf(request.session), id, input, version),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/vendors/:vendorId',
      {
        config: { access: KEEP },
        schema: { tags, summary: 'Remove a vendor with its services', params: vendorParams },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.vendorId, 'Vendor');
        await withTenant(db, orgId, (tx) => deleteVendor(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/orgs/:orgId/vendors/:vendorId/services',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Add a service or product of a vendor',
          params: vendorParams,
          body: serviceInput,
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.vendorId, 'Vendor');
        const service = await withTenant(db, orgId, (tx) =>
          createService(tx, orgId, actorOf(request.session), id, request.body),
        );
        return reply.status(201).send(service);
      },
    );

    const serviceParams = z.object({ orgId: z.string(), serviceId: z.string() });

    app.patch(
      '/api/orgs/:orgId/services/:serviceId',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Change a service (send the version you edited; a stale one gets 409)',
          params: serviceParams,
          body: serviceInput.extend(versioned),
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.serviceId, 'Service');
        const { version, ...input } = request.body;
        return withTenant(db, orgId, (tx) =>
          updateService(tx, orgId, actorOf(request.session), id, input, version),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/services/:serviceId',
      { config: { access: KEEP }, schema: { tags, summary: 'Remove a service', params: serviceParams } },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.serviceId, 'Service');
        await withTenant(db, orgId, (tx) => deleteService(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/orgs/:orgId/vendors/:vendorId/dependencies',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Record a fourth party or hidden dependency of a vendor or one of its services',
          params: vendorParams,
          body: dependencyInput,
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.vendorId, 'Vendor');
        const dependency = await withTenant(db, orgId, (tx) =>
          addDependency(tx, orgId, actorOf(request.session), id, request.body),
        );
        return reply.status(201).send(dependency);
      },
    );

    app.delete(
      '/api/orgs/:orgId/dependencies/:dependencyId',
      {
        config: { access: KEEP },
        schema: {
          tags,
          summary: 'Remove a recorded dependency',
          params: z.object({ orgId: z.string(), dependencyId: z.string() }),
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.dependencyId, 'Dependency');
        await withTenant(db, orgId, (tx) => removeDependency(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );
  };
}
