import { childPath, subtreePattern } from '@linli/core';
import type { Kysely, Selectable } from 'kysely';
import type { CoreTables, OrgsTable } from '../schema.js';
import { compileStatement, param, runStatement, statementBuilder } from './compiled.js';
import { decodeCursor, idStr, parseId, toPage, type Page } from './json.js';

export interface Org {
  id: string;
  key: string;
  parentId: string | null;
  type: string;
  kind: 'level' | 'side';
  name: string;
  nameEn: string | null;
  path: string;
  depth: number;
  /** Deactivated (停用): kept for history and its tickets, but offered in no picker and given no new work. */
  deactivated: boolean;
}

export const toOrg = (r: Selectable<OrgsTable>): Org => ({
  id: String(r.id),
  key: r.key,
  parentId: idStr(r.parent_id),
  type: r.type,
  kind: r.kind,
  name: r.name,
  nameEn: r.name_en,
  path: r.path,
  depth: r.depth,
  deactivated: r.deactivated_at !== null,
});

export interface NewOrg {
  key: string;
  parentId: string | null;
  type: string;
  kind: 'level' | 'side';
  name: string;
  nameEn?: string | null | undefined;
}

/** Inserts an org under its parent and gives it its materialized path. Run inside a transaction. */
export async function insertOrg(db: Kysely<CoreTables>, o: NewOrg): Promise<Org> {
  const parent = o.parentId === null ? null : await db.selectFrom('linli_orgs').select(['path', 'depth']).where('id', '=', parseId(o.parentId) ?? -1).executeTakeFirst();
  if (o.parentId !== null && !parent) throw new Error(`parent org ${o.parentId} not found`);
  const { id } = await db
    .insertInto('linli_orgs')
    .values({ key: o.key, parent_id: parseId(o.parentId), type: o.type, kind: o.kind, name: o.name, name_en: o.nameEn ?? null, path: `pending:${o.key}`, depth: parent ? parent.depth + 1 : 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .updateTable('linli_orgs')
    .set({ path: childPath(parent?.path ?? null, id) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrg(row);
}

/** Compiled once: every create and every hand-over looks an org up. */
const orgById = compileStatement<{ id: number }>(statementBuilder.selectFrom('linli_orgs').selectAll().where('id', '=', param('id')));

export async function getOrg(db: Kysely<CoreTables>, id: string): Promise<Org | null> {
  const n = parseId(id);
  if (n === null) return null;
  const [row] = await runStatement<Selectable<OrgsTable>, { id: number }>(db, orgById, { id: n });
  return row ? toOrg(row) : null;
}

export async function getOrgByKey(db: Kysely<CoreTables>, key: string): Promise<Org | null> {
  const row = await db.selectFrom('linli_orgs').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toOrg(row) : null;
}

export interface OrgFilter {
  parentId?: string | undefined;
  type?: string | undefined;
  /** Only the subtree under this path. */
  path?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Orgs in id order (the tree's creation order), keyset-paginated. */
export async function listOrgs(db: Kysely<CoreTables>, f: OrgFilter): Promise<Page<Org>> {
  let q = db.selectFrom('linli_orgs').selectAll().orderBy('id').limit(f.limit + 1);
  if (f.parentId !== undefined) q = q.where('parent_id', '=', parseId(f.parentId) ?? -1);
  if (f.type !== undefined) q = q.where('type', '=', f.type);
  if (f.path !== undefined) q = q.where('path', 'like', subtreePattern(f.path));
  const after = decodeCursor(f.cursor);
  if (after !== null) q = q.where('id', '>', after);
  return toPage(await q.execute(), f.limit, toOrg);
}
