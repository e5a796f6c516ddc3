import type { Actor, GeoPoint, Ticket, TicketChange, TicketEvent } from '@linli/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { CoreTables, TicketEventsTable, TicketsTable } from '../schema.js';
import { param, runStatement, statementBuilder, statementsByShape } from './compiled.js';
import { decodeCursor, idStr, parseId, toPage, type Page } from './json.js';

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
  return visibility(parseId(actor.personId) ?? -1, scopePatterns(actor));
}

/** The LIKE patterns of the subtrees an actor sees whole (the shortest covering paths). */
function scopePatterns(actor: Actor): string[] {
  return minimalPaths(actor.grants.filter((g) => g.seesScope).flatMap((g) => g.scopePaths)).map((p) => `${p}%`);
}

/** The rule itself, from the person's id and the LIKE patterns of the scope: values, or a compiled statement's params. */
function visibility(me: number, scopes: readonly string[]) {
  return (eb: ExpressionBuilder<CoreTables, 'linli_tickets'>) =>
    eb.or([
      eb('linli_tickets.reporter_id', '=', me),
      eb('linli_tickets.assignee_person_id', '=', me),
      ...scopes.flatMap((p) => [eb('linli_tickets.org_path', 'like', p), eb('linli_tickets.assignee_org_path', 'like', p)]),
      ...(scopes.length
        ? [
            eb(
              'linli_tickets.id',
              'in',
              eb
                .selectFrom('linli_ticket_escalations as esc')
                .select('esc.ticket_id')
                .where((e2) => e2.or(scopes.map((p) => e2('esc.org_path', 'like', p)))),
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

/** A statement's named values for `jobs` (kind0, key0, payload0 …), as compiled statements that write job rows name them. */
export function jobParams(jobs: readonly JobRow[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  jobs.forEach((j, i) => {
    values[`kind${i}`] = j.kind;
    values[`key${i}`] = j.key;
    values[`payload${i}`] = JSON.stringify(j.payload ?? null);
    values[`runAt${i}`] = j.runAt;
    values[`maxAttempts${i}`] = j.maxAttempts;
  });
  return values;
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

/** The values of the history event a ticket's write appends (bound by name into the compiled statements below). */
interface EventValues {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: number | null;
  /** The step's data as JSON text, when the statement's shape has data. */
  eventData?: string;
  comment: string | null;
  visibility: 'internal' | 'public';
  now: Date;
}

/**
 * The columns of a history event written beside a ticket's write, from the
 * row that write returns (`w`): the assignee snapshot is the row's, so the
 * event and the ticket cannot disagree. Values are cast to the column types
 * because an INSERT … SELECT does not infer a parameter's type.
 */
function eventFrom(w: 'w', withData: boolean) {
  return [
    sql<number>`${sql.ref(`${w}.id`)}`.as('ticket_id'),
    sql<number>`cast(${param('seq')} as integer)`.as('seq'),
    sql<string>`cast(${param('action')} as text)`.as('action'),
    sql<string | null>`cast(${param('fromState')} as text)`.as('from_state'),
    sql<string>`cast(${param('toState')} as text)`.as('to_state'),
    sql<number | null>`cast(${param('actorId')} as integer)`.as('actor_id'),
    (withData ? sql<string | null>`cast(${param('eventData')} as jsonb)` : sql<string | null>`cast(null as jsonb)`).as('data'),
    sql<string | null>`cast(${param('comment')} as text)`.as('comment'),
    sql<string>`cast(${param('visibility')} as text)`.as('visibility'),
    sql<Date>`cast(${param('now')} as timestamptz)`.as('created_at'),
    sql<number | null>`${sql.ref(`${w}.assignee_org_id`)}`.as('assignee_org_id'),
    sql<number | null>`${sql.ref(`${w}.assignee_person_id`)}`.as('assignee_person_id'),
  ] as const;
}

const eventColumns = ['ticket_id', 'seq', 'action', 'from_state', 'to_state', 'actor_id', 'data', 'comment', 'visibility', 'created_at', 'assignee_org_id', 'assignee_person_id'] as const;

type Row = Record<string, unknown>;

/** The insert of a ticket with its creation event, one statement per shape (with a point, already routed). */
const insertTicketStatement = statementsByShape(
  (s: { point: boolean; assigned: boolean }) => `${s.point}:${s.assigned}`,
  (s) =>
    statementBuilder
      .with('w', (q) =>
        q
          .insertInto('linli_tickets')
          .values({
            workflow: param('workflow'),
            state: param('state'),
            org_id: param('orgId'),
            org_path: param('orgPath'),
            reporter_id: param('reporterId'),
            title: param('title'),
            data: sql<string>`cast(${param('data')} as jsonb)`,
            deadline: param('deadline'),
            created_at: param('now'),
            updated_at: param('now'),
            ...(s.point ? { lat: param('lat'), lng: param('lng') } : {}),
            ...(s.assigned ? { assignee_org_id: param('assigneeOrgId'), assignee_org_path: param('assigneeOrgPath') } : {}),
          })
          .returningAll(),
      )
      .with('e', (q) => q.insertInto('linli_ticket_events').columns(eventColumns).expression((eb) => eb.selectFrom('w').select(eventFrom('w', true))))
      .selectFrom('w')
      .selectAll(),
);

/**
 * Inserts a ticket and its creation event in one statement (a data-modifying
 * CTE): neither exists without the other, and it costs one round trip.
 */
export async function insertTicket(db: Kysely<CoreTables>, t: NewTicket): Promise<Ticket> {
  const data = JSON.stringify(t.data ?? null);
  const assigned = Boolean(t.assigneeOrgId);
  const [row] = await runStatement<Selectable<TicketsTable>, Row>(db, insertTicketStatement({ point: Boolean(t.point), assigned }), {
    workflow: t.workflow,
    state: t.state,
    orgId: t.orgId,
    orgPath: t.orgPath,
    reporterId: t.reporterId,
    title: t.title,
    data,
    deadline: t.deadline,
    now: t.now,
    ...(t.point ? { lat: t.point.lat, lng: t.point.lng } : {}),
    ...(assigned ? { assigneeOrgId: t.assigneeOrgId, assigneeOrgPath: t.assigneeOrgPath ?? null } : {}),
    // The reporter's own words: they always read them.
    ...({ seq: 1, action: t.action, fromState: null, toState: t.state, actorId: t.reporterId, eventData: data, comment: null, visibility: 'public' } satisfies Omit<EventValues, 'now'>),
  });
  if (!row) throw new Error('insertTicket: the insert returned no row');
  return toTicket(row);
}

/** A ticket with the org paths it was escalated to; locked or not. */
const ticketStatement = statementsByShape(
  (forUpdate: boolean) => String(forUpdate),
  (forUpdate) => {
    const q = statementBuilder
      .selectFrom('linli_tickets as t')
      .selectAll('t')
      // The orgs it was escalated to see it too (core canSeeTicket); null when there are none.
      .select((eb) => eb.selectFrom('linli_ticket_escalations as x').select(sql<string[] | null>`array_agg(distinct x.org_path)`.as('p')).whereRef('x.ticket_id', '=', 't.id').as('escalation_paths'))
      .where('t.id', '=', param('id'));
    return forUpdate ? q.forUpdate() : q;
  },
);

/**
 * A ticket and the org paths it was escalated to, in one statement (a
 * round trip fewer on every step and every ticket page). With `forUpdate`
 * the ticket's row is locked (the escalations are only read).
 */
export async function getTicket(db: Kysely<CoreTables>, id: string, opts: { forUpdate?: boolean } = {}): Promise<Ticket | null> {
  const n = parseId(id);
  if (n === null) return null;
  const [row] = await runStatement<Selectable<TicketsTable> & { escalation_paths: string[] | null }, { id: number }>(db, ticketStatement(opts.forUpdate === true), { id: n });
  if (!row) return null;
  const ticket = toTicket(row);
  if (row.escalation_paths?.length) ticket.escalationPaths = row.escalation_paths;
  return ticket;
}

interface ChangeShape {
  assigneeOrg: boolean;
  assigneePerson: boolean;
  rating: boolean;
  reopen: boolean;
  withData: boolean;
  jobs: number;
}

/** The versioned update with its event (and the step's jobs), one statement per shape. */
const changeStatement = statementsByShape(
  (s: ChangeShape) => `${s.assigneeOrg}:${s.assigneePerson}:${s.rating}:${s.reopen}:${s.withData}:${s.jobs}`,
  (s) => {
    const written = statementBuilder
      .with('w', (q) =>
        q
          .updateTable('linli_tickets')
          .set({
            state: param('state'),
            version: sql`version + 1`,
            deadline: param('deadline'),
            closed_at: param('closedAt'),
            updated_at: param('now'),
            ...(s.assigneeOrg ? { assignee_org_id: param('assigneeOrgId'), assignee_org_path: param('assigneeOrgPath') } : {}),
            ...(s.assigneePerson ? { assignee_person_id: param('assigneePersonId') } : {}),
            ...(s.rating ? { rating: param('rating') } : {}),
            ...(s.reopen ? { reopen_count: sql<number>`reopen_count + 1` } : {}),
          })
          .where('id', '=', param('id'))
          .where('version', '=', param('version'))
          .returningAll(),
      )
      .with('e', (q) => q.insertInto('linli_ticket_events').columns(eventColumns).expression((eb) => eb.selectFrom('w').select(eventFrom('w', s.withData))));
    const withJobs = !s.jobs
      ? written
      : (written.with('j', (c) =>
          c
            .insertInto('linli_jobs')
            .columns(['kind', 'key', 'payload', 'run_at', 'max_attempts', 'created_at'])
            .expression((eb) => {
              const one = (i: number) =>
                eb
                  .selectFrom('w')
                  .select([
                    sql<string>`cast(${param(`kind${i}`)} as text)`.as('kind'),
                    sql<string | null>`cast(${param(`key${i}`)} as text)`.as('key'),
                    sql<string>`cast(${param(`payload${i}`)} as jsonb)`.as('payload'),
                    sql<Date>`cast(${param(`runAt${i}`)} as timestamptz)`.as('run_at'),
                    sql<number>`cast(${param(`maxAttempts${i}`)} as integer)`.as('max_attempts'),
                    sql<Date>`cast(${param('now')} as timestamptz)`.as('created_at'),
                  ]);
              return Array.from({ length: s.jobs - 1 }, (_, k) => k + 1).reduce((q2, i) => q2.unionAll(one(i)), one(0));
            })
            // A job whose key exists already (this stay was scheduled before) is skipped, as enqueueJobs does.
            .onConflict((oc) => oc.column('key').doNothing()),
        ) as unknown as typeof written);
    return withJobs.selectFrom('w').selectAll();
  },
);

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
  const shape: ChangeShape = {
    assigneeOrg: change.assigneeOrgId !== undefined,
    assigneePerson: change.assigneePersonId !== undefined,
    rating: change.rating !== undefined,
    reopen: change.reopen === true,
    withData: change.eventData !== null && change.eventData !== undefined,
    jobs: jobs.length,
  };
  const values: Row = {
    state: change.toState,
    deadline: change.deadline,
    closedAt: change.closedAt,
    now,
    id: Number(ticket.id),
    version: change.expectedVersion,
    ...(shape.assigneeOrg ? { assigneeOrgId: parseId(change.assigneeOrgId!), assigneeOrgPath: assigneeOrgPath ?? null } : {}),
    ...(shape.assigneePerson ? { assigneePersonId: parseId(change.assigneePersonId!) } : {}),
    ...(shape.rating ? { rating: change.rating } : {}),
    ...({
      seq: change.expectedVersion + 1,
      action: change.action,
      fromState: change.fromState,
      toState: change.toState,
      actorId,
      ...(shape.withData ? { eventData: JSON.stringify(change.eventData) } : {}),
      comment: change.comment,
      // A caller that names no audience gets the column's default.
      visibility: change.visibility ?? 'internal',
    } satisfies Omit<EventValues, 'now'>),
  };
  const [row] = await runStatement<Selectable<TicketsTable>, Row>(db, changeStatement(shape), { ...values, ...jobParams(jobs) });
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

interface ListShape {
  scopes: number;
  workflow: boolean;
  state: boolean;
  orgPath: boolean;
  /** Orgs of an "assigned to me" filter; -1 without the filter. */
  assignedOrgs: number;
  overdue: boolean;
  located: boolean;
  open: boolean;
  cursor: boolean;
}

/** A queue page, compiled once per shape (which filters, how many scope paths): a staff member's queue is the same statement every time. */
const listStatement = statementsByShape(
  (s: ListShape) => Object.values(s).join(':'),
  (s) => {
    const scopes = Array.from({ length: s.scopes }, (_, i) => param<string>(`scope${i}`));
    let q = statementBuilder.selectFrom('linli_tickets').selectAll().where(visibility(param('me'), scopes)).orderBy('id', 'desc').limit(param('limit'));
    if (s.workflow) q = q.where('workflow', '=', param('workflow'));
    if (s.state) q = q.where('state', '=', param('state'));
    if (s.orgPath) q = q.where('org_path', 'like', param('orgPath'));
    if (s.assignedOrgs >= 0) {
      const orgs = Array.from({ length: s.assignedOrgs }, (_, i) => param<number>(`assignedOrg${i}`));
      q = q.where((eb) => eb.or([eb('assignee_person_id', '=', param('assignedPerson')), ...(orgs.length ? [eb('assignee_org_id', 'in', orgs)] : [])]));
    }
    if (s.overdue) q = q.where('closed_at', 'is', null).where('deadline', '<', param('overdueAt'));
    if (s.located) q = q.where('lat', 'is not', null);
    if (s.open) q = q.where('closed_at', 'is', null);
    if (s.cursor) q = q.where('id', '<', param('before'));
    return q;
  },
);

/** A page of visible tickets, newest first, keyset-paginated on id. */
export async function listTickets(db: Kysely<CoreTables>, actor: Actor, f: TicketFilter): Promise<Page<Ticket>> {
  const scopes = scopePatterns(actor);
  const before = decodeCursor(f.cursor);
  const shape: ListShape = {
    scopes: scopes.length,
    workflow: f.workflow !== undefined,
    state: f.state !== undefined,
    orgPath: f.orgPath !== undefined,
    assignedOrgs: f.assignedTo ? f.assignedTo.orgIds.length : -1,
    overdue: f.overdueAt !== undefined,
    located: f.located === true,
    open: f.open === true,
    cursor: before !== null,
  };
  const values: Row = { me: parseId(actor.personId) ?? -1, limit: f.limit + 1 };
  scopes.forEach((p, i) => (values[`scope${i}`] = p));
  if (shape.workflow) values.workflow = f.workflow;
  if (shape.state) values.state = f.state;
  if (shape.orgPath) values.orgPath = `${f.orgPath}%`;
  if (f.assignedTo) {
    values.assignedPerson = f.assignedTo.personId;
    f.assignedTo.orgIds.forEach((id, i) => (values[`assignedOrg${i}`] = id));
  }
  if (shape.overdue) values.overdueAt = f.overdueAt;
  if (shape.cursor) values.before = before;
  return toPage(await runStatement<Selectable<TicketsTable>, Row>(db, listStatement(shape), values), f.limit, toTicket);
}
