import type { Kysely } from 'kysely';
import { LinliError } from '@linli/core';
import type { CoreTables } from '@linli/db';

/**
 * Login throttling kept in the database, so several server instances share
 * the count: too many failures for one account, or from one address, within
 * the window answer 429 until the window has passed.
 */
export interface LoginLimit {
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

const keys = (username: string, ip: string) => ({ account: `user:${username.toLowerCase()}`, address: `ip:${ip}` });

export async function assertLoginAllowed(db: Kysely<CoreTables>, username: string, ip: string, now: Date, limit: LoginLimit): Promise<void> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const k = keys(username, ip);
  const rows = await db
    .selectFrom('linli_login_attempts')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', [k.account, k.address])
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  const count = (key: string) => Number(rows.find((r) => r.key === key)?.n ?? 0);
  if (count(k.account) >= limit.perAccount || count(k.address) >= limit.perAddress) {
    throw new LinliError('LINLI_ERR_RATE_LIMITED', [limit.windowMinutes * 60]);
  }
}

export async function recordFailedLogin(db: Kysely<CoreTables>, username: string, ip: string, now: Date): Promise<void> {
  const k = keys(username, ip);
  await db.insertInto('linli_login_attempts').values([{ key: k.account, at: now }, { key: k.address, at: now }]).execute();
}

export async function clearFailedLogins(db: Kysely<CoreTables>, username: string): Promise<void> {
  await db.deleteFrom('linli_login_attempts').where('key', '=', keys(username, '').account).execute();
}
