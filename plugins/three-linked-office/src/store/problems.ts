import type { Selectable, Ticket } from '@linli/sdk';
import type { Db, ProblemsTable } from './tables.js';

export type ProblemRow = Selectable<ProblemsTable>;

/** Records a newly raised problem in the read model the agenda and indicators use. */
export async function insertProblem(db: Db, ticket: Ticket, officeId: number): Promise<void> {
  const d = ticket.data as { category: string; urgency: string; difficulty: string };
  await db
    .insertInto('tlo_problems')
    .values({
      ticket_id: Number(ticket.id),
      office_id: officeId,
      title: ticket.title,
      category: d.category,
      urgency: d.urgency,
      difficulty: d.difficulty,
      state: ticket.state,
      responsible_party: null,
      deadline: ticket.deadline,
      raised_at: ticket.createdAt,
      decided_at: null,
      solved_at: null,
    })
    .execute();
}

export async function getProblem(db: Db, ticketId: number): Promise<ProblemRow | undefined> {
  return db.selectFrom('tlo_problems').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** Follows a ticket step: state and deadline always, the rest as the step says. */
export async function updateProblem(
  db: Db,
  ticket: Ticket,
  patch: Partial<Pick<ProblemRow, 'responsible_party' | 'decided_at' | 'solved_at'>> = {},
): Promise<void> {
  await db
    .updateTable('tlo_problems')
    .set({ state: ticket.state, deadline: ticket.deadline, ...patch })
    .where('ticket_id', '=', Number(ticket.id))
    .execute();
}
