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

/** Row ids by the kind of row a route's `:id` names; `id` for the rest (invitations). */
type Ids = {
  orgId: string;
  userId: string;
  id: string;
  teamMember?: string;
  subTeam?: string;
  rubricVersion?: string;
  vendor?: string;
  service?: string;
  dependency?: string;
  map?: string;
  mapComment?: string;
  mapLink?: string;
  scenario?: string;
  snapshot?: string;
};
const idFor = (url: string, ids: Ids) => {
  if (url.includes('/team/members/')) return ids.teamMember ?? ids.id;
  if (url.includes('/team/sub-teams/')) return ids.subTeam ?? ids.id;
  if (url.includes('/materiality/versions/')) return ids.rubricVersion ?? ids.id;
  if (url.includes('/analysis/scenarios/')) return ids.scenario ?? ids.id;
  if (url.includes('/analysis/snapshots/')) return ids.snapshot ?? ids.id;
  return ids.id;
};
const fill = (url: string, ids: Ids) =>
  url
    .replace(':orgId', ids.orgId)
    .replace(':userId', ids.userId)
    .replace(':vendorId', ids.vendor ?? ids.id)
    .replace(':serviceId', ids.service ?? ids.id)
    .replace(':dependencyId', ids.dependency ?? ids.id)
    .replace(':importId', ids.id)
    .replace(':mapId', ids.map ?? ids.id)
    .replace(':commentId', ids.mapComment ?? ids.id)
    .replace(':linkId', ids.mapLink ?? ids.id)
    .replace(':version', '1')
    .replace(':id', idFor(url, ids))
    .replace(':token', 'x');

const bodyFor = (method: string, url: string): unknown => {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (url.endsWith('/analysis/scenario')) return { failed: ['x'], durationHours: 24 };
  if (url.includes('/analysis/scenarios')) {
    return {
      name: 'Sweep scenario',
      failed: ['x'],
      durationHours: 24,
      ...(method === 'PUT' ? { version: 1 } : {}),
    };
  }
  if (url.endsWith('/analysis/weights')) {
    return {
      weights: { blastRadius: 1, impact: 1, noMitigation: 1, phi: 1, sectorConcentration: 1 },
      version: 0,
    };
  }
  if (url.endsWith('/analysis/snapshots')) return { name: 'Sweep snapshot' };
  if (url.endsWith('/map-selection')) return { version: 0, items: [] };
  if (url.endsWith('/review')) return { status: 'in_review', version: 1 };
  if (url.endsWith('/restore')) return { version: 1 };
  if (url.endsWith('/maps/:mapId/comments')) return { body: 'Sweep comment' };
  if (url.endsWith('/maps/:mapId/links'))
    return { nodeId: 'n', serviceId: '00000000-0000-4000-8000-000000000002' };
  if (url.endsWith('/maps') || url.endsWith('/maps/:mapId')) return { name: 'Sweep map', version: 1 };
  if (url.endsWith('/invitations')) return { email: 'someone.new@alpha.test', role: 'assessor' };
  if (url.includes('/team/members')) return { name: 'Sweep Person', discipline: 'risk' };
  if (url.includes('/team/sub-teams')) return { name: `Sweep ${method}` };
  if (url.endsWith('/materiality/start')) return { organizationSize: 'small' };
  if (url.endsWith('/materiality/versions')) return { baseVersion: 1, dimensions: [] };
  if (url.endsWith('/approval')) {
    return { approvingBody: 'board', approverName: 'Sweep', approvalDate: '2026-01-01' };
  }
  if (url.includes('/members/')) return { role: 'assessor' };
  if (url.endsWith('/check') || url.endsWith('/commit')) return { mapping: { vendorName: 0 } };
  if (url.endsWith('/dependencies'))
    return { dependsOnVendorId: '00000000-0000-4000-8000-000000000001', kind: 'hosting' };
  if (url.endsWith('/services') || url.includes('/services/')) {
    return {
      name: 'Sweep service',
      category: 'clearinghouse',
      ...(method === 'PATCH' ? { version: 1 } : {}),
    };
  }
  if (url.endsWith('/vendors') || url.includes('/vendors/')) {
    return { name: 'Sweep vendor', ...(method === 'PATCH' ? { version: 1 } : {}) };
  }
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
  let teamMemberB: string;
  let subTeamB: string;
  let rubricVersionB: string;
  let vendorB: string;
  let serviceB: string;
  let dependencyB: string;
  let mapB: string;
  let mapCommentB: string;
  let mapLinkB: string;
  let scenarioB: string;
  let snapshotB: string;
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
    const memberB = await adminB.post(`/api/orgs/${orgB}/team/members`, {
      name: 'Beta CFO',
      discipline: 'finance',
    });
    teamMemberB = memberB.body.id;
    const subB = await adminB.post(`/api/orgs/${orgB}/team/sub-teams`, {
      name: 'Beta revenue cycle',
      memberIds: [teamMemberB],
    });
    subTeamB = subB.body.id;
    rubricVersionB = (await adminB.post(`/api/orgs/${orgB}/materiality/start`, { organizationSize: 'large' }))
      .body.id;
    vendorB = (await adminB.post(`/api/orgs/${orgB}/vendors`, { name: 'Beta Claims Co' })).body.id;
    const hostB = (await adminB.post(`/api/orgs/${orgB}/vendors`, { name: 'Beta Cloud' })).body.id;
    serviceB = (
      await adminB.post(`/api/orgs/${orgB}/vendors/${vendorB}/services`, {
        name: 'Beta claims',
        category: 'clearinghouse',
      })
    ).body.id;
    dependencyB = (
      await adminB.post(`/api/orgs/${orgB}/vendors/${vendorB}/dependencies`, {
        dependsOnVendorId: hostB,
        kind: 'hosting',
      })
    ).body.id;
    const map = await adminB.post(`/api/orgs/${orgB}/maps`, {
      templateId: 'claims-and-payments',
      name: 'Beta claims map',
    });
    mapB = map.body.id;
    mapCommentB = (await adminB.post(`/api/orgs/${orgB}/maps/${mapB}/comments`, { body: 'Beta comment' }))
      .body.id;
    mapLinkB = (
      await adminB.post(`/api/orgs/${orgB}/maps/${mapB}/links`, { nodeId: 's-submit', serviceId: serviceB })
    ).body.id;
    expect([map.status, mapCommentB, mapLinkB]).toEqual([201, expect.any(String), expect.any(String)]);
    scenarioB = (
      await adminB.post(`/api/orgs/${orgB}/analysis/scenarios`, {
        name: 'Beta scenario',
        failed: ['v-clearinghouse'],
        durationHours: 24,
      })
    ).body.id;
    snapshotB = (await adminB.post(`/api/orgs/${orgB}/analysis/snapshots`, { name: 'Beta snapshot' })).body
      .id;
    expect([scenarioB, snapshotB]).toEqual([expect.any(String), expect.any(String)]);
  }, 120_000);
  const idsOfB = () => ({
    orgId: orgB,
    userId: adminBUserId,
    id: invitationB,
    teamMember: teamMemberB,
    subTeam: subTeamB,
    rubricVersion: rubricVersionB,
    vendor: vendorB,
    service: serviceB,
    dependency: dependencyB,
    map: mapB,
    mapComment: mapCommentB,
    mapLink: mapLinkB,
    scenario: scenarioB,
    snapshot: snapshotB,
  });
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
      const url = fill(route.url, idsOfB());
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

  it("refuses B's team and rubric ids under A's organization, and leaves B's rows as they were", async () => {
    const a = `/api/orgs/${orgA}`;
    expect((await adminA.patch(`${a}/team/members/${teamMemberB}`, { name: 'Taken over' })).status).toBe(404);
    expect((await adminA.delete(`${a}/team/members/${teamMemberB}`)).status).toBe(404);
    expect((await adminA.patch(`${a}/team/sub-teams/${subTeamB}`, { name: 'Taken over' })).status).toBe(404);
    expect((await adminA.delete(`${a}/team/sub-teams/${subTeamB}`)).status).toBe(404);
    expect((await adminA.get(`${a}/materiality/versions/${rubricVersionB}`)).status).toBe(404);
    const approval = { approvingBody: 'board', approverName: 'Intruder', approvalDate: '2026-01-01' };
    expect((await adminA.post(`${a}/materiality/versions/${rubricVersionB}/approval`, approval)).status).toBe(
      404,
    );
    // A's own sub-team cannot take in B's team member.
    const grab = await adminA.post(`${a}/team/sub-teams`, { name: 'Grab', memberIds: [teamMemberB] });
    expect(grab.status).toBe(400);
    expect(grab.raw).not.toContain('Beta');

    const teamB = (await adminB.get(`/api/orgs/${orgB}/team`)).body;
    expect(teamB.members.map((m: { name: string }) => m.name)).toEqual(['Beta CFO']);
    expect(teamB.subTeams.map((t: { name: string; memberIds: string[] }) => [t.name, t.memberIds])).toEqual([
      ['Beta revenue cycle', [teamMemberB]],
    ]);
    const rubricB = (await adminB.get(`/api/orgs/${orgB}/materiality`)).body;
    expect(rubricB).toMatchObject({ latestVersion: 1, approvedVersion: null });
  });

  it("refuses B's vendor, service and dependency ids under A's organization, even as references", async () => {
    const a = `/api/orgs/${orgA}`;
    expect((await adminA.get(`${a}/vendors/${vendorB}`)).status).toBe(404);
    expect((await adminA.patch(`${a}/vendors/${vendorB}`, { name: 'Taken', version: 1 })).status).toBe(404);
    expect((await adminA.delete(`${a}/vendors/${vendorB}`)).status).toBe(404);
    expect(
      (await adminA.patch(`${a}/services/${serviceB}`, { name: 'x', category: 'clearinghouse', version: 1 }))
        .status,
    ).toBe(404);
    expect((await adminA.delete(`${a}/services/${serviceB}`)).status).toBe(404);
    expect((await adminA.delete(`${a}/dependencies/${dependencyB}`)).status).toBe(404);
    // A's own vendor cannot point at B's vendor as its host or fourth party.
    const mine = (await adminA.post(`${a}/vendors`, { name: 'Alpha Labs' })).body.id;
    const hosted = await adminA.post(`${a}/vendors/${mine}/services`, {
      name: 'Alpha LIS',
      category: 'lis',
      hostingVendorId: vendorB,
    });
    expect(hosted.status).toBe(404);
    const fourth = await adminA.post(`${a}/vendors/${mine}/dependencies`, {
      dependsOnVendorId: vendorB,
      kind: 'supplier',
    });
    expect(fourth.status).toBe(404);
    expect(hosted.raw + fourth.raw).not.toContain('Beta');
    const listB = (await adminB.get(`/api/orgs/${orgB}/vendors`)).body;
    expect(listB.items.map((v: { name: string }) => v.name)).toEqual(['Beta Claims Co', 'Beta Cloud']);
  });

  it("refuses B's map, comment, link and version ids under A's organization, and its services as link targets", async () => {
    const a = `/api/orgs/${orgA}`;
    const put = (url: string, body: unknown) => adminA.request('PUT', url, body);
    expect((await adminA.get(`${a}/maps/${mapB}`)).status).toBe(404);
    expect((await put(`${a}/maps/${mapB}`, { version: 1, name: 'Taken' })).status).toBe(404);
    expect((await adminA.delete(`${a}/maps/${mapB}`)).status).toBe(404);
    expect((await adminA.get(`${a}/maps/${mapB}/versions`)).status).toBe(404);
    expect((await adminA.get(`${a}/maps/${mapB}/versions/1`)).status).toBe(404);
    expect((await adminA.get(`${a}/maps/${mapB}/diff?from=1&to=1`)).status).toBe(404);
    expect((await adminA.post(`${a}/maps/${mapB}/versions/1/restore`, { version: 1 })).status).toBe(404);
    expect((await adminA.post(`${a}/maps/${mapB}/review`, { status: 'in_review', version: 1 })).status).toBe(
      404,
    );
    expect((await adminA.get(`${a}/maps/${mapB}/comments`)).status).toBe(404);
    expect((await adminA.post(`${a}/maps/${mapB}/comments`, { body: 'Intruder' })).status).toBe(404);
    expect((await adminA.get(`${a}/maps/${mapB}/links`)).status).toBe(404);
    expect((await adminA.get(`${a}/map-links?vendorId=${vendorB}`)).status).toBe(404);
    expect((await adminA.get(`${a}/map-links?serviceId=${serviceB}`)).status).toBe(404);
    // A's own map cannot reach B's comment, link or service.
    const mine = (
      await adminA.post(`${a}/maps`, { templateId: 'claims-and-payments', name: 'Alpha claims map' })
    ).body.id;
    expect((await adminA.post(`${a}/maps/${mine}/comments/${mapCommentB}/resolve`)).status).toBe(404);
    expect((await adminA.delete(`${a}/maps/${mine}/comments/${mapCommentB}`)).status).toBe(404);
    expect((await adminA.delete(`${a}/maps/${mine}/links/${mapLinkB}`)).status).toBe(404);
    const grab = await adminA.post(`${a}/maps/${mine}/links`, { nodeId: 's-submit', serviceId: serviceB });
    expect(grab.status).toBe(404);
    expect(grab.raw).not.toContain('Beta');
    // A map cannot be given B's sub-team.
    expect((await adminA.post(`${a}/maps`, { name: 'x', subTeamId: subTeamB })).status).toBe(400);

    const b = `/api/orgs/${orgB}`;
    expect((await adminB.get(`${b}/maps/${mapB}`)).body).toMatchObject({
      name: 'Beta claims map',
      version: 1,
    });
    expect((await adminB.get(`${b}/maps/${mapB}/comments`)).body.items).toHaveLength(1);
    expect((await adminB.get(`${b}/maps/${mapB}/links`)).body.items).toHaveLength(1);
    // The second wall: row-level security hides B's map rows, and the composite foreign keys refuse
    // a link of A's map to B's service even where a query forgot to check.
    const seen = await withTenant(t.database.db, orgA, async (tx) => ({
      maps: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from maps`),
      versions: await queryRows<{ organization_id: string }>(
        tx,
        sql`select organization_id from map_versions`,
      ),
      comments: await queryRows<{ id: string }>(
        tx,
        sql`select id from map_comments where id = ${mapCommentB}`,
      ),
      links: await queryRows<{ id: string }>(tx, sql`select id from map_links where id = ${mapLinkB}`),
    }));
    expect(seen.maps.length).toBeGreaterThan(0);
    expect([...seen.maps, ...seen.versions].every((r) => r.organization_id === orgA)).toBe(true);
    expect([seen.comments, seen.links]).toEqual([[], []]);
    await expect(
      withTenant(t.database.db, orgA, (tx) =>
        tx.execute(
          sql`insert into map_links (id, organization_id, map_id, node_id, service_id, created_at)
              values (gen_random_uuid(), ${orgA}, ${mine}, 's-submit', ${serviceB}, now())`,
        ),
      ),
    ).rejects.toThrow();
  });

  it("refuses B's saved scenario and snapshot ids under A's organization, and hides B's analysis rows", async () => {
    const a = `/api/orgs/${orgA}`;
    const scenario = { name: 'Taken', failed: ['x'], durationHours: 1, version: 1 };
    expect((await adminA.get(`${a}/analysis/scenarios/${scenarioB}`)).status).toBe(404);
    expect((await adminA.request('PUT', `${a}/analysis/scenarios/${scenarioB}`, scenario)).status).toBe(404);
    expect((await adminA.delete(`${a}/analysis/scenarios/${scenarioB}`)).status).toBe(404);
    expect((await adminA.get(`${a}/analysis/snapshots/${snapshotB}`)).status).toBe(404);
    const exported = await adminA.get(`${a}/analysis/priorities/export?format=csv&snapshot=${snapshotB}`);
    expect(exported.status).toBe(404);
    const listed = await adminA.get(`${a}/analysis/snapshots`);
    expect(listed.raw).not.toContain('Beta');
    expect((await adminB.get(`/api/orgs/${orgB}/analysis/scenarios/${scenarioB}`)).body).toMatchObject({
      name: 'Beta scenario',
      version: 1,
    });
    const seen = await withTenant(t.database.db, orgA, async (tx) => ({
      scenarios: await queryRows<{ id: string }>(
        tx,
        sql`select id from analysis_scenarios where id = ${scenarioB}`,
      ),
      snapshots: await queryRows<{ id: string }>(
        tx,
        sql`select id from analysis_snapshots where id = ${snapshotB}`,
      ),
    }));
    expect(seen).toEqual({ scenarios: [], snapshots: [] });
    // Snapshots are immutable for the application role, even in its own organization.
    await expect(
      withTenant(t.database.db, orgB, (tx) =>
        tx.execute(sql`update analysis_snapshots set name = 'Changed' where id = ${snapshotB}`),
      ),
    ).rejects.toThrow();
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
      team: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from team_members`),
      rubric: await queryRows<{ organization_id: string }>(
        tx,
        sql`select organization_id from materiality_rubric_versions`,
      ),
    }));
    expect(seen.orgs.map((o) => o.id)).toEqual([orgA]);
    for (const rows of [seen.memberships, seen.audit, seen.invitations, seen.team, seen.rubric]) {
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
