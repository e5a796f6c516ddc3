import { sql } from '@linli/sdk';
import type { Db, LedgerEntriesTable, MeetingsTable, PracticalMattersTable } from './tables.js';

export async function insertMeeting(db: Db, row: Omit<MeetingsTable, 'id'>): Promise<number> {
  return (await db.insertInto('red_property_meetings').values({ ...row, attendance: JSON.stringify(row.attendance) }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listMeetings(db: Db, compoundIds: number[]) {
  if (!compoundIds.length) return [];
  return db
    .selectFrom('red_property_meetings as m')
    .innerJoin('linli_orgs as o', 'o.id', 'm.compound_org_id')
    .select(['m.id', 'm.compound_org_id', 'o.name as compound_name', 'm.held_on', 'm.topic', 'm.subject', 'm.attendance', 'm.decision', 'm.recorded_at'])
    .where('m.compound_org_id', 'in', compoundIds)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

export async function getMeeting(db: Db, id: number) {
  return db.selectFrom('red_property_meetings').select(['id', 'compound_org_id']).where('id', '=', id).executeTakeFirst();
}

export async function upsertCompoundFile(db: Db, compoundId: number, compoundPath: string, facts: unknown, by: number, at: Date): Promise<void> {
  const values = { compound_org_id: compoundId, compound_path: compoundPath, facts: JSON.stringify(facts), updated_by: by, updated_at: at };
  await db
    .insertInto('red_property_compound_files')
    .values(values)
    .onConflict((oc) => oc.column('compound_org_id').doUpdateSet({ facts: values.facts, updated_by: by, updated_at: at }))
    .execute();
}

export async function compoundFiles(db: Db, compoundIds: number[]) {
  if (!compoundIds.length) return [];
  return db.selectFrom('red_property_compound_files').select(['compound_org_id', 'facts', 'updated_at']).where('compound_org_id', 'in', compoundIds).execute();
}

export async function insertLedgerEntry(db: Db, row: Omit<LedgerEntriesTable, 'id'>): Promise<number> {
  return (await db.insertInto('red_property_ledger_entries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Entries in date order (oldest first), so a running balance can be derived. */
export async function ledgerEntries(db: Db, compoundIds: number[]) {
  if (!compoundIds.length) return [];
  return db
    .selectFrom('red_property_ledger_entries as l')
    .innerJoin('linli_orgs as o', 'o.id', 'l.compound_org_id')
    .select(['l.id', 'l.compound_org_id', 'o.name as compound_name', 'l.kind', 'l.category', 'l.amount_fen', 'l.purpose', 'l.occurred_on', 'l.meeting_id', 'l.recorded_at'])
    .where('l.compound_org_id', 'in', compoundIds)
    .orderBy('l.occurred_on')
    .orderBy('l.id')
    .execute();
}

/** Income, expense and balance per compound, in fen. */
export async function ledgerTotals(db: Db, compoundIds: number[]): Promise<Map<number, { income: number; expense: number }>> {
  const out = new Map<number, { income: number; expense: number }>();
  if (!compoundIds.length) return out;
  const rows = await db
    .selectFrom('red_property_ledger_entries')
    .select([
      'compound_org_id',
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'income'), 0)`.as('income'),
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'expense'), 0)`.as('expense'),
    ])
    .where('compound_org_id', 'in', compoundIds)
    .groupBy('compound_org_id')
    .execute();
  for (const r of rows) out.set(r.compound_org_id, { income: Number(r.income), expense: Number(r.expense) });
  return out;
}

/** Serializes additions to one compound's list for one year, so two requests cannot both take the tenth place. */
export async function lockMatters(db: Db, compoundId: number, year: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${compoundId}, ${year})`.execute(db);
}

export async function openMatterCount(db: Db, compoundId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom('red_property_practical_matters')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('compound_org_id', '=', compoundId)
    .where('year', '=', year)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertMatter(db: Db, row: Omit<PracticalMattersTable, 'id' | 'status'>): Promise<number> {
  return (await db.insertInto('red_property_practical_matters').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function getMatter(db: Db, id: number) {
  return db.selectFrom('red_property_practical_matters').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function completeMatter(db: Db, id: number, result: string, at: Date): Promise<void> {
  await db.updateTable('red_property_practical_matters').set({ status: 'done', result, done_at: at }).where('id', '=', id).execute();
}

export async function listMatters(db: Db, compoundIds: number[], year?: number) {
  if (!compoundIds.length) return [];
  let q = db
    .selectFrom('red_property_practical_matters as m')
    .innerJoin('linli_orgs as o', 'o.id', 'm.compound_org_id')
    .select(['m.id', 'm.compound_org_id', 'o.name as compound_name', 'm.year', 'm.title', 'm.description', 'm.status', 'm.result', 'm.created_at', 'm.done_at'])
    .where('m.compound_org_id', 'in', compoundIds);
  if (year) q = q.where('m.year', '=', year);
  return q.orderBy('m.year', 'desc').orderBy('m.status', 'desc').orderBy('m.id').execute();
}

export async function openMattersByCompound(db: Db, compoundIds: number[], year: number): Promise<Map<number, number>> {
  if (!compoundIds.length) return new Map();
  const rows = await db
    .selectFrom('red_property_practical_matters')
    .select(['compound_org_id', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('compound_org_id', 'in', compoundIds)
    .where('year', '=', year)
    .where('status', '=', 'open')
    .groupBy('compound_org_id')
    .execute();
  return new Map(rows.map((r) => [r.compound_org_id, r.n]));
}
