import type { Actor, RoleDefinition, RoleGrant } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { decodeCursor, parseId, toPage, type Page } from './json.js';

export interface RoleAssignment {
  id: string;
  role: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  gridId: string | null;
  gridName: string | null;
}

export interface Person {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  roles: RoleAssignment[];
}

export async function roleAssignments(db: Kysely<CoreTables>, personIds: number[]): Promise<Map<number, RoleAssignment[]>> {
  const out = new Map<number, RoleAssignment[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
    .leftJoin('linli_grids as g', 'g.id', 'ra.grid_id')
    .select(['ra.id', 'ra.person_id', 'ra.role', 'ra.org_id', 'o.name as org_name', 'o.path', 'ra.grid_id', 'g.name as grid_name'])
    .where('ra.person_id', 'in', personIds)
    .orderBy('ra.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ id: String(r.id), role: r.role, orgId: String(r.org_id), orgName: r.org_name, orgPath: r.path, gridId: r.grid_id === null ? null : String(r.grid_id), gridName: r.grid_name });
    out.set(r.person_id, list);
  }
  return out;
}

export async function getPerson(db: Kysely<CoreTables>, id: string): Promise<Person | null> {
  const n = parseId(id);
  if (n === null) return null;
  const row = await db.selectFrom('linli_people').select(['id', 'username', 'display_name', 'phone']).where('id', '=', n).executeTakeFirst();
  if (!row) return null;
  const roles = await roleAssignments(db, [row.id]);
  return { id: String(row.id), username: row.username, name: row.display_name, phone: row.phone, roles: roles.get(row.id) ?? [] };
}

export async function findLogin(db: Kysely<CoreTables>, username: string) {
  return db
    .selectFrom('linli_people')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export interface PeopleFilter {
  limit: number;
  cursor?: string | undefined;
  /** Only people holding a role at an org under one of these paths; undefined: everyone. */
  withinPaths?: string[] | undefined;
}

export async function listPeople(db: Kysely<CoreTables>, f: PeopleFilter): Promise<Page<Person>> {
  let q = db.selectFrom('linli_people as p').select(['p.id', 'p.username', 'p.display_name', 'p.phone']).orderBy('p.id').limit(f.limit + 1);
  const after = decodeCursor(f.cursor);
  if (after !== null) q = q.where('p.id', '>', after);
  if (f.withinPaths) {
    const paths = f.withinPaths;
    if (paths.length === 0) return { items: [], nextCursor: null };
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('linli_role_assignments as ra')
          .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
          .select('ra.id')
          .whereRef('ra.person_id', '=', 'p.id')
          .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`)))),
      ),
    );
  }
  const rows = await q.execute();
  const roles = await roleAssignments(db, rows.map((r) => r.id));
  return toPage(rows, f.limit, (r) => ({ id: String(r.id), username: r.username, name: r.display_name, phone: r.phone, roles: roles.get(r.id) ?? [] }));
}

/**
 * Resolves everything a person may act as: each role assignment with the org
 * paths it covers. A grid role covers the orgs of its grid.
 */
export async function loadActor(db: Kysely<CoreTables>, personId: number, roles: ReadonlyMap<string, RoleDefinition>): Promise<Actor> {
  const assignments = (await roleAssignments(db, [personId])).get(personId) ?? [];
  const gridIds = [...new Set(assignments.filter((a) => a.gridId !== null).map((a) => Number(a.gridId)))];
  const gridPaths = new Map<string, string[]>();
  if (gridIds.length) {
    const rows = await db
      .selectFrom('linli_grid_orgs as go')
      .innerJoin('linli_orgs as o', 'o.id', 'go.org_id')
      .select(['go.grid_id', 'o.path'])
      .where('go.grid_id', 'in', gridIds)
      .execute();
    for (const r of rows) gridPaths.set(String(r.grid_id), [...(gridPaths.get(String(r.grid_id)) ?? []), r.path]);
  }
  const grants: RoleGrant[] = assignments.map((a) => {
    const def = roles.get(a.role);
    return {
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgPath: a.orgPath,
      gridId: a.gridId,
      scopePaths: a.gridId !== null ? (gridPaths.get(a.gridId) ?? []) : [a.orgPath],
      seesScope: (def?.ticketScope ?? 'subtree') === 'subtree',
      admin: def?.admin === true,
    };
  });
  return { personId: String(personId), grants };
}
