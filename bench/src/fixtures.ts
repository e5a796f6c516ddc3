import type { CoreTables } from '@linli/db';
import { encodeCursor, jsonb } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * Who does what in the benchmark, in the example city (examples/tianchang):
 * the secretary of 永福社区 files and moves tickets, a community staff member
 * reads her community's queue, the command centre reads the whole city's, and
 * the administrator opens the dashboards.
 */
export const users = {
  writer: 'secretary.yongfu',
  communityReader: 'staff.yongfu',
  cityReader: 'command',
  dashboard: 'admin',
} as const;

export const orgKeys = { community: 'yongfu', street: 'guangling', city: 'tianchang' } as const;

/** The queue the list phases read: dispatched requests, spread over two years because a few get stuck. */
export const QUEUE_STATE = 'dispatched';
export const PAGE = 20;

export interface WorkTicket {
  id: number;
  version: number;
  state: 'sorted' | 'handled';
}

export interface Fixtures {
  personId: Record<keyof typeof users, number>;
  org: Record<keyof typeof orgKeys, { id: number; path: string }>;
  /** Orgs under the community where new tickets are filed, in turn. */
  createOrgs: { id: number; path: string }[];
  /** The oldest page of each queue: a cursor that makes the query walk to the bottom of the index. */
  deepCursor: { community: string | null; city: string | null };
}

export async function loadFixtures(db: Kysely<CoreTables>): Promise<Fixtures> {
  const people = await db.selectFrom('linli_people').select(['id', 'username']).where('username', 'in', Object.values(users)).execute();
  const personId = Object.fromEntries(
    Object.entries(users).map(([k, u]) => {
      const p = people.find((r) => r.username === u);
      if (!p) throw new Error(`The bench expects the example city's person "${u}" (examples/tianchang/linli.config.json).`);
      return [k, p.id];
    }),
  ) as Fixtures['personId'];
  const orgs = await db.selectFrom('linli_orgs').select(['id', 'key', 'path', 'type']).execute();
  const org = Object.fromEntries(
    Object.entries(orgKeys).map(([k, key]) => {
      const o = orgs.find((r) => r.key === key);
      if (!o) throw new Error(`The bench expects the example city's org "${key}".`);
      return [k, { id: o.id, path: o.path }];
    }),
  ) as Fixtures['org'];
  const createOrgs = orgs.filter((o) => (o.type === 'compound' || o.type === 'building') && o.path.startsWith(org.community.path)).map((o) => ({ id: o.id, path: o.path }));
  return {
    personId,
    org,
    createOrgs,
    deepCursor: { community: await oldestPageCursor(db, org.community.path), city: await oldestPageCursor(db, org.city.path) },
  };
}

async function oldestPageCursor(db: Kysely<CoreTables>, path: string): Promise<string | null> {
  // The id just above the oldest page's rows: the query has to reach the very bottom of the queue.
  const rows = await db
    .selectFrom('linli_tickets')
    .select('id')
    .where('state', '=', QUEUE_STATE)
    .where('org_path', 'like', `${path}%`)
    .orderBy('id', 'asc')
    .limit(PAGE + 5)
    .execute();
  return rows.length >= 2 ? encodeCursor(rows[rows.length - 1]!.id) : null;
}

/**
 * Tickets the transition phases move back and forth (sorted ⇄ handled: solve
 * in the grid, then the reporter reopens it), filed by the writer so she may
 * take both steps. Each run makes fresh ones, one set per side (raw, API).
 */
export async function createWorkTickets(db: Kysely<CoreTables>, fx: Fixtures, count: number): Promise<WorkTicket[]> {
  const now = new Date();
  const out: WorkTicket[] = [];
  for (let done = 0; done < count; done += 500) {
    const n = Math.min(500, count - done);
    const rows = Array.from({ length: n }, (_, i) => {
      const org = fx.createOrgs[(done + i) % fx.createOrgs.length]!;
      const data = { title: '楼道灯不亮', category: '公共设施', description: '5栋2单元楼道灯坏了，晚上看不见。' };
      return { org, data };
    });
    const tickets = await db
      .insertInto('linli_tickets')
      .values(
        rows.map(({ org, data }) => ({
          workflow: 'grid-request',
          state: 'sorted',
          version: 2,
          org_id: org.id,
          org_path: org.path,
          reporter_id: fx.personId.writer,
          title: data.title,
          data: jsonb(data),
          deadline: new Date(now.getTime() + 86_400_000),
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('linli_ticket_events')
      .values(
        tickets.flatMap((t, i) => [
          { ticket_id: t.id, seq: 1, action: 'create', from_state: null, to_state: 'collected', actor_id: fx.personId.writer, data: jsonb(rows[i]!.data), comment: null, created_at: now },
          { ticket_id: t.id, seq: 2, action: 'sort', from_state: 'collected', to_state: 'sorted', actor_id: fx.personId.writer, data: jsonb({ category: '公共设施', urgency: '缓' }), comment: null, created_at: now },
        ]),
      )
      .execute();
    out.push(...tickets.map((t) => ({ id: t.id, version: 2, state: 'sorted' as const })));
  }
  return out;
}
