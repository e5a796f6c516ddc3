import { describe, expect, it } from 'vitest';
import { periodOf, periodRange, previousPeriod } from './periods.js';
import { rate, standing } from './ratings.js';
import { readSettings } from './settings.js';

const s = readSettings({ propertyCompanies: { a: 'b' } });

describe('periods in local time (UTC+8)', () => {
  it('reads quarters and half-years, and refuses the other kind', () => {
    expect(periodRange('2026-Q4', 'quarter', 8)).toEqual({ id: '2026-Q4', start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(periodRange('2026-H1', 'quarter', 8)).toBeUndefined();
    expect(periodRange('2026-H2', 'half-year', 8)?.start).toEqual(new Date('2026-06-30T16:00:00Z'));
  });
  it('finds the period of a moment, and the one before', () => {
    // 2026-09-30T17:00Z is already 1 October in Tianchang.
    expect(periodOf(new Date('2026-09-30T17:00:00Z'), 'quarter', 8).id).toBe('2026-Q4');
    expect(previousPeriod(periodOf(new Date('2026-02-01T00:00:00Z'), 'quarter', 8), 'quarter', 8).id).toBe('2025-Q4');
  });
});

describe('ratings and the red/black list', () => {
  it('rates by share of the maximum', () => {
    expect([rate(90, 100, s.ratingBands), rate(89, 100, s.ratingBands), rate(60, 100, s.ratingBands), rate(59, 100, s.ratingBands)]).toEqual(['优秀', '良好', '合格', '差']);
  });
  it('puts twice-poor companies on the black list (black wins), twice-excellent on the red', () => {
    const r = (...xs: string[]) => xs.map((rating) => ({ rating }));
    expect(standing(r('优秀', '优秀'), s)).toBe('red');
    expect(standing(r('优秀', '良好', '优秀'), s)).toBeNull();
    expect(standing(r('差', '良好', '合格', '差'), s)).toBe('black');
    expect(standing(r('差', '良好', '合格', '合格', '差'), s)).toBeNull();
  });
});
