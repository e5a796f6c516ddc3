import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LinliError } from '@linli/core';
import type { CoreTables } from '@linli/db';

/**
 * One-time links for setting a first password (`setup`) or a new one
 * (`reset`). The token is shown once, to whoever issues it (the CLI, or the
 * administrator who passes it on); the database keeps only its SHA-256. A
 * new link for a person voids the older unused ones, and using one voids it.
 */
export type AccountTokenPurpose = 'setup' | 'reset';

export const accountTokenHours = { setup: 72, reset: 24 } as const;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedToken {
  token: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
}

export async function issueAccountToken(
  db: Kysely<CoreTables>,
  o: { personId: number; purpose: AccountTokenPurpose; createdBy: number | null; now: Date; hours?: number },
): Promise<IssuedToken> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(o.now.getTime() + (o.hours ?? accountTokenHours[o.purpose]) * 3_600_000);
  await db.updateTable('linli_account_tokens').set({ used_at: o.now }).where('person_id', '=', o.personId).where('used_at', 'is', null).execute();
  await db
    .insertInto('linli_account_tokens')
    .values({ id: digest(token), person_id: o.personId, purpose: o.purpose, created_by: o.createdBy, created_at: o.now, expires_at: expiresAt })
    .execute();
  return { token, purpose: o.purpose, expiresAt };
}

/** The link a person opens: `<base>/setup#<token>` (a fragment, so it never reaches a server log or a Referer). */
export function setupLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/setup#${token}`;
}

export interface LiveToken {
  id: string;
  personId: number;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  username: string;
  name: string;
}

/** The unused, unexpired token of an enabled person, or LINLI_ERR_LINK_INVALID (410); `forUpdate` locks it for consumption. */
export async function liveAccountToken(db: Kysely<CoreTables>, token: string, now: Date, forUpdate = false): Promise<LiveToken> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new LinliError('LINLI_ERR_LINK_INVALID');
  let q = db
    .selectFrom('linli_account_tokens as t')
    .innerJoin('linli_people as p', 'p.id', 't.person_id')
    .select(['t.id', 't.person_id', 't.purpose', 't.expires_at', 'p.username', 'p.display_name'])
    .where('t.id', '=', digest(token))
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('p.disabled_at', 'is', null);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new LinliError('LINLI_ERR_LINK_INVALID');
  return { id: row.id, personId: row.person_id, purpose: row.purpose, expiresAt: new Date(row.expires_at), username: row.username, name: row.display_name };
}
