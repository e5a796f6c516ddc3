import { pathIds, type Neighbourhood, type PlaceOrg, type RoleDefinition } from '@linli/core';
import type { Kysely, Selectable } from 'kysely';
import type { CoreTables, OrgsTable } from '../schema.js';
import { idStr, parseId } from './json.js';

const toPlace = (r: Selectable<OrgsTable>): PlaceOrg => ({ id: String(r.id), key: r.key, name: r.name, type: r.type, kind: r.kind, parentId: idStr(r.parent_id), path: r.path });

/**
 * Everything routing and escalation decide on, in three indexed queries: the
 * ticket's org and its ancestors with their side-organizations, the grids
 * covering them, the orgs the config names by key, and the assignee org with
 * its parent.
 */
export async function loadNeighbourhood(
  db: Kysely<CoreTables>,
  at: { orgPath: string; assigneeOrgId?: string | null },
  namedKeys: readonly string[] = [],
): Promise<Neighbourhood> {
  const ids = pathIds(at.orgPath).map(Number);
  const assigneeId = parseId(at.assigneeOrgId ?? null);
  const rows = await db
    .selectFrom('linli_orgs')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', 'in', ids),
        eb.and([eb('parent_id', 'in', ids), eb('kind', '=', 'side')]),
        ...(namedKeys.length ? [eb('key', 'in', [...namedKeys])] : []),
        ...(assigneeId !== null ? [eb('id', '=', assigneeId)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toPlace(r)]));
  const lineage = ids.map((id) => byId.get(id)).filter((o): o is PlaceOrg => o !== undefined).reverse();
  const sides = new Map<string, PlaceOrg[]>();
  for (const r of rows) {
    if (r.kind !== 'side' || r.parent_id === null || !ids.includes(r.parent_id)) continue;
    const key = String(r.parent_id);
    sides.set(key, [...(sides.get(key) ?? []), toPlace(r)]);
  }
  const grids = await db
    .selectFrom('linli_grid_orgs as go')
    .innerJoin('linli_grids as g', 'g.id', 'go.grid_id')
    .select(['g.key', 'go.org_id'])
    .where('go.org_id', 'in', ids)
    .orderBy('g.id')
    .execute();
  let assignee: Neighbourhood['assignee'];
  const assigneeRow = assigneeId !== null ? rows.find((r) => r.id === assigneeId) : undefined;
  if (assigneeRow) {
    const parentRow = assigneeRow.parent_id === null ? undefined : (rows.find((r) => r.id === assigneeRow.parent_id) ?? (await db.selectFrom('linli_orgs').selectAll().where('id', '=', assigneeRow.parent_id).executeTakeFirst()));
    assignee = { org: toPlace(assigneeRow), parent: parentRow ? toPlace(parentRow) : null };
  }
  return {
    lineage,
    sides,
    grids: grids.map((g) => ({ key: g.key, orgId: String(g.org_id) })),
    byKey: new Map(rows.filter((r) => namedKeys.includes(r.key)).map((r) => [r.key, toPlace(r)])),
    assignee,
  };
}

/** Orgs by id (those that exist), in the order asked. */
export async function placesByIds(db: Kysely<CoreTables>, ids: readonly string[]): Promise<PlaceOrg[]> {
  const nums = ids.map((i) => parseId(i)).filter((n): n is number => n !== null);
  if (nums.length === 0) return [];
  const rows = await db.selectFrom('linli_orgs').selectAll().where('id', 'in', nums).execute();
  const byId = new Map(rows.map((r) => [String(r.id), toPlace(r)]));
  return ids.map((i) => byId.get(i)).filter((o): o is PlaceOrg => o !== undefined);
}

/**
 * The people who act for an org: staff roles held at it (not residents' or
 * volunteers' own-scope roles) and grid roles whose grid covers it. A
 * side-organization nobody holds a role at (a community party committee run
 * by the community's secretary) is acted for by the people of its host org.
 */
export async function staffOf(db: Kysely<CoreTables>, orgId: string, roles: ReadonlyMap<string, RoleDefinition>, limit = 200): Promise<number[]> {
  const staffRoles = [...roles.values()].filter((r) => (r.ticketScope ?? 'subtree') === 'subtree').map((r) => r.id);
  let id = parseId(orgId);
  for (let hop = 0; id !== null && hop < 2; hop++) {
    const current: number = id;
    if (staffRoles.length === 0) return [];
    const rows = await db
      .selectFrom('linli_role_assignments as ra')
      .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
      .select('ra.person_id')
      .distinct()
      .where('p.disabled_at', 'is', null)
      .where('ra.role', 'in', staffRoles)
      .where((eb) =>
        eb.or([
          eb.and([eb('ra.org_id', '=', current), eb('ra.grid_id', 'is', null)]),
          eb('ra.grid_id', 'in', eb.selectFrom('linli_grid_orgs').select('grid_id').where('org_id', '=', current)),
        ]),
      )
      .orderBy('ra.person_id')
      .limit(limit)
      .execute();
    if (rows.length) return rows.map((r) => r.person_id);
    const org = await db.selectFrom('linli_orgs').select(['kind', 'parent_id']).where('id', '=', current).executeTakeFirst();
    id = org?.kind === 'side' ? org.parent_id : null;
  }
  return [];
}
