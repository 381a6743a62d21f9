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
    // Analysis-ready: the false redundancy of the two clearinghouses on Nimbus Cloud is named, every
    // vendor ranked and explained, and the board's scenario is saved.
    const analysis = (await admin.get(`/api/orgs/${org.id}/analysis`)).body;
    expect(analysis.maps.map((m: { included: boolean }) => m.included)).toEqual([true, true, true]);
    expect(analysis.rubric).toMatchObject({ source: 'approved', version: 1 });
    const claimsPoints = analysis.singlePoints.find(
      (s: { function: { label: string } }) => s.function.label === 'Claims submitted, adjudicated and paid',
    );
    const falseRedundancy = claimsPoints.falseRedundancies.find(
      (f: { shared: { label: string } }) => f.shared.label === 'Nimbus Cloud',
    );
    expect(falseRedundancy.explanation).toContain('ClearPath claim submission (837)');
    expect(falseRedundancy.explanation).toContain('MedRoute backup claim submission (837)');
    const ranked = analysis.priorities as {
      rank: number;
      vendor: { id: string; label: string };
      explanation: string[];
    }[];
    expect(ranked.map((p) => p.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(ranked.length).toBe(analysis.summary.vendors);
    expect(ranked.every((p) => p.explanation.length > 0)).toBe(true);
    const rankOf = (label: string) => ranked.find((p) => p.vendor.label === label)?.rank ?? 99;
    // Nimbus takes more functions down than either clearinghouse, and the backup alone none.
    expect(rankOf('Nimbus Cloud')).toBeLessThan(rankOf('ClearPath Claims'));
    expect(rankOf('ClearPath Claims')).toBeLessThan(rankOf('MedRoute Exchange'));
    // Nimbus appears once, as the maps' vendor: the inventory's hosting lands on it, not on a copy.
    expect(analysis.nodes.filter((n: { label: string }) => n.label === 'Nimbus Cloud')).toHaveLength(1);
    const scenarios = (await admin.get(`/api/orgs/${org.id}/analysis/scenarios`)).body.scenarios;
    expect(scenarios).toEqual([
      expect.objectContaining({
        name: 'Clearinghouse gone for 21 days',
        failed: ['v-clearpath'],
        durationHours: 504,
        workarounds: 'count',
        createdByName: 'Tom Becker',
      }),
    ]);
    const run = await admin.post(`/api/orgs/${org.id}/analysis/scenario`, scenarios[0]);
    expect(run.status).toBe(200);
    expect(
      run.body.scenario.summary.functionsDown + run.body.scenario.summary.functionsDegraded,
    ).toBeGreaterThan(0);

    // The setup is done: the first-run screen does not come back.
    expect((await new Client(t.app).get('/api/setup')).body).toEqual({ needsSetup: false });
  });
});
