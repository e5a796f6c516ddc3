import type { Kysely } from 'kysely';
import type { PluginContext } from './plugin.js';

/** What a plugin's job handler gets. */
export interface PluginJobEvent<P = any> {
  /** The payload it was scheduled with (checked against `payloadSchema` when the kind declares one). */
  payload: P;
  ctx: PluginContext;
  /**
   * The transaction that also marks the job done: the handler's writes and
   * the job's completion commit together, so its effects happen exactly once
   * — across instances and crashes. A throw rolls both back and the job is
   * retried (with backoff), then dead-lettered like the core's jobs.
   */
  trx: Kysely<any>;
  job: { key: string; attempts: number; runAt: Date };
}

/**
 * One kind of durable job a plugin declares (`LinliPlugin.jobs`), as data:
 * its kind `<plugin>.<name>`, what its payload must look like, and what to do
 * when it falls due. Scheduled with `ctx.jobs.schedule`.
 *
 * @example
 * jobs: [{
 *   kind: 'three-linked-office.finish-meeting',
 *   payloadSchema: { type: 'object', required: ['meetingId'], properties: { meetingId: { type: 'string' } } },
 *   async handler({ payload, ctx, trx }) { await finishIfOpen(envOf(ctx, trx), payload.meetingId); },
 * }]
 */
export interface PluginJobDefinition<P = any> {
  kind: string;
  /** JSON Schema of the payload: `schedule` refuses a payload that does not match, and the runner dead-letters one that no longer does. */
  payloadSchema?: Record<string, unknown>;
  /** Attempts before the job is dead-lettered. Default 5. */
  maxAttempts?: number;
  handler(e: PluginJobEvent<P>): Promise<void>;
}

/**
 * Durable jobs for a plugin, on the core's queue (`linli_jobs`, ADR 0002).
 * Both methods take the caller's transaction: a job exists exactly when the
 * change that needs it commits.
 */
export interface PluginJobs {
  /**
   * Schedules a job of a kind the plugin declared, due at `runAt` (the
   * server's clock, `ctx.now()`). `key` makes it idempotent: one job per key,
   * ever, across instances — scheduling the same key again is a no-op
   * (returns false) until `cancel` frees it. Keys are the plugin's own: two
   * plugins never collide.
   */
  schedule(trx: Kysely<any>, kind: string, job: { runAt: Date; payload: unknown; key: string }): Promise<boolean>;
  /** Cancels the pending job with this key (one of this plugin's), so it never runs and the key can be scheduled again. Returns whether there was one. */
  cancel(trx: Kysely<any>, key: string): Promise<boolean>;
}
