// Working on maps together: the template selection (P1.4), comments on maps and nodes, and the
// links between map nodes and inventory services, seen from the map and from the vendor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anotherOrganization,
  type Client,
  setUpFirstOrganization,
  type TestApp,
  testApp,
} from '../test/harness';

type Json = Record<string, unknown>;
const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);

/** fn needs "register" and "submit"; "submit" needs "register" and the clearinghouse; "pay" needs the bank. */
const claimsModel = {
  format: 'smart-model',
  version: 1,
  tlp: 'AMBER',
  functions: [{ id: 'fn', label: 'Claims paid', maxTolerableDowntime: '5d' }],
  processSteps: [
    { id: 'register', label: 'Register patient' },
    { id: 'submit', label: 'Submit claim' },
    { id: 'pay', label: 'Post payment' },
  ],
  services: [
    { id: 'svc-ch', label: 'Clearinghouse', category: 'clearinghouse', vendor: 'v-ch' },
    { id: 'svc-bank', label: 'Lockbox', category: 'banking', vendor: 'v-bank' },
  ],
  vendors: [
    { id: 'v-ch', label: 'Alpha Exchange' },
    { id: 'v-bank', label: 'First Bank' },
  ],
  dependencies: [
    { from: 'fn', to: 'submit' },
    { from: 'fn', to: 'pay' },
    { from: 'submit', to: 'register' },
    { from: 'submit', to: 'svc-ch' },
    { from: 'pay', to: 'svc-bank' },
  ],
};

describe('working on maps together', () => {
  let t: TestApp;
  let admin: Client;
  let lead: Client;
  let owner: Client;
  let assessor: Client;
  let viewer: Client;
  let base: string;
  let orgId: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    orgId = a.orgId;
    base = `/api/orgs/${a.orgId}`;
    lead = (await addMember(t.app, admin, a.orgId, 'lead@alpha.test', 'risk_lead')).client;
    owner = (await addMember(t.app, admin, a.orgId, 'owner@alpha.test', 'business_owner')).client;
    assessor = (await addMember(t.app, admin, a.orgId, 'assessor@alpha.test', 'assessor')).client;
    viewer = (await addMember(t.app, admin, a.orgId, 'viewer@alpha.test', 'executive_viewer')).client;
  }, 120_000);
  afterAll(() => t.close());

  describe('the template selection', () => {
    it('starts empty at version 0 and is saved whole, ranked in the order given', async () => {
      expect((await viewer.get(`${base}/map-selection`)).body).toEqual({
        items: [],
        version: 0,
        updatedAt: null,
        updatedBy: null,
      });
      const saved = await put(lead, `${base}/map-selection`, {
        version: 0,
        items: [
          { templateId: 'claims-and-payments', importance: 5, impact: 5, reason: ' Revenue depends on it ' },
          { templateId: 'retail-pharmacy', importance: 3, impact: 4, reason: 'Outpatient pharmacy' },
        ],
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        version: 1,
        updatedBy: { name: 'lead' },
        items: [
          {
            templateId: 'claims-and-payments',
            rank: 1,
            importance: 5,
            impact: 5,
            reason: 'Revenue depends on it',
          },
          { templateId: 'retail-pharmacy', rank: 2, importance: 3, impact: 4, reason: 'Outpatient pharmacy' },
        ],
      });
      const reordered = await put(admin, `${base}/map-selection`, {
        version: 1,
        items: [
          { templateId: 'retail-pharmacy', importance: 3, impact: 4, reason: 'Outpatient pharmacy' },
          { templateId: 'claims-and-payments', importance: 5, impact: 5, reason: 'Revenue depends on it' },
          { templateId: 'laboratories', importance: 2, impact: 2, reason: 'Send-outs only' },
        ],
      });
      expect(reordered.body.version).toBe(2);
      const read = (await assessor.get(`${base}/map-selection`)).body;
      expect(read.items.map((i: Json) => [i.rank, i.templateId])).toEqual([
        [1, 'retail-pharmacy'],
        [2, 'claims-and-payments'],
        [3, 'laboratories'],
      ]);
      const audit = (await admin.get(`${base}/audit?action=map_selection.saved`)).body.entries;
      expect(audit).toHaveLength(2);
      expect(audit[0].after.items).toHaveLength(3);
    });

    it('refuses a stale version, unknown and repeated templates, an empty reason, and other roles', async () => {
      const stale = await put(owner, `${base}/map-selection`, { version: 1, items: [] });
      expect(stale.status).toBe(403);
      const conflict = await put(lead, `${base}/map-selection`, { version: 1, items: [] });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error).toMatchObject({
        code: 'version_conflict',
        details: { currentVersion: 2, updatedBy: { name: 'alpha Admin' } },
      });
      expect(conflict.body.error.message).toMatch(
        /^The map selection was changed by alpha Admin at .* \(version 2\)/,
      );
      const item = { templateId: 'blood', importance: 3, impact: 3, reason: 'Transfusions' };
      const wrong = await put(lead, `${base}/map-selection`, {
        version: 2,
        items: [item, { ...item, templateId: 'no-such-template' }, item],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.issues).toEqual([
        { path: 'body.items.1.templateId', message: 'no template "no-such-template"' },
        { path: 'body.items.2.templateId', message: '"blood" is already listed (item 1)' },
      ]);
      const empty = await put(lead, `${base}/map-selection`, {
        version: 2,
        items: [{ ...item, reason: '   ', importance: 6 }],
      });
      expect(empty.status).toBe(400);
      expect(empty.body.error.issues.map((i: Json) => i.path).sort()).toEqual([
        'body.items.0.importance',
        'body.items.0.reason',
      ]);
      expect((await lead.get(`${base}/map-selection`)).body.version).toBe(2);
    });
  });

  describe('comments', () => {
    it('are written on a node or the map, resolved, reopened, and deleted by their author or an admin', async () => {
      const map = (await admin.post(`${base}/maps`, { name: 'Claims', model: claimsModel })).body;
      const url = `${base}/maps/${map.id}/comments`;
      const onNode = await assessor.post(url, { nodeId: 'svc-ch', body: 'Is there a second clearinghouse?' });
      expect(onNode.status).toBe(201);
      expect(onNode.body).toMatchObject({
        nodeId: 'svc-ch',
        body: 'Is there a second clearinghouse?',
        author: { name: 'assessor' },
        resolvedAt: null,
        resolvedBy: null,
      });
      const onMap = await owner.post(url, { body: 'Billing office reviewed this map.' });
      expect(onMap.body.nodeId).toBeNull();
      expect((await viewer.post(url, { body: 'Looks fine' })).status).toBe(403);
      const ghost = await assessor.post(url, { nodeId: 'ghost', body: 'Where is this?' });
      expect(ghost.status).toBe(400);
      expect(ghost.body.error.issues).toEqual([
        { path: 'body.nodeId', message: '"ghost" is not a node of this map' },
      ]);
      expect((await assessor.post(url, { body: '  ' })).status).toBe(400);

      expect((await viewer.get(url)).body.items.map((c: Json) => c.body)).toEqual([
        'Is there a second clearinghouse?',
        'Billing office reviewed this map.',
      ]);
      expect((await admin.get(`${base}/maps/${map.id}`)).body.openComments).toBe(2);
      const resolved = await lead.post(`${url}/${onNode.body.id}/resolve`);
      expect(resolved.body).toMatchObject({ resolvedBy: { name: 'lead' }, resolvedAt: expect.any(String) });
      expect(
        (await admin.get(`${base}/maps`)).body.items.find((m: Json) => m.id === map.id).openComments,
      ).toBe(1);
      const reopened = await assessor.post(`${url}/${onNode.body.id}/reopen`);
      expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });

      const notYours = await assessor.delete(`${url}/${onMap.body.id}`);
      expect(notYours.status).toBe(403);
      expect(notYours.body.error.message).toBe(
        'Only the author of a comment or an administrator can delete it.',
      );
      expect((await assessor.delete(`${url}/${onNode.body.id}`)).status).toBe(204);
      expect((await admin.delete(`${url}/${onMap.body.id}`)).status).toBe(204);
      expect((await admin.delete(`${url}/${onMap.body.id}`)).status).toBe(404);
      expect((await admin.get(url)).body.items).toEqual([]);
      const actions = (await admin.get(`${base}/audit?entityType=map_comment`)).body.entries.map(
        (e: Json) => e.action,
      );
      expect(actions).toEqual([
        'map_comment.deleted',
        'map_comment.deleted',
        'map_comment.reopened',
        'map_comment.resolved',
        'map_comment.added',
        'map_comment.added',
      ]);
    });

    it('are found only under their own map', async () => {
      const one = (await admin.post(`${base}/maps`, { name: 'One' })).body;
      const two = (await admin.post(`${base}/maps`, { name: 'Two' })).body;
      const comment = (await admin.post(`${base}/maps/${one.id}/comments`, { body: 'On one' })).body;
      expect((await admin.post(`${base}/maps/${two.id}/comments/${comment.id}/resolve`)).status).toBe(404);
      expect((await admin.delete(`${base}/maps/${two.id}/comments/${comment.id}`)).status).toBe(404);
    });
  });

  describe('links between map nodes and inventory services', () => {
    let vendorId: string;
    let serviceId: string;
    let mapId: string;

    beforeAll(async () => {
      vendorId = (await admin.post(`${base}/vendors`, { name: 'Alpha Exchange Inc.' })).body.id;
      serviceId = (
        await admin.post(`${base}/vendors/${vendorId}/services`, {
          name: 'Alpha claims',
          category: 'clearinghouse',
        })
      ).body.id;
      mapId = (await admin.post(`${base}/maps`, { name: 'Claims and payments', model: claimsModel })).body.id;
    });

    it('links a node to a service once, and lists the links from the map and from the vendor', async () => {
      const url = `${base}/maps/${mapId}/links`;
      const created = await lead.post(url, { nodeId: 'svc-ch', serviceId });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        nodeId: 'svc-ch',
        service: {
          id: serviceId,
          name: 'Alpha claims',
          category: 'clearinghouse',
          vendorId,
          vendorName: 'Alpha Exchange Inc.',
        },
      });
      const again = await admin.post(url, { nodeId: 'svc-ch', serviceId });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);
      const onStep = await admin.post(url, { nodeId: 'register', serviceId });
      expect(onStep.status).toBe(201);
      expect((await viewer.get(url)).body.items.map((l: Json) => l.nodeId)).toEqual(['register', 'svc-ch']);

      const byVendor = await assessor.get(`${base}/map-links?vendorId=${vendorId}`);
      expect(byVendor.status).toBe(200);
      expect(byVendor.body.items).toEqual([
        expect.objectContaining({
          mapId,
          mapName: 'Claims and payments',
          nodeId: 'register',
          nodeLabel: 'Register patient',
          nodeKind: 'step',
          serviceId,
          serviceName: 'Alpha claims',
          steps: [
            { id: 'register', label: 'Register patient' },
            { id: 'submit', label: 'Submit claim' },
          ],
        }),
        expect.objectContaining({
          nodeId: 'svc-ch',
          nodeLabel: 'Clearinghouse',
          nodeKind: 'service',
          steps: [{ id: 'submit', label: 'Submit claim' }],
        }),
      ]);
      const byService = (await viewer.get(`${base}/map-links?serviceId=${serviceId}`)).body.items;
      expect(byService).toHaveLength(2);
      const neither = await viewer.get(`${base}/map-links`);
      expect(neither.status).toBe(400);
      expect(
        (await viewer.get(`${base}/map-links?vendorId=00000000-0000-4000-8000-000000000000`)).status,
      ).toBe(404);
      expect((await viewer.get(`${base}/map-links?vendorId=nope`)).status).toBe(404);
      expect((await admin.get(`${base}/audit?action=map_link.added`)).body.entries).toHaveLength(2);
    });

    it('refuses a node that is not in the model, a service of another organization, and readers', async () => {
      const url = `${base}/maps/${mapId}/links`;
      const ghost = await admin.post(url, { nodeId: 'ghost', serviceId });
      expect(ghost.status).toBe(400);
      expect(ghost.body.error.issues).toEqual([
        { path: 'body.nodeId', message: '"ghost" is not a node of this map' },
      ]);
      expect((await admin.post(url, { nodeId: 'svc-ch', serviceId: 'not-a-uuid' })).status).toBe(404);
      const beta = await anotherOrganization(admin, 'beta-links');
      const betaVendor = (await admin.post(`/api/orgs/${beta}/vendors`, { name: 'Beta Vendor' })).body.id;
      const betaService = (
        await admin.post(`/api/orgs/${beta}/vendors/${betaVendor}/services`, {
          name: 'Beta svc',
          category: 'ehr',
        })
      ).body.id;
      const foreign = await admin.post(url, { nodeId: 'svc-ch', serviceId: betaService });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.message).toBe('Service not found.');
      expect((await admin.get(`/api/orgs/${beta}/map-links?serviceId=${serviceId}`)).status).toBe(404);
      expect((await assessor.post(url, { nodeId: 'svc-ch', serviceId })).status).toBe(403);
      expect((await viewer.post(url, { nodeId: 'svc-ch', serviceId })).status).toBe(403);
      // The owner has no sub-team, so the map is not theirs.
      expect((await owner.post(url, { nodeId: 'svc-ch', serviceId })).status).toBe(403);
      expect(orgId).not.toBe(beta);
    });

    it('drops the link of a node removed from the model, in the same save, and the links of a removed service', async () => {
      const url = `${base}/maps/${mapId}`;
      const map = (await admin.get(url)).body;
      const model = structuredClone(map.model);
      model.services = model.services.filter((s: Json) => s.id !== 'svc-ch');
      model.dependencies = model.dependencies.filter((d: Json) => d.to !== 'svc-ch');
      const saved = await put(admin, url, { version: map.version, model });
      expect(saved.status).toBe(200);
      expect((await admin.get(`${url}/links`)).body.items.map((l: Json) => l.nodeId)).toEqual(['register']);
      const removed = (await admin.get(`${base}/audit?action=map_link.removed`)).body.entries[0];
      expect(removed).toMatchObject({
        before: { nodeId: 'svc-ch' },
        after: { reason: 'the node was removed from the map' },
      });
      expect((await admin.get(`${base}/audit?action=map.saved`)).body.entries[0].after).toMatchObject({
        linksRemoved: 1,
      });

      const link = (await admin.get(`${url}/links`)).body.items[0];
      const other = await admin.post(`${base}/maps`, { name: 'Other' });
      expect((await admin.delete(`${base}/maps/${other.body.id}/links/${link.id}`)).status).toBe(404);
      expect((await admin.delete(`${base}/services/${serviceId}`)).status).toBe(204);
      expect((await admin.get(`${url}/links`)).body.items).toEqual([]);
    });

    it('removes a link on request', async () => {
      const service = (
        await admin.post(`${base}/vendors/${vendorId}/services`, {
          name: 'Alpha remits',
          category: 'clearinghouse',
        })
      ).body.id;
      const link = (await admin.post(`${base}/maps/${mapId}/links`, { nodeId: 'pay', serviceId: service }))
        .body;
      expect((await assessor.delete(`${base}/maps/${mapId}/links/${link.id}`)).status).toBe(403);
      expect((await lead.delete(`${base}/maps/${mapId}/links/${link.id}`)).status).toBe(204);
      expect((await lead.delete(`${base}/maps/${mapId}/links/${link.id}`)).status).toBe(404);
      expect((await admin.get(`${base}/audit?action=map_link.removed`)).body.entries[0]).toMatchObject({
        entityId: link.id,
        before: { nodeId: 'pay' },
      });
    });
  });
});
