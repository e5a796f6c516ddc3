import type { Kysely } from 'kysely';

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
