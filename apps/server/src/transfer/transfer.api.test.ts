// An organization moves between the embedded database and PostgreSQL with nothing lost.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '../audit/verify-all';
import { loadDemo } from '../demo/demo';
import {
  addMember,
  type DbKind,
  freshDatabase,
  setUpFirstOrganization,
  type TestDatabase,
  testApp,
} from '../test/harness';
import { exportOrganization, importOrganization, parseExport } from './transfer';

const withoutTimestamp = ({ exportedAt: _x, ...rest }: Record<string, unknown>) => rest;
const opened: TestDatabase[] = [];
const fresh = async (kind: DbKind) => {
  const d = await freshDatabase(kind);
  opened.push(d);
  return d.database.db;
};

describe('export and import of a whole organization', () => {
  afterAll(async () => {
    for (const d of opened) await d.drop();
  });

  it.each([
    ['pglite', 'postgres'],
    ['postgres', 'pglite'],
  ] as const)('round-trips from %s to %s and back, identical', async (from, to) => {
    const t = await testApp({}, from);
    try {
      const { admin, orgId } = await setUpFirstOrganization(t.app, 'gamma');
      const { userId } = await addMember(t.app, admin, orgId, 'lab.director@gamma.test', 'business_owner');
      await admin.patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'risk_lead' });
      await admin.post(`/api/orgs/${orgId}/invitations`, { email: 'pending@gamma.test', role: 'assessor' });
      // The vendor inventory moves along: a vendor, its service on another vendor's cloud, a fourth party.
      const cloud = (await admin.post(`/api/orgs/${orgId}/vendors`, { name: 'Nimbus Cloud' })).body.id;
      const lab = (
        await admin.post(`/api/orgs/${orgId}/vendors`, {
          name: 'Beacon Labs',
          aliases: ['BL'],
          phiRecords: 9000,
        })
      ).body.id;
      const lis = await admin.post(`/api/orgs/${orgId}/vendors/${lab}/services`, {
        name: 'Reference LIS',
        category: 'lis',
        hostingVendorId: cloud,
      });
      expect(lis.status).toBe(201);
      const fourth = await admin.post(`/api/orgs/${orgId}/vendors/${lab}/dependencies`, {
        dependsOnVendorId: cloud,
        kind: 'hosting',
      });
      expect(fourth.status).toBe(201);
      // The planning team (one member linked to an account) and an approved rubric move along.
      const linked = await admin.post(`/api/orgs/${orgId}/team/members`, {
        name: 'Lab Director',
        userId,
        discipline: 'clinical',
        isApprover: true,
      });
      await admin.post(`/api/orgs/${orgId}/team/sub-teams`, {
        name: 'Laboratory',
        memberIds: [linked.body.id],
      });
      const v1 = await admin.post(`/api/orgs/${orgId}/materiality/start`, { organizationSize: 'medium' });
      await admin.post(`/api/orgs/${orgId}/materiality/versions/${v1.body.id}/approval`, {
        approvingBody: 'board',
        approverName: 'Board chair',
        approvalDate: '2026-03-02',
      });
      // Maps move along: the selection, a map with its history, a comment and a link to the inventory.
      const put = (url: string, body: unknown) => admin.request('PUT', url, body);
      await put(`/api/orgs/${orgId}/map-selection`, {
        version: 0,
        items: [{ templateId: 'laboratories', importance: 5, impact: 4, reason: 'Our reference lab' }],
      });
      const map = (await admin.post(`/api/orgs/${orgId}/maps`, { templateId: 'laboratories' })).body;
      const edited = structuredClone(map.model);
      edited.processSteps[0].label = 'Order the test';
      await put(`/api/orgs/${orgId}/maps/${map.id}`, {
        version: 1,
        model: edited,
        layout: { x: { x: 1.5, y: -2 } },
      });
      await admin.post(`/api/orgs/${orgId}/maps/${map.id}/comments`, { body: 'Which LIS?' });
      const link = await admin.post(`/api/orgs/${orgId}/maps/${map.id}/links`, {
        nodeId: edited.processSteps[0].id,
        serviceId: lis.body.id,
      });
      expect(link.status).toBe(201);
      // The analysis decisions move along: a saved scenario, the score weights, a snapshot of the list.
      const scenario = await admin.post(`/api/orgs/${orgId}/analysis/scenarios`, {
        name: 'Cloud gone for a week',
        failed: ['v-cloud'],
        durationHours: 168.5,
      });
      expect(scenario.status).toBe(201);
      const weights = { blastRadius: 40, impact: 20, noMitigation: 20, phi: 12.5, sectorConcentration: 7.5 };
      expect((await put(`/api/orgs/${orgId}/analysis/weights`, { weights, version: 0 })).status).toBe(200);
      expect((await admin.post(`/api/orgs/${orgId}/analysis/snapshots`, { name: 'Q1' })).status).toBe(201);
      const original = await exportOrganization(t.database.db, 'gamma');
      expect(original.tables.analysis_scenarios?.[0]).toMatchObject({ duration_hours: 168.5 });
      expect(original.tables.analysis_weights?.[0]).toMatchObject({ weights });
      expect(original.tables.analysis_snapshots?.[0]).toMatchObject({ name: 'Q1' });
      expect(original.tables.map_versions).toHaveLength(2);
      expect(original.tables.map_links).toHaveLength(1);
      expect(original.tables.map_selection_items).toHaveLength(1);
      expect(original.tables.audit_log?.length).toBeGreaterThanOrEqual(10);
      expect(original.tables.team_members?.[0]).toMatchObject({ user_id: userId, is_approver: true });
      expect(original.tables.sub_team_members).toHaveLength(1);
      expect(original.tables.vendors).toHaveLength(2);
      expect(original.tables.vendor_services?.[0]).toMatchObject({ name: 'Reference LIS', category: 'lis' });
      expect(original.tables.vendor_dependencies).toHaveLength(1);
      expect(original.tables.materiality_rubric_versions?.[0]).toMatchObject({
        status: 'approved',
        approval_date: '2026-03-02',
      });

      const target = await fresh(to);
      const result = await importOrganization(target, parseExport(JSON.parse(JSON.stringify(original))));
      expect(result).toMatchObject({ slug: 'gamma', usersCreated: 2, usersMatched: 0 });
      const moved = await exportOrganization(target, 'gamma');
      expect(withoutTimestamp(moved)).toEqual(withoutTimestamp(original));
      expect((await verifyAllChains(target, 'gamma'))[0]?.ok).toBe(true);

      const back = await fresh(from);
      await importOrganization(back, parseExport(moved));
      expect(withoutTimestamp(await exportOrganization(back, 'gamma'))).toEqual(withoutTimestamp(original));
    } finally {
      await t.close();
    }
  });

  it('refuses a second import of the same organization and leaves nothing half-written', async () => {
    const source = await fresh('pglite');
    await loadDemo(source);
    const doc = await exportOrganization(source, 'riverbend');
    const target = await fresh('pglite');
    await importOrganization(target, doc);
    await expect(importOrganization(target, doc)).rejects.toThrow(/already exists/);

    const tampered = structuredClone(doc);
    const entry = tampered.tables.audit_log?.[2];
    if (!entry) throw new Error('demo has too few audit entries');
    entry.action = 'member.removed';
    const clean = await fresh('postgres');
    await expect(importOrganization(clean, tampered)).rejects.toThrow(/does not verify.*entry 3/);
    expect(await verifyAllChains(clean)).toEqual([]);
  });

  it('names what is wrong with a document that is not an export', () => {
    expect(() => parseExport({ format: 'smart-organization', version: 1 })).toThrow(
      /organization: .*users: /s,
    );
    expect(() => parseExport({ hello: 'world' })).toThrow(/format/);
  });
});
