// The maps API: creating maps from a template, blank or an imported document; saving with
// optimistic concurrency; history with coalescing, differences and restore; review; deletion; the
// role rules (business owners edit only their sub-team's maps); and a 2,000-node map.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

type Json = Record<string, unknown>;
const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);

/** A client document: the SMART model with `extra` fields merged in. */
const doc = (extra: Json = {}) => ({ format: 'smart-model', version: 1, tlp: 'AMBER', ...extra });

describe('workflow maps', () => {
  let t: TestApp;
  let admin: Client;
  let lead: Client;
  let owner: Client;
  let otherOwner: Client;
  let assessor: Client;
  let viewer: Client;
  let base: string;
  let revenueTeam: string;
  let labTeam: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    base = `/api/orgs/${a.orgId}`;
    lead = (await addMember(t.app, admin, a.orgId, 'lead@alpha.test', 'risk_lead')).client;
    const ownerMember = await addMember(t.app, admin, a.orgId, 'linda@alpha.test', 'business_owner');
    owner = ownerMember.client;
    otherOwner = (await addMember(t.app, admin, a.orgId, 'omar@alpha.test', 'business_owner')).client;
    assessor = (await addMember(t.app, admin, a.orgId, 'priya@alpha.test', 'assessor')).client;
    viewer = (await addMember(t.app, admin, a.orgId, 'james@alpha.test', 'executive_viewer')).client;
    // Linda is on the revenue-cycle sub-team; nobody from the lab team has an account.
    const linda = await admin.post(`${base}/team/members`, {
      name: 'Linda Okafor',
      userId: ownerMember.userId,
      discipline: 'finance',
    });
    revenueTeam = (
      await admin.post(`${base}/team/sub-teams`, { name: 'Revenue cycle', memberIds: [linda.body.id] })
    ).body.id;
    labTeam = (await admin.post(`${base}/team/sub-teams`, { name: 'Lab and pharmacy' })).body.id;
  }, 120_000);
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates a map from a template: a copy of its model, named for it, marked AMBER, version 1', async () => {
    const res = await admin.post(`${base}/maps`, {
      templateId: 'claims-and-payments',
      subTeamId: revenueTeam,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Claims and Payments',
      templateId: 'claims-and-payments',
      subTeamId: revenueTeam,
      subTeamName: 'Revenue cycle',
      tlp: 'AMBER',
      reviewStatus: 'draft',
      reviewedBy: null,
      version: 1,
      nodeCount: 45,
      problemCount: 0,
      openComments: 0,
      problems: [],
      updatedBy: { name: 'alpha Admin' },
      canEdit: true,
      canReview: true,
      canComment: true,
    });
    expect(res.body.model).toMatchObject({ name: 'Claims and Payments', tlp: 'AMBER' });
    expect(res.body.model.processSteps).toHaveLength(16);
    expect(res.body.layout).toEqual({});
    const history = (await admin.get(`${base}/maps/${res.body.id}/versions`)).body.items;
    expect(history).toEqual([
      expect.objectContaining({
        version: 1,
        kind: 'create',
        summary: 'Created from the "Claims and Payments" template',
      }),
    ]);
    const audit = (await admin.get(`${base}/audit?entityType=map`)).body.entries;
    expect(audit[0]).toMatchObject({ action: 'map.created', entityId: res.body.id });
  });

  it('creates a blank map, which needs a name', async () => {
    const noName = await admin.post(`${base}/maps`, {});
    expect(noName.status).toBe(400);
    expect(noName.body.error.issues).toEqual([{ path: 'body.name', message: 'is required for a blank map' }]);
    const blank = await admin.post(`${base}/maps`, { name: 'Dietary services', tlp: 'GREEN' });
    expect(blank.status).toBe(201);
    expect(blank.body).toMatchObject({
      name: 'Dietary services',
      tlp: 'GREEN',
      nodeCount: 0,
      templateId: null,
    });
    expect(blank.body.model).toMatchObject({ name: 'Dietary services', tlp: 'GREEN', functions: [] });
  });

  it('imports a model document, drafts included, and refuses one that is not a model with every path named', async () => {
    const imported = await lead.post(`${base}/maps`, {
      model: doc({
        name: 'Imported claims',
        tlp: 'RED',
        functions: [{ id: 'fn', label: 'Claims' }],
        processSteps: [{ id: 'submit', label: 'Submit claim' }],
        services: [{ id: 'svc-1', label: 'Alpha', category: 'clearinghouse' }],
        dependencies: [
          { from: 'fn', to: 'submit' },
          { from: 'submit', to: 'svc-1' },
          { from: 'submit', to: 'svc-x' },
        ],
      }),
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      name: 'Imported claims',
      tlp: 'RED',
      nodeCount: 3,
      problemCount: 3,
    });
    expect(imported.body.problems).toEqual([
      expect.objectContaining({ nodeId: 'svc-1', message: 'Third-party service "Alpha" has no vendor' }),
      expect.objectContaining({
        nodeId: 'fn',
        message: 'Function "Claims" has no maximum tolerable downtime',
      }),
      expect.objectContaining({
        path: 'dependencies[2]',
        nodeId: 'submit',
        message: 'Dependency from "Submit claim" to unknown node "svc-x"',
      }),
    ]);
    const history = (await lead.get(`${base}/maps/${imported.body.id}/versions`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'import', summary: 'Imported a model document (3 nodes)' });

    const invalid = await lead.post(`${base}/maps`, {
      name: 'Broken',
      model: {
        format: 'smart-model',
        version: 1,
        tlp: 'PURPLE',
        functions: [{ id: '' }],
        dependencies: [{}],
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('invalid_model');
    expect(invalid.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'tlp',
      'functions[0].id',
      'dependencies[0].from',
      'dependencies[0].to',
    ]);
    const notAModel = await lead.post(`${base}/maps`, { name: 'x', model: [1, 2] });
    expect(notAModel.status).toBe(422);
    expect(notAModel.body.error.issues[0].path).toBe('(document)');
    const both = await lead.post(`${base}/maps`, { templateId: 'claims-and-payments', model: doc() });
    expect(both.status).toBe(400);
    const unknown = await lead.post(`${base}/maps`, { templateId: 'no-such-map' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      { path: 'body.templateId', message: 'no template "no-such-map"' },
    ]);
  });

  it('saves with optimistic concurrency: a stale version gets 409 naming who saved, when, and the version', async () => {
    const map = (await admin.post(`${base}/maps`, { templateId: 'laboratories', subTeamId: labTeam })).body;
    const url = `${base}/maps/${map.id}`;
    const model = structuredClone(map.model);
    model.processSteps[0].label = 'Order the test (CPOE)';
    const saved = await put(lead, url, {
      version: 1,
      model,
      layout: { [model.processSteps[0].id]: { x: 10, y: 20 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, updatedBy: { name: 'lead' } });
    expect(saved.body.layout).toEqual({ [model.processSteps[0].id]: { x: 10, y: 20 } });

    const stale = await put(admin, url, { version: 1, name: 'Labs (admin edit)' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2, updatedBy: { name: 'lead' }, updatedAt: saved.body.updatedAt },
    });
    expect(stale.body.error.message).toMatch(
      /^This map was changed by lead at \d\d:\d\d UTC \(version 2\); reload to see their changes\.$/,
    );
    const current = (await admin.get(url)).body;
    expect(current).toMatchObject({ version: 2, name: 'Laboratories' });

    const renamed = await put(admin, url, { version: 2, name: 'Laboratories (Riverbend)' });
    expect(renamed.body).toMatchObject({ version: 3, name: 'Laboratories (Riverbend)' });
    expect(renamed.body.model.name).toBe('Laboratories (Riverbend)');
    // Nothing new: no new version.
    const same = await put(admin, url, {
      version: 3,
      model: renamed.body.model,
      layout: renamed.body.layout,
    });
    expect(same.body.version).toBe(3);

    const bad = await put(admin, url, { version: 3, model: { ...renamed.body.model, format: 'other' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([
      { path: 'format', message: expect.stringContaining('smart-model') },
    ]);
    const badLayout = await put(admin, url, { version: 3, layout: { a: { x: 'left' } } });
    expect(badLayout.status).toBe(400);
    expect((await admin.get(`${base}/audit?action=map.saved`)).body.entries[0].after).toMatchObject({
      version: 3,
      summary: '1 changed',
      changes: ['changed map "Laboratories (Riverbend)": Name: "Laboratories" → "Laboratories (Riverbend)"'],
    });
  });

  it("coalesces one person's saves within ten minutes into one snapshot, and keeps everyone else's apart", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-23T09:00:00Z');
    vi.setSystemTime(start);
    const map = (await admin.post(`${base}/maps`, { name: 'History', model: doc({ name: 'History' }) })).body;
    const url = `${base}/maps/${map.id}`;
    let version = 1;
    const addStep = async (client: Client, id: string, minutes: number) => {
      vi.setSystemTime(new Date(start.getTime() + minutes * 60_000));
      const current = (await client.get(url)).body;
      const model = {
        ...current.model,
        processSteps: [...current.model.processSteps, { id, label: `Step ${id}` }],
      };
      const res = await put(client, url, { version, model });
      expect(res.status).toBe(200);
      version = res.body.version;
    };
    await addStep(admin, 'a', 1); // v2: new snapshot (the latest is the creation)
    await addStep(admin, 'b', 5); // v3: same person, 4 minutes after v2's first save: merged
    await addStep(admin, 'c', 10.5); // v4: 9.5 minutes after: merged
    await addStep(admin, 'd', 11.5); // v5: 10.5 minutes after the snapshot's first save: new
    await addStep(lead, 'e', 12); // v6: someone else: new
    await addStep(admin, 'f', 12.5); // v7: the latest snapshot is the lead's: new
    const items = (await admin.get(`${url}/versions`)).body.items;
    expect(items.map((i: Json) => [i.version, i.kind, (i.savedBy as Json).name, i.summary])).toEqual([
      [7, 'edit', 'alpha Admin', '1 added'],
      [6, 'edit', 'lead', '1 added'],
      [5, 'edit', 'alpha Admin', '1 added'],
      [4, 'edit', 'alpha Admin', '3 added'],
      [1, 'import', 'alpha Admin', 'Imported a model document (0 nodes)'],
    ]);
    const merged = items.find((i: Json) => i.version === 4);
    expect(merged.createdAt).toBe('2026-11-23T09:01:00.000Z');
    expect(merged.savedAt).toBe('2026-11-23T09:10:30.000Z');
    const absorbed = await admin.get(`${url}/versions/3`);
    expect(absorbed.status).toBe(404);
    expect(absorbed.body.error.message).toContain('saves made close together are kept as one version');
    const v4 = (await admin.get(`${url}/versions/4`)).body;
    expect(v4.model.processSteps.map((s: Json) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('says what changed between two versions, and restores an earlier one as a new version', async () => {
    const map = (await admin.post(`${base}/maps`, { templateId: 'claims-and-payments', name: 'Claims' }))
      .body;
    const url = `${base}/maps/${map.id}`;
    const model = structuredClone(map.model);
    const submit = model.processSteps.find((s: Json) => s.id === 's-submit');
    submit.label = 'Submit claim (837P)';
    model.vendors.push({ id: 'v-beta', label: 'Beta clearinghouse' });
    model.services.push({
      id: 'svc-beta',
      label: 'Beta claims',
      category: 'clearinghouse',
      vendor: 'v-beta',
    });
    const edited = (await put(admin, url, { version: 1, model })).body;
    expect(edited.version).toBe(2);

    const diff = await admin.get(`${url}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2, summary: '2 added, 1 changed' });
    expect(diff.body.changes).toEqual([
      {
        change: 'changed',
        entity: 'step',
        id: 's-submit',
        label: 'Submit claim (837P)',
        details: [expect.stringMatching(/^Label: ".*" → "Submit claim \(837P\)"$/)],
      },
      { change: 'added', entity: 'service', id: 'svc-beta', label: 'Beta claims', details: [] },
      { change: 'added', entity: 'vendor', id: 'v-beta', label: 'Beta clearinghouse', details: [] },
    ]);
    expect((await admin.get(`${url}/diff?from=1&to=9`)).status).toBe(404);
    expect((await admin.get(`${url}/diff?from=1`)).status).toBe(400);

    const stale = await admin.post(`${url}/versions/1/restore`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const restored = await admin.post(`${url}/versions/1/restore`, { version: 2 });
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect(restored.body.model.services.map((s: Json) => s.id)).not.toContain('svc-beta');
    const history = (await admin.get(`${url}/versions`)).body.items;
    expect(history[0]).toMatchObject({ version: 3, kind: 'restore', summary: 'Restored version 1' });
    expect((await admin.get(`${url}/diff?from=1&to=3`)).body).toMatchObject({
      changes: [],
      summary: 'No changes',
    });
    expect((await admin.get(`${url}/versions/2`)).body.model.vendors.map((v: Json) => v.id)).toContain(
      'v-beta',
    );
    expect((await admin.get(`${base}/audit?action=map.restored`)).body.entries[0].after).toMatchObject({
      version: 3,
      restoredFrom: 1,
      summary: 'Restored version 1',
    });
  });

  it('moves a map through review; only reviewers validate; a content change returns a validated map to draft', async () => {
    const map = (await owner.post(`${base}/maps`, { templateId: 'retail-pharmacy', subTeamId: revenueTeam }))
      .body;
    const url = `${base}/maps/${map.id}`;
    const review = (client: Client, status: string, version: number, note?: string) =>
      client.post(`${url}/review`, { status, version, ...(note ? { note } : {}) });

    const early = await review(admin, 'validated', 1);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('This map is a draft: send it for review before validating it.');
    const sent = await review(owner, 'in_review', 1, 'Ready for the pharmacy director');
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      reviewStatus: 'in_review',
      version: 2,
      reviewedBy: { name: 'linda' },
      reviewNote: 'Ready for the pharmacy director',
    });
    expect((await review(otherOwner, 'validated', 2)).status).toBe(403);
    expect((await review(assessor, 'validated', 2)).status).toBe(403);
    expect((await review(admin, 'validated', 1)).status).toBe(409);
    const validated = await review(owner, 'validated', 2);
    expect(validated.body).toMatchObject({
      reviewStatus: 'validated',
      version: 3,
      reviewedBy: { name: 'linda' },
    });
    expect(validated.body.reviewedAt).toEqual(expect.any(String));
    expect((await review(lead, 'validated', 3)).body.error.message).toBe('This map is already validated.');

    // Moving nodes keeps the validation; changing the model does not.
    const moved = await put(owner, url, { version: 3, layout: { 's-dispense': { x: 1, y: 2 } } });
    expect(moved.body).toMatchObject({ version: 4, reviewStatus: 'validated' });
    const model = structuredClone(moved.body.model);
    model.processSteps[0].label = 'Changed after validation';
    const changed = await put(owner, url, { version: 4, model });
    expect(changed.body).toMatchObject({
      version: 5,
      reviewStatus: 'draft',
      reviewedBy: null,
      reviewedAt: null,
    });
    const audit = (await admin.get(`${base}/audit?action=map.review_changed`)).body.entries;
    expect(audit.map((e: Json) => (e.after as Json).reviewStatus)).toEqual(['validated', 'in_review']);
  });

  it('keeps the role rules: viewers and assessors read; business owners edit their sub-team maps only', async () => {
    const mine = (
      await admin.post(`${base}/maps`, { templateId: 'claims-and-payments', subTeamId: revenueTeam })
    ).body;
    const labs = (await admin.post(`${base}/maps`, { templateId: 'laboratories', subTeamId: labTeam })).body;
    const unassigned = (await admin.post(`${base}/maps`, { name: 'Unassigned' })).body;

    for (const reader of [viewer, assessor]) {
      const list = (await reader.get(`${base}/maps`)).body.items;
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.every((m: Json) => m.canEdit === false)).toBe(true);
      const detail = (await reader.get(`${base}/maps/${mine.id}`)).body;
      expect(detail).toMatchObject({ canEdit: false, canReview: false });
      expect((await put(reader, `${base}/maps/${mine.id}`, { version: 1, name: 'x' })).status).toBe(403);
      expect((await reader.post(`${base}/maps`, { name: 'Mine' })).status).toBe(403);
    }
    expect((await viewer.get(`${base}/maps/${mine.id}`)).body.canComment).toBe(false);
    expect((await assessor.get(`${base}/maps/${mine.id}`)).body.canComment).toBe(true);

    expect((await owner.get(`${base}/maps/${mine.id}`)).body).toMatchObject({
      canEdit: true,
      canReview: true,
    });
    expect((await owner.get(`${base}/maps/${labs.id}`)).body).toMatchObject({
      canEdit: false,
      canReview: false,
    });
    expect((await put(owner, `${base}/maps/${mine.id}`, { version: 1, name: 'Claims (Linda)' })).status).toBe(
      200,
    );
    const refused = await put(owner, `${base}/maps/${labs.id}`, { version: 1, name: 'Taken over' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('only the maps of your own sub-teams');
    expect((await put(owner, `${base}/maps/${unassigned.id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await otherOwner.get(`${base}/maps/${mine.id}`)).body.canEdit).toBe(false);
    // Nor can she move her map to a sub-team she is not in, or create one there.
    expect((await put(owner, `${base}/maps/${mine.id}`, { version: 2, subTeamId: labTeam })).status).toBe(
      403,
    );
    expect((await owner.post(`${base}/maps`, { templateId: 'blood', subTeamId: labTeam })).status).toBe(403);
    const noTeam = await owner.post(`${base}/maps`, { templateId: 'blood' });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.error.issues[0].path).toBe('body.subTeamId');
    expect((await owner.post(`${base}/maps`, { templateId: 'blood', subTeamId: revenueTeam })).status).toBe(
      201,
    );
    // A risk lead moves a map between sub-teams; an unknown sub-team is named.
    const ghost = await put(lead, `${base}/maps/${labs.id}`, {
      version: 1,
      subTeamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.issues).toEqual([
      { path: 'body.subTeamId', message: 'is not a sub-team of this organization' },
    ]);
    const movedTeam = await put(lead, `${base}/maps/${labs.id}`, { version: 1, subTeamId: revenueTeam });
    expect(movedTeam.body).toMatchObject({ version: 2, subTeamName: 'Revenue cycle' });
    expect((await owner.get(`${base}/maps/${labs.id}`)).body.canEdit).toBe(true);

    // Deleting takes an administrator or a risk lead.
    expect((await owner.delete(`${base}/maps/${mine.id}`)).status).toBe(403);
    expect((await lead.delete(`${base}/maps/${unassigned.id}`)).status).toBe(204);
    expect((await lead.get(`${base}/maps/${unassigned.id}`)).status).toBe(404);
    expect((await admin.get(`${base}/audit?action=map.deleted`)).body.entries[0]).toMatchObject({
      entityId: unassigned.id,
      before: { name: 'Unassigned' },
    });
  });

  it('lists maps by the rank of their template in the selection, then by name', async () => {
    const saved = await put(admin, `${base}/map-selection`, {
      version: 0,
      items: [
        { templateId: 'retail-pharmacy', importance: 5, impact: 5, reason: 'Our outpatient pharmacy' },
        { templateId: 'laboratories', importance: 4, impact: 3, reason: 'Reference lab send-outs' },
      ],
    });
    expect(saved.status).toBe(200);
    const names = (await admin.get(`${base}/maps`)).body.items.map((m: Json) => `${m.templateId}|${m.name}`);
    const ranked = names.filter(
      (n: string) => n.startsWith('retail-pharmacy') || n.startsWith('laboratories'),
    );
    expect(names.slice(0, ranked.length)).toEqual(ranked);
    expect(ranked[0]).toMatch(/^retail-pharmacy/);
    const rest = names.slice(ranked.length).map((n: string) => (n.split('|')[1] ?? '').toLowerCase());
    expect(rest).toEqual([...rest].sort());
  });

  it('saves a 2,000-node map of over 1 MB quickly, and still refuses a body over 8 MB', async () => {
    const model = bigModel(2000);
    const body = JSON.stringify({ name: 'Regional network', model });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const created = await admin.post(`${base}/maps`, { name: 'Regional network', model });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nodeCount: 2000, problemCount: 0 });
    const next = structuredClone(created.body.model);
    for (const step of next.processSteps.slice(0, 50)) step.label = `${step.label} (revised)`;
    const layout = Object.fromEntries(
      [...next.functions, ...next.processSteps].map((n: Json, i: number) => [n.id, { x: i * 10, y: i % 40 }]),
    );
    const started = performance.now();
    const saved = await put(admin, `${base}/maps/${created.body.id}`, { version: 1, model: next, layout });
    const elapsed = performance.now() - started;
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(elapsed).toBeLessThan(5000);
    const history = (await admin.get(`${base}/maps/${created.body.id}/versions`)).body.items;
    expect(history[0].summary).toBe('50 changed');

    const huge = {
      ...next,
      processSteps: next.processSteps.map((s: Json) => ({ ...s, notes: 'x'.repeat(12_000) })),
    };
    const tooBig = await put(admin, `${base}/maps/${created.body.id}`, { version: 2, model: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
  }, 60_000);
});

/** A valid model of `count` nodes with long notes, the size of a large regional network's map. */
function bigModel(count: number) {
  const notes = 'Reviewed with the service owner; see the continuity plan for the manual fallback. '.repeat(
    5,
  );
  const n = (prefix: string, size: number, extra: (i: number) => Json = () => ({})) =>
    Array.from({ length: size }, (_, i) => ({
      id: `${prefix}-${i}`,
      label: `${prefix} node ${i}`,
      notes,
      ...extra(i),
    }));
  const vendors = n('vendor', 300);
  const hosts = n('host', 100, (i) => ({ vendor: `vendor-${i}` }));
  const functions = n('function', 20, () => ({ maxTolerableDowntime: '3d', impacts: [] }));
  const services = n('service', 600, (i) => ({ category: 'clearinghouse', vendor: `vendor-${i % 300}` }));
  const systems = n('system', 180);
  const steps = n('step', count - 300 - 100 - 20 - 600 - 180, (i) => ({ order: i + 1 }));
  const dependencies = [
    ...steps.map((s, i) => ({ from: `function-${i % 20}`, to: s.id })),
    ...steps.map((s, i) => ({ from: s.id, to: `service-${i % 600}`, flow: 'information' })),
    ...steps.map((s, i) => ({ from: s.id, to: `system-${i % 180}` })),
    ...services.map((s, i) => ({ from: s.id, to: `host-${i % 100}` })),
  ];
  return doc({ functions, processSteps: steps, systems, services, vendors, hosts, dependencies });
}
