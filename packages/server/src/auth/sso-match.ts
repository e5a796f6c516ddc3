import type { SsoConfig } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';
import { normalizeMobile } from './sso.js';

export type Match = { kind: 'none' } | { kind: 'ambiguous' } | { kind: 'one'; id: string; disabled: boolean };

/** The person whose configured field equals the claim; two people sharing a mobile number match nobody rather than the wrong one. */
export async function matchPerson(db: Kysely<CoreTables>, sso: SsoConfig, value: string | null): Promise<Match> {
  if (value === null) return { kind: 'none' };
  const rows = await db
    .selectFrom('linli_people')
    .select(['id', 'disabled_at'])
    .where(sso.matchField === 'phone' ? 'phone' : 'username', '=', sso.matchField === 'phone' ? normalizeMobile(value) : value)
    .limit(2)
    .execute();
  if (rows.length === 0) return { kind: 'none' };
  if (rows.length > 1) return { kind: 'ambiguous' };
  return { kind: 'one', id: String(rows[0]!.id), disabled: rows[0]!.disabled_at !== null };
}

