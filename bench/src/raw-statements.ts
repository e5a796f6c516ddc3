import type { CoreTables } from '@linli/db';
import { applyChange, compileStatement, getOrg, getTicket, insertTicket, param, type CompiledStatement } from '@linli/db';
import { enqueueJobs } from '@linli/jobs';
import { sql, type Kysely } from 'kysely';
import type { BenchTarget } from './target.js';

/**
 * The statements a ticket create and a transition run, compiled once by
 * kysely and then executed by the driver itself: the raw side of the
 * comparison pays no kysely executor, no HTTP, no auth. (The server compiles
 * these statements once too: @linli/db's compiled.ts.)
 *
 * They mirror packages/db/src/queries/tickets.ts (insertTicket, getTicket
 * with forUpdate, applyChange) and orgs.ts (getOrg). `checkAgainstDb` runs
 * those functions on a recording kysely and compares the SQL text, so a
 * change there shows up as a warning in the report instead of a silently
 * unfair comparison.
 */

/** A statement compiled once, bound by name per call (@linli/db's compiled statements, which the server runs too). */
export type Prepared = CompiledStatement<Record<string, unknown>>;

export interface SchemaFeatures {
  /** linli_ticket_events has the assignee snapshot columns (core migration 0003). */
  eventsHaveAssignee: boolean;
  /** linli_ticket_events has `visibility` (core migration 0013). */
  eventsHaveVisibility: boolean;
  /** linli_ticket_escalations exists: getTicket also reads the ticket's escalations. */
  hasEscalations: boolean;
  /** linli_jobs exists: each step schedules its deadline jobs in its transaction. */
  hasJobs: boolean;
}

export async function schemaFeatures(db: Kysely<CoreTables>): Promise<SchemaFeatures> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name in ('linli_ticket_events', 'linli_ticket_escalations', 'linli_jobs')`.execute(db);
  return {
    eventsHaveAssignee: rows.some((r) => r.table_name === 'linli_ticket_events' && r.column_name === 'assignee_org_id'),
    eventsHaveVisibility: rows.some((r) => r.table_name === 'linli_ticket_events' && r.column_name === 'visibility'),
    hasEscalations: rows.some((r) => r.table_name === 'linli_ticket_escalations'),
    hasJobs: rows.some((r) => r.table_name === 'linli_jobs'),
  };
}

export type RawStatements = ReturnType<typeof rawStatements>;

export function rawStatements(db: Kysely<CoreTables>, f: SchemaFeatures) {
  const jsonb = (name: string) => sql<string>`cast(${param(name)} as jsonb)`;
  const cast = (name: string, type: string) => sql`cast(${param(name)} as ${sql.raw(type)})`;
  // The event written in the same statement as its ticket's write (eventFrom in packages/db/src/queries/tickets.ts).
  const eventFromW = (data: ReturnType<typeof jsonb> | null) => [
    sql`${sql.ref('w.id')}`.as('ticket_id'),
    cast('seq', 'integer').as('seq'),
    cast('action', 'text').as('action'),
    cast('fromState', 'text').as('from_state'),
    cast('toState', 'text').as('to_state'),
    cast('actorId', 'integer').as('actor_id'),
    (data ?? sql`cast(null as jsonb)`).as('data'),
    cast('comment', 'text').as('comment'),
    cast('visibility', 'text').as('visibility'),
    cast('now', 'timestamptz').as('created_at'),
    sql`${sql.ref('w.assignee_org_id')}`.as('assignee_org_id'),
    sql`${sql.ref('w.assignee_person_id')}`.as('assignee_person_id'),
  ];
  const eventColumns = ['ticket_id', 'seq', 'action', 'from_state', 'to_state', 'actor_id', 'data', 'comment', 'visibility', 'created_at', 'assignee_org_id', 'assignee_person_id'] as const;
  const update = () =>
    db
      .updateTable('linli_tickets')
      .set({ state: param('state'), version: sql`version + 1`, deadline: param('deadline'), closed_at: param('closedAt'), updated_at: param('now') })
      .where('id', '=', param('id'))
      .where('version', '=', param('version'))
      .returningAll();
  // With the step's deadline jobs in the same statement (applyChange's `jobs`), added only when the update matched.
  const jobsFromW = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      db
        .selectFrom('w' as never)
        .select([
          cast(`kind${i}`, 'text').as('kind'),
          cast(`key${i}`, 'text').as('key'),
          jsonb(`payload${i}`).as('payload'),
          cast(`runAt${i}`, 'timestamptz').as('run_at'),
          cast(`maxAttempts${i}`, 'integer').as('max_attempts'),
          cast('now', 'timestamptz').as('created_at'),
        ]),
    );
  const changes = new Map<string, Prepared>();
  const applyChange = (withData: boolean, jobs: number): Prepared => {
    const id = `${withData}:${jobs}`;
    let p = changes.get(id);
    if (!p) {
      const written = db
        .with('w', () => update())
        .with('e', (q) => q.insertInto('linli_ticket_events').columns(eventColumns).expression((eb) => eb.selectFrom('w').select(eventFromW(withData ? jsonb('data') : null) as never)));
      const selects = jobsFromW(jobs);
      const all = jobs
        ? written.with('j', (q) =>
            q
              .insertInto('linli_jobs')
              .columns(['kind', 'key', 'payload', 'run_at', 'max_attempts', 'created_at'])
              .expression(selects.slice(1).reduce((a, b) => a.unionAll(b as never), selects[0]!) as never)
              .onConflict((oc) => oc.column('key').doNothing()),
          )
        : written;
      p = compileStatement((all as typeof written).selectFrom('w').selectAll());
      changes.set(id, p);
    }
    return p;
  };
  // enqueueJobs in packages/jobs/src/queue.ts: one multi-row insert, skipping keys already taken.
  const jobStatements = new Map<number, Prepared>();
  const enqueue = (n: number): Prepared => {
    let p = jobStatements.get(n);
    if (!p) {
      const rows = Array.from({ length: n }, (_, i) => ({
        kind: param(`kind${i}`),
        key: param(`key${i}`),
        payload: jsonb(`payload${i}`),
        run_at: param(`runAt${i}`),
        max_attempts: param(`maxAttempts${i}`),
        created_at: param('now'),
      }));
      p = compileStatement(db.insertInto('linli_jobs').values(rows).onConflict((oc) => oc.column('key').doNothing()).returning('id'));
      jobStatements.set(n, p);
    }
    return p;
  };
  return {
    enqueueJobs: f.hasJobs ? enqueue : null,
    getOrg: compileStatement(db.selectFrom('linli_orgs').selectAll().where('id', '=', param('id'))),
    /** The ticket and its first event, one statement (insertTicket). */
    insertTicket: compileStatement(
      db
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
              data: jsonb('data'),
              deadline: param('deadline'),
              created_at: param('now'),
              updated_at: param('now'),
            })
            .returningAll(),
        )
        .with('e', (q) => q.insertInto('linli_ticket_events').columns(eventColumns).expression((eb) => eb.selectFrom('w').select(eventFromW(jsonb('eventData')) as never)))
        .selectFrom('w')
        .selectAll(),
    ),
    /** The ticket locked, with the org paths it was escalated to (getTicket with forUpdate). */
    lockTicket: compileStatement(
      db
        .selectFrom('linli_tickets as t')
        .selectAll('t')
        .select((eb) => eb.selectFrom('linli_ticket_escalations as x').select(sql<string[] | null>`array_agg(distinct x.org_path)`.as('p')).whereRef('x.ticket_id', '=', 't.id').as('escalation_paths'))
        .where('t.id', '=', param('id'))
        .forUpdate(),
    ),
    /** The versioned update, its event and its deadline jobs, one statement (applyChange); a step without a form stores SQL null, another statement text. */
    applyChange,
  };
}

const isTxControl = (s: string) => /^(begin|commit|rollback|savepoint|release)\b/i.test(s.trim());

/**
 * Runs the real @linli/db functions once, in a transaction that is rolled
 * back, and returns where their SQL differs from ours (empty: identical).
 */
export async function checkAgainstDb(target: BenchTarget, st: RawStatements, sample: { orgId: number; ticketId: number; actorId: number }): Promise<string[]> {
  const job = (key: string) => ({ kind: 'ticket.overdue', key, payload: { a: 1 }, runAt: new Date(), maxAttempts: 5 });
  const seen: string[] = [];
  const rec = target.recording((q) => {
    if (!isTxControl(q.sql)) seen.push(q.sql);
  });
  const rollback = new Error('rollback');
  const now = new Date();
  await rec
    .transaction()
    .execute(async (trx) => {
      const org = (await getOrg(trx, String(sample.orgId)))!;
      await insertTicket(trx, { workflow: 'grid-request', state: 'collected', orgId: sample.orgId, orgPath: org.path, reporterId: sample.actorId, title: 't', data: { a: 1 }, deadline: now, now, action: 'create' });
      const ticket = (await getTicket(trx, String(sample.ticketId), { forUpdate: true }))!;
      const change = { action: 'solve-in-grid', fromState: ticket.state, toState: 'handled', expectedVersion: ticket.version, deadline: now, closedAt: null, eventData: { result: 'ok' }, comment: null, visibility: 'public' as const };
      await applyChange(trx, ticket, change, sample.actorId, undefined, now, [job('bench:check:1'), job('bench:check:2')]);
      if (st.enqueueJobs) await enqueueJobs(trx, [job('bench:check:3'), job('bench:check:4')], now);
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  const ours = [st.getOrg, st.insertTicket, st.lockTicket, st.applyChange(true, 2), ...(st.enqueueJobs ? [st.enqueueJobs(2)] : [])].map((p) => p.sql);
  const problems: string[] = [];
  for (let i = 0; i < Math.max(ours.length, seen.length); i++) {
    if (ours[i] !== seen[i]) problems.push(`statement ${i + 1}: @linli/db runs ${JSON.stringify(seen[i] ?? '(nothing)')}, the bench runs ${JSON.stringify(ours[i] ?? '(nothing)')}`);
  }
  return problems;
}
