import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

describe('HTTP behaviour every client relies on', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp();
    ({ admin } = await setUpFirstOrganization(t.app));
  });
  afterAll(() => t.close());

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('names each invalid field with its path', async () => {
    const res = await admin.post('/api/organizations', { name: '', slug: 'Not A Slug' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.name', message: 'is required' },
        expect.objectContaining({ path: 'body.slug' }),
      ]),
    );
  });

  it('rejects malformed JSON and oversized bodies without a stack trace', async () => {
    const bad = await admin.request('POST', '/api/organizations', undefined, {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.body).not.toMatch(/at .*\.ts:\d+/);
    const huge = await admin.post('/api/organizations', { name: 'x'.repeat(2 * 1024 * 1024), slug: 'huge' });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('sets security headers', async () => {
    const res = await admin.get('/api/session');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('documents the API as OpenAPI generated from the request schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toMatch(/^3\./);
    const invite = doc.paths['/api/orgs/{orgId}/invitations'].post;
    expect(invite.requestBody.content['application/json'].schema.properties.role.enum).toContain('risk_lead');
  });
});
