import { notFound } from '@linli/core';
import { getOrg } from '@linli/db';
import type { PublicPlace } from '@linli/sdk';
import type { Kysely } from 'kysely';

/**
 * The place a public page is about: the city's root when none is named, else
 * one org of the tree (a street, a community, a compound). Side orgs (a
 * property company, a department) have no board: 404, like a missing one.
 */
export async function publicPlace(db: Kysely<any>, orgId: string | undefined): Promise<PublicPlace> {
  if (orgId === undefined) {
    const root = await db.selectFrom('linli_orgs').select(['id', 'path', 'name', 'type']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    return { id: String(root.id), path: root.path, name: root.name, type: root.type };
  }
  const org = await getOrg(db, orgId);
  if (!org || org.kind !== 'level') throw notFound(`Organization ${orgId}`);
  return { id: org.id, path: org.path, name: org.name, type: org.type };
}

/** The places with a board of their own: every community, by name. */
export async function publicCommunities(db: Kysely<any>): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('linli_orgs').select(['id', 'name']).where('type', '=', 'community').where('kind', '=', 'level').orderBy('path').execute();
  return rows.map((r) => ({ id: String(r.id), name: r.name }));
}
