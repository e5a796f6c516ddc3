import { randomBytes } from 'node:crypto';
import { openDatabase } from '@linli/db';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, TEST_PASSWORD, type TestServer } from '@linli/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { migrateAll, seedCity } from './start.js';
import { loadDeployment } from '@linli/core';
import { SDK_VERSION } from '@linli/sdk';
import { exampleConfig, orgId, requestData } from './test-support.js';

for (const backend of testBackends()) {
  describe(`concurrent transitions on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
      hepan = await orgId(server, 'hepan');
    });
    afterAll(() => server?.close());

    it('lets exactly one of 50 concurrent transitions at the same version win; the rest get 409', async () => {
      const grid = await server.login('grid.yongfu1');
      const t = (await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() })).body;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          grid.post(`/api/tickets/${t.id}/transitions`, i % 2 ? { action: 'sort', version: 1, data: { category: '其他', urgency: '缓' } } : { action: 'reject', version: 1, comment: `重复 ${i}` }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'LINLI_ERR_VERSION_CONFLICT')).toBe(true);
      const detail = await grid.get(`/api/tickets/${t.id}`);
      expect(detail.body.events).toHaveLength(2);
      expect(detail.body.ticket.version).toBe(2);
    });

    it('keeps every ticket equal to the last event of its history after 1000 mixed concurrent requests', async () => {
      const grid = await server.login('grid.yongfu1');
      const staff = await server.login('staff.yongfu');
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) ids.push((await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData(`并发${i}`) })).body.id);
      const cgj = await orgId(server, 'tc-cgj');
      // A deterministic mix of steps, stale versions and reads.
      let seed = 42;
      const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 16) % n);
      const requests = Array.from({ length: 1000 }, () => {
        const id = ids[rand(ids.length)]!;
        const version = 1 + rand(3);
        switch (rand(5)) {
          case 0:
            return grid.post(`/api/tickets/${id}/transitions`, { action: 'sort', version, data: { category: '其他', urgency: '急' } });
          case 1:
            return staff.post(`/api/tickets/${id}/transitions`, { action: 'dispatch', version, data: { assigneeOrgId: cgj } });
          case 2:
            return grid.post(`/api/tickets/${id}/transitions`, { action: 'reject', version, comment: '不属实' });
          case 3:
            return grid.post(`/api/tickets/${id}/transitions`, { action: 'solve-in-grid', version, data: { result: '已协调解决' } });
          default:
            return grid.get(`/api/tickets/${id}`);
        }
      });
      const results = await Promise.all(requests);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      // Enough steps won for the check below to mean something (most lose on a stale version, as they should).
      const wins = results.filter((r) => r.status === 200 && 'state' in r.body).length;
      expect(wins).toBeGreaterThanOrEqual(30);
      expect(results.filter((r) => ![200, 403, 409].includes(r.status)).map((r) => r.body)).toEqual([]);

      const broken = await sql<{ id: number }>`
        select t.id from linli_tickets t
        join lateral (select to_state, seq, count(*) over () as n from linli_ticket_events e where e.ticket_id = t.id order by seq desc limit 1) last on true
        where t.id = any(${ids.map(Number)}::int[]) and (t.state <> last.to_state or t.version <> last.seq or last.n <> t.version)`.execute(server.database.db);
      expect(broken.rows).toEqual([]);
    });
  });
}

const url = process.env.DATABASE_URL;

/**
 * Two instances of the example city (grid requests only) on one PostgreSQL schema, the first migrating
 * and seeding it; the describe's afterAll closes them and drops the schema.
 */
function twoInstancesOnOneSchema(prefix: string) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
  return async (options: Partial<Parameters<typeof buildApp>[0]>) => {
    const deployment = loadDeployment(exampleConfig, { file: 'example', available: new Map([['grid-requests', gridRequestsPlugin]]), sdkVersion: SDK_VERSION });
    const plugins = [gridRequestsPlugin];
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ url, schema });
      if (i === 0) {
        await migrateAll(database, plugins);
        await seedCity(database, deployment, plugins, { demoPassword: TEST_PASSWORD, demoData: false });
      }
      const app = await buildApp({ ...options, deployment, database, plugins });
      closers.push(async () => (await app.close(), await database.close()));
      apps.push(app);
    }
    return apps as [(typeof apps)[0], (typeof apps)[0]];
  };
}

describe.skipIf(!url)('two server instances on one PostgreSQL', () => {
  const start = twoInstancesOnOneSchema('t_two');

  it('serves the same users and moves one ticket through both', async () => {
    // A long session cache: only the other instance's announcement can explain a refusal below.
    const [a, b] = await start({ sessionCacheMs: 60_000 });
    const login = await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid.yongfu1', password: TEST_PASSWORD } });
    const auth = { authorization: `Bearer ${login.json().token}` };
    const hepan = (await b.inject({ method: 'GET', url: '/api/orgs?type=compound&limit=200', headers: auth })).json().items.find((o: { key: string }) => o.key === 'hepan').id;
    const created = await b.inject({ method: 'POST', url: '/api/tickets', headers: auth, payload: { workflow: 'grid-request', orgId: hepan, data: requestData() } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const sorted = await a.inject({ method: 'POST', url: `/api/tickets/${id}/transitions`, headers: auth, payload: { action: 'sort', version: 1, data: { category: '其他', urgency: '急' } } });
    expect(sorted.statusCode).toBe(200);
    // The other instance sees the change at once and refuses the stale version.
    const stale = await b.inject({ method: 'POST', url: `/api/tickets/${id}/transitions`, headers: auth, payload: { action: 'reject', version: 1, comment: '重复' } });
    expect(stale.statusCode).toBe(409);
    const solved = await b.inject({ method: 'POST', url: `/api/tickets/${id}/transitions`, headers: auth, payload: { action: 'solve-in-grid', version: 2, data: { result: '已解决' } } });
    expect(solved.statusCode).toBe(200);
    const detail = await a.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: auth });
    expect(detail.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'sort', 'solve-in-grid']);
    // A role taken away on one instance is gone on the other, though it had the grants cached.
    const adminLogin = await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    const admin = { authorization: `Bearer ${adminLogin.json().token}` };
    const me = (await b.inject({ method: 'GET', url: '/api/me', headers: auth })).json();
    for (const role of me.roles) {
      expect((await a.inject({ method: 'DELETE', url: `/api/people/${me.id}/roles/${role.id}`, headers: admin })).statusCode).toBe(204);
    }
    const fileOne = async () => (await b.inject({ method: 'POST', url: '/api/tickets', headers: auth, payload: { workflow: 'grid-request', orgId: hepan, data: requestData() } })).statusCode;
    await expect.poll(fileOne, { timeout: 60_000 }).toBe(403);
    // Logging out on one instance revokes the session on both.
    expect((await b.inject({ method: 'POST', url: '/api/auth/logout', headers: admin })).statusCode).toBe(204);
    await expect.poll(async () => (await a.inject({ method: 'GET', url: '/api/me', headers: admin })).statusCode, { timeout: 60_000 }).toBe(401);
  });
});

describe.skipIf(!url)('the login limit across two instances on one PostgreSQL', () => {
  const start = twoInstancesOnOneSchema('t_login');

  it('checks at most the limit of 90 parallel guesses spread over both, the right password at #85 included', async () => {
    const apps = await start({ loginLimit: { perAccountAndAddress: 10, perAccount: 10, perAddress: 1000, windowMinutes: 15 } });
    const results = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        apps[i % 2]!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'owners.hepan', password: i === 84 ? TEST_PASSWORD : `guess-${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200 || s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(80);
    expect(statuses.filter((s) => ![200, 401, 429].includes(s))).toEqual([]);
  });
});
