import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  anotherOrganization,
  Client,
  PASSWORD,
  setUpFirstOrganization,
  type TestApp,
  testApp,
} from '../test/harness';

describe('members and invitations', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  beforeEach(async () => {
    t = await testApp();
    ({ admin, orgId } = await setUpFirstOrganization(t.app));
  });
  afterEach(() => t.close());

  it('invites a new person who creates an account and joins with the offered role', async () => {
    const inv = await admin.post(`/api/orgs/${orgId}/invitations`, {
      email: ' Nurse.Lee@Alpha.test ',
      role: 'business_owner',
    });
    expect(inv.status).toBe(201);
    expect(inv.body.invitation.email).toBe('nurse.lee@alpha.test');
    expect(inv.body.acceptUrl).toMatch(/^http:\/\/smart\.test\/invite\/[\w-]{40,}$/);
    const token = inv.body.acceptUrl.split('/invite/')[1];
    const anon = new Client(t.app);
    const info = await anon.get(`/api/invitations/${token}`);
    expect(info.body).toMatchObject({
      organizationName: 'alpha Health',
      email: 'nurse.lee@alpha.test',
      role: 'business_owner',
      userExists: false,
    });
    const missing = await anon.post(`/api/invitations/${token}/accept`, {});
    expect(missing.status).toBe(400);
    const joined = await anon.post(`/api/invitations/${token}/accept`, {
      name: 'Nurse Lee',
      password: PASSWORD,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.organizations).toEqual([
      expect.objectContaining({ id: orgId, role: 'business_owner' }),
    ]);
    expect(
      (await anon.post(`/api/invitations/${token}/accept`, { name: 'Again', password: PASSWORD })).status,
    ).toBe(404);
    const members = await admin.get(`/api/orgs/${orgId}/members`);
    expect(members.body.members.map((m: { email: string }) => m.email).sort()).toEqual([
      'admin@alpha.test',
      'nurse.lee@alpha.test',
    ]);
  });

  it('lets an existing user of another organization accept only while signed in as that user', async () => {
    const other = await setUpOtherOrgUser(t, admin, orgId);
    const inv = await other.adminOfBeta.post(`/api/orgs/${other.betaId}/invitations`, {
      email: 'admin@alpha.test',
      role: 'assessor',
    });
    const token = inv.body.acceptUrl.split('/invite/')[1];
    const anon = new Client(t.app);
    expect((await anon.get(`/api/invitations/${token}`)).body.userExists).toBe(true);
    expect((await anon.post(`/api/invitations/${token}/accept`)).status).toBe(401);
    const wrongPerson = await other.adminOfBeta.post(`/api/invitations/${token}/accept`);
    expect(wrongPerson.status).toBe(403);
    const accepted = await admin.post(`/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.organizations.map((o: { slug: string }) => o.slug).sort()).toEqual([
      'alpha',
      'beta',
    ]);
  });

  it('changes roles, but never leaves an organization without an administrator', async () => {
    const { userId } = await addMember(t.app, admin, orgId, 'risk@alpha.test', 'assessor');
    const promoted = await admin.patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'risk_lead' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('risk_lead');
    const self = (await admin.get('/api/session')).body.user.id;
    const demote = await admin.patch(`/api/orgs/${orgId}/members/${self}`, { role: 'assessor' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/last administrator/);
    expect((await admin.delete(`/api/orgs/${orgId}/members/${self}`)).status).toBe(409);
    const badRole = await admin.patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'owner' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.issues[0].path).toBe('body.role');
  });

  it('revokes invitations and replaces a pending one for the same address', async () => {
    const first = await admin.post(`/api/orgs/${orgId}/invitations`, {
      email: 'x@alpha.test',
      role: 'assessor',
    });
    const second = await admin.post(`/api/orgs/${orgId}/invitations`, {
      email: 'x@alpha.test',
      role: 'risk_lead',
    });
    const pending = await admin.get(`/api/orgs/${orgId}/invitations`);
    expect(pending.body.invitations).toEqual([
      expect.objectContaining({ id: second.body.invitation.id, role: 'risk_lead' }),
    ]);
    const oldToken = first.body.acceptUrl.split('/invite/')[1];
    expect((await new Client(t.app).get(`/api/invitations/${oldToken}`)).status).toBe(404);
    expect((await admin.delete(`/api/orgs/${orgId}/invitations/${second.body.invitation.id}`)).status).toBe(
      204,
    );
    expect((await admin.get(`/api/orgs/${orgId}/invitations`)).body.invitations).toEqual([]);
    expect(
      (await admin.post(`/api/orgs/${orgId}/invitations`, { email: 'admin@alpha.test', role: 'assessor' }))
        .status,
    ).toBe(409);
  });
});

async function setUpOtherOrgUser(t: TestApp, admin: Client, orgId: string) {
  const founder = await addMember(t.app, admin, orgId, 'founder@beta.test', 'assessor');
  const betaId = await anotherOrganization(founder.client, 'beta');
  return { adminOfBeta: founder.client, betaId };
}
