import type { CasesTable, Db, SessionsTable, TeamTable } from './tables.js';

export type CaseRow = CasesTable;
export type TeamRow = TeamTable & { name: string };
export type SessionRow = Omit<SessionsTable, 'id'> & { id: number; recorded_by_name: string; absent_name: string | null };

export const getCase = (db: Db, ticketId: number) => db.selectFrom('dispute_mediation_cases').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
export const insertCase = (db: Db, row: CaseRow) => db.insertInto('dispute_mediation_cases').values(row).execute();
export const updateCase = (db: Db, ticketId: number, patch: Partial<CaseRow>) => db.updateTable('dispute_mediation_cases').set(patch).where('ticket_id', '=', ticketId).execute();

export async function teamOf(db: Db, ticketId: number): Promise<TeamRow[]> {
  return db
    .selectFrom('dispute_mediation_team as t')
    .innerJoin('linli_people as p', 'p.id', 't.person_id')
    .select(['t.ticket_id', 't.person_id', 't.pool_key', 't.pool_title', 't.lead', 't.compound_path', 'p.display_name as name'])
    .where('t.ticket_id', '=', ticketId)
    .orderBy('t.lead', 'desc')
    .orderBy('p.display_name')
    .execute();
}

export const insertTeam = (db: Db, rows: TeamTable[]) => db.insertInto('dispute_mediation_team').values(rows).execute();

export async function sessionsOf(db: Db, ticketId: number): Promise<SessionRow[]> {
  return db
    .selectFrom('dispute_mediation_sessions as s')
    .innerJoin('linli_people as p', 'p.id', 's.recorded_by')
    .leftJoin('linli_people as a', 'a.id', 's.absent_person_id')
    .selectAll('s')
    .select(['p.display_name as recorded_by_name', 'a.display_name as absent_name'])
    .where('s.ticket_id', '=', ticketId)
    .orderBy('s.held_on')
    .orderBy('s.id')
    .execute() as Promise<SessionRow[]>;
}

export const insertSession = (db: Db, row: Omit<SessionsTable, 'id'>) => db.insertInto('dispute_mediation_sessions').values(row).returning('id').executeTakeFirstOrThrow();

export async function sessionCount(db: Db, ticketId: number): Promise<number> {
  const r = await db.selectFrom('dispute_mediation_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', ticketId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Cases in any of the paths, or on whose team the person is; with their compound's, company's and referral org's names. */
export async function listCases(db: Db, paths: readonly string[], personId: number, within?: string) {
  let q = db
    .selectFrom('dispute_mediation_cases as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
    .leftJoin('linli_orgs as co', 'co.id', 'c.company_org_id')
    .leftJoin('linli_orgs as r', 'r.id', 'c.referral_org_id')
    .selectAll('c')
    .select(['o.name as compound_name', 'co.name as company_name', 'r.name as referral_org_name'])
    .select((eb) => eb.selectFrom('dispute_mediation_sessions as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.ticket_id', '=', 'c.ticket_id').as('sessions'))
    .where((eb) =>
      eb.or([
        ...paths.map((p) => eb('c.compound_path', 'like', `${p}%`)),
        eb('c.ticket_id', 'in', eb.selectFrom('dispute_mediation_team').select('ticket_id').where('person_id', '=', personId)),
      ]),
    );
  if (within) q = q.where('c.compound_path', 'like', `${within}%`);
  return q.orderBy('c.filed_at', 'desc').limit(500).execute();
}

export async function teamsOf(db: Db, ticketIds: number[]): Promise<Map<number, TeamRow[]>> {
  const out = new Map<number, TeamRow[]>();
  if (!ticketIds.length) return out;
  const rows = await db
    .selectFrom('dispute_mediation_team as t')
    .innerJoin('linli_people as p', 'p.id', 't.person_id')
    .select(['t.ticket_id', 't.person_id', 't.pool_key', 't.pool_title', 't.lead', 't.compound_path', 'p.display_name as name'])
    .where('t.ticket_id', 'in', ticketIds)
    .orderBy('t.lead', 'desc')
    .execute();
  for (const r of rows) out.set(r.ticket_id, [...(out.get(r.ticket_id) ?? []), r]);
  return out;
}

export const orgById = (db: Db, id: number) => db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'kind', 'name', 'path', 'parent_id']).where('id', '=', id).executeTakeFirst();
export const orgByPath = (db: Db, path: string) => db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'name', 'path', 'parent_id']).where('path', '=', path).executeTakeFirst();
