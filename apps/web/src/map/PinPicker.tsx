import { useEffect, useState } from 'react';
import { CircleMarker, useMap, useMapEvents } from 'react-leaflet';
import { useI18n } from '../i18n';
import { fromTiles, rounded, toTiles, type LatLng } from './geo';
import { MapView, useTileCrs } from './MapView';

interface Props {
  /** WGS-84, or null when none is picked. */
  value: LatLng | null;
  onChange: (p: LatLng | null) => void;
  label: string;
}

/** Marks the place on the map: a tap on the map, or the phone's own position (browser geolocation). */
export function PinPicker({ value, onChange, label }: Props) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);

  function locate() {
    if (!('geolocation' in navigator)) return setFailed(true);
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        // The browser reports WGS-84 (GPS), which is what the API stores.
        onChange(rounded({ lat: pos.coords.latitude, lng: pos.coords.longitude }));
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  return (
    <div className="pin-picker">
      <div className="pin-actions">
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={locating}>
          {locating ? t('map.locating') : t('map.useMyLocation')}
        </button>
        {value && (
          <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>
            {t('map.clear')}
          </button>
        )}
      </div>
      {failed && <p className="field-error" role="alert">{t('map.locateFailed')}</p>}
      <MapView label={label} center={value ?? undefined} zoom={value ? 17 : undefined}>
        <Picker value={value} onChange={onChange} />
      </MapView>
      <p className="field-hint" aria-live="polite">
        {value ? `${t('map.picked')}（${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}）` : t('map.pickHint')}
      </p>
    </div>
  );
}

/** The pin, and taps that move it; follows a position set from outside (geolocation). */
function Picker({ value, onChange }: Omit<Props, 'label'>) {
  const crs = useTileCrs();
  const map = useMap();
  useMapEvents({ click: (e) => onChange(rounded(fromTiles({ lat: e.latlng.lat, lng: e.latlng.lng }, crs))) });
  useEffect(() => {
    if (!value) return;
    const p = toTiles(value, crs);
    if (!map.getBounds().contains([p.lat, p.lng])) map.setView([p.lat, p.lng], Math.max(map.getZoom(), 16), { animate: false });
  }, [value, crs, map]);
  if (!value) return null;
  const at = toTiles(value, crs);
  return <CircleMarker center={[at.lat, at.lng]} radius={10} pathOptions={{ color: '#dc2626', fillColor: '#ef4444', fillOpacity: 0.8 }} />;
}
