import { describe, expect, it } from 'vitest';
import { fromTiles, rounded, tileCrs, toTiles } from './geo';

describe('map coordinates', () => {
  const tianchang = { lat: 32.69, lng: 119.005 };

  it('leaves WGS-84 tiles alone and shifts GCJ-02 tiles by the published offset', () => {
    expect(toTiles(tianchang, 'wgs84')).toEqual(tianchang);
    const drawn = toTiles(tianchang, 'gcj02');
    // In eastern China GCJ-02 lies a few hundred metres off GPS, mostly east-west.
    expect(Math.abs(drawn.lng - tianchang.lng)).toBeGreaterThan(0.002);
    expect(Math.abs(drawn.lng - tianchang.lng)).toBeLessThan(0.01);
    // And a pick on GCJ-02 tiles comes back to the same GPS point, within centimetres.
    const back = rounded(fromTiles(drawn, 'gcj02'));
    expect(Math.abs(back.lat - tianchang.lat)).toBeLessThan(1e-5);
    expect(Math.abs(back.lng - tianchang.lng)).toBeLessThan(1e-5);
  });

  it('reads the coordinate system from the city config, WGS-84 without tiles', () => {
    expect(tileCrs(null)).toBe('wgs84');
    expect(tileCrs({ tiles: { url: 'x/{z}/{x}/{y}', attribution: 'a', crs: 'gcj02' } })).toBe('gcj02');
  });
});
