import { sql, type Selectable } from '@linli/sdk';
import type { AgendaItemsTable, AgendaOutcome, Db, ProblemsTable } from './tables.js';

export type AgendaRow = Selectable<AgendaItemsTable> & Pick<Selectable<ProblemsTable>, 'title' | 'category' | 'urgency' | 'difficulty' | 'state' | 'raised_at' | 'office_id'> & { meeting_date: string };

// 先急后缓、先易后难: urgent before slow, then easy before hard, then oldest first.
const urgentFirst = sql<number>`case when p.urgency = '急' then 0 else 1 end`;
const easyFirst = sql<number>`case when p.difficulty = '易' then 0 else 1 end`;

/** The items of some meetings, each meeting's in agenda order. */
export async function agendaOf(db: Db, meetingIds: number[], opts: { outcome?: AgendaOutcome } = {}): Promise<AgendaRow[]> {
  if (meetingIds.length === 0) return [];
  let q = db
    .selectFrom('tlo_agenda_items as a')
    .innerJoin('tlo_problems as p', 'p.ticket_id', 'a.ticket_id')
    .innerJoin('tlo_meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select(['p.title', 'p.category', 'p.urgency', 'p.difficulty', 'p.state', 'p.raised_at', 'p.office_id', 'm.meeting_date'])
    .where('a.meeting_id', 'in', meetingIds)
    .orderBy('m.meeting_date')
    .orderBy('a.meeting_id')
    .orderBy(urgentFirst)
    .orderBy(easyFirst)
    .orderBy('p.raised_at')
    .orderBy('a.ticket_id');
  if (opts.outcome) q = q.where('a.outcome', '=', opts.outcome);
  return q.execute();
}

/** Where a problem waits for a decision, if anywhere: it waits on one agenda at a time. */
export async function pendingItem(db: Db, ticketId: number): Promise<{ meeting_id: number; meeting_date: string } | undefined> {
  return db
    .selectFrom('tlo_agenda_items as a')
    .innerJoin('tlo_meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.meeting_id', 'm.meeting_date'])
    .where('a.ticket_id', '=', ticketId)
    .where('a.outcome', '=', 'pending')
    .executeTakeFirst();
}

/** Puts a problem on a meeting's agenda (again, if it was taken off that same agenda before). */
export async function addItem(db: Db, meetingId: number, ticketId: number, now: Date): Promise<void> {
  await db
    .insertInto('tlo_agenda_items')
    .values({ meeting_id: meetingId, ticket_id: ticketId, added_at: now })
    .onConflict((oc) => oc.columns(['meeting_id', 'ticket_id']).doUpdateSet({ outcome: 'pending', decision: null, responsible_party: null, deadline: null, settled_at: null, added_at: now }))
    .execute();
}

/** Settles the problem's pending item (on `meetingId` when given); returns whether there was one. */
export async function settleItem(
  db: Db,
  ticketId: number,
  outcome: Exclude<AgendaOutcome, 'pending'>,
  now: Date,
  opts: { meetingId?: number; decision?: string; responsibleParty?: string; deadline?: Date | null } = {},
): Promise<boolean> {
  let q = db
    .updateTable('tlo_agenda_items')
    .set({ outcome, settled_at: now, decision: opts.decision ?? null, responsible_party: opts.responsibleParty ?? null, deadline: opts.deadline ?? null })
    .where('ticket_id', '=', ticketId)
    .where('outcome', '=', 'pending');
  if (opts.meetingId !== undefined) q = q.where('meeting_id', '=', opts.meetingId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Marks a meeting's undecided items carried over 顺延 and returns their problems. */
export async function carryOver(db: Db, meetingId: number, now: Date): Promise<number[]> {
  const rows = await db
    .updateTable('tlo_agenda_items')
    .set({ outcome: 'carried_over', settled_at: now })
    .where('meeting_id', '=', meetingId)
    .where('outcome', '=', 'pending')
    .returning('ticket_id')
    .execute();
  return rows.map((r) => r.ticket_id);
}

/** Problems of the office that await a meeting and are on no agenda yet, in agenda order. */
export async function unplacedProblems(db: Db, officeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tlo_problems as p')
    .select('p.ticket_id')
    .where('p.office_id', '=', officeId)
    .where('p.state', '=', 'raised')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('tlo_agenda_items as a').select('a.id').whereRef('a.ticket_id', '=', 'p.ticket_id').where('a.outcome', '=', 'pending'))),
    )
    .orderBy(urgentFirst)
    .orderBy(easyFirst)
    .orderBy('p.raised_at')
    .orderBy('p.ticket_id')
    .execute();
  return rows.map((r) => r.ticket_id);
}
