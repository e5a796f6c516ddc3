import { LinliError, type Deployment } from '@linli/core';
import { audit, type CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';
import { issueAccountToken, type IssuedToken } from '../auth/account-tokens.js';

/**
 * What `npx linli admin create|link` does, with no server running: the first
 * administrator of a fresh deployment gets an account holding the admin role
 * at the root org, and a one-time link to choose a password. There is never
 * a default password.
 */
export async function createAdministrator(
  db: Kysely<CoreTables>,
  deployment: Deployment,
  o: { username: string; name: string; now: Date },
): Promise<IssuedToken & { personId: number; created: boolean }> {
  if (!/^[a-z0-9][a-z0-9_.-]{1,63}$/.test(o.username)) {
    throw new LinliError('LINLI_ERR_VALIDATION', [`"${o.username}" is not a username: use 2–64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`]);
  }
  const role = [...deployment.roles.values()].find((r) => r.admin && r.heldAt === 'org');
  if (!role) throw new LinliError('LINLI_ERR_CONFIG_INVALID', ['the city config defines no administrator role held at an org']);
  return db.transaction().execute(async (trx) => {
    const root = await trx.selectFrom('linli_orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    if (!root) throw new LinliError('LINLI_ERR_CONFIG_INVALID', ['the database has no organization yet: run `npx linli seed` (or `migrate` then `seed`) first']);
    let person = await trx.selectFrom('linli_people').select(['id', 'disabled_at']).where('username', '=', o.username).forUpdate().executeTakeFirst();
    const created = !person;
    if (!person) person = await trx.insertInto('linli_people').values({ username: o.username, display_name: o.name, password_hash: null }).returning(['id', 'disabled_at']).executeTakeFirstOrThrow();
    if (person.disabled_at) throw new LinliError('LINLI_ERR_ACCOUNT_DISABLED', [o.username]);
    await trx.insertInto('linli_role_assignments').values({ person_id: person.id, role: role.id, org_id: root.id, grid_id: null }).onConflict((oc) => oc.doNothing()).execute();
    const token = await issueAccountToken(trx, { personId: person.id, purpose: 'setup', createdBy: null, now: o.now });
    await audit(trx, { actorId: null, action: 'person.admin-create', subjectType: 'person', subjectId: String(person.id), after: { username: o.username, role: role.id, via: 'cli' } });
    return { ...token, personId: person.id, created };
  });
}

/** `npx linli admin link <username>`: a new setup (or reset) link for an existing person, for when no administrator can log in. */
export async function linkFor(db: Kysely<CoreTables>, username: string, now: Date): Promise<IssuedToken> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('linli_people').select(['id', 'password_hash', 'disabled_at']).where('username', '=', username).forUpdate().executeTakeFirst();
    if (!person) throw new LinliError('LINLI_ERR_NOT_FOUND', [`Person "${username}"`]);
    if (person.disabled_at) throw new LinliError('LINLI_ERR_ACCOUNT_DISABLED', [username]);
    const purpose = person.password_hash ? 'reset' : 'setup';
    const token = await issueAccountToken(trx, { personId: person.id, purpose, createdBy: null, now });
    await audit(trx, { actorId: null, action: `account.link.${purpose}`, subjectType: 'person', subjectId: String(person.id), after: { via: 'cli' } });
    return token;
  });
}
