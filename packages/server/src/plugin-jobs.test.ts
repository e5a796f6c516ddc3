import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { definePlugin, SDK_VERSION, type PluginContext } from '@linli/sdk';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinliServices } from './services/linli-services.js';
import { declaredPluginJobs } from './services/plugin-jobs.js';
import { exampleConfig } from './test-support.js';

/** What the pinger's handler saw, per key: how often it ran and in which attempt. */
const runs = new Map<string, number[]>();
/** Keys whose handler fails, and how many times. */
const failing = new Map<string, number>();

/**
 * A plugin that schedules a job from a route, in the route's transaction —
 * and can roll it back, schedule an undeclared kind or a bad payload, cancel.
 */
const pinger = definePlugin({
  name: 'pinger',
  version: '0.1.0',
  sdk: `^${SDK_VERSION}`,
  title: { 'zh-CN': '提醒', en: 'Pinger' },
  jobs: [
    {
      kind: 'pinger.ping',
      maxAttempts: 3,
      payloadSchema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } }, additionalProperties: false },
      async handler({ payload, trx, job }) {
        const left = failing.get(job.key) ?? 0;
        if (left > 0) {
          failing.set(job.key, left - 1);
          throw new Error('receiver away');
        }
        // The handler writes in the job's transaction, like any real one.
        await trx.selectFrom('linli_orgs').select('id').limit(1).execute();
        runs.set(job.key, [...(runs.get(job.key) ?? []), payload.n]);
      },
    },
  ],
  routes(app, ctx) {
    app.post<{ Body: { key: string; at: string; n?: unknown; kind?: string; rollback?: boolean; cancel?: boolean } }>('/ping', { config: { policy: 'authenticated' } }, async (req) => {
      const { key, at, n = 1, kind = 'pinger.ping', rollback, cancel } = req.body;
      try {
        return await ctx.transaction(async (trx) => {
          if (cancel) return { cancelled: await ctx.jobs.cancel(trx, key) };
          const scheduled = await ctx.jobs.schedule(trx, kind, { key, runAt: new Date(at), payload: { n } });
          if (rollback) throw new Error('the request failed after scheduling');
          return { scheduled };
        });
      } catch (e) {
        return { error: (e as Error).message };
      }
    });
  },
});

const jobOf = (server: TestServer, key: string) => server.database.db.selectFrom('linli_jobs').selectAll().where('key', '=', `plugin:pinger:${key}`).executeTakeFirst();

describe('declaring plugin jobs', () => {
  it('refuses at start a kind outside the plugin, or declared twice, naming both', () => {
    const bad = (kind: string) => ({ ...pinger, jobs: [{ kind, handler: async () => {} }] });
    expect(() => declaredPluginJobs([bad('other.ping')])).toThrow('Plugin "pinger" declares the job kind "other.ping": job kinds are named "pinger.<job>"');
    expect(() => declaredPluginJobs([{ ...pinger, jobs: [...pinger.jobs, ...pinger.jobs] }])).toThrow('declares the job kind "pinger.ping" twice');
    expect(() => definePlugin({ ...pinger, jobs: [{ kind: 'ping', handler: async () => {} }] })).toThrow('job kinds are named "pinger.<job>"');
  });
});

for (const backend of testBackends()) {
  describe(`plugin jobs through the SDK on ${backend.name}`, () => {
    let server: TestServer;
    const t0 = new Date('2026-12-01T02:00:00Z');
    const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000).toISOString();
    const ping = async (body: Record<string, unknown>) => (await (await server.login('admin')).post('/api/plugins/pinger/ping', body)).body;
    beforeAll(async () => {
      // Each backend starts from no runs: the handler's record is per process.
      runs.clear();
      failing.clear();
      server = await startTestServer({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, pinger: {} } }, plugins: [gridRequestsPlugin, pinger], backend });
      server.clock.set(t0.toISOString());
    });
    afterAll(() => server?.close());

    it('a job exists exactly when its transaction commits, once per key', async () => {
      expect(await ping({ key: 'rolled-back', at: later(10), rollback: true })).toEqual({ error: 'the request failed after scheduling' });
      expect(await jobOf(server, 'rolled-back')).toBeUndefined();
      expect(await ping({ key: 'a', at: later(10), n: 1 })).toEqual({ scheduled: true });
      expect(await ping({ key: 'a', at: later(20), n: 2 })).toEqual({ scheduled: false });
      expect(await jobOf(server, 'a')).toMatchObject({ kind: 'pinger.ping', status: 'pending', payload: { n: 1 }, max_attempts: 3 });
    });

    it('refuses an undeclared kind, a bad payload and a bad key with a clear message', async () => {
      expect((await ping({ key: 'x', at: later(1), kind: 'pinger.pong' })).error).toBe(
        `Plugin "pinger" schedules the job kind "pinger.pong", which it does not declare (it declares pinger.ping): add { kind: 'pinger.pong', handler } to its jobs.`,
      );
      expect((await ping({ key: 'x', at: later(1), kind: 'grid-requests.x' })).error).toContain('which it does not declare');
      expect((await ping({ key: 'x', at: later(1), n: 'one' })).error).toBe('Plugin "pinger": the payload of job "pinger.ping" (x) does not match its payloadSchema: /n must be integer.');
      expect((await ping({ key: '', at: later(1) })).error).toContain('a job key is a string of 1–200 characters');
      expect(await jobOf(server, 'x')).toBeUndefined();
    });

    it('runs when due on the movable clock, with its payload; a cancelled job never runs and frees its key', async () => {
      await ping({ key: 'b', at: later(30), n: 7 });
      await ping({ key: 'c', at: later(30), n: 8 });
      expect(await ping({ key: 'c', cancel: true })).toEqual({ cancelled: true });
      expect(await ping({ key: 'c', cancel: true })).toEqual({ cancelled: false });
      await server.app.linli.jobs.runDueJobs(new Date(later(15)));
      expect(runs.get('a')).toEqual([1]);
      expect(runs.get('b')).toBeUndefined();
      await server.app.linli.jobs.runDueJobs(new Date(later(30)));
      expect(runs.get('b')).toEqual([7]);
      expect(runs.get('c')).toBeUndefined();
      expect(await ping({ key: 'c', at: later(40), n: 9 })).toEqual({ scheduled: true });
    });

    it('retries a failing handler with backoff, then dead-letters it like a core job', async () => {
      failing.set('flaky', 1);
      failing.set('broken', 99);
      await ping({ key: 'flaky', at: later(50), n: 1 });
      await ping({ key: 'broken', at: later(50), n: 2 });
      await server.app.linli.jobs.runDueJobs(new Date(later(50)));
      expect(await jobOf(server, 'flaky')).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('receiver away') });
      // Backoff: 30 s, then 60 s.
      for (const minutes of [51, 52, 60]) await server.app.linli.jobs.runDueJobs(new Date(later(minutes)));
      expect(runs.get('flaky')).toEqual([1]);
      expect(await jobOf(server, 'broken')).toMatchObject({ status: 'dead', attempts: 3 });
      expect(runs.get('broken')).toBeUndefined();
    });

    it('two instances on one database: each key scheduled by both exists once, and its handler runs once', async () => {
      const { deployment, database } = server;
      const other = createLinliServices({ deployment, database, plugins: [gridRequestsPlugin, pinger], now: server.clock.now, jobs: { workerId: 'instance-b' } });
      const keys = Array.from({ length: 20 }, (_, i) => `twice-${i}`);
      // The same jobs scheduled through both instances' contexts at once.
      const through = (ctx: PluginContext) => Promise.all(keys.map((key) => ctx.transaction((trx) => ctx.jobs.schedule(trx, 'pinger.ping', { key, runAt: new Date(later(70)), payload: { n: 1 } }))));
      const [a, b] = await Promise.all([through(server.app.linli.pluginContext('pinger')), through(other.pluginContext('pinger'))]);
      expect(a.filter(Boolean).length + b.filter(Boolean).length).toBe(keys.length);
      const due = new Date(later(70));
      const [ra, rb] = await Promise.all([server.app.linli.jobs.runDueJobs(due), other.jobs.runDueJobs(due)]);
      expect(ra.done + rb.done).toBe(keys.length);
      for (const key of keys) expect(runs.get(key), key).toEqual([1]);
      await other.jobs.stop();
    });
  });
}
