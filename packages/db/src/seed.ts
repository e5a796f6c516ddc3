import type { CityConfig, OrgNodeConfig, OrgTypeDefinition } from '@linli/core';
import type { Kysely } from 'kysely';
import { jsonb } from './queries/json.js';
import { insertOrg } from './queries/orgs.js';
import type { CoreTables } from './schema.js';

export interface SeedReport {
  orgs: number;
  grids: number;
  people: number;
  roles: number;
}

/**
 * Brings the database's org tree, grids, people and role assignments up to
 * the city config. Idempotent: everything is matched by its key or username,
 * so a second run adds nothing. Passwords are set only when `passwordHash`
 * is given (demo mode) and only for people who have none.
 */
export async function syncCityStructure(
  db: Kysely<CoreTables>,
  config: CityConfig,
  orgTypes: readonly OrgTypeDefinition[],
  opts: { passwordHash?: string | undefined } = {},
): Promise<SeedReport> {
  const report: SeedReport = { orgs: 0, grids: 0, people: 0, roles: 0 };
  const kindOf = new Map(orgTypes.map((t) => [t.id, t.kind]));
  const existing = new Map((await db.selectFrom('linli_orgs').select(['id', 'key']).execute()).map((r) => [r.key, String(r.id)]));

  const walk = async (node: OrgNodeConfig, parentId: string | null): Promise<void> => {
    let id = existing.get(node.key);
    if (!id) {
      id = (await insertOrg(db, { key: node.key, parentId, type: node.type, kind: kindOf.get(node.type) ?? 'level', name: node.name, nameEn: node.nameEn })).id;
      existing.set(node.key, id);
      report.orgs++;
    }
    for (const s of node.side ?? []) await walk(s, id);
    for (const c of node.children ?? []) await walk(c, id);
  };
  await walk(config.orgs, null);
  const orgId = (key: string) => Number(existing.get(key));

  const grids = new Map((await db.selectFrom('linli_grids').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  for (const g of config.grids ?? []) {
    if (grids.has(g.key)) {
      // The config's boundary wins for the config's grids, as the file is where it is drawn (an import may set it for others).
      if (g.boundary) await db.updateTable('linli_grids').set({ boundary: jsonb(g.boundary) }).where('key', '=', g.key).execute();
      continue;
    }
    const { id } = await db.insertInto('linli_grids').values({ key: g.key, name: g.name, org_id: orgId(g.org), boundary: g.boundary ? jsonb(g.boundary) : null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('linli_grid_orgs').values(g.covers.map((c) => ({ grid_id: id, org_id: orgId(c) }))).execute();
    grids.set(g.key, id);
    report.grids++;
  }

  for (const p of config.people ?? []) {
    let person = await db.selectFrom('linli_people').select(['id', 'password_hash']).where('username', '=', p.username).executeTakeFirst();
    if (!person) {
      person = await db
        .insertInto('linli_people')
        .values({ username: p.username, display_name: p.name, phone: p.phone ?? null, email: p.email ?? null, wecom_user_id: p.wecomUserId ?? null, locale: p.locale ?? 'zh-CN', password_hash: opts.passwordHash ?? null })
        .returning(['id', 'password_hash'])
        .executeTakeFirstOrThrow();
      report.people++;
    } else if (opts.passwordHash && !person.password_hash) {
      await db.updateTable('linli_people').set({ password_hash: opts.passwordHash }).where('id', '=', person.id).execute();
    }
    for (const r of p.roles) {
      const gridId = r.grid ? (grids.get(r.grid) ?? null) : null;
      const org = r.org ? orgId(r.org) : gridId !== null ? (await db.selectFrom('linli_grids').select('org_id').where('id', '=', gridId).executeTakeFirstOrThrow()).org_id : NaN;
      const res = await db
        .insertInto('linli_role_assignments')
        .values({ person_id: person.id, role: r.role, org_id: org, grid_id: gridId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      report.roles += Number(res.numInsertedOrUpdatedRows ?? 0n);
    }
  }
  return report;
}

/** Runs `fn` once per database for a named seed (demo history), recording that it ran. */
export async function seedOnce(db: Kysely<CoreTables>, name: string, fn: (trx: Kysely<CoreTables>) => Promise<void>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx.insertInto('linli_seed_runs').values({ name }).onConflict((oc) => oc.doNothing()).returning('name').executeTakeFirst();
    if (!done) return false;
    await fn(trx);
    return true;
  });
}
