import { describe, expect, it } from 'vitest';
import { tileImageSources } from './tile-sources.js';

describe('tileImageSources', () => {
  it('lets the tile host through, widening a templated subdomain', () => {
    expect(tileImageSources('https://t{s}.tianditu.gov.cn/vec_w/wmts?TILECOL={x}&TILEROW={y}&TILEMATRIX={z}&tk=k')).toEqual(['https://*.tianditu.gov.cn']);
    expect(tileImageSources('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}')).toEqual(['https://*.is.autonavi.com']);
    expect(tileImageSources('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toEqual(['http://127.0.0.1:8080']);
  });

  it('adds nothing without a template or for another scheme', () => {
    expect(tileImageSources(undefined)).toEqual([]);
    expect(tileImageSources('javascript:alert(1)')).toEqual([]);
  });
});
