import type { Actor } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { visibleTo } from './tickets.js';

export interface DeadlineStats {
  open: number;
  overdue: number;
  dueSoon: number;
  /** Escalation targets on open tickets that have not reported yet. */
  awaitingReport: number;
  /** … of which past their own report deadline. */
  reportsLate: number;
}

/**
 * The numbers a dashboard shows about time limits, over the tickets the actor
 * may see (optionally one subtree). Open tickets with a deadline are found
 * through the partial index on `deadline where closed_at is null`.
 */
export async function deadlineStats(db: Kysely<CoreTables>, actor: Actor, o: { now: Date; soonHours: number; orgPath?: string | undefined }): Promise<DeadlineStats> {
  const soon = new Date(o.now.getTime() + o.soonHours * 3_600_000);
  let tickets = db
    .selectFrom('linli_tickets')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.countAll<number>().filterWhere('deadline', '<', o.now).as('overdue'),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w('deadline', '>=', o.now), w('deadline', '<', soon)])).as('due_soon'),
    ])
    .where('closed_at', 'is', null)
    .where(visibleTo(actor));
  if (o.orgPath) tickets = tickets.where('org_path', 'like', `${o.orgPath}%`);
  let escalations = db
    .selectFrom('linli_ticket_escalations as x')
    .innerJoin('linli_tickets', 'linli_tickets.id', 'x.ticket_id')
    .select((eb) => [eb.fn.countAll<number>().as('awaiting'), eb.fn.countAll<number>().filterWhere('x.report_deadline', '<', o.now).as('late')])
    .where('x.reported_at', 'is', null)
    .where('linli_tickets.closed_at', 'is', null)
    .where(visibleTo(actor));
  if (o.orgPath) escalations = escalations.where('linli_tickets.org_path', 'like', `${o.orgPath}%`);
  const [t, e] = await Promise.all([tickets.executeTakeFirstOrThrow(), escalations.executeTakeFirstOrThrow()]);
  return { open: Number(t.open), overdue: Number(t.overdue), dueSoon: Number(t.due_soon), awaitingReport: Number(e.awaiting), reportsLate: Number(e.late) };
}
