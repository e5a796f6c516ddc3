import { sql } from '@linli/sdk';
import type { Db, LedgerTable } from './tables.js';

/** Whose points: a registered member, or a co-building unit. */
export type Account = { memberId: number } | { unitOrgId: number };

export const accountOf = (e: { member_id: number | null; unit_org_id: number | null }): Account => (e.member_id !== null ? { memberId: e.member_id } : { unitOrgId: e.unit_org_id! });

const whereAccount = (a: Account) => ('memberId' in a ? sql<boolean>`member_id = ${a.memberId}` : sql<boolean>`unit_org_id = ${a.unitOrgId}`);

/** The only write the ledger takes: a new entry. */
export async function insertEntry(db: Db, row: Omit<LedgerTable, 'id'>): Promise<number> {
  const { id } = await db.insertInto('volunteer_points_ledger').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * Serializes writes to one account's points until the transaction ends, so two
 * corrections at once cannot both pass the "never below zero" check.
 */
export async function lockAccount(db: Db, a: Account): Promise<void> {
  const [space, id] = 'memberId' in a ? [1, a.memberId] : [2, a.unitOrgId];
  await sql`select pg_advisory_xact_lock(${space}::int, ${id}::int)`.execute(db);
}

/** A balance is derived from the ledger, never stored. */
export async function balanceOf(db: Db, a: Account): Promise<number> {
  const r = await db.selectFrom('volunteer_points_ledger').select(sql<number>`coalesce(sum(points), 0)::int`.as('n')).where(whereAccount(a)).executeTakeFirstOrThrow();
  return r.n;
}

export async function getEntry(db: Db, id: number) {
  return db.selectFrom('volunteer_points_ledger').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An entry's points with the corrections made to it so far. */
export async function netOfEntry(db: Db, id: number): Promise<number> {
  const r = await db
    .selectFrom('volunteer_points_ledger')
    .select(sql<number>`coalesce(sum(points), 0)::int`.as('n'))
    .where((eb) => eb.or([eb('id', '=', id), eb('corrects_id', '=', id)]))
    .executeTakeFirstOrThrow();
  return r.n;
}

export interface EntryView {
  id: number;
  kind: string;
  points: number;
  hours: number | null;
  occurred_at: Date;
  recorded_at: Date;
  org_id: number;
  org_name: string;
  member_id: number | null;
  unit_org_id: number | null;
  account_name: string;
  member_kind: string | null;
  ticket_id: number | null;
  activity_id: number | null;
  activity_title: string | null;
  corrects_id: number | null;
  note: string | null;
}

export interface LedgerFilter {
  scopes: string[];
  within?: string | undefined;
  start: Date;
  end: Date;
  memberIds?: number[];
  limit: number;
}

/** Entries in the scopes (prefix ranges on the org path) and the period, newest first. */
export async function listEntries(db: Db, f: LedgerFilter): Promise<EntryView[]> {
  if (!f.scopes.length && !f.memberIds?.length) return [];
  let q = db
    .selectFrom('volunteer_points_ledger as l')
    .innerJoin('linli_orgs as o', 'o.id', 'l.org_id')
    .leftJoin('volunteer_points_members as m', 'm.id', 'l.member_id')
    .leftJoin('linli_people as p', 'p.id', 'm.person_id')
    .leftJoin('linli_orgs as u', 'u.id', 'l.unit_org_id')
    .leftJoin('volunteer_points_activities as a', 'a.id', 'l.activity_id')
    .select(['l.id', 'l.kind', 'l.points', 'l.hours', 'l.occurred_at', 'l.recorded_at', 'l.org_id', 'o.name as org_name', 'l.member_id', 'l.unit_org_id'])
    .select([sql<string>`coalesce(p.display_name, u.name)`.as('account_name'), 'm.kind as member_kind', 'l.ticket_id', 'l.activity_id', 'a.title as activity_title', 'l.corrects_id', 'l.note'])
    .where('l.occurred_at', '>=', f.start)
    .where('l.occurred_at', '<', f.end)
    .where((eb) =>
      eb.or([
        ...f.scopes.map((p) => eb('l.org_path', 'like', `${p}%`)),
        ...(f.memberIds?.length ? [eb('l.member_id', 'in', f.memberIds)] : []),
      ]),
    );
  if (f.within) q = q.where('l.org_path', 'like', `${f.within}%`);
  return q.orderBy('l.occurred_at', 'desc').orderBy('l.id', 'desc').limit(f.limit).execute() as Promise<EntryView[]>;
}
