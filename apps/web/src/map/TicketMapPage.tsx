import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CircleMarker, Popup, useMap } from 'react-leaflet';
import { api } from '../api/client';
import type { Page, Ticket } from '../api/types';
import { useLoad } from '../api/useApi';
import { useDeployment } from '../api/useDeployment';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { toTiles } from './geo';
import { MapView, useTileCrs } from './MapView';

/** Staff: the open tickets that carry a point, on the city's map, filtered by state and overdue. */
export function TicketMapPage() {
  const { t, pick } = useI18n();
  const dep = useDeployment();
  const crs = useTileCrs();
  const [state, setState] = useState('');
  const [overdue, setOverdue] = useState(false);
  const query = new URLSearchParams({ located: 'true', open: 'true', limit: '200', ...(state ? { state } : {}), ...(overdue ? { overdue: 'true' } : {}) }).toString();
  const tickets = useLoad(`map:${query}`, (signal) => api<Page<Ticket>>(`/api/tickets?${query}`, { signal }));
  // Every non-terminal state of every workflow, by title: a filter people read, not ids.
  const states = useMemo(() => {
    const seen = new Map<string, string>();
    for (const w of dep.workflows) for (const s of w.states) if (!s.terminal && !seen.has(s.id)) seen.set(s.id, pick(s.title));
    return [...seen];
  }, [dep.workflows, pick]);

  const items = tickets.data?.items.filter((x) => x.point) ?? [];
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t('map.title')}</h1>
          <p className="page-sub">{t('map.subtitle')}</p>
        </div>
      </header>
      <div className="card filters map-filters">
        <label className="field-inline">
          <span>{t('map.state')}</span>
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {states.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label className="check-row">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          <span>{t('map.overdueOnly')}</span>
        </label>
      </div>
      {tickets.error && <ErrorNotice error={tickets.error} onRetry={tickets.reload} />}
      {!tickets.data && !tickets.error ? (
        <Loading />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {items.length ? t('map.count', { count: items.length }) : t('map.none')}
          </p>
          <MapView label={t('map.title')} className="map-large">
            <FitTo points={items.map((x) => toTiles(x.point!, crs))} />
            {items.map((x) => {
              const at = toTiles(x.point!, crs);
              return (
                <CircleMarker key={x.id} center={[at.lat, at.lng]} radius={9} pathOptions={x.overdue ? { color: '#b91c1c', fillColor: '#ef4444', fillOpacity: 0.85 } : { color: '#1d4ed8', fillColor: '#3b82f6', fillOpacity: 0.8 }}>
                  <Popup>
                    <strong>{x.title}</strong>
                    <br />
                    {pick(dep.workflow(x.workflow)?.states.find((s) => s.id === x.state)?.title) || x.state}
                    <br />
                    <Link to={`/tickets/${x.id}`}>{t('map.open')}</Link>
                  </Popup>
                </CircleMarker>
              );
            })}
          </MapView>
          <ul className="map-list">
            {items.map((x) => (
              <li key={x.id}>
                <Link to={`/tickets/${x.id}`}>{x.title}</Link>
                {x.overdue && <span className="badge badge-progress">{t('queue.view.overdue')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Frames the pins shown (a single one at street level), so every ticket on the list is on the map. */
function FitTo({ points }: { points: { lat: number; lng: number }[] }) {
  const map = useMap();
  const key = points.map((p) => `${p.lat},${p.lng}`).join(';');
  useEffect(() => {
    if (!points.length) return;
    // No animation: a page left mid-animation makes Leaflet read a removed pane (_leaflet_pos of undefined).
    map.fitBounds(points.map((p) => [p.lat, p.lng] as [number, number]), { padding: [24, 24], maxZoom: 17, animate: false });
    // Only when the set of pins changes, not on every render.
  }, [map, key]);
  return null;
}
