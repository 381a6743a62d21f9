// The demo organization: loaded once, with one working account per role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, type TestApp, testApp } from '../test/harness';
import { DEMO_PASSWORD, DEMO_SLUG, loadDemo } from './demo';

describe('the demo organization', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp();
  });
  afterEach(() => t.close());

  it('loads Riverbend once, however many times it is asked for', async () => {
    const first = await loadDemo(t.database.db);
    const second = await loadDemo(t.database.db);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
  });

  it('gives each role an account that signs in to Riverbend with that role', async () => {
    const anon = new Client(t.app);
    const loaded = await anon.post('/api/setup/demo');
    expect(loaded.status).toBe(201);
    const org = loaded.body.organizations[0];
    expect(org).toMatchObject({ slug: DEMO_SLUG, name: 'Riverbend Community Hospital', role: 'admin' });

    const admin = anon;
    const members = await admin.get(`/api/orgs/${org.id}/members`);
    expect(members.status).toBe(200);
    const roles = members.body.members.map((m: { role: string }) => m.role).sort();
    expect(roles).toEqual(['admin', 'assessor', 'business_owner', 'executive_viewer', 'risk_lead']);

    for (const member of members.body.members as { email: string; role: string }[]) {
      const c = new Client(t.app);
      const login = await c.post('/api/auth/login', { email: member.email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.organizations).toEqual([
        expect.objectContaining({ slug: DEMO_SLUG, role: member.role }),
      ]);
    }
    // A populated product: the planning team, an approved rubric, and vendors with a shared host.
    const team = (await admin.get(`/api/orgs/${org.id}/team`)).body;
    expect(team.members).toHaveLength(7);
    expect(team.subTeams.map((t: { name: string }) => t.name).sort()).toEqual([
      'Lab and pharmacy',
      'Revenue cycle',
    ]);
    const rubric = (await admin.get(`/api/orgs/${org.id}/materiality`)).body;
    expect(rubric).toMatchObject({ approvedVersion: 1 });
    const vendors = (await admin.get(`/api/orgs/${org.id}/vendors?limit=100`)).body;
    expect(vendors.total).toBe(7);
    const nimbus = vendors.items.find((v: { name: string }) => v.name === 'Nimbus Cloud');
    const host = (await admin.get(`/api/orgs/${org.id}/vendors/${nimbus.id}`)).body;
    expect(host.dependedOnBy.map((d: { dependentName: string }) => d.dependentName).sort()).toEqual([
      'Backup claims submission',
      'Claims submission and remittance',
    ]);
    // Three ranked maps adapted from their templates, linked to the inventory, at their own review stage.
    const selection = (await admin.get(`/api/orgs/${org.id}/map-selection`)).body;
    expect(selection.items.map((i: { templateId: string }) => i.templateId)).toEqual([
      'claims-and-payments',
      'retail-pharmacy',
      'laboratories',
    ]);
    const maps = (await admin.get(`/api/orgs/${org.id}/maps`)).body.items as {
      id: string;
      name: string;
      reviewStatus: string;
      problemCount: number;
      openComments: number;
    }[];
    expect(maps.map((m) => [m.name, m.reviewStatus, m.problemCount])).toEqual([
      ['Claims and Payments', 'in_review', 0],
      ['Retail Pharmacy', 'draft', 0],
      ['Laboratories', 'validated', 0],
    ]);
    const claims = maps[0];
    expect(claims?.openComments).toBe(2);
    const history = (await admin.get(`/api/orgs/${org.id}/maps/${claims?.id}/versions`)).body.items;
    expect(history.map((v: { kind: string }) => v.kind)).toEqual(['edit', 'create']);
    const supports = (await admin.get(`/api/orgs/${org.id}/map-links?vendorId=${nimbus.id}`)).body.items;
    expect(supports).toEqual([]);
    const clearpath = vendors.items.find((v: { name: string }) => v.name === 'ClearPath Claims');
    const clearpathLinks = (await admin.get(`/api/orgs/${org.id}/map-links?vendorId=${clearpath.id}`)).body
      .items;
    expect(clearpathLinks).toEqual([
      expect.objectContaining({ mapName: 'Claims and Payments', nodeId: 'svc-clearinghouse-claims' }),
    ]);
    // The setup is done: the first-run screen does not come back.
    expect((await new Client(t.app).get('/api/setup')).body).toEqual({ needsSetup: false });
  });
});
