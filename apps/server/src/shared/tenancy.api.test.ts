// Sweeps every API route: each role gets exactly what its route declares, and nobody reaches
// another organization's data, neither through its id in the path nor through its rows' ids.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import type { Role } from '../db/schema';
import { withTenant } from '../db/tenant';
import {
  addMember,
  anotherOrganization,
  type Client,
  setUpFirstOrganization,
  type TestApp,
  testApp,
} from '../test/harness';
import { ALL_ROLES } from './http';

type Ids = { orgId: string; userId: string; id: string };
const fill = (url: string, ids: Ids) =>
  url
    .replace(':orgId', ids.orgId)
    .replace(':userId', ids.userId)
    .replace(':id', ids.id)
    .replace(':token', 'x');

const bodyFor = (method: string, url: string): unknown => {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (url.endsWith('/invitations')) return { email: 'someone.new@alpha.test', role: 'assessor' };
  if (url.includes('/members/')) return { role: 'assessor' };
  return { name: 'Renamed' };
};

describe('tenancy and roles across every route', () => {
  let t: TestApp;
  let orgA: string;
  let adminA: Client;
  const byRole = new Map<Role, { client: Client; userId: string }>();
  let orgB: string;
  let adminB: Client;
  let adminBUserId: string;
  let invitationB: string;
  let target: { userId: string };

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    orgA = a.orgId;
    adminA = a.admin;
    byRole.set('admin', { client: adminA, userId: a.userId });
    for (const role of ALL_ROLES.filter((r) => r !== 'admin')) {
      byRole.set(role, await addMember(t.app, adminA, orgA, `${role}@alpha.test`, role));
    }
    target = await addMember(t.app, adminA, orgA, 'target@alpha.test', 'executive_viewer');
    // Organization B has its own administrator, who then leaves A: accounts come only by invitation.
    const founder = await addMember(t.app, adminA, orgA, 'founder@beta.test', 'executive_viewer');
    orgB = await anotherOrganization(founder.client, 'beta');
    expect((await adminA.delete(`/api/orgs/${orgA}/members/${founder.userId}`)).status).toBe(204);
    adminB = founder.client;
    adminBUserId = founder.userId;
    const inv = await adminB.post(`/api/orgs/${orgB}/invitations`, {
      email: 'x@beta.test',
      role: 'assessor',
    });
    invitationB = inv.body.invitation.id;
  }, 120_000);
  afterAll(() => t.close());

  it('declares an access rule on every API route', () => {
    expect(t.routes.length).toBeGreaterThan(10);
    expect(t.routes.every((r) => ['public', 'signedIn', 'org'].includes(r.access.kind))).toBe(true);
  });

  it('gives each role exactly what each organization route allows', async () => {
    const orgRoutes = t.routes.filter((r) => r.access.kind === 'org');
    expect(orgRoutes.length).toBeGreaterThanOrEqual(9);
    for (const route of orgRoutes) {
      if (route.access.kind !== 'org') continue;
      for (const role of ALL_ROLES) {
        const caller = byRole.get(role);
        if (!caller) throw new Error(`no ${role}`);
        const url = fill(route.url, {
          orgId: orgA,
          userId: target.userId,
          id: '00000000-0000-4000-8000-000000000000',
        });
        const res = await caller.client.request(route.method as 'GET', url, bodyFor(route.method, route.url));
        const allowed = route.access.roles.includes(role);
        expect({
          route: `${route.method} ${route.url}`,
          role,
          status: res.status === 403 ? 403 : 'not 403',
        }).toEqual({
          route: `${route.method} ${route.url}`,
          role,
          status: allowed ? 'not 403' : 403,
        });
        expect(res.status).not.toBe(401);
      }
    }
  });

  it("hides organization B from A's users on every route", async () => {
    for (const route of t.routes.filter((r) => r.access.kind === 'org')) {
      const url = fill(route.url, { orgId: orgB, userId: adminBUserId, id: invitationB });
      const res = await adminA.request(route.method as 'GET', url, bodyFor(route.method, route.url));
      expect({ route: `${route.method} ${route.url}`, status: res.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 404,
      });
      expect(res.raw).not.toContain('beta');
    }
  });

  it("refuses B's row ids under A's organization", async () => {
    expect(
      (await adminA.patch(`/api/orgs/${orgA}/members/${adminBUserId}`, { role: 'assessor' })).status,
    ).toBe(404);
    expect((await adminA.delete(`/api/orgs/${orgA}/members/${adminBUserId}`)).status).toBe(404);
    expect((await adminA.delete(`/api/orgs/${orgA}/invitations/${invitationB}`)).status).toBe(404);
    expect((await adminA.patch(`/api/orgs/${orgA}/members/not-a-uuid`, { role: 'assessor' })).status).toBe(
      404,
    );
    const stillPending = await adminB.get(`/api/orgs/${orgB}/invitations`);
    expect(stillPending.body.invitations.map((i: { id: string }) => i.id)).toContain(invitationB);
  });

  it('keeps the second wall: row-level security hides other tenants even from an unfiltered query', async () => {
    const seen = await withTenant(t.database.db, orgA, async (tx) => ({
      orgs: await queryRows<{ id: string }>(tx, sql`select id from organizations`),
      memberships: await queryRows<{ organization_id: string }>(
        tx,
        sql`select organization_id from memberships`,
      ),
      audit: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from audit_log`),
      invitations: await queryRows<{ organization_id: string }>(
        tx,
        sql`select organization_id from invitations`,
      ),
    }));
    expect(seen.orgs.map((o) => o.id)).toEqual([orgA]);
    for (const rows of [seen.memberships, seen.audit, seen.invitations]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.organization_id === orgA)).toBe(true);
    }
    await expect(
      withTenant(t.database.db, orgA, (tx) =>
        tx.execute(
          sql`insert into memberships (organization_id, user_id, role) values (${orgB}, ${adminBUserId}, 'admin')`,
        ),
      ),
    ).rejects.toThrow();
  });
});
