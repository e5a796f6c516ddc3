import { randomBytes } from 'node:crypto';
import { migrateCore, openDatabase, type Database } from '@linli/db';
import { testBackends } from '@linli/db/testing';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimJobs, completeJob, deadLetters, failJob, holdJob, retryDeadLetter } from './queue.js';
import { JobRunner } from './runner.js';
import { PermanentJobError, type JobHandler } from './types.js';

const T0 = new Date('2026-11-24T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Each effect a handler has is a row here, so "exactly once" is a count. */
const effect = (kind: string, mode: JobHandler['mode'] = 'transaction', extra: Partial<JobHandler> = {}): JobHandler<{ n: number }> => ({
  kind,
  mode,
  ...extra,
  async run({ db, job }) {
    await sql`insert into test_effects (kind, job_key, n) values (${kind}, ${job.key}, ${job.payload.n})`.execute(db);
  },
});

async function prepare(db: Kysely<any>) {
  await migrateCore(db);
  await sql`create table if not exists test_effects (kind text not null, job_key text, n integer)`.execute(db);
}

for (const backend of testBackends()) {
  describe(`job runner on ${backend.name}`, () => {
    let database: Database<any>;
    let db: Kysely<any>;
    beforeAll(async () => {
      database = await backend.open();
      db = database.db;
      await prepare(db);
    });
    afterAll(() => database?.close());
    beforeEach(async () => {
      await sql`delete from linli_jobs`.execute(db);
      await sql`delete from test_effects`.execute(db);
    });
    const effects = async (kind: string) => (await sql<{ job_key: string | null; n: number }>`select job_key, n from test_effects where kind = ${kind} order by n`.execute(db)).rows;

    it('runs a job once it is due, and an idempotency key enqueues it only once', async () => {
      const runner = new JobRunner({ db, now: () => T0, handlers: [effect('note')] });
      expect(await runner.enqueue(db, [{ kind: 'note', key: 'note:1', payload: { n: 1 }, runAt: at(30) }])).toBe(1);
      expect(await runner.enqueue(db, [{ kind: 'note', key: 'note:1', payload: { n: 2 }, runAt: at(0) }])).toBe(0);
      expect(await runner.runDueJobs(at(29))).toEqual({ done: 0, retried: 0, dead: 0, lost: 0 });
      expect(await runner.runDueJobs(at(30))).toMatchObject({ done: 1 });
      expect(await runner.runDueJobs(at(90))).toMatchObject({ done: 0 });
      // Once done, the key stays taken: enqueuing again is still a no-op.
      expect(await runner.enqueue(db, [{ kind: 'note', key: 'note:1', payload: { n: 3 }, runAt: at(0) }])).toBe(0);
      expect(await effects('note')).toEqual([{ job_key: 'note:1', n: 1 }]);
    });

    it('runs jobs that become due during a pass, in due order', async () => {
      const chain: JobHandler<{ n: number }> = {
        kind: 'chain',
        mode: 'transaction',
        async run({ db: trx, job, now }) {
          await sql`insert into test_effects (kind, job_key, n) values ('chain', ${job.key}, ${job.payload.n})`.execute(trx);
          if (job.payload.n < 3) await runner.enqueue(trx, [{ kind: 'chain', key: `chain:${job.payload.n + 1}`, payload: { n: job.payload.n + 1 }, runAt: now }]);
        },
      };
      const runner = new JobRunner({ db, now: () => T0, handlers: [chain] });
      await runner.enqueue(db, [{ kind: 'chain', key: 'chain:1', payload: { n: 1 }, runAt: at(0) }]);
      expect(await runner.runDueJobs(at(0))).toMatchObject({ done: 3 });
      expect((await effects('chain')).map((e) => e.n)).toEqual([1, 2, 3]);
    });

    it('rolls back a failed transaction job, retries it with exponential backoff, then dead-letters it', async () => {
      let calls = 0;
      const flaky: JobHandler<{ n: number }> = {
        kind: 'flaky',
        mode: 'transaction',
        async run({ db: trx, job }) {
          calls++;
          await sql`insert into test_effects (kind, job_key, n) values ('flaky', ${job.key}, ${calls})`.execute(trx);
          throw new Error(`receiver down (${calls})`);
        },
      };
      const runner = new JobRunner({ db, now: () => T0, handlers: [flaky] });
      await runner.enqueue(db, [{ kind: 'flaky', key: 'flaky:1', payload: { n: 1 }, runAt: at(0), maxAttempts: 3 }]);
      expect(await runner.runDueJobs(at(0))).toMatchObject({ retried: 1 });
      // 30 s after the first failure, then 60 s after the second.
      expect(await runner.runDueJobs(at(0.49))).toMatchObject({ retried: 0 });
      expect(await runner.runDueJobs(at(0.5))).toMatchObject({ retried: 1 });
      expect(await runner.runDueJobs(at(1.49))).toMatchObject({ retried: 0 });
      expect(await runner.runDueJobs(at(1.5))).toMatchObject({ dead: 1 });
      expect(await runner.runDueJobs(at(1000))).toMatchObject({ done: 0, dead: 0 });
      expect(calls).toBe(3);
      expect(await effects('flaky')).toEqual([]);
      const dead = await deadLetters(db, 10);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ kind: 'flaky', key: 'flaky:1', attempts: 3, lastError: 'Error: receiver down (3)' });
      // An operator puts it back after fixing the receiver.
      expect(await retryDeadLetter(db, dead[0]!.id, at(2000))).toBe(true);
      expect(await runner.runDueJobs(at(2000))).toMatchObject({ retried: 1 });
    });

    it('dead-letters at once on a PermanentJobError', async () => {
      const runner = new JobRunner({ db, now: () => T0, handlers: [{ kind: 'doomed', mode: 'external', run: async () => Promise.reject(new PermanentJobError('410 Gone')) }] });
      await runner.enqueue(db, [{ kind: 'doomed', payload: {}, runAt: at(0), maxAttempts: 8 }]);
      expect(await runner.runDueJobs(at(0))).toMatchObject({ dead: 1 });
    });

    it('gives a job held by a crashed worker to another worker when its lease runs out', async () => {
      const runner = new JobRunner({ db, now: () => T0, handlers: [effect('lease')], leaseMs: 60_000 });
      await runner.enqueue(db, [{ kind: 'lease', key: 'lease:1', payload: { n: 1 }, runAt: at(0) }]);
      // A worker claims it and dies before finishing.
      const claimed = await claimJobs(db, { workerId: 'crashed', now: at(0), leaseMs: 120_000, limit: 10, kinds: ['lease'] });
      expect(claimed.map((j) => j.key)).toEqual(['lease:1']);
      expect(await runner.runDueJobs(at(1))).toMatchObject({ done: 0 });
      expect(await runner.runDueJobs(at(2))).toMatchObject({ done: 1 });
      expect(await effects('lease')).toEqual([{ job_key: 'lease:1', n: 1 }]);
      const row = await db.selectFrom('linli_jobs').select(['attempts', 'status', 'locked_by']).where('key', '=', 'lease:1').executeTakeFirstOrThrow();
      expect(row).toEqual({ attempts: 2, status: 'done', locked_by: null });
    });

    it('refuses completion to a worker whose lease was taken over', async () => {
      const runner = new JobRunner({ db, now: () => T0, handlers: [effect('late')] });
      await runner.enqueue(db, [{ kind: 'late', key: 'late:1', payload: { n: 1 }, runAt: at(0) }]);
      const [stale] = await claimJobs(db, { workerId: 'late-worker', now: at(0), leaseMs: 1000, limit: 1, kinds: ['late'] });
      // Its lease ran out and another worker claimed the job meanwhile.
      const [fresh] = await claimJobs(db, { workerId: 'other', now: at(1), leaseMs: 60_000, limit: 1, kinds: ['late'] });
      expect(fresh?.attempts).toBe(2);
      expect(await db.transaction().execute((trx) => holdJob(trx, stale!, 'late-worker'))).toBe(false);
      expect(await completeJob(db, stale!, 'late-worker', at(1))).toBe(false);
      expect(await failJob(db, stale!, 'late-worker', 'x', at(2), at(1))).toBe('lost');
      expect(await completeJob(db, fresh!, 'other', at(1))).toBe(true);
    });

    it('loses no job across a restart: a new runner picks up what the old one left', async () => {
      const first = new JobRunner({ db, now: () => T0, handlers: [effect('restart')] });
      await first.enqueue(db, Array.from({ length: 5 }, (_, n) => ({ kind: 'restart', key: `restart:${n}`, payload: { n }, runAt: at(n * 10) })));
      expect(await first.runDueJobs(at(15))).toMatchObject({ done: 2 });
      await first.stop();
      const second = new JobRunner({ db, now: () => T0, handlers: [effect('restart')] });
      expect(await second.runDueJobs(at(60))).toMatchObject({ done: 3 });
      expect((await effects('restart')).map((e) => e.n)).toEqual([0, 1, 2, 3, 4]);
    });

    it('leaves kinds it has no handler for to a runner that has one', async () => {
      const old = new JobRunner({ db, now: () => T0, handlers: [effect('known')] });
      await old.enqueue(db, [{ kind: 'newer', key: 'newer:1', payload: { n: 1 }, runAt: at(0) }]);
      expect(await old.runDueJobs(at(10))).toMatchObject({ done: 0, dead: 0 });
      const current = new JobRunner({ db, now: () => T0, handlers: [effect('newer')] });
      expect(await current.runDueJobs(at(10))).toMatchObject({ done: 1 });
    });

    it('polls with start() and stops cleanly, handing back an external job in flight', async () => {
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      const slow: JobHandler = {
        kind: 'slow',
        mode: 'external',
        timeoutMs: 60_000,
        run: ({ signal }) =>
          new Promise((_, reject) => {
            started();
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
      };
      const runner = new JobRunner({ db, now: () => new Date(), handlers: [slow], pollMs: 10 });
      await runner.enqueue(db, [{ kind: 'slow', key: 'slow:1', payload: {}, runAt: new Date(Date.now() - 1000) }]);
      runner.start();
      await running;
      await runner.stop();
      const row = await db.selectFrom('linli_jobs').select(['attempts', 'status', 'locked_by']).where('key', '=', 'slow:1').executeTakeFirstOrThrow();
      expect(row).toEqual({ attempts: 0, status: 'pending', locked_by: null });
    });
  });
}

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('two job runners on one PostgreSQL', () => {
  const schema = `t_jobs_${randomBytes(4).toString('hex')}`;
  const handles: Database<any>[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('runs each of 300 due jobs exactly once between them', async () => {
    for (let i = 0; i < 2; i++) handles.push(await openDatabase({ url, schema }));
    const [a, b] = handles as [Database<any>, Database<any>];
    await prepare(a.db);
    const runners = [a, b].map((h, i) => new JobRunner({ db: h.db, now: () => T0, handlers: [effect('shared')], workerId: `w${i}`, batchSize: 7, concurrency: 3 }));
    await runners[0]!.enqueue(a.db, Array.from({ length: 300 }, (_, n) => ({ kind: 'shared', key: `shared:${n}`, payload: { n }, runAt: at(n % 5) })));
    const [ra, rb] = await Promise.all(runners.map((r) => r.runDueJobs(at(10))));
    expect(ra!.done + rb!.done).toBe(300);
    // Both took part (a naive queue would let one runner do it all or both do everything).
    expect(ra!.done).toBeGreaterThan(0);
    expect(rb!.done).toBeGreaterThan(0);
    const counts = await sql<{ n: number; c: number }>`select n, count(*)::int as c from test_effects where kind = 'shared' group by n having count(*) <> 1`.execute(a.db);
    expect(counts.rows).toEqual([]);
    const total = await sql<{ c: number }>`select count(distinct n)::int as c from test_effects where kind = 'shared'`.execute(a.db);
    expect(total.rows[0]!.c).toBe(300);
  });
});
