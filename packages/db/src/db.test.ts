import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOrgTypes, type CityConfig } from '@linli/core';
import type { Database } from './connect.js';
import { migrateCore, migrateNamespace } from './migrate.js';
import { getOrgByKey, listOrgs } from './queries/orgs.js';
import { applyChange, getTicket, insertTicket, ticketEvents } from './queries/tickets.js';
import { syncCityStructure } from './seed.js';
import { testBackends } from './testing.js';
import type { CoreTables } from './schema.js';

const config: CityConfig = {
  name: 'mini',
  title: { 'zh-CN': '小城' },
  orgs: {
    key: 'city',
    type: 'city',
    name: '小城市',
    side: [{ key: 'cgj', type: 'department', name: '城管局' }],
    children: [
      {
        key: 's1',
        type: 'street',
        name: '一街道',
        children: [{ key: 'c1', type: 'community', name: '一社区', children: [{ key: 'x1', type: 'compound', name: '一小区' }] }],
      },
      { key: 's2', type: 'street', name: '二街道' },
    ],
  },
  grids: [{ key: 'g1', name: '一网格', org: 'c1', covers: ['x1'] }],
  people: [{ username: 'wang', name: '王', roles: [{ role: 'grid_worker', grid: 'g1' }, { role: 'community_secretary', org: 'c1' }] }],
};

for (const backend of testBackends()) {
  describe(`db on ${backend.name}`, () => {
    let database: Database<CoreTables>;
    beforeAll(async () => {
      database = await backend.open();
      await migrateCore(database.db);
    });
    afterAll(async () => database?.close());

    it('migrates once: a second run applies nothing', async () => {
      expect(await migrateCore(database.db)).toEqual([]);
    });

    it('syncs the city structure idempotently, with materialized paths', async () => {
      const first = await syncCityStructure(database.db, config, defaultOrgTypes, { passwordHash: 'x' });
      expect(first).toEqual({ orgs: 6, grids: 1, people: 1, roles: 2 });
      const second = await syncCityStructure(database.db, config, defaultOrgTypes, { passwordHash: 'x' });
      expect(second).toEqual({ orgs: 0, grids: 0, people: 0, roles: 0 });
      const city = await getOrgByKey(database.db, 'city');
      const compound = await getOrgByKey(database.db, 'x1');
      expect(compound?.path.startsWith(city!.path)).toBe(true);
      expect(compound?.depth).toBe(3);
      const s1 = await getOrgByKey(database.db, 's1');
      const subtree = await listOrgs(database.db, { path: s1!.path, limit: 50 });
      expect(subtree.items.map((o) => o.key).sort()).toEqual(['c1', 's1', 'x1']);
    });

    it('paginates orgs by keyset', async () => {
      const p1 = await listOrgs(database.db, { limit: 4 });
      expect(p1.items).toHaveLength(4);
      expect(p1.nextCursor).not.toBeNull();
      const p2 = await listOrgs(database.db, { limit: 4, cursor: p1.nextCursor! });
      expect(p2.items.map((o) => o.id)).not.toContain(p1.items[0]!.id);
      expect(p1.items.length + p2.items.length).toBe(6);
      expect(p2.nextCursor).toBeNull();
    });

    it('applies a change only at the expected version and keeps the history append-only', async () => {
      const x1 = (await getOrgByKey(database.db, 'x1'))!;
      const now = new Date('2026-11-24T08:00:00Z');
      const t = await database.db.transaction().execute((trx) =>
        insertTicket(trx, { workflow: 'w', state: 'new', orgId: Number(x1.id), orgPath: x1.path, reporterId: null, title: 't', data: { a: [1, 2] }, deadline: null, now, action: 'create' }),
      );
      expect(t.data).toEqual({ a: [1, 2] });
      const change = { action: 'go', fromState: 'new', toState: 'done', expectedVersion: 1, deadline: null, closedAt: now, eventData: null, comment: 'ok' };
      const moved = await database.db.transaction().execute((trx) => applyChange(trx, t, change, null, undefined, now));
      expect(moved?.version).toBe(2);
      const stale = await database.db.transaction().execute((trx) => applyChange(trx, t, change, null, undefined, now));
      expect(stale).toBeNull();
      const events = await ticketEvents(database.db, t.id);
      expect(events.map((e) => [e.seq, e.action, e.toState])).toEqual([[1, 'create', 'new'], [2, 'go', 'done']]);
      await expect(sql`update linli_ticket_events set comment = 'edited'`.execute(database.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from linli_ticket_events`.execute(database.db)).rejects.toThrow(/append-only/);
      expect((await getTicket(database.db, t.id))?.state).toBe('done');
    });

    it('rolls a failing migration back whole and keeps the ones before it', async () => {
      const migrations: Record<string, Migration> = {
        '001-ok': { up: async (db) => void (await sql`create table plug_ok (id int)`.execute(db)) },
        '002-bad': {
          up: async (db) => {
            await sql`create table plug_half (id int)`.execute(db);
            await sql`select * from no_such_table`.execute(db);
          },
        },
      };
      await expect(migrateNamespace(database.db, 'plug', migrations)).rejects.toMatchObject({ code: 'LINLI_ERR_MIGRATION_FAILED' });
      const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables where table_name like 'plug_%' and table_schema = current_schema()`.execute(database.db);
      expect(tables.rows.map((r) => r.t)).toEqual(['plug_ok']);
    });
  });
}
