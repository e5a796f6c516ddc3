import type { Selectable } from '@linli/sdk';
import { groups, type Group } from '../groups.js';
import { parseId, type Db, type SessionsTable, type SessionStatus } from './tables.js';

export type SessionRow = Selectable<SessionsTable>;
export const openStatuses: readonly SessionStatus[] = ['scheduled', 'held'];

export async function getSession(db: Db, id: string | number, opts: { forUpdate?: boolean } = {}): Promise<SessionRow | undefined> {
  const n = parseId(id);
  if (n === null) return undefined;
  let q = db.selectFrom('wdh_sessions').selectAll().where('id', '=', n);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function sessionOn(db: Db, compoundOrgId: number, date: string): Promise<SessionRow | undefined> {
  return db.selectFrom('wdh_sessions').selectAll().where('compound_org_id', '=', compoundOrgId).where('session_date', '=', date).executeTakeFirst();
}

/** Sessions of these compounds, newest first. */
export async function listSessions(db: Db, compoundIds: number[], opts: { status?: SessionStatus | undefined; limit: number }): Promise<SessionRow[]> {
  if (compoundIds.length === 0) return [];
  let q = db.selectFrom('wdh_sessions').selectAll().where('compound_org_id', 'in', compoundIds).orderBy('session_date', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.execute();
}

export interface Attendance {
  present: number;
  names: string | null;
}

export async function participantsOf(db: Db, sessionIds: number[]): Promise<Map<number, Map<Group, Attendance>>> {
  const out = new Map<number, Map<Group, Attendance>>();
  if (sessionIds.length === 0) return out;
  const rows = await db.selectFrom('wdh_participants').select(['session_id', 'stakeholder_group', 'present', 'names']).where('session_id', 'in', sessionIds).execute();
  for (const r of rows) {
    const m = out.get(r.session_id) ?? new Map<Group, Attendance>();
    m.set(r.stakeholder_group as Group, { present: r.present, names: r.names });
    out.set(r.session_id, m);
  }
  return out;
}

/** Everyone present, over all groups: the most votes a topic can get at this session. */
export const presentTotal = (a: ReadonlyMap<Group, Attendance> | undefined): number => groups.reduce((s, g) => s + (a?.get(g)?.present ?? 0), 0);

/** Replaces the sign-in sheet: one row per group, a group left out had nobody present. */
export async function saveParticipants(db: Db, sessionId: number, sheet: Record<Group, Attendance>, by: number, at: Date): Promise<void> {
  await db.deleteFrom('wdh_participants').where('session_id', '=', sessionId).execute();
  await db
    .insertInto('wdh_participants')
    .values(groups.map((g) => ({ session_id: sessionId, stakeholder_group: g, present: sheet[g].present, names: sheet[g].names, recorded_by: by, recorded_at: at })))
    .execute();
}
