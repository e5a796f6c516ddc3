import { compileStatement, jobParams, param, runStatement, statementBuilder, statementsByShape, type CoreTables } from '@linli/db';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { JobsTable } from '@linli/db';
import type { Job, NewJob } from './types.js';

/**
 * The SQL of the queue: enqueue with idempotency keys, claim with
 * `FOR UPDATE SKIP LOCKED` and a lease, finish, retry, dead-letter. Every
 * time comes from the caller's clock, never from the database's `now()`, so
 * tests move time and all instances agree on what is due.
 */
type Db = Kysely<CoreTables>;

export const toJob = <P>(r: Selectable<JobsTable>): Job<P> => ({
  id: Number(r.id),
  kind: r.kind,
  key: r.key,
  payload: r.payload as P,
  runAt: r.run_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  createdAt: r.created_at,
});

/** The insert of `count` jobs. */
const insertJobsOf = (count: number) =>
  statementBuilder
      .insertInto('linli_jobs')
      .values(
        Array.from({ length: count }, (_, i) => ({
          kind: param(`kind${i}`),
          key: param(`key${i}`),
          payload: sql<string>`cast(${param(`payload${i}`)} as jsonb)`,
          run_at: param(`runAt${i}`),
          max_attempts: param(`maxAttempts${i}`),
          created_at: param('now'),
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id');

// Compiled once per count up to a step's few jobs; a larger batch (a notice to many people) is compiled for itself.
const CACHED_UP_TO = 16;
const insertJobs = statementsByShape((count: number) => String(count), insertJobsOf);

/**
 * Adds jobs, in the caller's transaction when given one: a job is scheduled
 * exactly when the change that needs it commits. A job whose key exists
 * already (pending, done or dead) is skipped. Returns how many were added.
 */
export async function enqueueJobs(db: Kysely<any>, jobs: readonly NewJob[], now: Date, defaultMaxAttempts = 5): Promise<number> {
  if (jobs.length === 0) return 0;
  const values = { now, ...jobParams(jobs.map((j) => ({ kind: j.kind, key: j.key ?? null, payload: j.payload, runAt: j.runAt, maxAttempts: j.maxAttempts ?? defaultMaxAttempts }))) };
  const rows = await runStatement(db, jobs.length <= CACHED_UP_TO ? insertJobs(jobs.length) : compileStatement(insertJobsOf(jobs.length)), values);
  return rows.length;
}

/**
 * Removes the pending job with this key, in the caller's transaction, so it
 * never runs and the key can be taken again. A job running right now holds
 * its row locked (`holdJob`): the delete waits for it, then finds it done and
 * removes nothing. Returns whether a job was removed.
 */
export async function cancelJob(db: Kysely<any>, key: string): Promise<boolean> {
  const rows = await (db as Db).deleteFrom('linli_jobs').where('key', '=', key).where('status', '=', 'pending').returning('id').execute();
  return rows.length > 0;
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  kinds: readonly string[];
}

/**
 * Takes up to `limit` due jobs for this worker. The inner SELECT locks the
 * rows it picks and skips rows another worker is claiming at that moment;
 * the lease (`locked_until`) keeps them from being claimed again until it
 * runs out, which is how a job held by a crashed worker comes back. The CTE
 * is materialized so the LIMIT is applied once, not per outer row.
 */
export async function claimJobs(db: Kysely<any>, o: ClaimOptions): Promise<Job[]> {
  if (o.kinds.length === 0) return [];
  const d = db as Db;
  const leaseEnd = new Date(o.now.getTime() + o.leaseMs);
  const rows = await d
    .with(
      (cte) => cte('picked').materialized(),
      (qb) =>
        qb
          .selectFrom('linli_jobs')
          .select('id')
          .where('status', '=', 'pending')
          .where('run_at', '<=', o.now)
          .where('kind', 'in', o.kinds)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', o.now)]))
          .orderBy('run_at')
          .orderBy('id')
          .limit(o.limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('linli_jobs')
    .from('picked')
    .set({ attempts: sql`linli_jobs.attempts + 1`, locked_by: o.workerId, locked_until: leaseEnd })
    .whereRef('linli_jobs.id', '=', 'picked.id')
    .returningAll('linli_jobs')
    .execute();
  return rows.map((r) => toJob(r)).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** This worker still holds the job (its lease was not taken over): lock the row for the rest of the transaction. */
export async function holdJob(trx: Kysely<any>, job: Job, workerId: string): Promise<boolean> {
  const row = await (trx as Db)
    .selectFrom('linli_jobs')
    .select('id')
    .where('id', '=', job.id)
    .where('status', '=', 'pending')
    .where('locked_by', '=', workerId)
    .where('attempts', '=', job.attempts)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

const held = (job: Job, workerId: string) => (eb: any) => eb.and([eb('id', '=', job.id), eb('locked_by', '=', workerId), eb('attempts', '=', job.attempts), eb('status', '=', 'pending')]);

export async function completeJob(db: Kysely<any>, job: Job, workerId: string, now: Date): Promise<boolean> {
  const r = await (db as Db)
    .updateTable('linli_jobs')
    .set({ status: 'done', finished_at: now, locked_by: null, locked_until: null, last_error: null })
    .where(held(job, workerId))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a failed attempt: back to pending at `retryAt`, or dead when out of attempts (or `permanent`). */
export async function failJob(db: Kysely<any>, job: Job, workerId: string, error: string, retryAt: Date, now: Date, permanent = false): Promise<'retry' | 'dead' | 'lost'> {
  const dead = permanent || job.attempts >= job.maxAttempts;
  const r = await (db as Db)
    .updateTable('linli_jobs')
    .set(dead ? { status: 'dead', finished_at: now, locked_by: null, locked_until: null, last_error: error.slice(0, 2000) } : { run_at: retryAt, locked_by: null, locked_until: null, last_error: error.slice(0, 2000) })
    .where(held(job, workerId))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return 'lost';
  return dead ? 'dead' : 'retry';
}

/** Gives a job back untouched (the runner is stopping): the attempt does not count. */
export async function releaseJob(db: Kysely<any>, job: Job, workerId: string): Promise<void> {
  await (db as Db)
    .updateTable('linli_jobs')
    .set({ locked_by: null, locked_until: null, attempts: sql`attempts - 1` })
    .where(held(job, workerId))
    .execute();
}

/** Deletes done jobs finished before `before`. Their keys are never reused, so nothing can be enqueued twice by this. */
export async function purgeFinishedJobs(db: Kysely<any>, before: Date): Promise<number> {
  const r = await (db as Db).deleteFrom('linli_jobs').where('status', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface DeadLetter extends Job {
  lastError: string | null;
  finishedAt: Date | null;
}

/** The dead letters, newest first, keyset-paginated on id. */
export async function deadLetters(db: Kysely<any>, limit: number, beforeId?: number): Promise<DeadLetter[]> {
  let q = (db as Db).selectFrom('linli_jobs').selectAll().where('status', '=', 'dead').orderBy('id', 'desc').limit(limit);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  return (await q.execute()).map((r) => ({ ...toJob(r), lastError: r.last_error, finishedAt: r.finished_at }));
}

/** Puts a dead letter back in the queue with fresh attempts (after the receiver is fixed). */
export async function retryDeadLetter(db: Kysely<any>, id: number, now: Date): Promise<boolean> {
  const r = await (db as Db)
    .updateTable('linli_jobs')
    .set({ status: 'pending', attempts: 0, run_at: now, finished_at: null, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
