import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { definePlugin, SDK_VERSION, sql, type LinliPlugin, type PluginContext } from '@linli/sdk';
import { startTestServer, testBackends } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { registrationView } from './plugin-phases.js';
import { exampleConfig } from './test-support.js';

const base = { version: '0.1.0', sdk: `^${SDK_VERSION}`, title: { 'zh-CN': '阶段', en: 'Phases' } } as const;
const cityWith = (p: LinliPlugin) => ({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, [p.name]: {} } }, plugins: [gridRequestsPlugin, p] });

describe('the context routes() gets', () => {
  it('throws on database, tickets and jobs while registering, and passes everything through afterwards', () => {
    const ctx = { name: 'p', options: { a: 1 }, db: 'db', transaction: 'transaction', tickets: 'tickets', jobs: 'jobs', now: () => new Date(0) } as unknown as PluginContext;
    const { view, done } = registrationView('p', ctx);
    expect(view.options).toEqual({ a: 1 });
    expect(view.now()).toEqual(new Date(0));
    for (const key of ['db', 'transaction', 'tickets', 'jobs'] as const) expect(() => view[key], key).toThrow(`Plugin "p": routes() must only declare routes, but it used ctx.${key} while registering them.`);
    done();
    for (const key of ['db', 'transaction', 'tickets', 'jobs'] as const) expect(view[key]).toBe(key);
  });
});

for (const backend of testBackends()) {
  describe(`a plugin's register and init phases on ${backend.name}`, () => {
    it('runs init after migrations and before routes are mounted; handlers then reach the database', async () => {
      const seen: string[] = [];
      const phases = definePlugin({
        ...base,
        name: 'phases',
        migrations: { '0001': { up: async (db) => void (await sql`create table phases_notes (id integer primary key, text text not null)`.execute(db)) } },
        async init(ctx) {
          // Its own table exists: migrations ran first. It writes; routes read what it wrote.
          await ctx.transaction((trx) => sql`insert into phases_notes values (1, 'warmed') on conflict (id) do nothing`.execute(trx));
          seen.push('init');
        },
        routes(app, ctx) {
          seen.push('routes');
          app.get('/note', { config: { policy: 'authenticated' } }, async () => (await sql<{ text: string }>`select text from phases_notes where id = 1`.execute(ctx.db)).rows[0]);
        },
      });
      const server = await startTestServer({ ...cityWith(phases), backend });
      try {
        expect(seen).toEqual(['init', 'routes']);
        expect((await (await server.login('admin')).get('/api/plugins/phases/note')).body).toEqual({ text: 'warmed' });
      } finally {
        await server.close();
      }
    });

    it('refuses to start a plugin whose routes() does I/O, naming it and where the I/O belongs', async () => {
      const eager = definePlugin({
        ...base,
        name: 'eager',
        async routes(_app, ctx) {
          await ctx.db.selectFrom('linli_orgs').select('id').execute();
        },
      });
      await expect(startTestServer({ ...cityWith(eager), backend })).rejects.toThrow(
        `Plugin "eager": routes() must only declare routes, but it used ctx.db while registering them. Move database work (checks, warming caches, syncing with the config) to the plugin's init(ctx)`,
      );
    });

    it('stops the start when init throws', async () => {
      const failing = definePlugin({
        ...base,
        name: 'failing',
        init() {
          throw new Error('the offices name an org this city lacks');
        },
      });
      await expect(startTestServer({ ...cityWith(failing), backend })).rejects.toThrow('the offices name an org this city lacks');
    });
  });
}
