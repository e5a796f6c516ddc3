import { pluginEventProblems } from '@linli/core';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { definePlugin, SDK_VERSION, type PluginContext } from '@linli/sdk';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinliServices } from './services/linli-services.js';
import { declaredPluginEvents } from './services/plugin-events.js';
import { exampleConfig } from './test-support.js';

/** What the listener's handler saw, per emit key: each payload it ran with. */
const heard = new Map<string, unknown[]>();
/** Emit keys whose handler fails, and how many times. */
const failing = new Map<string, number>();

const payloadSchema = { type: 'object', required: ['n'], properties: { n: { type: 'integer' } }, additionalProperties: false };

/** Announces `bell.rang` from a route, in the route's transaction — and can roll it back. */
const bell = definePlugin({
  name: 'bell',
  version: '0.1.0',
  sdk: `^${SDK_VERSION}`,
  title: { 'zh-CN': '铃', en: 'Bell' },
  events: [{ name: 'bell.rang', title: { 'zh-CN': '铃响了', en: 'The bell rang' }, payloadSchema }],
  routes(app, ctx) {
    app.post<{ Body: { key: string; n?: unknown; event?: string; rollback?: boolean } }>('/ring', { config: { policy: 'authenticated' } }, async (req) => {
      const { key, n = 1, event = 'bell.rang', rollback } = req.body;
      try {
        return await ctx.transaction(async (trx) => {
          const queued = await ctx.emit(trx, event, { n }, { key });
          if (rollback) throw new Error('the request failed after ringing');
          return { queued };
        });
      } catch (e) {
        return { error: (e as Error).message };
      }
    });
  },
});

/** Handles `bell.rang` (its optional dependency): writes in the job's transaction, records what it heard. */
const listener = definePlugin({
  name: 'listener',
  version: '0.1.0',
  sdk: `^${SDK_VERSION}`,
  title: { 'zh-CN': '听者', en: 'Listener' },
  optionalDependencies: ['bell'],
  on: [
    {
      event: 'bell.rang',
      maxAttempts: 2,
      async handler({ payload, trx, job, ctx }) {
        expect(ctx.name).toBe('listener');
        const left = failing.get(job.key) ?? 0;
        if (left > 0) {
          failing.set(job.key, left - 1);
          throw new Error('listener away');
        }
        await trx.selectFrom('linli_orgs').select('id').limit(1).execute();
        heard.set(job.key, [...(heard.get(job.key) ?? []), payload]);
      },
    },
  ],
});

const jobOf = (server: TestServer, key: string) => server.database.db.selectFrom('linli_jobs').selectAll().where('key', '=', `event:listener:bell.rang:${key}`).executeTakeFirst();

describe('declaring plugin events', () => {
  it('definePlugin refuses an event not named after the plugin, and a handler for a plugin that is no (optional) dependency', () => {
    expect(() => definePlugin({ ...bell, events: [{ name: 'other.rang', title: { 'zh-CN': 'x', en: 'x' } }] })).toThrow('Plugin "bell" declares the event "other.rang": events are named "bell.<event>".');
    expect(() => definePlugin({ ...listener, optionalDependencies: [] })).toThrow(
      'Plugin "listener" handles the event "bell.rang" of plugin "bell", which is neither in its dependencies nor in its optionalDependencies: add "bell" to one of them.',
    );
  });

  it('the config check refuses a handler for an event an enabled plugin does not declare, and one for a plugin that is no dependency', () => {
    const deaf = { ...listener, on: [{ event: 'bell.whistled' }] };
    expect(pluginEventProblems([bell, deaf])).toEqual([
      { plugin: 'listener', path: '/on/0/event', message: 'plugin "listener" subscribes to "bell.whistled", which plugin "bell" does not declare', expected: 'one of ["bell.rang"]' },
    ]);
    // The bell not enabled: its events never come, nothing to refuse.
    expect(pluginEventProblems([deaf])).toEqual([]);
    expect(pluginEventProblems([bell, { ...listener, optionalDependencies: [] }])[0]?.message).toContain('which is neither one of its dependencies nor of its optionalDependencies');
    expect(() => declaredPluginEvents([bell, deaf])).toThrow('which plugin "bell" does not declare');
  });
});

for (const backend of testBackends()) {
  describe(`plugin events through the SDK on ${backend.name}`, () => {
    let server: TestServer;
    const t0 = new Date('2026-12-01T02:00:00Z');
    const ring = async (body: Record<string, unknown>) => (await (await server.login('admin')).post('/api/plugins/bell/ring', body)).body;
    beforeAll(async () => {
      heard.clear();
      failing.clear();
      server = await startTestServer({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, bell: {}, listener: {} } }, plugins: [gridRequestsPlugin, bell, listener], backend });
      server.clock.set(t0.toISOString());
    });
    afterAll(() => server?.close());

    it('a handler is queued exactly when the emit commits, once per key; it runs with the payload', async () => {
      expect(await ring({ key: 'rolled-back', n: 1, rollback: true })).toEqual({ error: 'the request failed after ringing' });
      expect(await jobOf(server, 'rolled-back')).toBeUndefined();
      expect(await ring({ key: 'a', n: 1 })).toEqual({ queued: 1 });
      expect(await ring({ key: 'a', n: 2 })).toEqual({ queued: 0 });
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(heard.get('a')).toEqual([{ n: 1 }]);
      expect(heard.has('rolled-back')).toBe(false);
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(heard.get('a')).toEqual([{ n: 1 }]);
    });

    it('refuses an undeclared event and a payload that does not match, with a clear message', async () => {
      expect((await ring({ key: 'x', event: 'bell.whistled' })).error).toBe(`Plugin "bell" emits the event "bell.whistled", which it does not declare (it declares bell.rang): add { name: 'bell.whistled', title } to its events.`);
      expect((await ring({ key: 'x', n: 'one' })).error).toBe('Plugin "bell": the payload of event "bell.rang" (x) does not match its payloadSchema: /n must be integer.');
      expect(await jobOf(server, 'x')).toBeUndefined();
    });

    it('retries a failing handler, then dead-letters it like a core job', async () => {
      failing.set('flaky', 1);
      failing.set('broken', 99);
      await ring({ key: 'flaky', n: 3 });
      await ring({ key: 'broken', n: 4 });
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(await jobOf(server, 'flaky')).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('listener away') });
      await server.app.linli.jobs.runDueJobs(new Date(t0.getTime() + 10 * 60_000));
      expect(heard.get('flaky')).toEqual([{ n: 3 }]);
      expect(await jobOf(server, 'broken')).toMatchObject({ status: 'dead', attempts: 2 });
      expect(heard.has('broken')).toBe(false);
    });

    it('two instances on one database: each key emitted by both queues one handler, which runs once', async () => {
      const { deployment, database } = server;
      const other = createLinliServices({ deployment, database, plugins: [gridRequestsPlugin, bell, listener], now: server.clock.now, jobs: { workerId: 'instance-b' } });
      const keys = Array.from({ length: 20 }, (_, i) => `twice-${i}`);
      const through = (ctx: PluginContext) => Promise.all(keys.map((key) => ctx.transaction((trx) => ctx.emit(trx, 'bell.rang', { n: 5 }, { key }))));
      const [a, b] = await Promise.all([through(server.app.linli.pluginContext('bell')), through(other.pluginContext('bell'))]);
      expect([...a, ...b].reduce((s, n) => s + n, 0)).toBe(keys.length);
      const due = server.clock.now();
      const [ra, rb] = await Promise.all([server.app.linli.jobs.runDueJobs(due), other.jobs.runDueJobs(due)]);
      expect(ra.done + rb.done).toBe(keys.length);
      for (const key of keys) expect(heard.get(key), key).toEqual([{ n: 5 }]);
      await other.jobs.stop();
    });
  });

  describe(`plugin events when the emitting plugin is not enabled, on ${backend.name}`, () => {
    it('a city without the bell starts with the listener; nothing is queued for it', async () => {
      const server = await startTestServer({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, listener: {} } }, plugins: [gridRequestsPlugin, bell, listener], backend });
      try {
        expect(server.app.linli.jobs.kinds.some((k) => k.startsWith('event:'))).toBe(false);
      } finally {
        await server.close();
      }
    });
  });
}
