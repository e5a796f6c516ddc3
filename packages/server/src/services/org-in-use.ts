import type { LocalizedText } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';

const names = (rows: { name: string }[]) => rows.slice(0, 3).map((r) => r.name).join('、') + (rows.length > 3 ? '…' : '');

/**
 * What still depends on an org about to be deactivated (停用), in both
 * languages, or null when nothing does: active orgs under it, enabled people
 * holding roles at it (people are counted, not named), grids based at it or
 * covering it. Its tickets never hold it back: they stay visible above it.
 */
export async function orgInUse(trx: Kysely<CoreTables>, orgId: number): Promise<Required<LocalizedText> | null> {
  const zh: string[] = [];
  const en: string[] = [];
  const children = await trx.selectFrom('linli_orgs').select('name').where('parent_id', '=', orgId).where('deactivated_at', 'is', null).orderBy('id').execute();
  if (children.length) {
    zh.push(`其下还有 ${children.length} 个在用的组织（${names(children)}），请先移走或停用`);
    en.push(`${children.length} active organization(s) lie under it (${names(children)}): move or deactivate them first`);
  }
  const members = await trx
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
    .select((eb) => eb.fn.count<number>('ra.person_id').distinct().as('n'))
    .where('ra.org_id', '=', orgId)
    .where('ra.grid_id', 'is', null)
    .where('p.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  const people = Number(members.n);
  if (people) {
    zh.push(`还有 ${people} 人在此任职，请先在人员管理中收回他们在此的角色或停用账号`);
    en.push(`${people} person(s) hold roles there: take those roles away or disable the accounts on the people page first`);
  }
  const grids = await trx
    .selectFrom('linli_grids as g')
    .select('g.name')
    .where((eb) => eb.or([eb('g.org_id', '=', orgId), eb.exists(eb.selectFrom('linli_grid_orgs as go').select('go.grid_id').whereRef('go.grid_id', '=', 'g.id').where('go.org_id', '=', orgId))]))
    .orderBy('g.id')
    .execute();
  if (grids.length) {
    zh.push(`网格${names(grids)}设在或覆盖这里，请先在网格管理中调整`);
    en.push(`grid(s) ${names(grids)} belong to or cover it: change them on the grids page first`);
  }
  return zh.length ? { 'zh-CN': zh.join('；'), en: en.join('; ') } : null;
}
