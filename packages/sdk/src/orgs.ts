import { parseId } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreReadTables } from './schemas.js';

/** An org as a plugin reads it from the core's tree (`linli_orgs`). */
export type CoreOrgRow = CoreReadTables['linli_orgs'];

/**
 * The org a request names by id (a string from a URL, query or body), or
 * `undefined` when no org has that id; a malformed or out-of-range id names
 * none and never reaches the query. Plugins answer `undefined` as the core
 * does: 404, exactly as if it did not exist, or an empty list for a filter.
 *
 * @example
 * const org = await findOrg(ctx.db, req.query.orgId);
 * if (!org || !seesPath(actor, org.path)) throw notFound(`Organization ${req.query.orgId}`);
 */
export async function findOrg(db: Kysely<any>, id: string): Promise<CoreOrgRow | undefined> {
  const n = parseId(id);
  if (n === null) return undefined;
  return (db as Kysely<CoreReadTables>).selectFrom('linli_orgs').select(['id', 'key', 'parent_id', 'type', 'kind', 'name', 'path']).where('id', '=', n).executeTakeFirst();
}
