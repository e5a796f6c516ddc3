import { grantRefusal, grantRefusalText, type Actor, type Deployment, type RoleDefinition } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';
import { parseBoundaryCell, sameBoundary, type Geometry } from './boundary-cell.js';
import type { ImportProblem, ParsedRoster, SheetRow } from './read.js';
import { parseStatus, sheetById, splitList, type SheetId } from './sheets.js';

/**
 * Compares a roster with the database and the city's org types and roles:
 * every problem (with its cell), and what would change. Nothing is written.
 */
export interface ExistingOrg {
  id: number;
  key: string;
  parentId: number | null;
  type: string;
  name: string;
  nameEn: string | null;
  path: string;
  deactivated: boolean;
}

export interface OrgChange {
  key: string;
  parentKey: string | null;
  type: string;
  kind: 'level' | 'side';
  name: string;
  nameEn: string | null;
  create: boolean;
  update: boolean;
  move: boolean;
  deactivate: boolean;
  reactivate: boolean;
  depth: number;
}

export interface GridChange {
  key: string;
  orgKey: string;
  name: string;
  covers: string[];
  /** The boundary the row gives (null: none); undefined when the sheet has no 边界 column, which leaves boundaries as they are. */
  boundary: Geometry | null | undefined;
  create: boolean;
  update: boolean;
  coversChanged: boolean;
  boundaryChanged: boolean;
}

export interface PersonChange {
  username: string;
  name: string;
  phone: string | null;
  create: boolean;
  update: boolean;
  disable: boolean;
  enable: boolean;
}

export interface GrantChange {
  username: string;
  role: string;
  orgKey: string | null;
  gridKey: string | null;
  revoke: boolean;
}

export interface ImportPlan {
  orgs: OrgChange[];
  grids: GridChange[];
  people: PersonChange[];
  grants: GrantChange[];
  existing: { orgs: Map<string, ExistingOrg>; grids: Map<string, { id: number; orgId: number; name: string; covers: string[]; boundary: unknown }>; people: Map<string, { id: number; name: string; phone: string | null; disabled: boolean }> };
  /** Existing grants by "personId|role|orgId|gridId" → id. */
  existingGrants: Map<string, number>;
}

const keyPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const usernamePattern = /^[a-z0-9][a-z0-9_.-]{1,63}$/;
const phonePattern = /^[0-9+ -]{5,20}$/;

/**
 * `granter`, when given, is the administrator importing through the web app:
 * rows must lie in the subtrees they administer, and every grant row passes
 * the rule of `grantRefusal` (nobody grants a role above their own scope).
 * The CLI imports as the operator of the database and passes none.
 */
export async function planImport(db: Kysely<CoreTables>, deployment: Deployment, roster: ParsedRoster, granter?: Actor): Promise<{ plan: ImportPlan; problems: ImportProblem[] }> {
  const withinPaths = granter?.grants.filter((g) => g.admin).map((g) => g.orgPath);
  const problems: ImportProblem[] = [];
  const at = (sheet: SheetId, r: SheetRow, column: string | undefined, en: string, zh: string) =>
    problems.push({ sheet: roster.sheetNames[sheet], row: r.row, column: column ? r.columns[column] : undefined, en, zh });
  const required = (sheet: SheetId, r: SheetRow) => {
    let ok = true;
    for (const c of sheetById(sheet).columns.filter((c) => c.required)) {
      if (!r.values[c.key]) {
        at(sheet, r, c.key, `"${c.zh}" (${c.en}) is empty`, `“${c.zh}”不能为空`);
        ok = false;
      }
    }
    return ok;
  };
  const statusOf = (sheet: SheetId, r: SheetRow) => {
    const s = parseStatus(r.values.status ?? '');
    if (s === null) at(sheet, r, 'status', `status "${r.values.status}" is neither empty, 正常 nor 停用`, `状态“${r.values.status}”无法识别：留空、填“正常”或“停用”`);
    return s ?? 'active';
  };
  const inScope = (path: string) => !withinPaths || withinPaths.some((p) => path.startsWith(p));

  const orgRows = await db.selectFrom('linli_orgs').select(['id', 'key', 'parent_id', 'type', 'name', 'name_en', 'path', 'deactivated_at']).execute();
  const orgs = new Map<string, ExistingOrg>(orgRows.map((o) => [o.key, { id: o.id, key: o.key, parentId: o.parent_id, type: o.type, name: o.name, nameEn: o.name_en, path: o.path, deactivated: o.deactivated_at !== null }]));
  const orgKeyById = new Map(orgRows.map((o) => [o.id, o.key]));
  const gridRows = await db.selectFrom('linli_grids').select(['id', 'key', 'org_id', 'name', 'boundary']).execute();
  const coverRows = await db.selectFrom('linli_grid_orgs').select(['grid_id', 'org_id']).execute();
  const grids = new Map(gridRows.map((g) => [g.key, { id: g.id, orgId: g.org_id, name: g.name, boundary: g.boundary, covers: coverRows.filter((c) => c.grid_id === g.id).map((c) => orgKeyById.get(c.org_id)!).sort() }]));
  const gridKeyById = new Map(gridRows.map((g) => [g.id, g.key]));
  const peopleRows = await db.selectFrom('linli_people').select(['id', 'username', 'display_name', 'phone', 'disabled_at']).execute();
  const people = new Map(peopleRows.map((p) => [p.username, { id: p.id, name: p.display_name, phone: p.phone, disabled: p.disabled_at !== null }]));
  const grantRows = await db.selectFrom('linli_role_assignments').select(['id', 'person_id', 'role', 'org_id', 'grid_id']).execute();
  const existingGrants = new Map(grantRows.map((g) => [`${g.person_id}|${g.role}|${g.org_id}|${g.grid_id ?? ''}`, g.id]));
  const pathById = new Map(orgRows.map((o) => [o.id, o.path]));
  const personPaths = new Map<number, string[]>();
  for (const g of grantRows) personPaths.set(g.person_id, [...(personPaths.get(g.person_id) ?? []), pathById.get(g.org_id)!]);
  void gridKeyById;

  // Orgs: the sheet's rows by key, then each checked against the sheet and the database together.
  const types = new Map(deployment.orgTypes.map((t) => [t.id, t]));
  const sheetOrgs = new Map<string, SheetRow>();
  for (const r of roster.orgs) {
    if (!required('orgs', r)) continue;
    const key = r.values.key!;
    if (!keyPattern.test(key)) at('orgs', r, 'key', `key "${key}" may hold only lowercase letters, digits, "-" and "_"`, `编码“${key}”只能包含小写字母、数字、-、_`);
    else if (sheetOrgs.has(key)) at('orgs', r, 'key', `key "${key}" appears again (first in row ${sheetOrgs.get(key)!.row})`, `编码“${key}”重复（首次出现在第 ${sheetOrgs.get(key)!.row} 行）`);
    else sheetOrgs.set(key, r);
  }
  const typeOfKey = (key: string) => sheetOrgs.get(key)?.values.type ?? orgs.get(key)?.type;
  const parentOfKey = (key: string): string | null => {
    const r = sheetOrgs.get(key);
    if (r) return r.values.parent || null;
    const o = orgs.get(key);
    return o?.parentId ? (orgKeyById.get(o.parentId) ?? null) : null;
  };
  const orgChanges: OrgChange[] = [];
  for (const [key, r] of sheetOrgs) {
    const v = r.values;
    const type = types.get(v.type!);
    if (!type) {
      at('orgs', r, 'type', `unknown org type "${v.type}"; the city has ${[...types.keys()].join(', ')}`, `未知的组织类型“${v.type}”；可用：${[...types.keys()].join('、')}`);
      continue;
    }
    const parentKey = v.parent || null;
    const existing = orgs.get(key);
    if (parentKey === null) {
      const root = orgRows.find((o) => o.parent_id === null);
      if (root && root.key !== key) at('orgs', r, 'parent', `only the root org (${root.key}) has no parent: give the parent's key`, `只有根组织（${root.key}）没有上级：请填写上级编码`);
    } else if (!sheetOrgs.has(parentKey) && !orgs.has(parentKey)) {
      at('orgs', r, 'parent', `no org has the key "${parentKey}" (neither in this sheet nor in the system)`, `找不到编码为“${parentKey}”的上级组织（本表和系统中都没有）`);
      continue;
    } else {
      const parentType = typeOfKey(parentKey)!;
      if (type.kind === 'level' && !(type.parents ?? []).includes(parentType)) {
        at('orgs', r, 'parent', `a ${v.type} cannot be placed under a ${parentType} (allowed: ${(type.parents ?? []).join(', ') || 'none'})`, `“${v.type}”不能放在“${parentType}”之下（允许：${(type.parents ?? []).join('、') || '无'}）`);
      }
      // A cycle: walking up from the parent meets the org itself.
      const seen = new Set<string>();
      for (let k: string | null = parentKey; k; k = parentOfKey(k)) {
        if (k === key) {
          at('orgs', r, 'parent', `"${parentKey}" lies under "${key}": an org cannot move below itself`, `“${parentKey}”在“${key}”之下：组织不能移到自己的下级`);
          break;
        }
        if (seen.has(k)) break;
        seen.add(k);
      }
    }
    const status = statusOf('orgs', r);
    const existingParentKey = existing?.parentId ? (orgKeyById.get(existing.parentId) ?? null) : null;
    if (withinPaths) {
      // An administrator edits orgs in their subtrees, and places new or moved ones only under orgs there (or new ones of this sheet, checked in turn).
      const moving = !existing || existingParentKey !== parentKey;
      const parentOk = parentKey !== null && (orgs.has(parentKey) ? inScope(orgs.get(parentKey)!.path) : sheetOrgs.has(parentKey));
      if ((existing && !inScope(existing.path)) || (moving && !parentOk)) at('orgs', r, moving ? 'parent' : 'key', 'outside the organizations you administer', '不在您管理的组织范围内');
    }
    let depth = 0;
    for (let k = parentKey; k; k = parentOfKey(k)) if (++depth > 20) break;
    orgChanges.push({
      key,
      parentKey,
      type: v.type!,
      kind: type.kind,
      name: v.name!,
      nameEn: v.nameEn || null,
      create: !existing,
      update: !!existing && (existing.name !== v.name || (existing.nameEn ?? null) !== (v.nameEn || null) || existing.type !== v.type),
      move: !!existing && existingParentKey !== parentKey,
      deactivate: status === 'disabled' && !existing?.deactivated,
      reactivate: status === 'active' && !!existing?.deactivated,
      depth,
    });
  }
  const orgKnown = (key: string) => sheetOrgs.has(key) || orgs.has(key);
  /** An org's path, or for an org new in this sheet the path of its nearest existing ancestor (it will lie in that subtree). */
  const orgPathForScope = (key: string): string | undefined => {
    let k: string | null = key;
    for (let depth = 0; k && depth < 32; depth++, k = parentOfKey(k)) if (orgs.has(k)) return orgs.get(k)!.path;
    return undefined;
  };

  // Grids.
  const gridChanges: GridChange[] = [];
  const sheetGrids = new Map<string, SheetRow>();
  for (const r of roster.grids) {
    if (!required('grids', r)) continue;
    const v = r.values;
    if (!keyPattern.test(v.key!)) at('grids', r, 'key', `key "${v.key}" may hold only lowercase letters, digits, "-" and "_"`, `编码“${v.key}”只能包含小写字母、数字、-、_`);
    else if (sheetGrids.has(v.key!)) at('grids', r, 'key', `key "${v.key}" appears again (first in row ${sheetGrids.get(v.key!)!.row})`, `编码“${v.key}”重复（首次出现在第 ${sheetGrids.get(v.key!)!.row} 行）`);
    sheetGrids.set(v.key!, r);
    if (!orgKnown(v.org!)) {
      at('grids', r, 'org', `no org has the key "${v.org}"`, `找不到编码为“${v.org}”的组织`);
      continue;
    }
    const covers = [...new Set(splitList(v.covers ?? ''))].sort();
    const missing = covers.filter((c) => !orgKnown(c));
    if (missing.length) {
      at('grids', r, 'covers', `no org has the key(s) ${missing.join(', ')}`, `找不到编码为 ${missing.join('、')} 的组织`);
      continue;
    }
    let boundary: Geometry | null | undefined;
    if (v.boundary !== undefined && v.boundary !== '') {
      const parsed = parseBoundaryCell(v.boundary);
      if ('geometry' in parsed) boundary = parsed.geometry;
      else at('grids', r, 'boundary', parsed.en, parsed.zh);
    } else if (v.boundary === '') boundary = null;
    const p = orgPathForScope(v.org!);
    if (withinPaths && p && !inScope(p)) at('grids', r, 'org', 'outside the organizations you administer', '不在您管理的组织范围内');
    // A grid's roles act in the orgs it covers: an administrator draws grids only over their own subtrees.
    const outside = withinPaths ? covers.filter((c) => { const p = orgPathForScope(c); return p !== undefined && !inScope(p); }) : [];
    if (outside.length) at('grids', r, 'covers', `${outside.join(', ')} lie outside the organizations you administer`, `${outside.join('、')} 不在您管理的组织范围内`);
    const existing = grids.get(v.key!);
    const orgId = orgs.get(v.org!)?.id;
    gridChanges.push({
      key: v.key!,
      orgKey: v.org!,
      name: v.name!,
      covers,
      create: !existing,
      update: !!existing && (existing.name !== v.name || existing.orgId !== orgId),
      coversChanged: !!existing && existing.covers.join(',') !== covers.join(','),
      boundary,
      boundaryChanged: !!existing && boundary !== undefined && !sameBoundary(existing.boundary, boundary),
    });
  }
  const gridKnown = (key: string) => sheetGrids.has(key) || grids.has(key);

  // People.
  const personChanges: PersonChange[] = [];
  const sheetPeople = new Map<string, SheetRow>();
  for (const r of roster.people) {
    if (!required('people', r)) continue;
    const v = r.values;
    const username = v.username!;
    if (!usernamePattern.test(username)) {
      at('people', r, 'username', `username "${username}" may hold only lowercase letters, digits, ".", "_" and "-" (2–64)`, `用户名“${username}”只能包含小写字母、数字、.、_、-（2–64 个字符）`);
      continue;
    }
    if (sheetPeople.has(username)) {
      at('people', r, 'username', `username "${username}" appears again (first in row ${sheetPeople.get(username)!.row})`, `用户名“${username}”重复（首次出现在第 ${sheetPeople.get(username)!.row} 行）`);
      continue;
    }
    sheetPeople.set(username, r);
    const phone = v.phone ? v.phone.replace(/\s+/g, '') : null;
    if (phone && !phonePattern.test(phone)) at('people', r, 'phone', `"${v.phone}" is not a phone number`, `“${v.phone}”不是有效的电话号码`);
    if (v.name!.length > 100) at('people', r, 'name', 'the name is longer than 100 characters', '姓名超过 100 个字符');
    const status = statusOf('people', r);
    const existing = people.get(username);
    if (withinPaths && existing) {
      // Someone who also works outside the caller's subtrees is not theirs to rename or disable.
      const paths = personPaths.get(existing.id) ?? [];
      if (paths.length === 0 || !paths.every(inScope)) at('people', r, 'username', `${username} holds roles outside the organizations you administer`, `${username} 在您管理范围之外也有任职，不能由您修改`);
    }
    personChanges.push({
      username,
      name: v.name!,
      phone,
      create: !existing,
      update: !!existing && (existing.name !== v.name || (existing.phone ?? null) !== phone),
      disable: status === 'disabled' && !existing?.disabled,
      enable: status === 'active' && !!existing?.disabled,
    });
  }

  // Role grants. Paths unknown here (an org whose ancestors are all new) were reported above.
  const refuseAbove = (r: SheetRow, column: string, role: RoleDefinition, orgPath: string | undefined, scopePaths: (string | undefined)[]) => {
    if (!granter || orgPath === undefined) return;
    const refusal = grantRefusal(granter, role, { orgPath, scopePaths: scopePaths.filter((p) => p !== undefined) }, deployment.roles);
    if (!refusal) return;
    const text = grantRefusalText[refusal];
    at('grants', r, column, `you may not give or take away "${role.id}" here: ${text.en} (nobody grants a role above their own scope)`, `您不能在此授予或收回“${role.id}”：${text['zh-CN']}（不能授予超出本人权限的角色）`);
  };
  const grantChanges: GrantChange[] = [];
  for (const r of roster.grants) {
    if (!required('grants', r)) continue;
    const v = r.values;
    if (!sheetPeople.has(v.username!) && !people.has(v.username!)) {
      at('grants', r, 'username', `no person has the username "${v.username}" (neither in the people sheet nor in the system)`, `找不到用户名为“${v.username}”的人员（人员表和系统中都没有）`);
      continue;
    }
    const role = deployment.roles.get(v.role!);
    if (!role) {
      at('grants', r, 'role', `unknown role "${v.role}"; the city has ${[...deployment.roles.keys()].join(', ')}`, `未知的角色“${v.role}”；可用：${[...deployment.roles.keys()].join('、')}`);
      continue;
    }
    if (role.heldAt === 'grid') {
      if (!v.grid) {
        at('grants', r, 'grid', `"${v.role}" is held at a grid: give the grid's key`, `“${v.role}”在网格任职：请填写网格编码`);
        continue;
      }
      if (!gridKnown(v.grid)) {
        at('grants', r, 'grid', `no grid has the key "${v.grid}"`, `找不到编码为“${v.grid}”的网格`);
        continue;
      }
      const sheetGrid = sheetGrids.get(v.grid);
      const gridOrg = sheetGrid ? orgPathForScope(sheetGrid.values.org!) : pathById.get(grids.get(v.grid)!.orgId);
      // The grid's covers as they will be after this import: the sheet's when the grid is in it.
      const covers = sheetGrid ? splitList(sheetGrid.values.covers ?? '') : grids.get(v.grid)!.covers;
      refuseAbove(r, 'grid', role, gridOrg, covers.map(orgPathForScope));
    } else {
      if (!v.org) {
        at('grants', r, 'org', `"${v.role}" is held at an org: give the org's key`, `“${v.role}”在组织任职：请填写组织编码`);
        continue;
      }
      if (!orgKnown(v.org)) {
        at('grants', r, 'org', `no org has the key "${v.org}"`, `找不到编码为“${v.org}”的组织`);
        continue;
      }
      // A "host" role at a side organization acts for the org it is attached to (db's toActor).
      const side = types.get(typeOfKey(v.org) ?? '')?.kind === 'side';
      const parent = parentOfKey(v.org);
      const p = orgPathForScope(v.org);
      refuseAbove(r, 'org', role, p, [role.ticketScope === 'host' && side && parent ? orgPathForScope(parent) : p]);
    }
    grantChanges.push({ username: v.username!, role: v.role!, orgKey: role.heldAt === 'grid' ? null : v.org!, gridKey: role.heldAt === 'grid' ? v.grid! : null, revoke: statusOf('grants', r) === 'disabled' });
  }

  return { plan: { orgs: orgChanges, grids: gridChanges, people: personChanges, grants: grantChanges, existing: { orgs, grids, people }, existingGrants }, problems };
}
