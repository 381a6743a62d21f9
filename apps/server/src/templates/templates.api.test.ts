// The template library over the API: anyone signed in reads it; nobody else does.
import { templates } from '@smart/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

describe('the template library API', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp();
    admin = (await setUpFirstOrganization(t.app)).admin;
  });
  afterAll(() => t.close());

  it('lists every template in the toolkit order, with what a gallery card shows', async () => {
    const res = await admin.get('/api/templates');
    expect(res.status).toBe(200);
    const list = res.body.templates as { id: string; number: number; steps: number; standards: string[] }[];
    expect(list.map((x) => x.id).sort()).toEqual(templates.map((x) => x.id).sort());
    expect(list.map((x) => x.number)).toEqual([...list.map((x) => x.number)].sort((a, b) => a - b));
    const claims = list.find((x) => x.id === 'claims-and-payments');
    expect(claims?.steps).toBeGreaterThanOrEqual(8);
    expect(claims?.standards.join(' ')).toMatch(/837/);
  });

  it('returns one template in full, and a clear 404 for an unknown one', async () => {
    const res = await admin.get('/api/templates/claims-and-payments');
    expect(res.status).toBe(200);
    expect(res.body.template.model.format).toBe('smart-model');
    expect(res.body.template.sources.length).toBeGreaterThan(0);
    const missing = await admin.get('/api/templates/no-such-map');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Template not found.');
  });

  it('is for signed-in users only', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/templates')).status).toBe(401);
    expect((await anon.get('/api/templates/claims-and-payments')).status).toBe(401);
  });
});
