import { parseId, seesPath, type Actor, type Kysely } from '@linli/sdk';
import { visibleScopes } from '../permissions.js';
import { typed } from '../store/tables.js';

export interface Scope {
  scopes: string[];
  /** Only stations at or under this org (the page's or dashboard's chosen org). */
  within?: string | undefined;
}

/** The stations an actor may see, narrowed to an org's subtree when the request names one; null when it names one they do not see. */
export async function scopeOf(db: Kysely<any>, actor: Actor, orgId?: string): Promise<Scope | null> {
  const scopes = visibleScopes(actor);
  if (orgId === undefined || orgId === '') return { scopes };
  const id = parseId(orgId);
  const org = id === null ? undefined : await typed(db).selectFrom('linli_orgs').select('path').where('id', '=', id).executeTakeFirst();
  return org ? { scopes, within: org.path } : null;
}

/**
 * The org a roll-up starts from: the one asked for, if the person oversees
 * it; else the highest org they oversee (the city for its staff, a street
 * for a street's). Undefined for someone who oversees nothing.
 */
export async function rollupRoot(db: Kysely<any>, actor: Actor, orgId?: string) {
  const orgs = typed(db).selectFrom('linli_orgs').select(['id', 'name', 'type', 'path', 'depth']);
  const id = orgId ? parseId(orgId) : null;
  if (id !== null) {
    const org = await orgs.where('id', '=', id).executeTakeFirst();
    if (org && seesPath(actor, org.path)) return org;
  }
  const top = [...visibleScopes(actor)].sort((a, b) => a.length - b.length)[0];
  return top ? orgs.where('path', '=', top).executeTakeFirst() : undefined;
}
