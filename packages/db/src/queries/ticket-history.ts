import type { Ticket } from '@linli/core';
import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { idStr, jsonb } from './json.js';
import { toTicket } from './tickets.js';

export interface StepEvent {
  action: string;
  actorId: number | null;
  data: Record<string, unknown> | null;
  comment: string | null;
  now: Date;
}

/**
 * Appends a step that does not move the ticket between states (a reminder,
 * an escalation, a report): bumps the version so `seq` stays equal to it and
 * the history stays complete and ordered. The UPDATE locks the ticket row, so
 * it serializes with transitions. Run inside a transaction; returns the
 * ticket after the step and the event's seq.
 */
export async function appendTicketEvent(db: Kysely<CoreTables>, ticketId: number, e: StepEvent): Promise<{ ticket: Ticket; seq: number }> {
  const row = await db
    .updateTable('linli_tickets')
    .set({ version: sql`version + 1`, updated_at: e.now })
    .where('id', '=', ticketId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('linli_ticket_events')
    .values({
      ticket_id: row.id,
      seq: row.version,
      action: e.action,
      from_state: row.state,
      to_state: row.state,
      actor_id: e.actorId,
      data: e.data === null ? null : jsonb(e.data),
      comment: e.comment,
      created_at: e.now,
      assignee_org_id: row.assignee_org_id,
      assignee_person_id: row.assignee_person_id,
    })
    .execute();
  return { ticket: toTicket(row), seq: row.version };
}

/**
 * Who held the ticket before the step that brought it into `state` (a
 * transition from another state, or its creation), and who took that step:
 * what "return to the dispatcher" restores.
 */
export async function holderBeforeEntering(db: Kysely<CoreTables>, ticketId: number, state: string) {
  const entering = await db
    .selectFrom('linli_ticket_events')
    .select(['seq', 'actor_id'])
    .where('ticket_id', '=', ticketId)
    .where('to_state', '=', state)
    .where((eb) => eb.or([eb('from_state', 'is', null), eb('from_state', '<>', eb.ref('to_state'))]))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!entering) return null;
  const before = entering.seq > 1
    ? await db.selectFrom('linli_ticket_events').select(['assignee_org_id', 'assignee_person_id']).where('ticket_id', '=', ticketId).where('seq', '=', entering.seq - 1).executeTakeFirst()
    : undefined;
  return {
    stepSeq: entering.seq,
    stepActorId: idStr(entering.actor_id),
    orgId: idStr(before?.assignee_org_id ?? null),
    personId: idStr(before?.assignee_person_id ?? null),
  };
}

/**
 * The latest value of a data field across the ticket's history: a step form
 * may correct what the intake said (the sort step confirms the category).
 */
export async function latestDataField(db: Kysely<CoreTables>, ticketId: number, field: string): Promise<unknown> {
  const row = await db
    .selectFrom('linli_ticket_events')
    .select(sql<unknown>`data -> ${field}`.as('value'))
    .where('ticket_id', '=', ticketId)
    .where(sql<boolean>`data -> ${field} is not null`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.value ?? undefined;
}
