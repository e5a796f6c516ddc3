import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, TEST_PASSWORD, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnstorable, jsonDepthExceeds } from './json-body.js';
import { exampleConfig, orgId } from './test-support.js';

/**
 * What an attacker tried in issue 12, each as a test: login guessing in
 * parallel, lockout abuse, proxy addresses, general rate limits, input that
 * used to answer 5xx, and the small leaks (HSTS over HTTP, the 413 message,
 * echoed request ids).
 */
for (const backend of testBackends()) {
  describe(`hardening against an attacker on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({
        config: exampleConfig,
        plugins: [gridRequestsPlugin],
        backend,
        loginLimit: { perAccountAndAddress: 5, perAccount: 10, perAddress: 30, windowMinutes: 15 },
        // Requests from the test's own address (127.0.0.1) may name the client in X-Forwarded-For; nobody else's may.
        trustProxy: ['127.0.0.1'],
        rateLimit: { anonymousPerMinute: 60, sessionPerMinute: 80 },
      });
    });
    afterAll(() => server?.close());

    /** A login from a client address (through the trusted proxy at 127.0.0.1). */
    const loginFrom = (address: string, username: string, password: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': address }, payload: { username, password } });

    it('lets no parallel guess past the limit: 40 at once, the right password among them, at most 5 are checked', async () => {
      const attempts = Array.from({ length: 40 }, (_, i) => loginFrom('203.0.113.10', 'owners.hepan', i === 34 ? TEST_PASSWORD : `guess-${i}`));
      const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
      const checked = statuses.filter((s) => s === 200 || s === 401).length;
      expect(checked).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
      expect(statuses.every((s) => [200, 401, 429].includes(s))).toBe(true);
    });

    it('does not let a stranger lock the owner out: the owner still logs in from an address they used before', async () => {
      // The owner has logged in from home once.
      expect((await loginFrom('198.51.100.1', 'grid.yongfu1', TEST_PASSWORD)).statusCode).toBe(200);
      // A stranger guesses from 12 addresses, more than the account-wide limit allows.
      for (let i = 0; i < 12; i++) for (let j = 0; j < 3; j++) await loginFrom(`203.0.113.${100 + i}`, 'grid.yongfu1', 'not-the-password');
      const stranger = await loginFrom('203.0.113.200', 'grid.yongfu1', 'yet-another-guess');
      expect(stranger.statusCode).toBe(429);
      expect(stranger.json().code).toBe('LINLI_ERR_RATE_LIMITED');
      // The owner, at home, is not refused.
      expect((await loginFrom('198.51.100.1', 'grid.yongfu1', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('does not let one address lock a whole office out: known users still log in from it', async () => {
      expect((await loginFrom('192.0.2.50', 'staff.yongfu', TEST_PASSWORD)).statusCode).toBe(200);
      // Someone in the same office tries 40 accounts that do not exist.
      for (let i = 0; i < 30; i++) await loginFrom('192.0.2.50', `nobody${i}`, 'whatever-123');
      expect((await loginFrom('192.0.2.50', 'nobody-else', 'whatever-123')).statusCode).toBe(429);
      expect((await loginFrom('192.0.2.50', 'staff.yongfu', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('says in retry-after how much of the configured window is left', async () => {
      for (let i = 0; i < 5; i++) expect((await loginFrom('203.0.113.30', 'branch.hepan', 'wrong-password')).statusCode).toBe(401);
      server.clock.advance({ minutes: 4 });
      const limited = await loginFrom('203.0.113.30', 'branch.hepan', TEST_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe(String(11 * 60));
      expect(limited.json().message).toContain(String(11 * 60));
      server.clock.advance({ minutes: 11 });
      expect((await loginFrom('203.0.113.30', 'branch.hepan', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('believes X-Forwarded-For only from a trusted proxy', async () => {
      // Not from a trusted proxy: the header is ignored, and every guess counts against the socket's address.
      const direct = (fake: string) =>
        server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.77', headers: { 'x-forwarded-for': fake }, payload: { username: 'dept.cgj', password: 'wrong-password' } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await direct(`10.9.9.${i}`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('limits anonymous traffic per address and authenticated traffic per session, with retry-after', async () => {
      const anon = (address: string) => server.app.inject({ method: 'GET', url: '/api/config', headers: { 'x-forwarded-for': address } });
      const statuses: number[] = [];
      for (let i = 0; i < 62; i++) statuses.push((await anon('198.51.100.99')).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(60);
      const limited = await anon('198.51.100.99');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('LINLI_ERR_RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Another address is not affected.
      expect((await anon('198.51.100.98')).statusCode).toBe(200);
      // A made-up token does not buy a fresh allowance.
      const bogus = await server.app.inject({ method: 'GET', url: '/api/config', headers: { 'x-forwarded-for': '198.51.100.99', authorization: 'Bearer made-up' } });
      expect(bogus.statusCode).toBe(429);
      // A session has its own, larger allowance.
      const login = await loginFrom('198.51.100.97', 'command', TEST_PASSWORD);
      const auth = { authorization: `Bearer ${login.json().token}`, 'x-forwarded-for': '198.51.100.99' };
      const mine: number[] = [];
      for (let i = 0; i < 81; i++) mine.push((await server.app.inject({ method: 'GET', url: '/api/me', headers: auth })).statusCode);
      expect(mine.filter((s) => s === 200)).toHaveLength(80);
      expect(mine.at(-1)).toBe(429);
    });

    it('refuses deeply nested JSON with a 400 and a path on every JSON route, the anonymous login included', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const grid = await server.login('grid.yongfu1');
      for (const url of ['/api/auth/login', '/api/tickets']) {
        const res = await server.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.60', authorization: `Bearer ${grid.token}` }, payload: deep });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('LINLI_ERR_VALIDATION');
        expect(res.json().details[0].path).toMatch(/^\/body\//);
      }
    });

    it('refuses lone UTF-16 surrogates and numbers that overflow, with a 400 and the path', async () => {
      const grid = await server.login('grid.yongfu1');
      const hepan = await orgId(server, 'hepan');
      const raw = (body: string) => grid.request('POST', '/api/tickets', body, { 'content-type': 'application/json' });
      const surrogate = await raw(`{"workflow":"grid-request","orgId":"${hepan}","data":{"title":"路灯\\ud800","category":"公共设施","description":"东门两盏路灯一周没亮，晚上出行不安全。"}}`);
      expect(surrogate.status).toBe(400);
      expect(surrogate.body.details[0].path).toBe('/body/data/title');
      for (const n of ['1e309', '9'.repeat(400), '-1e400']) {
        const res = await raw(`{"workflow":"grid-request","orgId":"${hepan}","data":{"title":"t","category":"公共设施","description":"d","extra":${n}}}`);
        expect(res.status, n).toBe(400);
        expect(res.body.details[0].path).toBe('/body/data/extra');
      }
      // A string coerced into a number by validation is checked after it.
      const query = await grid.get('/api/tickets?limit=1e309');
      expect(query.status).toBe(400);
    });

    it('names its limit in the 413 message', async () => {
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.61' }, payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) }) });
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toContain('1048576');
    });

    it('sends HSTS over HTTPS only', async () => {
      const plain = await server.app.inject({ method: 'GET', url: '/healthz' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      const tls = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });

    it('keeps a client request id only when it is a plain token, and never echoes anything else', async () => {
      const hostile = '<script>alert(1)</script>';
      const res = await server.app.inject({ method: 'GET', url: '/api/nowhere', headers: { 'x-request-id': hostile } });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('<script>');
      expect(res.headers['x-request-id'] ?? '').not.toContain('<');
      const long = 'a'.repeat(65);
      expect(JSON.stringify(res.headers)).not.toContain(long);
    });
  });
}

describe('input guards', () => {
  it('measures nesting on the raw text, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 3)).toBeNull();
    expect(jsonDepthExceeds('[[[[1]]]]', 3)).not.toBeNull();
    expect(jsonDepthExceeds('{"a":"\\"[[[[["}', 2)).toBeNull();
  });

  it('finds what cannot be stored, with its pointer', () => {
    expect(findUnstorable({ a: [1, { b: Infinity }] }, '')).toMatchObject({ path: '/a/1/b' });
    expect(findUnstorable({ a: 2 ** 60 }, '')).toMatchObject({ path: '/a' });
    expect(findUnstorable({ ok: '𠮷野家🧧', n: 1.5 }, '')).toBeNull();
    expect(findUnstorable({ s: 'x\udc00' }, '')).toMatchObject({ path: '/s' });
    expect(findUnstorable(Buffer.from([0xff, 0xd8]), '')).toBeNull();
  });
});

