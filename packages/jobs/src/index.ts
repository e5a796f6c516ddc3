/**
 * @linli/jobs — durable jobs kept in the database (`linli_jobs`), claimed
 * with `SELECT … FOR UPDATE SKIP LOCKED` and a lease, so several server
 * instances share one queue on PostgreSQL and the same code runs on PGlite.
 * Design: docs/adr/0002-job-runner.md.
 */
export * from './types.js';
export * from './backoff.js';
export * from './queue.js';
export * from './runner.js';
