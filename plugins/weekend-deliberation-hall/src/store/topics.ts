import type { Selectable, Ticket } from '@linli/sdk';
import type { Db, TopicsTable } from './tables.js';

export type TopicRow = Selectable<TopicsTable>;

/** Records a newly raised topic in the read model agendas and indicators use. */
export async function insertTopic(db: Db, ticket: Ticket, compound: { id: string; path: string }): Promise<void> {
  await db
    .insertInto('wdh_topics')
    .values({
      ticket_id: Number(ticket.id),
      compound_org_id: Number(compound.id),
      compound_path: compound.path,
      title: ticket.title,
      category: String(ticket.data.category ?? '其他'),
      state: ticket.state,
      raised_at: ticket.createdAt,
      screened_at: null,
      resolved_at: null,
      completed_at: null,
      publicized_at: null,
      result: null,
    })
    .execute();
}

export async function getTopic(db: Db, ticketId: number): Promise<TopicRow | undefined> {
  return db.selectFrom('wdh_topics').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** Follows a ticket step: the state always, the rest as the step says. */
export async function updateTopic(db: Db, ticket: Ticket, patch: Partial<Pick<TopicRow, 'screened_at' | 'resolved_at' | 'completed_at' | 'publicized_at' | 'result'>> = {}): Promise<void> {
  await db
    .updateTable('wdh_topics')
    .set({ state: ticket.state, ...patch })
    .where('ticket_id', '=', Number(ticket.id))
    .execute();
}

/** Topics of these compounds, newest first, optionally in some states. */
export async function listTopics(db: Db, compoundIds: number[], opts: { states?: string[] | undefined; limit: number }): Promise<TopicRow[]> {
  if (compoundIds.length === 0) return [];
  let q = db.selectFrom('wdh_topics').selectAll().where('compound_org_id', 'in', compoundIds).orderBy('raised_at', 'desc').orderBy('ticket_id', 'desc').limit(opts.limit);
  if (opts.states?.length) q = q.where('state', 'in', opts.states);
  return q.execute();
}
