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

/** A job row written in a ticket's own statement (the queue is @linli/jobs'; the row shape is the table's). */
export interface JobRow {
  kind: string;
  key: string | null;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
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

/**
 * The columns of a history event written beside a ticket's write, from the
 * row that write returns (`w`): the assignee snapshot is the row's, so the
 * event and the ticket cannot disagree. Values are cast to the column types
 * because an INSERT … SELECT does not infer a parameter's type.
 */
function eventFrom(w: 'w', e: { seq: number; action: string; fromState: string | null; toState: string; actorId: number | null; data: unknown; comment: string | null; visibility: 'internal' | 'public'; now: Date }) {
  return [
    sql<number>`${sql.ref(`${w}.id`)}`.as('ticket_id'),
    sql<number>`cast(${e.seq} as integer)`.as('seq'),
    sql<string>`cast(${e.action} as text)`.as('action'),
    sql<string | null>`cast(${e.fromState} as text)`.as('from_state'),
    sql<string>`cast(${e.toState} as text)`.as('to_state'),
    sql<number | null>`cast(${e.actorId} as integer)`.as('actor_id'),
    (e.data === null ? sql<string | null>`cast(null as jsonb)` : jsonb(e.data)).as('data'),
    sql<string | null>`cast(${e.comment} as text)`.as('comment'),
    // A caller that names no audience gets the column's default.
    sql<string>`cast(${e.visibility ?? 'internal'} as text)`.as('visibility'),
    sql<Date>`cast(${e.now} as timestamptz)`.as('created_at'),
    sql<number | null>`${sql.ref(`${w}.assignee_org_id`)}`.as('assignee_org_id'),
    sql<number | null>`${sql.ref(`${w}.assignee_person_id`)}`.as('assignee_person_id'),
  ] as const;
}

const eventColumns = ['ticket_id', 'seq', 'action', 'from_state', 'to_state', 'actor_id', 'data', 'comment', 'visibility', 'created_at', 'assignee_org_id', 'assignee_person_id'] as const;

/**
 * Inserts a ticket and its creation event in one statement (a data-modifying
 * CTE): neither exists without the other, and it costs one round trip.
 */
export async function insertTicket(db: Kysely<CoreTables>, t: NewTicket): Promise<Ticket> {
  const row = await db
    .with('w', (q) =>
      q
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
        .returningAll(),
    )
    .with('e', (q) =>
      q
        .insertInto('linli_ticket_events')
        .columns(eventColumns)
        // The reporter's own words: they always read them.
        .expression((eb) => eb.selectFrom('w').select(eventFrom('w', { seq: 1, action: t.action, fromState: null, toState: t.state, actorId: t.reporterId, data: t.data, comment: null, visibility: 'public', now: t.now }))),
    )
    .selectFrom('w')
    .selectAll()
    .executeTakeFirstOrThrow();
  return toTicket(row);
}

/**
 * A ticket and the org paths it was escalated to, in one statement (a
 * round trip fewer on every step and every ticket page). With `forUpdate`
 * the ticket's row is locked (the escalations are only read).
 */
export async function getTicket(db: Kysely<CoreTables>, id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket | null> {
  const n = parseId(id);
  if (n === null) return null;
  let q = db
    .selectFrom('linli_tickets as t')
    .selectAll('t')
    // The orgs it was escalated to see it too (core canSeeTicket); null when there are none.
    .select((eb) => eb.selectFrom('linli_ticket_escalations as x').select(sql<string[] | null>`array_agg(distinct x.org_path)`.as('p')).whereRef('x.ticket_id', '=', 't.id').as('escalation_paths'))
    .where('t.id', '=', n);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const ticket = toTicket(row);
  if (row.escalation_paths?.length) ticket.escalationPaths = row.escalation_paths;
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
  // Jobs the step schedules (its deadline jobs), known before the write: sent in the same statement, added only when the write happens.
  jobs: readonly JobRow[] = [],
): Promise<Ticket | null> {
  // The versioned update and its event in one statement: the event is written only when the update matched.
  const written = db
    .with('w', (q) =>
      q
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
        .returningAll(),
    )
    .with('e', (q) =>
      q
        .insertInto('linli_ticket_events')
        .columns(eventColumns)
        .expression((eb) =>
          eb.selectFrom('w').select(
            eventFrom('w', {
              seq: change.expectedVersion + 1,
              action: change.action,
              fromState: change.fromState,
              toState: change.toState,
              actorId,
              data: change.eventData,
              comment: change.comment,
              visibility: change.visibility,
              now,
            }),
          ),
        ),
    );
  const withJobs = !jobs.length
    ? written
    : (written.with('j', (c) =>
        c
          .insertInto('linli_jobs')
          .columns(['kind', 'key', 'payload', 'run_at', 'max_attempts', 'created_at'])
          .expression((eb) => {
            const one = (j: JobRow) =>
              eb
                .selectFrom('w')
                .select([
                  sql<string>`cast(${j.kind} as text)`.as('kind'),
                  sql<string | null>`cast(${j.key} as text)`.as('key'),
                  jsonb(j.payload).as('payload'),
                  sql<Date>`cast(${j.runAt} as timestamptz)`.as('run_at'),
                  sql<number>`cast(${j.maxAttempts} as integer)`.as('max_attempts'),
                  sql<Date>`cast(${now} as timestamptz)`.as('created_at'),
                ]);
            return jobs.slice(1).reduce((q2, j) => q2.unionAll(one(j)), one(jobs[0]!));
          })
          // A job whose key exists already (this stay was scheduled before) is skipped, as enqueueJobs does.
          .onConflict((oc) => oc.column('key').doNothing()),
      ) as unknown as typeof written);
  const row = await withJobs.selectFrom('w').selectAll().executeTakeFirst();
  return row ? toTicket(row) : null;
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
