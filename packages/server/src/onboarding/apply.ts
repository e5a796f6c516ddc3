import type { OrgPathColumn } from '@linli/core';
import { audit, jsonb, type CoreTables } from '@linli/db';
import { sql, type Kysely } from 'kysely';
import { announceAuthChange } from '../auth/sessions.js';
import { assertCityKeepsAdmin, endAllSessions } from '../services/accounts.js';
import { moveOrgSubtree } from '../services/org-move.js';
import type { ImportPlan } from './plan.js';

export interface ImportCounts {
  orgs: { created: number; updated: number; moved: number; deactivated: number; reactivated: number };
  grids: { created: number; updated: number };
  people: { created: number; updated: number; disabled: number; enabled: number };
  grants: { created: number; revoked: number };
  /** Tickets whose scope moved with a moved org. */
  ticketsMoved: number;
}

const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Writes a plan, in the caller's transaction: orgs level by level (a parent
 * before its children; paths set in one statement per level), moves with
 * their subtrees and tickets, grids, people, grants. Batched, so a city of
 * 10,000 people is a few hundred statements. Ends with the guard that the
 * city keeps an enabled administrator.
 */
export async function applyImport(trx: Kysely<CoreTables>, plan: ImportPlan, o: { now: Date; actorId: string | null; adminRoles: string[]; requestId?: string; pathColumns?: readonly OrgPathColumn[] }): Promise<ImportCounts> {
  const c: ImportCounts = {
    orgs: { created: 0, updated: 0, moved: 0, deactivated: 0, reactivated: 0 },
    grids: { created: 0, updated: 0 },
    people: { created: 0, updated: 0, disabled: 0, enabled: 0 },
    grants: { created: 0, revoked: 0 },
    ticketsMoved: 0,
  };
  const orgId = new Map([...plan.existing.orgs].map(([k, v]) => [k, v.id]));

  // New orgs, shallowest first: each pass inserts those whose parent exists, then sets their paths in one statement.
  let pending = plan.orgs.filter((x) => x.create);
  while (pending.length) {
    const ready = pending.filter((x) => x.parentKey === null || orgId.has(x.parentKey));
    if (!ready.length) throw new Error('import: orgs whose parents never appear (the plan should have refused them)');
    for (const part of chunk(ready, 1000)) {
      const rows = await trx
        .insertInto('linli_orgs')
        .values(part.map((x) => ({ key: x.key, parent_id: x.parentKey === null ? null : orgId.get(x.parentKey)!, type: x.type, kind: x.kind, name: x.name, name_en: x.nameEn, path: `pending:${x.key}`, depth: 0, deactivated_at: x.deactivate ? o.now : null })))
        .returning(['id', 'key'])
        .execute();
      for (const r of rows) orgId.set(r.key, r.id);
    }
    await sql`update linli_orgs set path = '/' || id::text || '/', depth = 0 where path like 'pending:%' and parent_id is null`.execute(trx);
    await sql`update linli_orgs as o set path = p.path || o.id::text || '/', depth = p.depth + 1
              from linli_orgs as p where o.parent_id = p.id and o.path like 'pending:%' and p.path not like 'pending:%'`.execute(trx);
    c.orgs.created += ready.length;
    const done = new Set(ready.map((x) => x.key));
    pending = pending.filter((x) => !done.has(x.key));
  }

  for (const x of plan.orgs.filter((x) => x.update)) {
    await trx.updateTable('linli_orgs').set({ name: x.name, name_en: x.nameEn, type: x.type, kind: x.kind }).where('key', '=', x.key).execute();
    c.orgs.updated++;
  }
  // Moves, shallowest first, each reading the current paths (an earlier move may have shifted them).
  for (const x of plan.orgs.filter((x) => x.move).sort((a, b) => a.depth - b.depth)) {
    const org = await trx.selectFrom('linli_orgs').select(['id', 'path', 'depth']).where('key', '=', x.key).executeTakeFirstOrThrow();
    const parent = x.parentKey ? await trx.selectFrom('linli_orgs').select(['id', 'path', 'depth']).where('key', '=', x.parentKey).executeTakeFirstOrThrow() : null;
    c.ticketsMoved += await moveOrgSubtree(trx, org, parent, o.pathColumns);
    c.orgs.moved++;
  }
  for (const x of plan.orgs.filter((x) => !x.create && (x.deactivate || x.reactivate))) {
    await trx.updateTable('linli_orgs').set({ deactivated_at: x.deactivate ? o.now : null }).where('key', '=', x.key).execute();
    c.orgs[x.deactivate ? 'deactivated' : 'reactivated']++;
  }
  c.orgs.deactivated += plan.orgs.filter((x) => x.create && x.deactivate).length;

  // Grids and the orgs they cover.
  const gridIds = new Map([...plan.existing.grids].map(([k, v]) => [k, v.id]));
  for (const part of chunk(plan.grids.filter((g) => g.create), 1000)) {
    const rows = await trx.insertInto('linli_grids').values(part.map((g) => ({ key: g.key, name: g.name, org_id: orgId.get(g.orgKey)!, boundary: g.boundary ? jsonb(g.boundary) : null }))).returning(['id', 'key']).execute();
    for (const r of rows) gridIds.set(r.key, r.id);
    c.grids.created += rows.length;
  }
  for (const g of plan.grids.filter((g) => g.update)) {
    await trx.updateTable('linli_grids').set({ name: g.name, org_id: orgId.get(g.orgKey)! }).where('key', '=', g.key).execute();
  }
  for (const g of plan.grids.filter((g) => g.boundaryChanged)) {
    await trx.updateTable('linli_grids').set({ boundary: g.boundary ? jsonb(g.boundary) : null }).where('key', '=', g.key).execute();
  }
  const recover = plan.grids.filter((g) => g.create || g.coversChanged);
  for (const g of plan.grids.filter((g) => g.coversChanged)) {
    await trx.deleteFrom('linli_grid_orgs').where('grid_id', '=', gridIds.get(g.key)!).execute();
  }
  c.grids.updated += plan.grids.filter((g) => g.update || g.boundaryChanged || g.coversChanged).length;
  const coverRows = recover.flatMap((g) => g.covers.map((k) => ({ grid_id: gridIds.get(g.key)!, org_id: orgId.get(k)! })));
  for (const part of chunk(coverRows, 5000)) await trx.insertInto('linli_grid_orgs').values(part).execute();

  // People: no password ever comes from a spreadsheet; each sets one with a link.
  const personId = new Map([...plan.existing.people].map(([k, v]) => [k, v.id]));
  for (const part of chunk(plan.people.filter((p) => p.create), 1000)) {
    const rows = await trx
      .insertInto('linli_people')
      .values(part.map((p) => ({ username: p.username, display_name: p.name, phone: p.phone, password_hash: null, disabled_at: p.disable ? o.now : null })))
      .returning(['id', 'username'])
      .execute();
    for (const r of rows) personId.set(r.username, r.id);
    c.people.created += rows.length;
  }
  for (const p of plan.people.filter((p) => p.update)) {
    await trx.updateTable('linli_people').set({ display_name: p.name, phone: p.phone }).where('username', '=', p.username).execute();
    c.people.updated++;
  }
  // Grants: added when missing, taken away when marked 停用.
  const gridOrg = new Map((await trx.selectFrom('linli_grids').select(['id', 'org_id']).execute()).map((g) => [g.id, g.org_id]));
  const target = (g: (typeof plan.grants)[number]) => {
    const gridId = g.gridKey ? gridIds.get(g.gridKey)! : null;
    return { person_id: personId.get(g.username)!, role: g.role, org_id: gridId !== null ? gridOrg.get(gridId)! : orgId.get(g.orgKey!)!, grid_id: gridId };
  };
  const adds = plan.grants.filter((g) => !g.revoke).map(target);
  const fresh = adds.filter((a) => !plan.existingGrants.has(`${a.person_id}|${a.role}|${a.org_id}|${a.grid_id ?? ''}`));
  for (const part of chunk(fresh, 2000)) {
    const res = await trx.insertInto('linli_role_assignments').values(part).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    c.grants.created += Number(res.numInsertedOrUpdatedRows ?? 0n);
  }
  const leaving = plan.people.filter((p) => !p.create && p.disable).map((p) => personId.get(p.username)!);
  const dropped: number[] = [];
  for (const g of plan.grants.filter((g) => g.revoke)) {
    const t = target(g);
    const id = plan.existingGrants.get(`${t.person_id}|${t.role}|${t.org_id}|${t.grid_id ?? ''}`);
    if (id !== undefined) dropped.push(id);
  }
  // The last enabled administrator at the root cannot be disabled or lose the role (grants added above count).
  await assertCityKeepsAdmin(trx, { adminRoles: o.adminRoles, leaving, droppedGrants: dropped });
  for (const p of plan.people.filter((p) => !p.create && (p.disable || p.enable))) {
    const id = personId.get(p.username)!;
    await trx.updateTable('linli_people').set({ disabled_at: p.disable ? o.now : null }).where('id', '=', id).execute();
    if (p.disable) {
      await trx.updateTable('linli_account_tokens').set({ used_at: o.now }).where('person_id', '=', id).where('used_at', 'is', null).execute();
      await endAllSessions(trx, id, o.now);
    }
    c.people[p.disable ? 'disabled' : 'enabled']++;
  }
  c.people.disabled += plan.people.filter((p) => p.create && p.disable).length;

  if (dropped.length) {
    await trx.deleteFrom('linli_role_assignments').where('id', 'in', dropped).execute();
    c.grants.revoked = dropped.length;
  }

  const changed = c.orgs.created + c.orgs.updated + c.orgs.moved + c.orgs.deactivated + c.orgs.reactivated + c.grids.created + c.grids.updated + c.people.created + c.people.updated + c.people.disabled + c.people.enabled + c.grants.created + c.grants.revoked;
  if (changed > 0) {
    await audit(trx, { actorId: o.actorId, action: 'city.import', subjectType: 'city', subjectId: null, after: c, requestId: o.requestId ?? null });
    if (leaving.length || dropped.length || c.grants.created || c.orgs.moved || c.grids.updated) await announceAuthChange(trx, { kind: 'all' });
  }
  return c;
}
