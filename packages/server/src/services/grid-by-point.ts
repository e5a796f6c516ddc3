import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { isWithin, type Deployment, type GeoPoint } from '@linli/core';
import { getOrgByKey, type Org } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * Where a report with a point is filed: the grid whose boundary (config
 * `grids[].boundary`, GeoJSON in WGS-84) contains the point takes it — at the
 * place the reporter chose when the grid covers it, else at the first place
 * the grid covers. Without a containing grid (or a point) the chosen place
 * stands. Grids are tried in config order, so an overlap goes to the first.
 */
export function gridPlacer(deployment: Deployment) {
  const grids = (deployment.config.grids ?? []).filter((g) => g.boundary);
  return async function place(trx: Kysely<any>, chosen: Org, point: GeoPoint | undefined): Promise<Org> {
    if (!point || grids.length === 0) return chosen;
    const at: [number, number] = [point.lng, point.lat];
    const grid = grids.find((g) => booleanPointInPolygon(at, g.boundary as Parameters<typeof booleanPointInPolygon>[1]));
    if (!grid) return chosen;
    const covered = (await Promise.all(grid.covers.map((key) => getOrgByKey(trx, key)))).filter((o): o is Org => o !== null);
    return covered.find((o) => isWithin(chosen.path, o.path)) ? chosen : (covered[0] ?? chosen);
  };
}
