import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';
import { verifyAllChains } from './verify-all';

const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };

describe('the audit log', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    t = await testApp();
    ({ admin, orgId } = await setUpFirstOrganization(t.app));
    const { userId } = await addMember(t.app, admin, orgId, 'ana@alpha.test', 'assessor');
    await admin.patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'risk_lead' });
    await admin.patch(`/api/orgs/${orgId}`, { name: 'Alpha Regional Health' });
  });
  afterAll(() => t.close());

  it('records who changed what, with before and after, newest first', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/audit`);
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'organization.renamed',
      'member.role_changed',
      'invitation.accepted',
      'invitation.created',
      'member.added',
      'organization.created',
    ]);
    const renamed = res.body.entries[0];
    expect(renamed.actor.name).toBe('alpha Admin');
    expect(renamed.before).toEqual({ name: 'alpha Health' });
    expect(renamed.after).toEqual({ name: 'Alpha Regional Health' });
    expect(res.body.entries[1]).toMatchObject({ before: { role: 'assessor' }, after: { role: 'risk_lead' } });
  });

  it('filters by action, entity type and date, and pages with a cursor', async () => {
    const byAction = await admin.get(`/api/orgs/${orgId}/audit?action=member.role_changed`);
    expect(byAction.body.entries).toHaveLength(1);
    const byType = await admin.get(`/api/orgs/${orgId}/audit?entityType=invitation`);
    expect(byType.body.entries.map((e: { action: string }) => e.action)).toEqual(['invitation.created']);
    const future = await admin.get(`/api/orgs/${orgId}/audit?from=2999-01-01`);
    expect(future.body.entries).toEqual([]);
    const page1 = await admin.get(`/api/orgs/${orgId}/audit?limit=4`);
    expect(page1.body.entries).toHaveLength(4);
    const page2 = await admin.get(`/api/orgs/${orgId}/audit?limit=4&cursor=${page1.body.nextCursor}`);
    expect(page2.body.entries.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await admin.get(`/api/orgs/${orgId}/audit?from=yesterday-ish`)).status).toBe(400);
  });

  it('is append-only, and verification finds an entry altered behind its back', async () => {
    const ok = await admin.get(`/api/orgs/${orgId}/audit/verify`);
    expect(ok.body).toEqual({ ok: true, checked: 6, brokenAt: null, message: 'All 6 entries verified.' });
    await expect(
      t.database.db.execute(sql`update audit_log set action = 'x' where seq = 2`),
    ).rejects.toMatchObject(appendOnly);
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toMatchObject(
      appendOnly,
    );
    // Someone with the database owner's rights switches the guard off and rewrites history.
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.database.db.execute(sql`update audit_log set after = '{"role":"admin"}'::jsonb where seq = 5`);
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const broken = await admin.get(`/api/orgs/${orgId}/audit/verify`);
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 5, checked: 4 });
    expect(broken.body.message).toMatch(/entry 5 was altered/);
    const [verdict] = await verifyAllChains(t.database.db, 'alpha');
    expect(verdict?.ok).toBe(false);
  });
});
