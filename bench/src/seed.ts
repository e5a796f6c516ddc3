import type { Deployment } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { LinliPlugin } from '@linli/sdk';
import { migrateAll, seedCity } from '@linli/server';
import { sql, type Kysely } from 'kysely';
import { createLookupTables, insertEventBatch, insertTicketBatch, type BulkShape, type TicketOrg } from './bulk.js';
import { formatCount, progressBar } from './progress.js';
import type { BenchTarget } from './target.js';

/** The password the bench sets on the example city's people (its own schema or data dir only). */
export const BENCH_PASSWORD = 'linli-bench-password';

export interface City {
  deployment: Deployment;
  plugins: LinliPlugin[];
}

export interface SeedReport {
  tickets: number;
  events: number;
  reused: boolean;
  loadSeconds: number;
  indexSeconds: number;
}

const TICKET_TABLES = ['linli_tickets', 'linli_ticket_events'];
const VACUUMED = [...TICKET_TABLES, 'linli_ticket_rollup'];

/**
 * Migrations and the city's org tree, people (with BENCH_PASSWORD) and grids,
 * exactly as `linli serve` would create them; then `total` tickets with their
 * histories unless the data is already there (--reuse).
 */
export async function prepareData(target: BenchTarget, city: City, total: number, reuse: boolean): Promise<SeedReport> {
  const { db } = target.database;
  await migrateAll(target.database, city.plugins);
  await seedCity(target.database, city.deployment, city.plugins, { demoPassword: BENCH_PASSWORD, demoData: false });
  const existing = await countRows(db);
  if (reuse && existing.tickets >= total) {
    // The previous run's write phases left tens of thousands of fresh rows the
    // visibility map does not cover yet: vacuum as after a fresh seed, so
    // reads measure the same state either way.
    const started = performance.now();
    await db.connection().execute(async (conn) => {
      for (const t of VACUUMED) if (await tableExists(conn, t)) await sql`vacuum (analyze) ${sql.table(t)}`.execute(conn);
    });
    return { ...existing, reused: true, loadSeconds: 0, indexSeconds: (performance.now() - started) / 1000 };
  }
  if (existing.tickets > 0) throw new Error(`The bench database already holds ${existing.tickets} tickets; run without --reuse to start over.`);

  const shape = await bulkShape(db, total);
  const batch = target.backend === 'postgres' ? 50_000 : 20_000;
  const started = performance.now();
  let indexSeconds = 0;
  let events = 0;
  await db.connection().execute(async (conn) => {
    if (target.backend === 'postgres') {
      // Loading only: this connection's commits need not wait for the disk.
      await sql`set synchronous_commit = off`.execute(conn);
      await sql`set maintenance_work_mem = '256MB'`.execute(conn);
    }
    // Generated rows are consistent by construction: skip the per-row foreign-key
    // and rollup triggers (the rollup is rebuilt in one pass below). Needs a
    // superuser; without one the load is slower, not different.
    const triggersOff = await sql`set session_replication_role = replica`.execute(conn).then(
      () => true,
      () => false,
    );
    await createLookupTables(conn, shape);
    const dropped = await dropSecondaryIndexes(conn);
    const bar = progressBar('seed', total);
    for (let lo = 1; lo <= total; lo += batch) {
      const hi = Math.min(total, lo + batch - 1);
      await insertTicketBatch(conn, shape, lo, hi);
      events += await insertEventBatch(conn, shape, lo, hi);
      bar.update(hi, `${formatCount(events)} events`);
    }
    bar.done(`${formatCount(events)} events`);
    if (triggersOff) await sql`set session_replication_role = origin`.execute(conn);
    // Ids were given explicitly: move the identity past them.
    await sql`select setval(pg_get_serial_sequence('linli_tickets', 'id'), (select max(id) from linli_tickets))`.execute(conn);
    const indexStart = performance.now();
    const ibar = progressBar('indexes', dropped.length);
    for (const [i, d] of dropped.entries()) {
      // The definition comes from pg_indexes as PostgreSQL printed it before the drop: ours, not input.
      await sql.raw(d.indexdef).execute(conn);
      ibar.update(i + 1, d.indexname);
    }
    ibar.done();
    // The dashboard's running totals of closed tickets (migration 0004), computed in one pass.
    const { rows: rollup } = await sql<{ fn: string | null }>`select to_regproc('linli_ticket_rollup_rebuild')::text as fn`.execute(conn);
    if (rollup[0]?.fn) await sql`select linli_ticket_rollup_rebuild()`.execute(conn);
    // Statistics for the planner, and the visibility map that index-only scans need.
    for (const t of VACUUMED) if (await tableExists(conn, t)) await sql`vacuum (analyze) ${sql.table(t)}`.execute(conn);
    indexSeconds = (performance.now() - indexStart) / 1000;
  });
  return { tickets: total, events, reused: false, loadSeconds: (performance.now() - started) / 1000 - indexSeconds, indexSeconds };
}

async function tableExists(db: Kysely<CoreTables>, name: string): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db);
  return rows[0]?.t != null;
}

async function countRows(db: Kysely<CoreTables>) {
  const t = await db.selectFrom('linli_tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const e = await db.selectFrom('linli_ticket_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { tickets: Number(t.n), events: Number(e.n) };
}

/** Secondary indexes of the ticket tables (not those behind a constraint): dropped for the load, rebuilt after. */
async function dropSecondaryIndexes(db: Kysely<CoreTables>): Promise<{ indexname: string; indexdef: string }[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${sql.join(TICKET_TABLES)})
      and not exists (select 1 from pg_constraint c where c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
    order by i.indexname`.execute(db);
  for (const r of rows) await sql`drop index ${sql.id(r.indexname)}`.execute(db);
  return rows;
}

/** Where tickets are filed (compounds, buildings, communities), who files them, and who they are dispatched to. */
async function bulkShape(db: Kysely<CoreTables>, total: number): Promise<BulkShape> {
  const orgs = await db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'path', 'name']).orderBy('id').execute();
  const people = new Map((await db.selectFrom('linli_people').select(['id', 'username']).execute()).map((p) => [p.username, p.id]));
  const residents = await db
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
    .select(['ra.person_id', 'o.path'])
    .where('ra.role', '=', 'resident')
    .execute();
  // Phone-in and app reports land at the command centre; a compound's resident files their own.
  const fallback = people.get('command') ?? people.get('admin') ?? [...people.values()][0];
  if (fallback === undefined) throw new Error('The city config has no people: the bench needs its staff accounts.');
  const reporterFor = (path: string) => residents.find((r) => path.startsWith(r.path))?.person_id ?? fallback;
  const ticketOrgs: TicketOrg[] = orgs
    .filter((o) => ['compound', 'building', 'community'].includes(o.type))
    .map((o) => ({ id: o.id, path: o.path, name: o.name, reporterId: reporterFor(o.path) }));
  const assignees = orgs.filter((o) => o.type === 'department' || o.type === 'property_company').map((o) => ({ id: o.id, path: o.path }));
  if (ticketOrgs.length === 0 || assignees.length === 0) throw new Error('The city config needs communities or compounds, and departments or property companies.');
  const cols = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'linli_ticket_events'`.execute(db);
  return {
    orgs: ticketOrgs,
    assignees,
    staffId: people.get('grid.yongfu1') ?? fallback,
    now: new Date(),
    total,
    eventsHaveAssignee: cols.rows.some((c) => c.column_name === 'assignee_org_id'),
  };
}
