import 'leaflet/dist/leaflet.css';
import { useEffect, type ReactNode as Children } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { tileCrs, toTiles, type LatLng } from './geo';

/** Where maps open when the city config names no centre: the middle of China, zoomed out. */
const fallbackCenter: LatLng = { lat: 34.3, lng: 108.9 };

interface Props {
  /** WGS-84; the city's map centre when absent. */
  center?: LatLng | undefined;
  zoom?: number | undefined;
  label: string;
  className?: string;
  children?: Children;
}

/**
 * A Leaflet map with the city's tile source (config `map.tiles`), or none: the
 * pins and shapes drawn on a plain canvas still say where things are, so the
 * page works without tiles (and tests fetch nothing). Children draw in tile
 * coordinates: convert stored points with `toTiles` (`useTileCrs`).
 */
export function MapView({ center, zoom, label, className, children }: Props) {
  const { config } = useSession();
  const { t } = useI18n();
  const map = config?.map ?? null;
  const crs = tileCrs(map);
  const start = toTiles(center ?? map?.center ?? fallbackCenter, crs);
  const tiles = map?.tiles;
  return (
    <div className={`map-frame ${className ?? ''}`} role="region" aria-label={label}>
      <MapContainer center={[start.lat, start.lng]} zoom={zoom ?? map?.zoom ?? (map?.center ? 15 : 5)} scrollWheelZoom={false} className="map">
        <PlainCredit />
        {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} subdomains={tiles.subdomains ?? 'abc'} maxZoom={tiles.maxZoom ?? 18} />}
        {children}
      </MapContainer>
      {!tiles && <p className="map-note">{t('map.noTiles')}</p>}
    </div>
  );
}

/** The coordinate system children of MapView draw in. */
export function useTileCrs() {
  const { config } = useSession();
  return tileCrs(config?.map ?? null);
}

/** Credits the library by name only; the tile provider's attribution (config) follows it. */
function PlainCredit() {
  const map = useMap();
  useEffect(() => void map.attributionControl.setPrefix('Leaflet'), [map]);
  return null;
}
