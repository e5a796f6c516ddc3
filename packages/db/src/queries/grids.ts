import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { decodeCursor, parseId, toPage, type Page } from './json.js';

export interface Grid {
  id: string;
  key: string;
  name: string;
  orgId: string;
  covers: { id: string; name: string; type: string }[];
}

export interface GridFilter {
  orgId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listGrids(db: Kysely<CoreTables>, f: GridFilter): Promise<Page<Grid>> {
  let q = db.selectFrom('linli_grids').selectAll().orderBy('id').limit(f.limit + 1);
  if (f.orgId !== undefined) q = q.where('org_id', '=', parseId(f.orgId) ?? -1);
  const after = decodeCursor(f.cursor);
  if (after !== null) q = q.where('id', '>', after);
  const rows = await q.execute();
  const covers = rows.length
    ? await db
        .selectFrom('linli_grid_orgs as go')
        .innerJoin('linli_orgs as o', 'o.id', 'go.org_id')
        .select(['go.grid_id', 'o.id', 'o.name', 'o.type'])
        .where('go.grid_id', 'in', rows.map((r) => r.id))
        .orderBy('o.id')
        .execute()
    : [];
  return toPage(rows, f.limit, (r) => ({
    id: String(r.id),
    key: r.key,
    name: r.name,
    orgId: String(r.org_id),
    covers: covers.filter((c) => c.grid_id === r.id).map((c) => ({ id: String(c.id), name: c.name, type: c.type })),
  }));
}
