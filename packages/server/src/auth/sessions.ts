import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { grantsOf, type CoreTables } from '@linli/db';
import { authChannel, encodeAuthChange, type AuthChange, type CachedSession, type SessionCache } from './session-cache.js';

/**
 * Sessions live in the database (not in process memory), so any server
 * instance on the same database serves any user. The database stores only a
 * SHA-256 of the token: a leaked table gives no usable session.
 */
export const sessionCookie = 'linli_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<CoreTables>, personId: number, now: Date, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db.insertInto('linli_sessions').values({ id: digest(token), person_id: personId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session for a token, with its person's role grants (one round
 * trip: this runs on every request, and a fresh answer is cached briefly),
 * or null when unknown, expired, revoked, or the person is disabled.
 */
export async function findSession(db: Kysely<CoreTables>, token: string, now: Date, cache?: SessionCache): Promise<CachedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = digest(token);
  const cached = cache?.get(id, now);
  if (cached) return cached;
  const row = await db
    .selectFrom('linli_sessions as s')
    .innerJoin('linli_people as p', 'p.id', 's.person_id')
    .select((eb) => ['s.id', 's.person_id', 's.csrf_token', 's.expires_at', grantsOf(eb.ref('s.person_id')).as('grants')])
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('p.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const session: CachedSession = { id: row.id, personId: row.person_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at), grants: row.grants };
  cache?.set(session);
  return session;
}

/**
 * Tells every instance on this database that who-may-do-what changed. Call
 * it in the change's transaction: PostgreSQL delivers the notification on
 * commit, and not at all on rollback.
 */
export async function announceAuthChange(db: Kysely<any>, change: AuthChange): Promise<void> {
  await sql`select pg_notify(${authChannel}, ${encodeAuthChange(change)})`.execute(db);
}

export async function revokeSession(db: Kysely<CoreTables>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('linli_sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}
