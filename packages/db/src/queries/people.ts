import { parentPath, type Actor, type RoleDefinition, type RoleGrant } from '@linli/core';
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
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
  /** Only people whose username, name or phone contains this text. */
  search?: string | undefined;
}

export async function listPeople(db: Kysely<CoreTables>, f: PeopleFilter): Promise<Page<Person>> {
  let q = db.selectFrom('linli_people as p').select(['p.id', 'p.username', 'p.display_name', 'p.phone']).orderBy('p.id').limit(f.limit + 1);
  const after = decodeCursor(f.cursor);
  if (after !== null) q = q.where('p.id', '>', after);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('p.username', 'ilike', like), eb('p.display_name', 'ilike', like), eb('p.phone', 'like', like)]));
  }
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

/** One role assignment as `grantsOf` returns it: for a grid role, with the paths of the orgs its grid covers. */
export interface GrantRow {
  id: string;
  role: string;
  orgId: string;
  orgPath: string;
  orgKind: 'level' | 'side';
  gridId: string | null;
  gridPaths: string[] | null;
}

/**
 * A person's role assignments with the paths each covers, as one json value.
 * A correlated subquery rather than separate queries: authentication runs on
 * every request, and this lets it read the session and the grants in a single
 * round trip (see `findSession`).
 */
export function grantsOf(personId: Expression<number> | number): RawBuilder<GrantRow[]> {
  return sql<GrantRow[]>`coalesce((
    select json_agg(json_build_object(
      'id', ra.id::text, 'role', ra.role, 'orgId', ra.org_id::text, 'orgPath', o.path, 'orgKind', o.kind, 'gridId', ra.grid_id::text,
      'gridPaths', case when ra.grid_id is null then null else coalesce((
        select json_agg(gp.path order by gp.path) from linli_grid_orgs go join linli_orgs gp on gp.id = go.org_id where go.grid_id = ra.grid_id
      ), '[]'::json) end
    ) order by ra.id)
    from linli_role_assignments ra join linli_orgs o on o.id = ra.org_id
    where ra.person_id = ${personId}
  ), '[]'::json)`;
}

/** The actor of a person from their grant rows and the deployment's role definitions. */
export function toActor(personId: number, rows: readonly GrantRow[], roles: ReadonlyMap<string, RoleDefinition>): Actor {
  const grants: RoleGrant[] = rows.map((a) => {
    const def = roles.get(a.role);
    const scope = def?.ticketScope ?? 'subtree';
    // A "host" role held at a side organization acts for the org it is attached to.
    const orgScope = scope === 'host' && a.orgKind === 'side' ? parentPath(a.orgPath) : a.orgPath;
    return {
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgPath: a.orgPath,
      gridId: a.gridId,
      scopePaths: a.gridId !== null ? (a.gridPaths ?? []) : [orgScope],
      seesScope: scope !== 'own',
      admin: def?.admin === true,
    };
  });
  return { personId: String(personId), grants };
}

/**
 * Resolves everything a person may act as: each role assignment with the org
 * paths it covers. A grid role covers the orgs of its grid.
 */
export async function loadActor(db: Kysely<CoreTables>, personId: number, roles: ReadonlyMap<string, RoleDefinition>): Promise<Actor> {
  const { rows } = await sql<{ grants: GrantRow[] }>`select ${grantsOf(personId)} as grants`.execute(db);
  return toActor(personId, rows[0]?.grants ?? [], roles);
}

/** Whether each person's account is disabled and has a password yet: what the administration pages show beside a person. */
export async function accountStates(db: Kysely<CoreTables>, personIds: number[]): Promise<Map<number, { disabled: boolean; passwordSet: boolean }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('linli_people')
    .select((eb) => ['id', eb('disabled_at', 'is not', null).as('disabled'), eb('password_hash', 'is not', null).as('password_set')])
    .where('id', 'in', personIds)
    .execute();
  return new Map(rows.map((r) => [r.id, { disabled: Boolean(r.disabled), passwordSet: Boolean(r.password_set) }]));
}
