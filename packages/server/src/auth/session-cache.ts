import type { GrantRow } from '@linli/db';

/** A live session as authentication needs it: who, the CSRF token, until when, and the person's role grants. */
export interface CachedSession {
  id: string;
  personId: number;
  csrfToken: string;
  expiresAt: Date;
  grants: GrantRow[];
}

export interface SessionCacheOptions {
  /** How long an entry is trusted without asking the database again, in ms; 0 turns the cache off. */
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
}

/** What an instance tells the others when who-may-do-what changed: drop one session, or everything. */
export type AuthChange = { kind: 'session'; sessionId: string } | { kind: 'all' };

export const authChannel = 'linli_auth';
export const encodeAuthChange = (c: AuthChange): string => (c.kind === 'all' ? 'all' : `session:${c.sessionId}`);
export function decodeAuthChange(payload: string): AuthChange {
  return payload.startsWith('session:') ? { kind: 'session', sessionId: payload.slice('session:'.length) } : { kind: 'all' };
}

/**
 * Sessions and role grants, by session id (the token's digest), for a few seconds.
 *
 * Authentication runs on every request and was one database round trip of
 * the few a ticket create makes. This instance drops entries itself the
 * moment a session is revoked or any role changes; other instances on the
 * same PostgreSQL hear it through NOTIFY (sent in the change's transaction,
 * so delivered on commit). The TTL bounds what no notification covers (a row
 * edited by hand in psql, a listener connection that dropped). Expiry is
 * checked on every hit against the deployment's clock.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: CachedSession; storedAt: number }>();
  #ttlMs: number;
  readonly #max: number;

  constructor(opts: SessionCacheOptions) {
    this.#ttlMs = opts.ttlMs;
    this.#max = opts.maxEntries ?? 10_000;
  }

  get enabled(): boolean {
    return this.#ttlMs > 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string, now: Date, monotonicMs = performance.now()): CachedSession | undefined {
    const e = this.#entries.get(id);
    if (!e) return undefined;
    if (monotonicMs - e.storedAt >= this.#ttlMs || e.session.expiresAt <= now) {
      this.#entries.delete(id);
      return undefined;
    }
    return e.session;
  }

  set(session: CachedSession, monotonicMs = performance.now()): void {
    if (!this.enabled) return;
    this.#entries.delete(session.id);
    this.#entries.set(session.id, { session, storedAt: monotonicMs });
    // Map keeps insertion order: the first key is the oldest entry.
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Stops caching (and forgets everything): for when changes can no longer be heard. */
  disable(): void {
    this.#ttlMs = 0;
    this.#entries.clear();
  }

  apply(change: AuthChange): void {
    if (change.kind === 'all') {
      this.#entries.clear();
      return;
    }
    this.#entries.delete(change.sessionId);
  }
}
