import { describe, expect, it } from 'vitest';
import { isMonth, lastMonths } from './service/reports.js';
import { monthRange } from './time.js';

describe('report months', () => {
  it('looks back three months across a new year', () => {
    expect(lastMonths('2027-01')).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(lastMonths('2026-12')).toEqual(['2026-12', '2026-11', '2026-10']);
  });
  it('knows a month and its days', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });
});
