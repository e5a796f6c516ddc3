import gcoord from 'gcoord';
import type { MapConfig } from '../api/types';

/** A point as the API stores it: WGS-84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

type Crs = 'wgs84' | 'gcj02';

/** The coordinate system the city's tiles are drawn in; WGS-84 without tiles. */
export const tileCrs = (map: MapConfig | null | undefined): Crs => map?.tiles?.crs ?? 'wgs84';

/**
 * Stored WGS-84 → where to draw it on the tiles. GCJ-02 tiles (AMap, Tencent)
 * are offset by some hundreds of metres from GPS inside China; gcoord applies
 * the published transform (and leaves points outside China as they are).
 */
export function toTiles(p: LatLng, crs: Crs): LatLng {
  if (crs === 'wgs84') return p;
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** A place picked on the tiles → WGS-84 for the API. */
export function fromTiles(p: LatLng, crs: Crs): LatLng {
  if (crs === 'wgs84') return p;
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat, lng };
}

/** Six decimals: about 0.1 m, more than a phone's GPS knows. */
export const rounded = (p: LatLng): LatLng => ({ lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 });
