import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { exponentialBackoff } from './backoff.js';
import { claimJobs, completeJob, enqueueJobs, failJob, holdJob, purgeFinishedJobs, releaseJob } from './queue.js';
import { PermanentJobError, type Job, type JobHandler, type NewJob } from './types.js';

export interface JobLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  db: Kysely<any>;
  /** The clock every due time and lease is measured by. */
  now: () => Date;
  handlers: readonly JobHandler[];
  /** Names this worker in `locked_by`; unique per process. */
  workerId?: string;
  /** How long a claimed job stays reserved for this worker. Longer than any handler's run. Default 5 min. */
  leaseMs?: number;
  /** Jobs claimed per round. Default 20. */
  batchSize?: number;
  /** External (network) jobs run at once within a round; database jobs run one at a time. Default 4. */
  concurrency?: number;
  /** Time between polls of the loop. Default 1 s. */
  pollMs?: number;
  /** Done jobs are deleted after this long. Default 7 days. */
  retainDoneMs?: number;
  logger?: JobLogger;
}

export interface RunSummary {
  done: number;
  retried: number;
  dead: number;
  /** Jobs whose lease another worker took over before this one finished: nothing was written. */
  lost: number;
}

const silent: JobLogger = { error() {}, warn() {} };
const MAX_ROUNDS = 200;

class LostLease extends Error {}

/**
 * Runs due jobs from the `linli_jobs` table. Any number of runners (several
 * server instances) may share one database: claims skip rows another runner
 * holds, and a `transaction` job commits its effects together with its
 * completion, so it takes effect exactly once. `runDueJobs(now)` is one pass
 * (what tests call, step by step); `start()` repeats it every `pollMs` until
 * `stop()`.
 */
export class JobRunner {
  readonly workerId: string;
  readonly #o: Required<Omit<JobRunnerOptions, 'workerId' | 'logger' | 'handlers'>> & { logger: JobLogger };
  readonly #handlers = new Map<string, JobHandler>();
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<unknown> | undefined;
  #started = false;
  #lastPurge = 0;

  constructor(o: JobRunnerOptions) {
    this.workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#o = {
      db: o.db,
      now: o.now,
      leaseMs: o.leaseMs ?? 300_000,
      batchSize: o.batchSize ?? 20,
      concurrency: o.concurrency ?? 4,
      pollMs: o.pollMs ?? 1000,
      retainDoneMs: o.retainDoneMs ?? 7 * 86_400_000,
      logger: o.logger ?? silent,
    };
    for (const h of o.handlers) this.register(h);
  }

  register(handler: JobHandler): void {
    if (this.#handlers.has(handler.kind)) throw new Error(`Two job handlers for the kind "${handler.kind}"`);
    this.#handlers.set(handler.kind, handler);
  }

  get kinds(): string[] {
    return [...this.#handlers.keys()];
  }

  /** Enqueues jobs (in `db`, which may be the caller's transaction), with each kind's default attempts. */
  async enqueue(db: Kysely<any>, jobs: readonly NewJob[]): Promise<number> {
    return enqueueJobs(db, this.rows(jobs), this.#o.now());
  }

  /**
   * The jobs as the rows `enqueue` would add (each kind's `maxAttempts` filled
   * in), for a caller that writes them inside a statement of its own: a
   * ticket's step sends its deadline jobs with its write, one round trip.
   */
  rows(jobs: readonly NewJob[]): { kind: string; key: string | null; payload: unknown; runAt: Date; maxAttempts: number }[] {
    return jobs.map((j) => ({ kind: j.kind, key: j.key ?? null, payload: j.payload, runAt: j.runAt, maxAttempts: j.maxAttempts ?? this.#handlers.get(j.kind)?.maxAttempts ?? 5 }));
  }

  /** One pass: claims and runs every job due at `now`, round after round, including jobs that become due during the pass. */
  async runDueJobs(now: Date = this.#o.now()): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, retried: 0, dead: 0, lost: 0 };
    for (let round = 0; round < MAX_ROUNDS && !this.#stop.signal.aborted; round++) {
      const jobs = await claimJobs(this.#o.db, { workerId: this.workerId, now, leaseMs: this.#o.leaseMs, limit: this.#o.batchSize, kinds: this.kinds });
      if (jobs.length === 0) break;
      // Database jobs one after another in due order (a ticket's history then reads in the order its
      // steps fell due); network jobs side by side, so one slow receiver does not hold up the rest.
      const external = jobs.filter((j) => this.#handlers.get(j.kind)?.mode === 'external');
      await Promise.all([
        (async () => {
          for (const job of jobs) if (!external.includes(job)) await this.#runOne(job, now, summary);
        })(),
        inParallel(external, this.#o.concurrency, (job) => this.#runOne(job, now, summary)),
      ]);
    }
    return summary;
  }

  async #runOne(job: Job, now: Date, summary: RunSummary): Promise<void> {
    const handler = this.#handlers.get(job.kind)!;
    const { db, logger } = this.#o;
    if (this.#stop.signal.aborted) return releaseJob(db, job, this.workerId);
    try {
      if (handler.mode === 'transaction') {
        await db.transaction().execute(async (trx) => {
          if (!(await holdJob(trx, job, this.workerId))) throw new LostLease();
          await handler.run({ job, db: trx, now, signal: this.#stop.signal });
          await completeJob(trx, job, this.workerId, now);
        });
        summary.done++;
      } else {
        const signal = AbortSignal.any([this.#stop.signal, AbortSignal.timeout(handler.timeoutMs ?? 30_000)]);
        await handler.run({ job, db, now, signal });
        if (await completeJob(db, job, this.workerId, now)) summary.done++;
        else summary.lost++;
      }
    } catch (e) {
      if (e instanceof LostLease) {
        summary.lost++;
        return;
      }
      if (this.#stop.signal.aborted) {
        // Stopping is not the job's fault: hand it back without using up an attempt.
        await releaseJob(db, job, this.workerId).catch(() => {});
        return;
      }
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      const backoff = handler.backoffMs ?? exponentialBackoff();
      const retryAt = new Date(now.getTime() + backoff(job.attempts, job));
      const outcome = await failJob(db, job, this.workerId, message, retryAt, now, e instanceof PermanentJobError);
      if (outcome === 'dead') {
        summary.dead++;
        logger.error({ jobId: job.id, kind: job.kind, key: job.key, attempts: job.attempts, err: message }, 'job dead-lettered');
      } else if (outcome === 'retry') {
        summary.retried++;
        logger.warn({ jobId: job.id, kind: job.kind, key: job.key, attempts: job.attempts, err: message, retryAt }, 'job failed; will retry');
      } else summary.lost++;
    }
  }

  /** Polls until `stop()`. Safe to call once; a stopped runner does not restart. */
  start(): void {
    if (this.#started || this.#stop.signal.aborted) return;
    this.#started = true;
    const tick = async () => {
      const now = this.#o.now();
      try {
        await this.runDueJobs(now);
        if (now.getTime() - this.#lastPurge > 3_600_000) {
          this.#lastPurge = now.getTime();
          await purgeFinishedJobs(this.#o.db, new Date(now.getTime() - this.#o.retainDoneMs));
        }
      } catch (e) {
        if (!this.#stop.signal.aborted) this.#o.logger.error({ err: e }, 'job runner pass failed');
      }
    };
    const loop = () => {
      if (this.#stop.signal.aborted) return;
      this.#pass = tick().finally(() => {
        if (!this.#stop.signal.aborted) this.#timer = setTimeout(loop, this.#o.pollMs);
      });
    };
    loop();
  }

  /** Stops polling, aborts external jobs in flight (they go back to the queue), and waits for the pass to end. */
  async stop(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#timer);
    await this.#pass;
  }
}

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
