import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, PASSWORD, setUpFirstOrganization, type TestApp, testApp } from '../test/harness';

describe('first run, sign-in and sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp({ loginRateLimit: 3 });
  });
  afterEach(() => t.close());

  it('guides the first run once, then refuses a second setup', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: true });
    const { admin } = await setUpFirstOrganization(t.app);
    const session = await admin.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('admin@alpha.test');
    expect(session.body.organizations).toEqual([expect.objectContaining({ slug: 'alpha', role: 'admin' })]);
    expect((await anon.get('/api/setup')).body).toEqual({ needsSetup: false });
    const again = await anon.post('/api/setup', {
      organizationName: 'Other',
      organizationSlug: 'other',
      name: 'Eve',
      email: 'eve@other.test',
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect((await anon.post('/api/setup/demo')).status).toBe(409);
  });

  it('signs in with the right password only, with an http-only same-site cookie', async () => {
    await setUpFirstOrganization(t.app);
    const c = new Client(t.app);
    const wrong = await c.post('/api/auth/login', {
      email: 'admin@alpha.test',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await c.post('/api/auth/login', { email: 'nobody@alpha.test', password: PASSWORD });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'ADMIN@alpha.test', password: PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'smart_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('signs out and forgets the session', async () => {
    const { admin } = await setUpFirstOrganization(t.app);
    const stolenCookie = admin.cookie;
    expect((await admin.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(t.app);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/session')).status).toBe(401);
  });

  it('limits sign-in attempts per address and email', async () => {
    await setUpFirstOrganization(t.app);
    const c = new Client(t.app);
    for (let i = 0; i < 3; i++) {
      expect(
        (await c.post('/api/auth/login', { email: 'admin@alpha.test', password: 'wrong password!' })).status,
      ).toBe(401);
    }
    const blocked = await c.post('/api/auth/login', { email: 'admin@alpha.test', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(blocked.body.error.message).toMatch(/Too many sign-in attempts/);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const { admin } = await setUpFirstOrganization(t.app);
    const noToken = await admin.request(
      'POST',
      '/api/organizations',
      { name: 'X', slug: 'xx' },
      { 'x-csrf-token': '' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    expect((await admin.post('/api/organizations', { name: 'X', slug: 'xx' })).status).toBe(201);
  });
});

describe('session expiry', () => {
  it('ends a session that has been idle too long', async () => {
    const t = await testApp({ sessionIdleMs: -1 });
    try {
      const { admin } = await setUpFirstOrganization(t.app);
      const res = await admin.get('/api/session');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    } finally {
      await t.close();
    }
  });
});
