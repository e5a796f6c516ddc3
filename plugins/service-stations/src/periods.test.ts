import { describe, expect, it } from 'vitest';
import { nextPeriod, periodOf, periodTitle, previousPeriod } from './periods.js';

describe('inspection periods in local time (UTC+8)', () => {
  it('puts the first hours of a month, local, in that month', () => {
    // 2026-11-30T16:30Z is 00:30 on 1 December in Tianchang.
    expect(periodOf(new Date('2026-11-30T16:30:00Z'), 'month', 8)).toMatchObject({ id: '2026-12', start: new Date('2026-11-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(periodOf(new Date('2026-11-30T15:59:00Z'), 'month', 8).id).toBe('2026-11');
  });
  it('counts quarters and crosses years', () => {
    const q4 = periodOf(new Date('2026-11-24T02:00:00Z'), 'quarter', 8);
    expect(q4).toMatchObject({ id: '2026-Q4', start: new Date('2026-09-30T16:00:00Z') });
    expect(nextPeriod(q4, 'quarter', 8).id).toBe('2027-Q1');
    expect(previousPeriod(periodOf(new Date('2027-01-10T00:00:00Z'), 'month', 8), 'month', 8).id).toBe('2026-12');
  });
  it('titles ids in Chinese', () => {
    expect([periodTitle('2026-11'), periodTitle('2026-Q4')]).toEqual(['2026年11月', '2026年第4季度']);
  });
});
