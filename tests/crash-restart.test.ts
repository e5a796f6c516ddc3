import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@linli/db';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { api, built, exampleWith, serve as serveWith, stop } from './support.js';

// Only the generic closed loop: this test is about the core, not any practice.
const config = exampleWith({ 'grid-requests': {} });
const serve = (env: Record<string, string>, args: string[] = [], timeoutMs = 300_000) => serveWith(env, args, timeoutMs, config);

/**
 * Kills the server with SIGKILL in the middle of a write load, restarts it on
 * the same data, and checks that every write answered 2xx is there and that no
 * ticket exists without its creation event.
 */
interface Backend {
  name: string;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

const backends: Backend[] = [];
const dir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
backends.push({ name: 'file-backed PGlite', env: { LINLI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) });
const url = process.env.DATABASE_URL;
if (url) {
  const schema = `t_crash_${randomBytes(4).toString('hex')}`;
  backends.push({
    name: 'PostgreSQL',
    env: { DATABASE_URL: url, LINLI_DB_SCHEMA: schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  });
}

describe.skipIf(!built)('crash and restart', () => {
  afterAll(async () => {
    rmSync(config, { force: true });
    for (const b of backends) await b.cleanup();
  });

  for (const backend of backends) {
    it(`loses no acknowledged write on ${backend.name}`, async () => {
      const first = await serve(backend.env);
      const login = await api(first.url, '/api/auth/login', { method: 'POST', body: { username: 'grid.yongfu1', password: 'linli-demo' } });
      const token = login.body.token as string;
      const orgs = await api(first.url, '/api/orgs?type=compound&limit=200', { token });
      const hepan = orgs.body.items.find((o: { key: string }) => o.key === 'hepan').id;

      const acked: string[] = [];
      let stopLoad = false;
      const worker = async () => {
        while (!stopLoad) {
          try {
            const res = await api(first.url, '/api/tickets', { method: 'POST', token, body: { workflow: 'grid-request', orgId: hepan, data: { title: '压力测试', category: '其他', description: '崩溃恢复测试写入' } } });
            if (res.status === 201) acked.push(res.body.id);
          } catch {
            return; // the server died mid-request: that write was never acknowledged
          }
        }
      };
      let writing = 4;
      const load = Array.from({ length: writing }, () => worker().finally(() => writing--));
      // Killed mid-load once some writes are acknowledged (counted, not timed: a slow machine waits longer).
      while (acked.length < 20 && writing > 0) await new Promise((r) => setTimeout(r, 5));
      first.child.kill('SIGKILL');
      stopLoad = true;
      await Promise.all(load);
      await stop(first);
      expect(acked.length).toBeGreaterThanOrEqual(20);

      const second = await serve(backend.env);
      try {
        const relogin = await api(second.url, '/api/auth/login', { method: 'POST', body: { username: 'grid.yongfu1', password: 'linli-demo' } });
        const t2 = relogin.body.token as string;
        const listed = new Set<string>();
        let cursor: string | null = null;
        do {
          const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api(second.url, `/api/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: t2 });
          for (const t of page.body.items) listed.add(t.id);
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(acked.filter((id) => !listed.has(id)), 'acknowledged tickets missing after the crash').toEqual([]);
      } finally {
        expect(await stop(second)).toBe(0);
      }
      // No ticket without its creation event, and every ticket equal to its last event.
      const database = await openDatabase(backend.env.DATABASE_URL ? { url: backend.env.DATABASE_URL, schema: backend.env.LINLI_DB_SCHEMA } : { dataDir: backend.env.LINLI_DATA_DIR });
      try {
        const orphans = await sql<{ id: number }>`
          select t.id from linli_tickets t
          where not exists (select 1 from linli_ticket_events e where e.ticket_id = t.id and e.seq = 1 and e.action = 'create')
             or t.version <> (select count(*) from linli_ticket_events e where e.ticket_id = t.id)`.execute(database.db);
        expect(orphans.rows).toEqual([]);
      } finally {
        await database.close();
      }
    });
  }

  it('refuses to start on a damaged PGlite directory, with a clear message', async () => {
    const damaged = mkdtempSync(join(tmpdir(), 'linli-damaged-'));
    try {
      const first = await serve({ LINLI_DATA_DIR: join(damaged, 'data'), DATABASE_URL: '' });
      await stop(first);
      // Truncate the catalog files to garbage.
      const base = join(damaged, 'data', 'global');
      for (const f of readdirSync(base)) if (/^\d+$/.test(f)) writeFileSync(join(base, f), 'garbage');
      await expect(serve({ LINLI_DATA_DIR: join(damaged, 'data'), DATABASE_URL: '' }, [], 300_000)).rejects.toThrow(/LINLI_ERR_DATA_DIR_DAMAGED|LINLI_ERR_MIGRATION_FAILED/);
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });

  it('refuses a second server on the same PGlite directory', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'linli-lock-'));
    try {
      const first = await serve({ LINLI_DATA_DIR: join(shared, 'data'), DATABASE_URL: '' });
      try {
        await expect(serve({ LINLI_DATA_DIR: join(shared, 'data'), DATABASE_URL: '' }, [], 300_000)).rejects.toThrow(/LINLI_ERR_DATA_DIR_LOCKED/);
      } finally {
        await stop(first);
      }
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
