import type { Selectable } from '@linli/sdk';
import type { AgendaStatus, AgendaTable, Db, TopicsTable, VotesTable } from './tables.js';

export type AgendaRow = Selectable<AgendaTable> &
  Pick<Selectable<TopicsTable>, 'title' | 'category' | 'state' | 'raised_at' | 'result'> & {
    vote: Omit<Selectable<VotesTable>, 'id' | 'session_id' | 'ticket_id'> | null;
  };

/** The items of some sessions in the order they were put on, each with its vote if one was taken. */
export async function agendaOf(db: Db, sessionIds: number[], opts: { status?: AgendaStatus } = {}): Promise<AgendaRow[]> {
  if (sessionIds.length === 0) return [];
  let q = db
    .selectFrom('wdh_agenda as a')
    .innerJoin('wdh_topics as t', 't.ticket_id', 'a.ticket_id')
    .leftJoin('wdh_votes as v', (j) => j.onRef('v.session_id', '=', 'a.session_id').onRef('v.ticket_id', '=', 'a.ticket_id'))
    .selectAll('a')
    .select(['t.title', 't.category', 't.state', 't.raised_at', 't.result'])
    .select([
      'v.votes_for',
      'v.votes_against',
      'v.abstentions',
      'v.present',
      'v.passed',
      'v.explanation',
      'v.deliberation',
      'v.resolution',
      'v.implementer',
      'v.deadline',
      'v.recorded_by',
      'v.recorded_at',
    ])
    .where('a.session_id', 'in', sessionIds)
    .orderBy('a.session_id')
    .orderBy('a.added_at')
    .orderBy('a.id');
  if (opts.status) q = q.where('a.status', '=', opts.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    session_id: r.session_id,
    ticket_id: r.ticket_id,
    status: r.status,
    added_at: r.added_at,
    settled_at: r.settled_at,
    title: r.title,
    category: r.category,
    state: r.state,
    raised_at: r.raised_at,
    result: r.result,
    vote:
      r.passed === null
        ? null
        : {
            votes_for: r.votes_for!,
            votes_against: r.votes_against!,
            abstentions: r.abstentions!,
            present: r.present!,
            passed: r.passed,
            explanation: r.explanation!,
            deliberation: r.deliberation!,
            resolution: r.resolution!,
            implementer: r.implementer,
            deadline: r.deadline,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at!,
          },
  }));
}

/** Where a topic waits to be deliberated, if anywhere: one open agenda at a time. */
export async function pendingItem(db: Db, ticketId: number): Promise<{ session_id: number; session_date: string } | undefined> {
  return db
    .selectFrom('wdh_agenda as a')
    .innerJoin('wdh_sessions as s', 's.id', 'a.session_id')
    .select(['a.session_id', 's.session_date'])
    .where('a.ticket_id', '=', ticketId)
    .where('a.status', '=', 'pending')
    .executeTakeFirst();
}

/** Puts a topic on a session's agenda (again, if it was taken off that same agenda before). */
export async function addItem(db: Db, sessionId: number, ticketId: number, now: Date): Promise<void> {
  await db
    .insertInto('wdh_agenda')
    .values({ session_id: sessionId, ticket_id: ticketId, added_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'ticket_id']).doUpdateSet({ status: 'pending', settled_at: null, added_at: now }))
    .execute();
}

/** Settles the topic's pending item; returns the session it was on, if any. */
export async function settleItem(db: Db, ticketId: number, status: Exclude<AgendaStatus, 'pending'>, now: Date): Promise<number | undefined> {
  const row = await db
    .updateTable('wdh_agenda')
    .set({ status, settled_at: now })
    .where('ticket_id', '=', ticketId)
    .where('status', '=', 'pending')
    .returning('session_id')
    .executeTakeFirst();
  return row?.session_id;
}

/** The topics still waiting on a session's agenda. */
export async function pendingOf(db: Db, sessionId: number): Promise<number[]> {
  const rows = await db.selectFrom('wdh_agenda').select('ticket_id').where('session_id', '=', sessionId).where('status', '=', 'pending').orderBy('id').execute();
  return rows.map((r) => r.ticket_id);
}
