import { sql, type Kysely } from 'kysely';
import { LinliError } from '@linli/core';
import type { CoreTables } from '@linli/db';

/**
 * Login throttling after OWASP's authentication guidance: slow guessing down
 * without letting a stranger lock the owner out.
 *
 * Every attempt is counted *before* its password is checked, in one atomic
 * `INSERT … ON CONFLICT … RETURNING` over three counters, kept in the
 * database so every instance shares them:
 * - one account from one address (`perAccountAndAddress`): always enforced;
 *   this is what stops a guesser, and it only ever stops that guesser's address;
 * - one account from any address (`perAccount`) and one address for any
 *   account (`perAddress`): slow down guessing spread over many addresses or
 *   many accounts, but are not enforced from an address the account has
 *   logged in from successfully in the last `knownAddressDays` days, so the
 *   owner still gets in from home or office while a stranger guesses.
 * A counter over its limit answers 429 with `retry-after` set to the rest of
 * its window. A successful login clears its own account-and-address counter
 * and takes its attempt off the other two.
 */
export interface LoginLimit {
  /** Attempts for one account from one address per window (default 5). */
  perAccountAndAddress?: number;
  /** Attempts for one account from addresses it has not logged in from (default 10). */
  perAccount: number;
  /** Attempts from one address for accounts that have not logged in from it (default 100). */
  perAddress: number;
  windowMinutes: number;
  /** How long a successful login makes an address known for its account (default 30 days). */
  knownAddressDays?: number;
}

export const defaultLoginLimit: Required<LoginLimit> = { perAccountAndAddress: 5, perAccount: 10, perAddress: 100, windowMinutes: 15, knownAddressDays: 30 };

const keysOf = (username: string, ip: string) => {
  const user = username.toLowerCase();
  return { pair: `pair:${user}:${ip}`, account: `user:${user}`, address: `ip:${ip}`, known: `known:${user}:${ip}` };
};

export async function reserveLoginAttempt(db: Kysely<CoreTables>, username: string, ip: string, now: Date, limit: LoginLimit): Promise<void> {
  const k = keysOf(username, ip);
  const windowMs = limit.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const knownSince = new Date(now.getTime() - (limit.knownAddressDays ?? defaultLoginLimit.knownAddressDays) * 86_400_000);
  const known = await db.selectFrom('linli_login_throttle').select('key').where('key', '=', k.known).where('window_start', '>', knownSince).executeTakeFirst();
  // Keys always in the same order (pair, account, address): concurrent upserts lock rows in one order and cannot deadlock.
  const rows = await db
    .insertInto('linli_login_throttle')
    .values([k.pair, k.account, k.address].map((key) => ({ key, attempts: 1, window_start: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when linli_login_throttle.window_start <= ${since} then 1 else linli_login_throttle.attempts + 1 end`,
        window_start: sql<Date>`case when linli_login_throttle.window_start <= ${since} then excluded.window_start else linli_login_throttle.window_start end`,
      }),
    )
    .returning(['key', 'attempts', 'window_start'])
    .execute();
  const max: Record<string, number> = {
    [k.pair]: limit.perAccountAndAddress ?? defaultLoginLimit.perAccountAndAddress,
    [k.account]: known ? Infinity : limit.perAccount,
    [k.address]: known ? Infinity : limit.perAddress,
  };
  const over = rows.filter((r) => Number(r.attempts) > max[r.key]!);
  if (over.length === 0) return;
  const until = Math.max(...over.map((r) => new Date(r.window_start).getTime() + windowMs));
  throw rateLimited(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
}

/** A 429 whose `retry-after` header says when to try again (errors.ts sends it). */
export function rateLimited(seconds: number): LinliError {
  return Object.assign(new LinliError('LINLI_ERR_RATE_LIMITED', [seconds]), { retryAfterSeconds: seconds });
}

export async function recordSuccessfulLogin(db: Kysely<CoreTables>, username: string, ip: string, now: Date): Promise<void> {
  const k = keysOf(username, ip);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('linli_login_throttle').where('key', '=', k.pair).execute();
    // One key at a time, account before address: the lock order of reserveLoginAttempt.
    for (const key of [k.account, k.address]) {
      await trx.updateTable('linli_login_throttle').set({ attempts: sql<number>`greatest(attempts - 1, 0)` }).where('key', '=', key).execute();
    }
    await trx
      .insertInto('linli_login_throttle')
      .values({ key: k.known, attempts: 0, window_start: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now }))
      .execute();
  });
}
