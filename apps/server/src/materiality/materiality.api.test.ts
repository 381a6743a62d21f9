// The materiality rubric through the API: start from the default for the organization's size,
// every edit a new version, stale edits refused, approval supersedes the previous approval, and
// the approved version is the one analysis reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

interface Level {
  value: number;
  label: string;
  description: string;
  threshold: string;
}
interface Dimension {
  id: string;
  label: string;
  description: string;
  levels: Level[];
}

const withThreshold = (dimensions: Dimension[], dimensionId: string, value: number, threshold: string) =>
  dimensions.map((d) =>
    d.id === dimensionId
      ? { ...d, levels: d.levels.map((l) => (l.value === value ? { ...l, threshold } : l)) }
      : d,
  );

describe('materiality rubric', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let riskLead: Client;
  let assessor: Client;

  beforeAll(async () => {
    t = await testApp();
    ({ admin, orgId } = await setUpFirstOrganization(t.app, 'rubricorg'));
    riskLead = (await addMember(t.app, admin, orgId, 'risk@rubricorg.test', 'risk_lead')).client;
    assessor = (await addMember(t.app, admin, orgId, 'assessor@rubricorg.test', 'assessor')).client;
  }, 120_000);
  afterAll(() => t.close());

  const base = () => `/api/orgs/${orgId}/materiality`;

  it('has no rubric at first, and nothing approved for analysis', async () => {
    expect((await assessor.get(base())).body).toEqual({
      versions: [],
      latestVersion: null,
      approvedVersion: null,
      draftVersion: null,
    });
    expect((await assessor.get(`${base()}/approved`)).body).toEqual({ version: null, rubric: null });
  });

  it('starts version 1 from the default with the thresholds for a small organization', async () => {
    const res = await riskLead.post(`${base()}/start`, { organizationSize: 'small' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      status: 'draft',
      organizationSize: 'small',
      createdBy: { name: 'risk' },
      approval: null,
    });
    expect(res.body.changeNote).toMatch(/default rubric for a small organization/);
    const dims: Dimension[] = res.body.dimensions;
    expect(dims.map((d) => d.id)).toEqual([
      'patientSafety',
      'operational',
      'financial',
      'regulatory',
      'privacy',
    ]);
    const financial = dims.find((d) => d.id === 'financial');
    expect(financial?.levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect(financial?.levels[0]).toMatchObject({ label: 'minimal', threshold: 'under $1,000 a day' });
    expect(financial?.description).toMatch(/per day of outage/);

    const again = await admin.post(`${base()}/start`, { organizationSize: 'large' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already has a rubric \(version 1\)/);
  });

  it('saves each edit as a new version and keeps the earlier ones readable', async () => {
    const overview = (await riskLead.get(base())).body;
    const v1id = overview.versions[0].id;
    const v1 = (await riskLead.get(`${base()}/versions/${v1id}`)).body;
    const res = await riskLead.post(`${base()}/versions`, {
      baseVersion: 1,
      dimensions: withThreshold(v1.dimensions, 'financial', 1, 'under $2,000 a day'),
      changeNote: 'Financial threshold raised after the CFO review',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 2,
      status: 'draft',
      changeNote: 'Financial threshold raised after the CFO review',
    });
    expect(res.body.dimensions[2].levels[0].threshold).toBe('under $2,000 a day');

    const after = (await assessor.get(base())).body;
    expect(after.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    expect(after).toMatchObject({ latestVersion: 2, draftVersion: 2, approvedVersion: null });
    const old = (await assessor.get(`${base()}/versions/${v1id}`)).body;
    expect(old.dimensions[2].levels[0].threshold).toBe('under $1,000 a day');
  });

  it('refuses an edit made from a version that is no longer the latest, with a clear message', async () => {
    const v2 = (await admin.get(`${base()}/approved`)).body;
    expect(v2.version).toBeNull();
    const latest = (await admin.get(base())).body.versions[0];
    const full = (await admin.get(`${base()}/versions/${latest.id}`)).body;
    const stale = await admin.post(`${base()}/versions`, { baseVersion: 1, dimensions: full.dimensions });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      'Your edit started from version 1, but risk has since saved version 2. Your changes were not saved: reload to see the latest version, then make them again.',
    );
    expect((await admin.get(base())).body.latestVersion).toBe(2);
  });

  it('validates the rubric with the path of each wrong field', async () => {
    const latest = (await admin.get(base())).body.versions[0];
    const dims: Dimension[] = (await admin.get(`${base()}/versions/${latest.id}`)).body.dimensions;
    const broken = dims.map((d, i) =>
      i === 0 ? { ...d, levels: d.levels.map((l, j) => (j === 2 ? { ...l, description: '  ' } : l)) } : d,
    );
    broken.push({ ...dims[1], id: 'operational' } as Dimension);
    const res = await admin.post(`${base()}/versions`, { baseVersion: 2, dimensions: broken });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.dimensions.0.levels.2.description', 'body.dimensions.5.id']),
    );

    const missing = await admin.post(`${base()}/versions`, { baseVersion: 2, dimensions: dims.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/missing: patientSafety/);

    const fourLevels = await admin.post(`${base()}/versions`, {
      baseVersion: 2,
      dimensions: dims.map((d) => ({ ...d, levels: d.levels.slice(0, 4) })),
    });
    expect(fourLevels.body.error.issues[0]).toEqual({
      path: 'body.dimensions.0.levels',
      message: 'must have exactly 5 levels',
    });
  });

  it('records the approval; the approved version is the one analysis uses', async () => {
    const v2 = (await admin.get(base())).body.versions[0];
    const bad = await admin.post(`${base()}/versions/${v2.id}/approval`, {
      approvingBody: 'other',
      approverName: '',
      approvalDate: '2999-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.approverName', 'body.note']),
    );
    const future = await admin.post(`${base()}/versions/${v2.id}/approval`, {
      approvingBody: 'board',
      approverName: 'Pat Kim',
      approvalDate: '2999-01-01',
    });
    expect(future.body.error.issues[0].path).toBe('body.approvalDate');

    expect(
      (
        await assessor.post(`${base()}/versions/${v2.id}/approval`, {
          approvingBody: 'board',
          approverName: 'Pat Kim',
          approvalDate: '2026-01-15',
        })
      ).status,
    ).toBe(403);

    const ok = await riskLead.post(`${base()}/versions/${v2.id}/approval`, {
      approvingBody: 'board',
      approverName: 'Pat Kim, board chair',
      approvalDate: '2026-01-15',
      note: 'Approved at the January board meeting',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: 2,
      status: 'approved',
      approval: {
        approvingBody: 'board',
        approverName: 'Pat Kim, board chair',
        approvalDate: '2026-01-15',
        note: 'Approved at the January board meeting',
        recordedBy: { name: 'risk' },
      },
    });
    const used = (await assessor.get(`${base()}/approved`)).body;
    expect(used.version.version).toBe(2);
    expect(used.rubric.version).toBe('v2');
    expect(used.rubric.dimensions).toHaveLength(5);
    expect(used.rubric.levels.map((l: { value: number }) => l.value)).toEqual([0, 1, 2, 3, 4, 5]);

    const twice = await riskLead.post(`${base()}/versions/${v2.id}/approval`, {
      approvingBody: 'board',
      approverName: 'Pat Kim',
      approvalDate: '2026-01-15',
    });
    expect(twice.status).toBe(409);
  });

  it('keeps the approved version in use while a new draft is edited, and supersedes it on the next approval', async () => {
    const v2 = (await admin.get(`${base()}/approved`)).body.version;
    const v3 = await admin.post(`${base()}/versions`, {
      baseVersion: 2,
      dimensions: withThreshold(v2.dimensions, 'privacy', 5, 'over 5,000 records'),
    });
    expect(v3.body).toMatchObject({ version: 3, status: 'draft' });
    let overview = (await admin.get(base())).body;
    expect(overview).toMatchObject({ approvedVersion: 2, draftVersion: 3 });
    expect((await admin.get(`${base()}/approved`)).body.version.version).toBe(2);

    // Version 1 was replaced long ago: its approval is refused with a pointer to the latest.
    const v1 = overview.versions.find((v: { version: number }) => v.version === 1);
    const stale = await admin.post(`${base()}/versions/${v1.id}/approval`, {
      approvingBody: 'senior_management',
      approverName: 'Jo Park',
      approvalDate: '2026-02-01',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/replaced by version 3/);

    await admin.post(`${base()}/versions/${v3.body.id}/approval`, {
      approvingBody: 'senior_management',
      approverName: 'Jo Park, CEO',
      approvalDate: '2026-02-01',
    });
    overview = (await admin.get(base())).body;
    expect(overview.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [3, 'approved'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
    // The superseded version keeps its approval record.
    expect(overview.versions[1].approval.approverName).toBe('Pat Kim, board chair');
  });

  it('writes versions and approvals to the audit log', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/audit?limit=100`);
    const actions = res.body.entries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'materiality.version_created')).toHaveLength(3);
    expect(actions.filter((a: string) => a === 'materiality.version_approved')).toHaveLength(2);
    const last = res.body.entries.find(
      (e: { action: string }) => e.action === 'materiality.version_approved',
    );
    expect(last.before).toEqual({ approvedVersion: 2 });
    expect(last.after).toMatchObject({ approvedVersion: 3, approverName: 'Jo Park, CEO' });
  });
});
