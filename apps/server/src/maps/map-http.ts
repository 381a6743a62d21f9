// What the map routes share: the access rules by what a route does, the path parameters, and
// running work as the caller (with the sub-teams their rights on a map depend on).
import { z } from 'zod';
import type { AppDb, Tx } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { notFound } from '../shared/errors';
import { ALL_ROLES } from '../shared/http';
import { type Caller, loadCaller } from './maps.access';

export const READ = { kind: 'org', roles: ALL_ROLES } as const;
/** May create and edit maps (business owners: those of their sub-teams). */
export const EDIT = { kind: 'org', roles: ['admin', 'risk_lead', 'business_owner'] } as const;
/** May comment: everyone but executive viewers. */
export const COMMENT = { kind: 'org', roles: ['admin', 'risk_lead', 'assessor', 'business_owner'] } as const;
/** May delete maps and choose the templates that apply. */
export const MANAGE = { kind: 'org', roles: ['admin', 'risk_lead'] } as const;

export const tags = ['maps'];
export const mapParams = z.object({ orgId: z.string(), mapId: z.string() });

type OrgRequest = {
  org: { id: string; role: Caller['role'] } | null;
  session: { user: { id: string; name: string } } | null;
};

/** Runs organization-scoped work with the caller (role and sub-teams) read in the same transaction. */
export function asCaller<T>(
  db: AppDb,
  request: OrgRequest,
  work: (tx: Tx, organizationId: string, caller: Caller) => Promise<T>,
): Promise<T> {
  const organizationId = requireOrg(request.org);
  const actor = actorOf(request.session);
  const role = request.org?.role;
  if (!role) throw notFound('Organization');
  return withTenant(db, organizationId, async (tx) =>
    work(tx, organizationId, await loadCaller(tx, organizationId, actor, role)),
  );
}
