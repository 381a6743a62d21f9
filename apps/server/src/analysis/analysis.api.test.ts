// The organization-wide analysis through the API: maps from templates and imported documents
// assembled into one model, scenarios, saved scenarios, weights, snapshots and the export.
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  anotherOrganization,
  type Client,
  setUpFirstOrganization,
  type TestApp,
  testApp,
} from '../test/harness';
import { mapShortKey } from './org-model';
import { redundantSwitchesModel } from './test-models';

/** The content streams of a PDF, inflated (pdfkit writes text as hex strings). */
function pageTexts(pdf: Buffer): string[] {
  const texts: string[] = [];
  let at = pdf.indexOf('stream\n');
  while (at >= 0) {
    const end = pdf.indexOf('\nendstream', at);
    try {
      texts.push(
        inflateSync(pdf.subarray(at + 7, end))
          .toString('latin1')
          .toLowerCase(),
      );
    } catch {
      // Not a deflated stream (fonts are not embedded; nothing else to read).
    }
    at = pdf.indexOf('stream\n', end + 10);
  }
  return texts;
}

describe('organization analysis', () => {
  let t: TestApp;
  let admin: Client;
  let assessor: Client;
  let owner: Client;
  let riskLead: Client;
  let orgId: string;
  let claimsMap: string;
  let pharmacyMap: string;
  let api: string;

  beforeAll(async () => {
    t = await testApp();
    const a = await setUpFirstOrganization(t.app);
    admin = a.admin;
    orgId = a.orgId;
    api = `/api/orgs/${orgId}`;
    assessor = (await addMember(t.app, admin, orgId, 'assessor@alpha.test', 'assessor')).client;
    owner = (await addMember(t.app, admin, orgId, 'owner@alpha.test', 'business_owner')).client;
    riskLead = (await addMember(t.app, admin, orgId, 'lead@alpha.test', 'risk_lead')).client;
  }, 120_000);
  afterAll(() => t.close());

  it('answers for an organization without maps with empty lists', async () => {
    const res = await assessor.get(`${api}/analysis`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      maps: [],
      nodes: [],
      priorities: [],
      singlePoints: [],
      tlp: 'CLEAR',
      rubric: { source: 'default' },
      options: { workarounds: 'ignore', horizonHours: 336 },
    });
    expect(res.body.rubric.dimensions[0]).toMatchObject({ id: 'patientSafety', label: 'Patient safety' });
  });

  it('assembles two maps that share a host and names the false redundancy', async () => {
    const claims = await admin.post(`${api}/maps`, { templateId: 'claims-and-payments', name: 'Claims' });
    expect(claims.status).toBe(201);
    claimsMap = claims.body.id;
    // The pharmacy map's two switches run in the claims template's clearinghouse data center.
    const pharmacy = await admin.post(`${api}/maps`, {
      name: 'Pharmacy claims',
      model: redundantSwitchesModel('h-clearinghouse-dc', 'A label the first map overrides'),
    });
    expect(pharmacy.status).toBe(201);
    pharmacyMap = pharmacy.body.id;

    const res = await owner.get(`${api}/analysis`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.maps.map((m: { id: string; included: boolean }) => [m.id, m.included])).toEqual([
      [claimsMap, true],
      [pharmacyMap, true],
    ]);
    const host = body.nodes.find((n: { id: string }) => n.id === 'h-clearinghouse-dc');
    expect(host.mapIds).toEqual([claimsMap, pharmacyMap]);
    expect(host.label).not.toBe('A label the first map overrides');
    const rx = body.singlePoints.find((s: { function: { id: string } }) => s.function.id === 'f-rx-claims');
    expect(rx.singlePoints).toContain('h-clearinghouse-dc');
    const shared = rx.falseRedundancies.find((f: { shared: { id: string } }) => f.shared.id === host.id);
    expect(shared.explanation).toContain(host.label);
    expect(body.summary.falseRedundancies).toBeGreaterThanOrEqual(1);
    expect(body.priorities.length).toBe(body.summary.vendors);
    expect(body.priorities[0]).toMatchObject({ rank: 1, explanation: expect.any(Array) });
    expect(body.weights).toEqual(body.savedWeights);
    expect(body.modelHash).toMatch(/^[0-9a-f]{32}$/);
    // The same inputs: the same analysis, from memory.
    const again = await admin.get(`${api}/analysis`);
    expect([again.body.modelHash, again.body.generatedAt]).toEqual([body.modelHash, body.generatedAt]);
  });

  it('sees a map change at once, and leaves out a map with problems, saying why', async () => {
    const before = (await admin.get(`${api}/analysis`)).body.modelHash;
    const broken = redundantSwitchesModel();
    broken.functions[0] = { ...broken.functions[0], maxTolerableDowntime: undefined } as never;
    const map = await admin.post(`${api}/maps`, { name: 'Unfinished', model: broken });
    const res = await admin.get(`${api}/analysis`);
    expect(res.body.modelHash).not.toBe(before);
    expect(res.body.maps.find((m: { id: string }) => m.id === map.body.id)).toMatchObject({
      included: false,
      problem: 'Function "Pharmacy claims" has no maximum tolerable downtime.',
    });
    expect((await admin.delete(`${api}/maps/${map.body.id}`)).status).toBe(204);
  });

  it('runs a scenario: the workaround runs out on the right hour, impact per dimension over time', async () => {
    const res = await assessor.post(`${api}/analysis/scenario`, {
      failed: ['h-clearinghouse-dc'],
      durationHours: 504,
    });
    expect(res.status).toBe(200);
    const rx = res.body.scenario.functions.find((f: { id: string }) => f.id === 'f-rx-claims');
    expect(rx).toMatchObject({ state: 'down', degradedFromHours: 0, downAtHours: 48 });
    expect(rx.timeline.map((p: { atHours: number; event: string }) => [p.atHours, p.event])).toEqual([
      [0, 'start'],
      [0, 'workaround'],
      [48, 'down'],
      [120, 'impact'],
      [120, 'tolerance exceeded'],
    ]);
    const { dimensions, points } = res.body.impact;
    expect(dimensions.map((d: { id: string }) => d.id)).toContain('financial');
    expect(points[0].atHours).toBe(0);
    expect(points.at(-1).atHours).toBe(504);
    const at = (h: number) => points.find((p: { atHours: number }) => p.atHours === h).levels;
    expect(at(120).financial).toBeGreaterThanOrEqual(4);
    expect(res.body.tlp).toBe('AMBER');

    // Workarounds ignored: down at once.
    const ignored = await assessor.post(`${api}/analysis/scenario`, {
      failed: ['h-clearinghouse-dc'],
      durationHours: 504,
      workarounds: 'ignore',
    });
    expect(
      ignored.body.scenario.functions.find((f: { id: string }) => f.id === 'f-rx-claims').downAtHours,
    ).toBe(0);
  });

  it('limits a scenario to a map or a function', async () => {
    const failed = ['h-clearinghouse-dc'];
    const all = (await admin.post(`${api}/analysis/scenario`, { failed, durationHours: 100 })).body;
    const byMap = (
      await admin.post(`${api}/analysis/scenario`, {
        failed,
        durationHours: 100,
        scope: { mapId: pharmacyMap },
      })
    ).body;
    expect(all.scenario.functions.length).toBeGreaterThan(1);
    expect(byMap.scenario.functions.map((f: { id: string }) => f.id)).toEqual(['f-rx-claims']);
    expect(byMap.scope).toEqual({ mapId: pharmacyMap });
    const claimsFunction = all.scenario.functions.find((f: { id: string }) => f.id !== 'f-rx-claims').id;
    const byFunction = (
      await admin.post(`${api}/analysis/scenario`, {
        failed,
        durationHours: 100,
        scope: { functionId: claimsFunction },
      })
    ).body;
    expect(byFunction.scenario.functions.map((f: { id: string }) => f.id)).toEqual([claimsFunction]);
    const unknownMap = await admin.post(`${api}/analysis/scenario`, {
      failed,
      durationHours: 100,
      scope: { mapId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownMap.status).toBe(400);
  });

  it('refuses unknown node ids with 422 naming them, and bad input with 400', async () => {
    const res = await admin.post(`${api}/analysis/scenario`, {
      failed: ['h-clearinghouse-dc', 'nope', 'gone'],
      durationHours: 10,
    });
    expect(res.status).toBe(422);
    expect(res.body.ids).toEqual(['nope', 'gone']);
    expect(res.body.error).toMatchObject({ code: 'unknown_node', details: { ids: ['nope', 'gone'] } });
    expect(res.body.error.message).toContain('"nope"');
    expect((await admin.post(`${api}/analysis/scenario`, { failed: [], durationHours: 10 })).status).toBe(
      400,
    );
    expect((await admin.post(`${api}/analysis/scenario`, { failed: ['x'], durationHours: 0 })).status).toBe(
      400,
    );
    const badWeights = await admin.get(`${api}/analysis?weights=phi:10,luck:5`);
    expect(badWeights.status).toBe(400);
    expect(badWeights.body.error.message).toContain('unknown factor "luck"');
  });

  it('saves, lists, changes and deletes scenarios, with optimistic concurrency and roles', async () => {
    const input = { name: 'Data center gone', failed: ['h-clearinghouse-dc'], durationHours: 504 };
    expect((await assessor.post(`${api}/analysis/scenarios`, input)).status).toBe(403);
    const created = await owner.post(`${api}/analysis/scenarios`, { ...input, note: 'Tabletop exercise' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...input,
      note: 'Tabletop exercise',
      workarounds: 'count',
      version: 1,
      createdByName: 'owner',
    });
    const id = created.body.id;
    const list = await assessor.get(`${api}/analysis/scenarios`);
    expect(list.body.scenarios.map((s: { id: string }) => s.id)).toEqual([id]);
    const put = (c: Client, body: unknown) => c.request('PUT', `${api}/analysis/scenarios/${id}`, body);
    const changed = await put(admin, { ...input, name: 'Data center gone for 3 weeks', version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, updatedByName: 'alpha Admin' });
    const stale = await put(owner, { ...input, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect(stale.body.error.message).toContain('alpha Admin');
    expect((await assessor.delete(`${api}/analysis/scenarios/${id}`)).status).toBe(403);
    expect((await owner.delete(`${api}/analysis/scenarios/${id}`)).status).toBe(204);
    expect((await owner.get(`${api}/analysis/scenarios/${id}`)).status).toBe(404);
    const audit = await admin.get(`${api}/audit`);
    const actions = (audit.body.entries ?? audit.body.items ?? []).map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'analysis.scenario_created',
        'analysis.scenario_updated',
        'analysis.scenario_deleted',
      ]),
    );
  });

  it('lets admins and risk leads set the weights, and the ranking follows them', async () => {
    const initial = await assessor.get(`${api}/analysis/weights`);
    expect(initial.body).toMatchObject({ version: 0, weights: { blastRadius: 35 } });
    const phiOnly = { blastRadius: 0, impact: 0, noMitigation: 0, phi: 100, sectorConcentration: 0 };
    const blastOnly = { blastRadius: 100, impact: 0, noMitigation: 0, phi: 0, sectorConcentration: 0 };
    const put = (c: Client, body: unknown) => c.request('PUT', `${api}/analysis/weights`, body);
    expect((await put(assessor, { weights: blastOnly, version: 0 })).status).toBe(403);
    expect((await put(owner, { weights: blastOnly, version: 0 })).status).toBe(403);
    const zero = await put(admin, { weights: { ...phiOnly, phi: 0 }, version: 0 });
    expect(zero.status).toBe(400);
    const tooBig = await put(admin, { weights: { ...phiOnly, phi: 101 }, version: 0 });
    expect(tooBig.body.error.message).toContain('body.weights.phi');
    const saved = await put(riskLead, { weights: blastOnly, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ weights: blastOnly, version: 1, updatedByName: 'lead' });
    expect((await put(admin, { weights: phiOnly, version: 0 })).status).toBe(409);

    const byBlast = (await admin.get(`${api}/analysis`)).body;
    expect(byBlast.weights).toEqual(blastOnly);
    expect(byBlast.savedWeights).toEqual(blastOnly);
    // Patient records make a difference only when PHI is weighed: give the last-ranked vendor many.
    const tried = (await admin.get(`${api}/analysis?weights=blastRadius:0,phi:100`)).body;
    expect(tried.weights).toEqual(phiOnly);
    expect(tried.savedWeights).toEqual(blastOnly);
    const order = (b: { priorities: { vendor: { id: string }; score: number }[] }) =>
      b.priorities.map((p) => `${p.vendor.id}:${p.score}`);
    expect(order(tried)).not.toEqual(order(byBlast));
    expect(byBlast.priorities[0].contributions.phi).toBe(0);
  });

  it('takes immutable snapshots that everyone can list and read', async () => {
    expect((await owner.post(`${api}/analysis/snapshots`, {})).status).toBe(403);
    const taken = await riskLead.post(`${api}/analysis/snapshots`, {
      name: 'Board, Q4',
      note: 'For tiering',
    });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      name: 'Board, Q4',
      takenByName: 'lead',
      tlp: 'AMBER',
      options: { workarounds: 'ignore', horizonHours: 336 },
    });
    expect(taken.body.maps.map((m: { id: string; version: number }) => m.id)).toEqual([
      claimsMap,
      pharmacyMap,
    ]);
    const current = (await admin.get(`${api}/analysis`)).body;
    expect(taken.body.priorities).toEqual(current.priorities);
    const second = await admin.post(`${api}/analysis/snapshots`, {});
    expect(second.body.name).toMatch(/^Prioritized vendors, \d{4}-\d{2}-\d{2}/);
    const list = await assessor.get(`${api}/analysis/snapshots`);
    expect(list.body.snapshots.map((s: { id: string }) => s.id)).toEqual([second.body.id, taken.body.id]);
    expect(list.body.snapshots[1]).toMatchObject({ vendorCount: current.priorities.length, tlp: 'AMBER' });
    const read = await assessor.get(`${api}/analysis/snapshots/${taken.body.id}`);
    expect(read.body).toEqual(taken.body);
    // No route changes a snapshot; the database refuses it too.
    expect((await admin.request('PUT', `${api}/analysis/snapshots/${taken.body.id}`, {})).status).toBe(404);
    expect((await admin.delete(`${api}/analysis/snapshots/${taken.body.id}`)).status).toBe(404);
  });

  it('exports the prioritized list as CSV, XLSX and PDF with the TLP marking, formulas neutralized', async () => {
    // A vendor whose label looks like a formula.
    const model = redundantSwitchesModel('h-formula');
    model.vendors[0] = { id: 'v-formula', label: '=HYPERLINK("http://evil")' };
    model.services[0] = { ...model.services[0], vendor: 'v-formula' } as never;
    const map = await admin.post(`${api}/maps`, { name: 'Formula map', model });
    expect(map.status).toBe(201);

    const csv = await assessor.get(`${api}/analysis/priorities/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="smart-prioritized-vendors-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.raw.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^# TLP:AMBER /);
    expect(lines[1]).toContain('functions it stops 100, worst harm 0');
    expect(lines[2]).toBe('Rank,Vendor,Score,Functions taken down,Functions dependent,Worst impact,Why');
    expect(csv.raw).toContain(`'=HYPERLINK`);
    expect(csv.raw).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const xlsx = await admin.request('GET', `${api}/analysis/priorities/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const raw = await t.app.inject({
      method: 'GET',
      url: `${api}/analysis/priorities/export?format=xlsx`,
      headers: { cookie: admin.cookie ?? '' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toContain('TLP AMBER');
    expect(sheet?.getRow(1).getCell(1).value).toBe('TLP:AMBER');
    expect(sheet?.getRow(3).getCell(2).value).toBe('Vendor');
    expect(sheet?.getRow(4).getCell(1).value).toBe(1);
    expect(sheet?.headerFooter.oddFooter).toContain('TLP:AMBER');
    const vendors = sheet?.getColumn(2).values.map(String) ?? [];
    expect(vendors).toContain(`'=HYPERLINK("http://evil")`);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `${api}/analysis/priorities/export?format=pdf`,
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('TLP:AMBER');
    // On the page itself, at the top and the bottom: the page's text, inflated, holds it twice.
    const hex = Buffer.from('TLP:AMBER').toString('hex');
    const pages = pageTexts(pdf.rawPayload).filter((text) => text.includes(hex));
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages) expect(text.split(hex).length - 1).toBe(2);

    const snapshots = (await admin.get(`${api}/analysis/snapshots`)).body.snapshots;
    const ofSnapshot = await admin.get(
      `${api}/analysis/priorities/export?format=csv&snapshot=${snapshots.at(-1).id}`,
    );
    expect(ofSnapshot.status).toBe(200);
    // The snapshot was taken before the formula map: its list does not have the vendor.
    expect(ofSnapshot.raw).not.toContain('HYPERLINK');
    expect(ofSnapshot.raw).toContain('Board, Q4');
    expect((await admin.get(`${api}/analysis/priorities/export?format=csv&snapshot=nope`)).status).toBe(404);
    expect((await admin.delete(`${api}/maps/${map.body.id}`)).status).toBe(204);
  });

  it("answers 404 for another organization's scenarios and snapshots, and keeps its analysis apart", async () => {
    const betaId = await anotherOrganization(admin, 'beta');
    const beta = `/api/orgs/${betaId}`;
    const scenario = await admin.post(`${beta}/analysis/scenarios`, {
      name: 'Beta scenario',
      failed: ['x'],
      durationHours: 5,
    });
    const snapshot = await admin.post(`${beta}/analysis/snapshots`, {});
    expect([scenario.status, snapshot.status]).toEqual([201, 201]);
    const put = (url: string, body: unknown) => admin.request('PUT', url, body);
    expect((await admin.get(`${api}/analysis/scenarios/${scenario.body.id}`)).status).toBe(404);
    expect(
      (await put(`${api}/analysis/scenarios/${scenario.body.id}`, { ...scenario.body, version: 1 })).status,
    ).toBe(404);
    expect((await admin.delete(`${api}/analysis/scenarios/${scenario.body.id}`)).status).toBe(404);
    expect((await admin.get(`${api}/analysis/snapshots/${snapshot.body.id}`)).status).toBe(404);
    expect((await admin.get(`${api}/analysis/priorities/export?snapshot=${snapshot.body.id}`)).status).toBe(
      404,
    );
    const betaAnalysis = (await admin.get(`${beta}/analysis`)).body;
    expect(betaAnalysis.maps).toEqual([]);
    const alphaAnalysis = (await admin.get(`${api}/analysis`)).body;
    expect(alphaAnalysis.maps.length).toBe(2);
    expect(mapShortKey(claimsMap)).toHaveLength(8);
  });
});
