import { describe, expect, it } from 'vitest';
import { available, cityConfig, loose, type Loose } from '../test-fixtures.js';
import { checkCityConfig } from './check.js';

const opts = { file: 'linli.config.json', available: available(), sdkVersion: '0.1.3' };
const square = [[118.99, 32.69], [119.0, 32.69], [119.0, 32.7], [118.99, 32.7], [118.99, 32.69]];

function withBoundary(boundary: unknown, map?: unknown) {
  const c: Loose = loose(cityConfig());
  c.grids[0].boundary = boundary;
  if (map) c.map = map;
  return checkCityConfig(c, opts).issues;
}

describe('grid boundaries and the map in the city config', () => {
  it('accepts a GeoJSON Polygon or MultiPolygon and a map with a tile source', () => {
    expect(withBoundary({ type: 'Polygon', coordinates: [square] })).toEqual([]);
    expect(withBoundary({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toEqual([]);
    const map = { center: { lat: 32.69, lng: 119.0 }, zoom: 15, tiles: { url: 'https://t{s}.example.cn/{z}/{x}/{y}.png', subdomains: '0123', attribution: '© 测试', crs: 'gcj02' } };
    expect(withBoundary({ type: 'Polygon', coordinates: [square] }, map)).toEqual([]);
  });

  it('refuses an open ring, at its path', () => {
    const open = square.slice(0, 4).concat([[118.995, 32.69]]);
    const issues = withBoundary({ type: 'Polygon', coordinates: [open] });
    expect(issues).toEqual([expect.objectContaining({ path: '/grids/0/boundary/coordinates/0', message: 'the ring is not closed' })]);
  });

  it('refuses positions out of range (GeoJSON is [longitude, latitude]) and tiles without a coordinate system', () => {
    expect(withBoundary({ type: 'Polygon', coordinates: [square.map(([lng, lat]) => [lat, lng])] }).length).toBeGreaterThan(0);
    expect(withBoundary(undefined, { tiles: { url: 'https://x/{z}/{x}/{y}', attribution: 'x' } }).some((i) => i.path.startsWith('/map/tiles'))).toBe(true);
  });
});
