import type { Actor, GeoPoint, Ticket, TicketChange, TicketEvent } from '@linli/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { CoreTables, TicketEventsTable, TicketsTable } from '../schema.js';
import { decodeCursor, idStr, jsonb, parseId, toPage, type Page } from './json.js';

export const toTicket = (r: Selectable<TicketsTable>): Ticket => ({
  id: String(r.id),
  workflow: r.workflow,
  state: r.state,
  version: r.version,
  orgId: String(r.org_id),
  orgPath: r.org_path,
  assigneeOrgId: idStr(r.assignee_org_id),
  assigneeOrgPath: r.assignee_org_path,
  assigneePersonId: idStr(r.assignee_person_id),
  reporterId: idStr(r.reporter_id),
  title: r.title,
  data: r.data as Record<string, unknown>,
  deadline: r.deadline,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  point: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
  rating: r.rating,
  reopenCount: r.reopen_count,
});

export const toEvent = (r: Selectable<TicketEventsTable> & { actor_name?: string | null }): TicketEvent & { actorName: string | null } => ({
  id: String(r.id),
  ticketId: String(r.ticket_id),
  seq: r.seq,
  action: r.action,
  fromState: r.from_state,
  toState: r.to_state,
  actorId: idStr(r.actor_id),
  actorName: r.actor_name ?? null,
  data: r.data as Record<string, unknown> | null,
  comment: r.comment,
  visibility: r.visibility,
  createdAt: r.created_at,
});

/** Drops paths already covered by a shorter one, so the SQL has no redundant ORs. */
export function minimalPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}

/**
 * The SQL twin of core's canSeeTicket: the visibility policy becomes part of
 * every list query, so pagination and counts only ever see allowed rows.
 * Tickets escalated to an org in scope come from a semi-join on the
 * escalations' path index (a hashed subplan, not a per-row lookup).
 */
export function visibleTo(actor: Actor) {
  const me = parseId(actor.personId) ?? -1;
  const paths = minimalPaths(actor.grants.filter((g) => g.seesScope).flatMap((g) => g.scopePaths));
  return (eb: ExpressionBuilder<CoreTables, 'linli_tickets'>) =>
    eb.or([
      eb('linli_tickets.reporter_id', '=', me),
      eb('linli_tickets.assignee_person_id', '=', me),
      ...paths.flatMap((p) => [eb('linli_tickets.org_path', 'like', `${p}%`), eb('linli_tickets.assignee_org_path', 'like', `${p}%`)]),
      ...(paths.length
        ? [
            eb(
              'linli_tickets.id',
              'in',
              eb
                .selectFrom('linli_ticket_escalations as esc')
                .select('esc.ticket_id')
                .where((e2) => e2.or(paths.map((p) => e2('esc.org_path', 'like', `${p}%`)))),
            ),
          ]
        : []),
    ]);
}

export interface NewTicket {
  workflow: string;
  state: string;
  orgId: number;
  orgPath: string;
  reporterId: number | null;
  title: string;
  data: Record<string, unknown>;
  deadline: Date | null;
  now: Date;
  action: string;
  /** Where the problem is, WGS-84. */
  point?: GeoPoint | null;
  /** Set when the workflow routes new tickets (routeOnCreate). */
  assigneeOrgId?: number | null;
  assigneeOrgPath?: string | null;
}

/** Inserts a ticket and its creation event. Run inside a transaction so neither exists without the other. */
export async function insertTicket(db: Kysely<CoreTables>, t: NewTicket): Promise<Ticket> {
  const row = await db
    .insertInto('linli_tickets')
    .values({
      workflow: t.workflow,
      state: t.state,
      org_id: t.orgId,
      org_path: t.orgPath,
      reporter_id: t.reporterId,
      title: t.title,
      data: jsonb(t.data),
      deadline: t.deadline,
      created_at: t.now,
      updated_at: t.now,
      ...(t.point ? { lat: t.point.lat, lng: t.point.lng } : {}),
      ...(t.assigneeOrgId ? { assignee_org_id: t.assigneeOrgId, assignee_org_path: t.assigneeOrgPath ?? null } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('linli_ticket_events')
    .values({
      ticket_id: row.id,
      seq: 1,
      action: t.action,
      from_state: null,
      to_state: t.state,
      actor_id: t.reporterId,
      data: jsonb(t.data),
      comment: null,
      // The reporter's own words: they always read them.
      visibility: 'public',
      created_at: t.now,
      assignee_org_id: row.assignee_org_id,
      assignee_person_id: row.assignee_person_id,
    })
    .execute();
  return toTicket(row);
}

export async function getTicket(db: Kysely<CoreTables>, id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket | null> {
  const n = parseId(id);
  if (n === null) return null;
  let q = db.selectFrom('linli_tickets').selectAll().where('id', '=', n);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const ticket = toTicket(row);
  // The orgs it was escalated to see it too (core canSeeTicket); only set when there are some.
  const escalated = await db.selectFrom('linli_ticket_escalations').select('org_path').distinct().where('ticket_id', '=', n).execute();
  if (escalated.length) ticket.escalationPaths = escalated.map((e) => e.org_path);
  return ticket;
}

/**
 * Applies a planned change if the ticket is still at the version the plan was
 * made from, and appends its event. Returns null when another change won the
 * race (the caller answers 409). Run inside a transaction.
 */
export async function applyChange(
  db: Kysely<CoreTables>,
  ticket: Ticket,
  // What is written; the effects around the write are the ticket service's.
  change: Omit<TicketChange, 'resolve' | 'effects'>,
  actorId: number | null,
  assigneeOrgPath: string | null | undefined,
  now: Date,
): Promise<Ticket | null> {
  const row = await db
    .updateTable('linli_tickets')
    .set({
      state: change.toState,
      version: sql`version + 1`,
      deadline: change.deadline,
      closed_at: change.closedAt,
      updated_at: now,
      ...(change.assigneeOrgId !== undefined ? { assignee_org_id: parseId(change.assigneeOrgId), assignee_org_path: assigneeOrgPath ?? null } : {}),
      ...(change.assigneePersonId !== undefined ? { assignee_person_id: parseId(change.assigneePersonId) } : {}),
      ...(change.rating !== undefined ? { rating: change.rating } : {}),
      ...(change.reopen ? { reopen_count: sql<number>`reopen_count + 1` } : {}),
    })
    .where('id', '=', Number(ticket.id))
    .where('version', '=', change.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  await db
    .insertInto('linli_ticket_events')
    .values({
      ticket_id: row.id,
      seq: change.expectedVersion + 1,
      action: change.action,
      from_state: change.fromState,
      to_state: change.toState,
      actor_id: actorId,
      data: change.eventData === null ? null : jsonb(change.eventData),
      comment: change.comment,
      visibility: change.visibility,
      created_at: now,
      assignee_org_id: row.assignee_org_id,
      assignee_person_id: row.assignee_person_id,
    })
    .execute();
  return toTicket(row);
}

export async function ticketEvents(db: Kysely<CoreTables>, ticketId: string) {
  const rows = await db
    .selectFrom('linli_ticket_events as e')
    .leftJoin('linli_people as p', 'p.id', 'e.actor_id')
    .selectAll('e')
    .select('p.display_name as actor_name')
    .where('e.ticket_id', '=', parseId(ticketId) ?? -1)
    .orderBy('e.seq')
    .execute();
  return rows.map(toEvent);
}

export interface TicketFilter {
  workflow?: string | undefined;
  state?: string | undefined;
  /** Only tickets whose org is under this path. */
  orgPath?: string | undefined;
  /** Tickets assigned to this person or to an org they hold a role at. */
  assignedTo?: { personId: number; orgIds: number[] } | undefined;
  overdueAt?: Date | undefined;
  /** Only tickets with a point. */
  located?: boolean | undefined;
  /** Only tickets not yet closed. */
  open?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A page of visible tickets, newest first, keyset-paginated on id. */
export async function listTickets(db: Kysely<CoreTables>, actor: Actor, f: TicketFilter): Promise<Page<Ticket>> {
  let q = db.selectFrom('linli_tickets').selectAll().where(visibleTo(actor)).orderBy('id', 'desc').limit(f.limit + 1);
  if (f.workflow !== undefined) q = q.where('workflow', '=', f.workflow);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (f.orgPath !== undefined) q = q.where('org_path', 'like', `${f.orgPath}%`);
  if (f.assignedTo) {
    const a = f.assignedTo;
    q = q.where((eb) =>
      eb.or([eb('assignee_person_id', '=', a.personId), ...(a.orgIds.length ? [eb('assignee_org_id', 'in', a.orgIds)] : [])]),
    );
  }
  if (f.overdueAt) q = q.where('closed_at', 'is', null).where('deadline', '<', f.overdueAt);
  if (f.located) q = q.where('lat', 'is not', null);
  if (f.open) q = q.where('closed_at', 'is', null);
  const before = decodeCursor(f.cursor);
  if (before !== null) q = q.where('id', '<', before);
  return toPage(await q.execute(), f.limit, toTicket);
}
