import type { Kysely } from 'kysely';

/** A job as its handler sees it. */
export interface Job<P = unknown> {
  id: number;
  kind: string;
  /** Idempotency key: at most one job with this key ever exists. */
  key: string | null;
  payload: P;
  runAt: Date;
  /** Attempts so far, this one included. */
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
}

export interface JobContext<P = unknown> {
  job: Job<P>;
  /**
   * For `transaction` handlers: the transaction that also marks the job done,
   * so the handler's writes and the job's completion commit together. For
   * `external` handlers: the database itself (keep writes short).
   */
  db: Kysely<any>;
  /** The time of this pass of the runner (the injected clock, not the wall). */
  now: Date;
  /** Aborted when the runner stops or the handler's timeout passes. */
  signal: AbortSignal;
}

export interface JobHandler<P = any> {
  kind: string;
  /**
   * `transaction`: runs inside one transaction with the job's completion, so
   * its database effects happen exactly once. `external`: runs outside any
   * transaction (network calls must not hold a connection — on PGlite, the
   * only one); at-least-once, so give the receiver the job key to dedupe.
   */
  mode: 'transaction' | 'external';
  /** Default attempts for jobs of this kind (enqueue may override). Default 5. */
  maxAttempts?: number;
  /** Delay before the next attempt after failed attempt `attempt` (1-based). Default: 30 s doubling, capped at 6 h. */
  backoffMs?: (attempt: number, job: Job<P>) => number;
  /** For `external` handlers: abort the attempt after this long. Default 30 s. */
  timeoutMs?: number;
  run(ctx: JobContext<P>): Promise<void>;
}

/** Thrown by a handler when retrying cannot help: the job goes straight to the dead letters. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface NewJob {
  kind: string;
  key?: string | null;
  payload: unknown;
  runAt: Date;
  maxAttempts?: number;
}
