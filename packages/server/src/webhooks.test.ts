import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deadLetters } from '@linli/jobs';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationCity } from './test-escalation-city.js';
import { orgId, requestData } from './test-support.js';

const SECRET = 'webhook-secret-for-tests-0123';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: /ok answers 204, /flaky fails twice then answers, /slow never answers. */
async function receiver(): Promise<{ server: Server; base: string; received: Received[] }> {
  const received: Received[] = [];
  let flakyFailures = 2;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/slow') return; // hangs until the sender gives up
      if (req.url === '/flaky' && flakyFailures-- > 0) {
        res.statusCode = 503;
        return res.end('try later');
      }
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

for (const backend of testBackends()) {
  describe(`webhook notifications on ${backend.name}`, () => {
    let server: TestServer;
    let hook: Awaited<ReturnType<typeof receiver>>;
    beforeAll(async () => {
      hook = await receiver();
      const config = escalationCity({
        notifications: {
          webhooks: [
            { id: 'ops', url: `${hook.base}/ok`, secret: SECRET, events: ['ticket.whistle', 'escalation.reported'] },
            { id: 'flaky', url: `${hook.base}/flaky`, secret: SECRET, events: ['ticket.whistle'], backoffSeconds: 10, maxAttempts: 5 },
            { id: 'slow', url: `${hook.base}/slow`, secret: SECRET, events: ['*'], timeoutMs: 300, backoffSeconds: 1, maxAttempts: 2 },
          ],
        },
      });
      server = await startTestServer({ config, plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 365 });
    });
    afterAll(async () => {
      await server?.close();
      hook.server.closeAllConnections();
      await new Promise((r) => hook.server.close(r));
    });

    it('signs each delivery, retries with backoff, dead-letters what never answers, and never holds up a request', async () => {
      server.clock.set('2026-11-24T01:00:00Z');
      const hepan = await orgId(server, 'hepan');
      const resident = await server.login('resident.hepan');
      const t = (await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() })).body;
      const slowBefore = hook.received.filter((r) => r.path === '/slow').length;

      // The whistle answers without waiting on any receiver: deliveries are jobs, run later by the worker,
      // so when the answer arrives not one of them has been attempted (an event, not a stopwatch).
      const branch = await server.login('branch.hepan');
      const whistle = await branch.post(`/api/tickets/${t.id}/whistle`, { reason: '需要多部门联合处置' });
      expect(whistle.status).toBe(201);
      expect(hook.received.filter((r) => r.path !== '/slow')).toEqual([]);
      expect(hook.received.filter((r) => r.path === '/slow')).toHaveLength(slowBefore);
      const seq = (await branch.get(`/api/tickets/${t.id}`)).body.ticket.version;

      const first = await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(first).toMatchObject({ done: 1, retried: 2, dead: 0 });
      const ok = hook.received.find((r) => r.path === '/ok')!;
      expect(ok.headers).toMatchObject({ 'content-type': 'application/json', 'x-linli-event': 'ticket.whistle', 'x-linli-delivery': `webhook:ops:${t.id}:${seq}` });
      // The receiver checks HMAC-SHA256 over "<timestamp>.<body>" with the shared secret.
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${ok.headers['x-linli-timestamp']}.${ok.body}`).digest('hex')}`;
      expect(ok.headers['x-linli-signature']).toBe(expected);
      expect(createHmac('sha256', 'another-secret').update(`${ok.headers['x-linli-timestamp']}.${ok.body}`).digest('hex')).not.toBe(expected.slice(7));
      const payload = JSON.parse(ok.body);
      expect(payload).toMatchObject({ id: `${t.id}:${seq}`, event: 'ticket.whistle', city: 'tianchang', ticket: { id: t.id, state: 'collected' }, data: { reason: '需要多部门联合处置' } });
      expect(payload.data.targets.map((x: { orgName: string }) => x.orgName)).toContain('永福社区联合党委');

      // Backoff: the flaky receiver is tried again 10 s later (not before), then 20 s after that.
      const flaky = () => hook.received.filter((r) => r.path === '/flaky');
      server.clock.advance({ minutes: 0.15 }); // 9 s: only the slow receiver's second (and last) attempt is due
      expect(await server.app.linli.jobs.runDueJobs(server.clock.now())).toMatchObject({ done: 0, retried: 0, dead: 1 });
      expect(flaky()).toHaveLength(1);
      server.clock.set(new Date(new Date('2026-11-24T01:00:00Z').getTime() + 10_000));
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(flaky()).toHaveLength(2);
      server.clock.set(new Date(new Date('2026-11-24T01:00:00Z').getTime() + 30_000));
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(flaky()).toHaveLength(3);
      // Every attempt sent the same delivery id and body, so a receiver can drop duplicates.
      expect(new Set(flaky().map((r) => r.headers['x-linli-delivery']))).toEqual(new Set([`webhook:flaky:${t.id}:${seq}`]));
      expect(new Set(flaky().map((r) => r.body)).size).toBe(1);

      // The receiver that never answers is dead-lettered after its 2 attempts.
      const dead = (await deadLetters(server.database.db, 50)).filter((d) => d.key?.startsWith('webhook:slow:'));
      expect(dead.map((d) => [d.key, d.attempts])).toContainEqual([`webhook:slow:${t.id}:${seq}`, 2]);
      expect(dead.find((d) => d.key === `webhook:slow:${t.id}:${seq}`)?.lastError).toMatch(/timeout|abort/i);
      expect(hook.received.filter((r) => r.path === '/slow').length - slowBefore).toBeGreaterThanOrEqual(2);

      // The city's administrator sees it through the API (without its payload) and queues it again; nobody else may.
      const admin = await server.login('admin');
      const listed = await admin.get('/api/admin/dead-jobs?limit=50');
      expect(listed.status).toBe(200);
      const slowJob = listed.body.items.find((j: { key: string }) => j.key === `webhook:slow:${t.id}:${seq}`);
      expect(slowJob).toMatchObject({ kind: expect.any(String), attempts: 2, maxAttempts: 2, lastError: expect.stringMatching(/timeout|abort/i) });
      expect(slowJob).not.toHaveProperty('payload');
      expect((await (await server.login('secretary.yongfu')).get('/api/admin/dead-jobs')).body.code).toBe('LINLI_ERR_FORBIDDEN');
      expect((await admin.post(`/api/admin/dead-jobs/${slowJob.id}/retry`)).status).toBe(204);
      expect((await admin.post(`/api/admin/dead-jobs/${slowJob.id}/retry`)).body.code).toBe('LINLI_ERR_NOT_FOUND');
      expect((await deadLetters(server.database.db, 50)).map((d) => d.id)).not.toContain(Number(slowJob.id));
      const logged = await server.database.db.selectFrom('linli_audit_log').select(['action', 'subject_id']).where('action', '=', 'job.retry').execute();
      expect(logged).toEqual([{ action: 'job.retry', subject_id: slowJob.id }]);

      // A report goes to the hook that subscribes to it.
      const escalations = (await branch.get(`/api/tickets/${t.id}/escalations`)).body.items;
      const party = escalations.find((e: { orgName: string }) => e.orgName === '永福社区联合党委');
      expect((await (await server.login('secretary.yongfu')).post(`/api/tickets/${t.id}/escalations/${party.id}/report`, { note: '已到场' })).status).toBe(200);
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(hook.received.filter((r) => r.path === '/ok').map((r) => r.headers['x-linli-event'])).toEqual(['ticket.whistle', 'escalation.reported']);
    });
  });
}
