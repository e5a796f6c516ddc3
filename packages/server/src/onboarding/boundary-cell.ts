/**
 * A grid's boundary in one spreadsheet cell (the grids sheet's 边界 column):
 * GeoJSON text, exactly what the config's `grids[].boundary` holds — a
 * Polygon or MultiPolygon geometry (a Feature wrapping one is accepted),
 * positions [longitude, latitude] in WGS-84, each ring closed. An Excel cell
 * holds at most 32,767 characters (about 1,500 positions at six decimals);
 * a longer outline is simplified first, or kept in the config file.
 */
export type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export const boundaryCellLimit = 32_767;

/** The geometry, or the reason in both languages a person can act on. */
export function parseBoundaryCell(text: string): { geometry: Geometry } | { en: string; zh: string } {
  if (text.length > boundaryCellLimit) return { en: `the boundary is longer than an Excel cell holds (${boundaryCellLimit} characters): simplify the outline`, zh: `边界超过 Excel 单元格上限（${boundaryCellLimit} 个字符）：请简化边界线` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { en: 'the boundary is not GeoJSON text (for example {"type":"Polygon","coordinates":[[[118.99,32.69],…]]})', zh: '边界不是 GeoJSON 文本（例如 {"type":"Polygon","coordinates":[[[118.99,32.69],…]]}）' };
  }
  const v = value as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  const g = (v && typeof v === 'object' && v.type === 'Feature' ? v.geometry : v) as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object' || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { en: 'the boundary must be a GeoJSON Polygon or MultiPolygon', zh: '边界须为 GeoJSON 的 Polygon 或 MultiPolygon' };
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [undefined];
  if (polygons.length === 0) return { en: 'the MultiPolygon has no polygon', zh: 'MultiPolygon 中没有多边形' };
  for (const [p, rings] of polygons.entries()) {
    const where = g.type === 'MultiPolygon' ? { en: `polygon ${p + 1}: `, zh: `第 ${p + 1} 个多边形：` } : { en: '', zh: '' };
    if (!Array.isArray(rings) || rings.length === 0) return { en: `${where.en}coordinates must be a list of rings`, zh: `${where.zh}coordinates 须为环的列表` };
    for (const [k, ring] of rings.entries()) {
      const name = { en: `${where.en}ring ${k + 1}`, zh: `${where.zh}第 ${k + 1} 个环` };
      if (!Array.isArray(ring) || ring.length < 4) return { en: `${name.en} needs at least four positions`, zh: `${name.zh}至少需要 4 个坐标点` };
      for (const [i, pos] of ring.entries()) {
        const ok = Array.isArray(pos) && pos.length === 2 && pos.every((n) => typeof n === 'number' && Number.isFinite(n));
        if (!ok) return { en: `${name.en}, position ${i + 1} must be [longitude, latitude]`, zh: `${name.zh}第 ${i + 1} 个点须为 [经度, 纬度]` };
        const [lng, lat] = pos as [number, number];
        if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
          return { en: `${name.en}, position ${i + 1} [${lng}, ${lat}] is not a WGS-84 [longitude, latitude] (longitude first)`, zh: `${name.zh}第 ${i + 1} 个点 [${lng}, ${lat}] 不是 WGS-84 的 [经度, 纬度]（经度在前）` };
        }
      }
      const [first, last] = [ring[0] as number[], ring.at(-1) as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return { en: `${name.en} is not closed: its last position must equal the first`, zh: `${name.zh}未闭合：最后一个点须与第一个点相同` };
    }
  }
  return { geometry: { type: g.type, coordinates: g.coordinates } as Geometry };
}

/** The cell's text: compact GeoJSON, so export → import gives back the same geometry. */
export const boundaryCellText = (b: unknown): string => (b ? JSON.stringify(b) : '');

/** Two boundaries are the same when their GeoJSON is (null for none). */
export const sameBoundary = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
