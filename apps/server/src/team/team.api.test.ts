// The planning team through the API: members with disciplines and roles, links to accounts,
// sub-teams with their workflows and members, validation with field paths, roles, and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

describe('planning team', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let riskLead: Client;
  let viewer: Client;
  let labDirectorUserId: string;

  beforeAll(async () => {
    t = await testApp();
    ({ admin, orgId } = await setUpFirstOrganization(t.app, 'teamorg'));
    riskLead = (await addMember(t.app, admin, orgId, 'risk@teamorg.test', 'risk_lead')).client;
    viewer = (await addMember(t.app, admin, orgId, 'exec@teamorg.test', 'executive_viewer')).client;
    labDirectorUserId = (await addMember(t.app, admin, orgId, 'lab@teamorg.test', 'business_owner')).userId;
  }, 120_000);
  afterAll(() => t.close());

  const base = () => `/api/orgs/${orgId}/team`;

  it('starts empty, and records members with discipline, role, approver flag and account link', async () => {
    expect((await viewer.get(base())).body).toEqual({ members: [], subTeams: [] });

    const ciso = await riskLead.post(`${base()}/members`, {
      name: 'Dana Ortiz',
      email: 'Dana.Ortiz@teamorg.test',
      discipline: 'cybersecurity',
      assessmentRole: 'Leads the vendor security reviews',
    });
    expect(ciso.status).toBe(201);
    expect(ciso.body).toMatchObject({
      name: 'Dana Ortiz',
      email: 'dana.ortiz@teamorg.test',
      userId: null,
      discipline: 'cybersecurity',
      isApprover: false,
      subTeamIds: [],
    });

    const lab = await admin.post(`${base()}/members`, {
      name: 'Lab Director',
      userId: labDirectorUserId,
      discipline: 'clinical',
      assessmentRole: 'Owns the laboratory workflow',
    });
    expect(lab.status).toBe(201);
    expect(lab.body).toMatchObject({ userId: labDirectorUserId, email: null });

    const cfo = await admin.post(`${base()}/members`, {
      name: 'Morgan Lee',
      discipline: 'executive',
      assessmentRole: 'Chief financial officer; approves the rubric',
      isApprover: true,
    });
    expect(cfo.body.isApprover).toBe(true);

    const team = await viewer.get(base());
    expect(team.body.members.map((m: { name: string }) => m.name)).toEqual([
      'Dana Ortiz',
      'Lab Director',
      'Morgan Lee',
    ]);
  });

  it('names the field that is wrong', async () => {
    const res = await admin.post(`${base()}/members`, { name: ' ', email: 'nope', discipline: 'astrology' });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body.discipline']));
    expect(res.body.error.message).toMatch(/body.discipline: must be one of risk, cybersecurity/);

    const stranger = await admin.post(`${base()}/members`, {
      name: 'Stranger',
      userId: '00000000-0000-4000-8000-000000000001',
      discipline: 'other',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.issues).toEqual([
      { path: 'body.userId', message: 'is not a member of this organization' },
    ]);

    const twice = await admin.post(`${base()}/members`, {
      name: 'Again',
      userId: labDirectorUserId,
      discipline: 'other',
    });
    expect(twice.body.error.issues).toEqual([
      { path: 'body.userId', message: 'is already linked to Lab Director' },
    ]);
  });

  it('edits a member and forms sub-teams that own workflows', async () => {
    const { members } = (await admin.get(base())).body;
    const [dana, lab] = members as { id: string; name: string }[];
    if (!dana || !lab) throw new Error('team not set up');

    const edited = await riskLead.patch(`${base()}/members/${dana.id}`, {
      isApprover: true,
      discipline: 'risk',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Dana Ortiz', discipline: 'risk', isApprover: true });

    const sub = await riskLead.post(`${base()}/sub-teams`, {
      name: 'Laboratory',
      description: 'Everything from specimen collection to results',
      workflows: 'Laboratories; Blood',
      memberIds: [dana.id, lab.id],
    });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ name: 'Laboratory', workflows: 'Laboratories; Blood' });
    expect([...sub.body.memberIds].sort()).toEqual([dana.id, lab.id].sort());

    const duplicate = await riskLead.post(`${base()}/sub-teams`, { name: 'Laboratory' });
    expect(duplicate.body.error.issues).toEqual([
      { path: 'body.name', message: 'another sub-team already has this name' },
    ]);
    const unknownMember = await riskLead.post(`${base()}/sub-teams`, {
      name: 'Revenue cycle',
      memberIds: ['00000000-0000-4000-8000-000000000002'],
    });
    expect(unknownMember.body.error.issues[0].path).toBe('body.memberIds');

    const narrowed = await riskLead.patch(`${base()}/sub-teams/${sub.body.id}`, { memberIds: [lab.id] });
    expect(narrowed.body.memberIds).toEqual([lab.id]);
    const team = (await viewer.get(base())).body;
    expect(team.members.find((m: { id: string }) => m.id === lab.id).subTeamIds).toEqual([sub.body.id]);

    // Removing a member takes them out of their sub-teams; dissolving a sub-team keeps its members.
    expect((await admin.delete(`${base()}/members/${lab.id}`)).status).toBe(204);
    expect((await viewer.get(base())).body.subTeams[0].memberIds).toEqual([]);
    expect((await admin.delete(`${base()}/sub-teams/${sub.body.id}`)).status).toBe(204);
    expect((await viewer.get(base())).body.subTeams).toEqual([]);
    expect((await admin.delete(`${base()}/sub-teams/${sub.body.id}`)).status).toBe(404);
    expect((await admin.patch(`${base()}/members/${lab.id}`, { name: 'Gone' })).status).toBe(404);
  });

  it('lets executive viewers read but not change the team', async () => {
    expect((await viewer.get(base())).status).toBe(200);
    const res = await viewer.post(`${base()}/members`, { name: 'Me', discipline: 'executive' });
    expect(res.status).toBe(403);
  });

  it('writes every change to the audit log with before and after', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/audit?limit=100`);
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e: { action: string }) => e.action);
    for (const action of [
      'team_member.added',
      'team_member.updated',
      'team_member.removed',
      'sub_team.created',
      'sub_team.updated',
      'sub_team.removed',
    ]) {
      expect(actions).toContain(action);
    }
    const update = res.body.entries.find((e: { action: string }) => e.action === 'team_member.updated');
    expect(update.before).toEqual({ isApprover: false, discipline: 'cybersecurity' });
    expect(update.after).toEqual({ isApprover: true, discipline: 'risk' });
  });
});
