import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { isWithin, type Deployment, type GeoPoint } from '@linli/core';
import { getOrgByKey, type CoreTables, type Org } from '@linli/db';
import type { Kysely } from 'kysely';

type Boundary = Parameters<typeof booleanPointInPolygon>[1];

/**
 * Where a report with a point is filed: the grid whose boundary (GeoJSON in
 * WGS-84: config `grids[].boundary`, or the 边界 column of an imported roster,
 * both kept in linli_grids.boundary) contains the point takes it — at the
 * place the reporter chose when the grid covers it, else at the first place
 * the grid covers. Without a containing grid (or a point) the chosen place
 * stands. The config's grids are tried first, in config order (an overlap
 * goes to the first), then imported grids in the order they were created.
 */
export function gridPlacer(deployment: Deployment) {
  const configGrids = deployment.config.grids ?? [];
  const configOrder = new Map(configGrids.map((g, i) => [g.key, i]));
  return async function place(trx: Kysely<any>, chosen: Org, point: GeoPoint | undefined): Promise<Org> {
    if (!point) return chosen;
    const db = trx as Kysely<CoreTables>;
    const rows = await db.selectFrom('linli_grids').select(['id', 'key', 'boundary']).where('boundary', 'is not', null).orderBy('id').execute();
    if (rows.length === 0) return chosen;
    rows.sort((a, b) => (configOrder.get(a.key) ?? Infinity) - (configOrder.get(b.key) ?? Infinity) || a.id - b.id);
    const at: [number, number] = [point.lng, point.lat];
    const grid = rows.find((g) => booleanPointInPolygon(at, g.boundary as Boundary));
    if (!grid) return chosen;
    // The config lists its grid's main place first; an imported grid's places come in tree order.
    const keys =
      configGrids.find((g) => g.key === grid.key)?.covers ??
      (await db.selectFrom('linli_grid_orgs as go').innerJoin('linli_orgs as o', 'o.id', 'go.org_id').select('o.key').where('go.grid_id', '=', grid.id).orderBy('o.path').execute()).map((r) => r.key);
    const covered = (await Promise.all(keys.map((key) => getOrgByKey(trx, key)))).filter((o): o is Org => o !== null);
    return covered.find((o) => isWithin(chosen.path, o.path)) ? chosen : (covered[0] ?? chosen);
  };
}
