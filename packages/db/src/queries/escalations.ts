import type { Kysely, Selectable } from 'kysely';
import type { CoreTables, TicketEscalationsTable } from '../schema.js';
import { decodeCursor, idStr, parseId, toPage, type Page } from './json.js';

export interface Escalation {
  id: string;
  ticketId: string;
  eventSeq: number;
  kind: 'whistle' | 'overdue';
  orgId: string;
  orgName: string;
  orgPath: string;
  lead: boolean;
  reason: string | null;
  raisedBy: string | null;
  reportDeadline: Date | null;
  reportedAt: Date | null;
  reportedBy: string | null;
  reportedByName: string | null;
  reportNote: string | null;
  createdAt: Date;
}

type Row = Selectable<TicketEscalationsTable> & { org_name: string; reported_by_name: string | null };

const toEscalation = (r: Row): Escalation => ({
  id: String(r.id),
  ticketId: String(r.ticket_id),
  eventSeq: r.event_seq,
  kind: r.kind,
  orgId: String(r.org_id),
  orgName: r.org_name,
  orgPath: r.org_path,
  lead: r.lead,
  reason: r.reason,
  raisedBy: idStr(r.raised_by),
  reportDeadline: r.report_deadline,
  reportedAt: r.reported_at,
  reportedBy: idStr(r.reported_by),
  reportedByName: r.reported_by_name,
  reportNote: r.report_note,
  createdAt: r.created_at,
});

const base = (db: Kysely<CoreTables>) =>
  db
    .selectFrom('linli_ticket_escalations as x')
    .innerJoin('linli_orgs as o', 'o.id', 'x.org_id')
    .leftJoin('linli_people as p', 'p.id', 'x.reported_by')
    .selectAll('x')
    .select(['o.name as org_name', 'p.display_name as reported_by_name']);

export interface NewEscalation {
  orgId: number;
  orgPath: string;
  lead: boolean;
  reportDeadline: Date | null;
}

/** Adds the targets of one escalation step (the history event `eventSeq`). Run in the step's transaction. */
export async function insertEscalations(
  db: Kysely<CoreTables>,
  e: { ticketId: number; eventSeq: number; kind: 'whistle' | 'overdue'; reason: string | null; raisedBy: number | null; now: Date; targets: readonly NewEscalation[] },
): Promise<number[]> {
  if (e.targets.length === 0) return [];
  const rows = await db
    .insertInto('linli_ticket_escalations')
    .values(
      e.targets.map((t) => ({
        ticket_id: e.ticketId,
        event_seq: e.eventSeq,
        kind: e.kind,
        org_id: t.orgId,
        org_path: t.orgPath,
        lead: t.lead,
        reason: e.reason,
        raised_by: e.raisedBy,
        report_deadline: t.reportDeadline,
        created_at: e.now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every escalation target of a ticket, in the order they were raised. */
export async function ticketEscalations(db: Kysely<CoreTables>, ticketId: string): Promise<Escalation[]> {
  return (await base(db).where('x.ticket_id', '=', parseId(ticketId) ?? -1).orderBy('x.id').execute()).map(toEscalation);
}

export async function getEscalation(db: Kysely<CoreTables>, id: string, opts: { forUpdate?: boolean } = {}): Promise<Escalation | null> {
  const n = parseId(id);
  if (n === null) return null;
  let q = base(db).where('x.id', '=', n);
  if (opts.forUpdate) q = q.forUpdate('x');
  const row = await q.executeTakeFirst();
  return row ? toEscalation(row) : null;
}

/** Marks a target as reported; false when someone reported first. */
export async function markReported(db: Kysely<CoreTables>, id: string, by: number, note: string | null, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('linli_ticket_escalations')
    .set({ reported_at: now, reported_by: by, report_note: note })
    .where('id', '=', parseId(id) ?? -1)
    .where('reported_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Targets of a ticket still waiting to report, by org id: a new step does not raise the same org twice. */
export async function pendingEscalationOrgs(db: Kysely<CoreTables>, ticketId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('linli_ticket_escalations').select('org_id').where('ticket_id', '=', ticketId).where('reported_at', 'is', null).execute();
  return new Set(rows.map((r) => r.org_id));
}

export interface EscalationFilter {
  /** Org paths the caller acts for: escalations to an org under one of them. */
  withinPaths: readonly string[];
  pending?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A unit's report list (待报到): escalations to orgs in the caller's scope, newest first, with their ticket. */
export async function listEscalations(db: Kysely<CoreTables>, f: EscalationFilter): Promise<Page<Escalation & { ticketTitle: string; ticketState: string; ticketClosed: boolean }>> {
  if (f.withinPaths.length === 0) return { items: [], nextCursor: null };
  let q = base(db)
    .innerJoin('linli_tickets as t', 't.id', 'x.ticket_id')
    .select(['t.title as ticket_title', 't.state as ticket_state', 't.closed_at as ticket_closed_at'])
    .where((eb) => eb.or(f.withinPaths.map((p) => eb('x.org_path', 'like', `${p}%`))))
    .orderBy('x.id', 'desc')
    .limit(f.limit + 1);
  if (f.pending) q = q.where('x.reported_at', 'is', null).where('t.closed_at', 'is', null);
  const before = decodeCursor(f.cursor);
  if (before !== null) q = q.where('x.id', '<', before);
  return toPage(await q.execute(), f.limit, (r) => ({ ...toEscalation(r), ticketTitle: r.ticket_title, ticketState: r.ticket_state, ticketClosed: r.ticket_closed_at !== null }));
}

/** The lead units called by one escalation step (the history event `eventSeq`). */
export async function escalationLeads(db: Kysely<CoreTables>, ticketId: string, eventSeq: number): Promise<string[]> {
  const rows = await db
    .selectFrom('linli_ticket_escalations')
    .select('org_id')
    .where('ticket_id', '=', parseId(ticketId) ?? -1)
    .where('event_seq', '=', eventSeq)
    .where('lead', '=', true)
    .execute();
  return rows.map((r) => String(r.org_id));
}

/**
 * Whether an escalation can reach an org under one of `withinPaths`: an org
 * named by the config (by key or by the type `nearest` looks for) lies there,
 * or one there has been called before (a `parent` target, decided per ticket).
 * The menu shows 待报到 only to people for whom this holds.
 */
export async function escalationsCanReach(db: Kysely<CoreTables>, withinPaths: readonly string[], named: { keys: readonly string[]; types: readonly string[] }): Promise<boolean> {
  if (withinPaths.length === 0) return false;
  if (named.keys.length || named.types.length) {
    const org = await db
      .selectFrom('linli_orgs')
      .select('id')
      .where('deactivated_at', 'is', null)
      .where((eb) => eb.or(withinPaths.map((p) => eb('path', 'like', `${p}%`))))
      .where((eb) => eb.or([...(named.keys.length ? [eb('key', 'in', named.keys)] : []), ...(named.types.length ? [eb('type', 'in', named.types)] : [])]))
      .limit(1)
      .executeTakeFirst();
    if (org) return true;
  }
  const before = await db
    .selectFrom('linli_ticket_escalations')
    .select('id')
    .where((eb) => eb.or(withinPaths.map((p) => eb('org_path', 'like', `${p}%`))))
    .limit(1)
    .executeTakeFirst();
  return !!before;
}
