import { defaultOrgTypes, type Actor, type CityConfig, type Ticket } from '@linli/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect.js';
import { migrateCore } from '../migrate.js';
import type { CoreTables } from '../schema.js';
import { syncCityStructure } from '../seed.js';
import { testBackends } from '../testing.js';
import { dashboardRows, ROLLUP_OVERDUE_ACTION } from './dashboard.js';
import { getOrgByKey } from './orgs.js';
import { appendTicketEvent } from './ticket-history.js';
import { applyChange, insertTicket } from './tickets.js';

const config: CityConfig = {
  name: 'mini',
  title: { 'zh-CN': '小城' },
  orgs: {
    key: 'city',
    type: 'city',
    name: '小城市',
    children: [
      { key: 's1', type: 'street', name: '一街道', children: [{ key: 'c1', type: 'community', name: '一社区', children: [{ key: 'x1', type: 'compound', name: '一小区' }] }] },
      { key: 's2', type: 'street', name: '二街道' },
    ],
  },
};

const actorAt = (orgId: string, path: string): Actor => ({
  personId: '999999',
  grants: [{ id: '1', role: 'staff', orgId, orgPath: path, scopePaths: [path], seesScope: true, admin: false }],
});

/**
 * The dashboard's running totals of closed tickets (migration 0004) must give
 * exactly what a full scan gives, whatever happens to the tickets: closing,
 * going overdue before or after closing, moving org, leaving a closed state.
 */
for (const backend of testBackends()) {
  describe(`dashboard totals on ${backend.name}`, () => {
    let database: Database<CoreTables>;
    const org: Record<string, { id: string; path: string }> = {};
    let clock = new Date('2026-11-01T00:00:00Z');
    const later = (hours: number) => (clock = new Date(clock.getTime() + hours * 3_600_000));

    const file = (key: string, workflow = 'w') =>
      database.db.transaction().execute((trx) =>
        insertTicket(trx, { workflow, state: 'new', orgId: Number(org[key]!.id), orgPath: org[key]!.path, reporterId: null, title: 't', data: {}, deadline: later(0), now: later(1), action: 'create' }),
      );
    const move = (t: Ticket, toState: string, closed: boolean) =>
      database.db.transaction().execute(async (trx) => {
        const change = { action: 'go', fromState: t.state, toState, expectedVersion: t.version, deadline: null, closedAt: closed ? later(0) : null, eventData: null, comment: null };
        return (await applyChange(trx, t, change, null, undefined, later(7)))!;
      });
    const overdue = (t: Ticket) =>
      database.db.transaction().execute(async (trx) => (await appendTicketEvent(trx, Number(t.id), { action: ROLLUP_OVERDUE_ACTION, actorId: null, data: null, comment: null, now: later(2) })).ticket);
    const rows = (actor: Actor, orgPath: string | undefined) => dashboardRows(database.db, actor, { now: clock, orgPath, overdueAction: ROLLUP_OVERDUE_ACTION });
    const totals = async () =>
      (await sql<{ org_id: number; workflow: string; state: string; closed: number; late: number; hours: string }>`
        select org_id, workflow, state, closed, late, trim_scale(hours_sum)::text as hours from linli_ticket_rollup where closed <> 0 or late <> 0 order by 1, 2, 3`.execute(database.db)).rows;

    beforeAll(async () => {
      database = await backend.open();
      await migrateCore(database.db);
      await syncCityStructure(database.db, config, defaultOrgTypes);
      for (const key of ['city', 's1', 'x1', 's2']) org[key] = (await getOrgByKey(database.db, key))!;

      const a = await file('x1');
      await move(await move(a, 'doing', false), 'done', true); // closed in time
      const b = await overdue(await move(await file('x1'), 'doing', false));
      await move(b, 'done', true); // overdue, then closed: late
      const c = await move(await file('s2', 'v'), 'done', true);
      await overdue(await overdue(c)); // closed, then two overdue events: late once
      await file('x1'); // open
      await overdue(await file('s2')); // open and overdue
      const d = await move(await file('x1'), 'done', true);
      await database.db.updateTable('linli_tickets').set({ org_id: Number(org.s2!.id), org_path: org.s2!.path }).where('id', '=', Number(d.id)).execute(); // a closed ticket moves org
      const e = await move(await file('x1'), 'done', true);
      await move(e, 'again', false); // and one leaves the closed state
    });
    afterAll(async () => database?.close());

    it('gives the figures of a full scan, for the whole city and for a subtree', async () => {
      const admin = actorAt(org.city!.id, org.city!.path);
      // With a subtree inside the viewer's scope the totals answer; without one, the scan does.
      const fast = await rows(admin, org.city!.path);
      expect(fast).toEqual(await rows(admin, undefined));
      expect(fast.find((r) => r.workflow === 'w' && r.state === 'done')).toMatchObject({ count: 3, closed: 3, closedInTime: 2 });
      expect(fast.find((r) => r.workflow === 'v' && r.state === 'done')).toMatchObject({ count: 1, closed: 1, closedInTime: 0 });
      expect(fast.find((r) => r.workflow === 'w' && r.state === 'new')).toMatchObject({ count: 2, open: 2, overdue: 2 });

      // A viewer scoped to the compound, asking for the street, is answered by the scan of what she may see.
      const compound = await rows(admin, org.x1!.path);
      expect(compound).toEqual(await rows(actorAt(org.x1!.id, org.x1!.path), org.s1!.path));
      expect(compound.reduce((s, r) => s + r.count, 0)).toBe(4);
    });

    it('keeps the totals equal to a rebuild from the tickets', async () => {
      const kept = await totals();
      await sql`select linli_ticket_rollup_rebuild()`.execute(database.db);
      expect(await totals()).toEqual(kept);
    });
  });
}
