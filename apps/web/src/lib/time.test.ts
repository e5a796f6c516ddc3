import { describe, expect, it } from 'vitest';
import { describeTimeLimit, formatRelative, timeLeft } from './time';

describe('timeLeft', () => {
  const now = new Date('2026-11-24T08:00:00Z');
  const at = (iso: string) => timeLeft(new Date(iso), now);
  it('says minutes under an hour, hours under two days, then days', () => {
    expect(at('2026-11-24T08:20:00Z')).toEqual({ overdue: false, amount: 20, unit: 'minute' });
    expect(at('2026-11-25T07:59:00Z')).toEqual({ overdue: false, amount: 23, unit: 'hour' });
    expect(at('2026-11-27T09:00:00Z')).toEqual({ overdue: false, amount: 3, unit: 'day' });
  });
  it('marks a passed deadline overdue and measures how long ago', () => {
    expect(at('2026-11-24T05:00:00Z')).toEqual({ overdue: true, amount: 3, unit: 'hour' });
    expect(at('2026-11-24T07:59:59Z')).toEqual({ overdue: true, amount: 1, unit: 'minute' });
  });
});

describe('describeTimeLimit', () => {
  it('names hours, calendar days and working days in both languages', () => {
    expect(describeTimeLimit({ hours: 24 }, 'zh-CN')).toBe('24 小时');
    expect(describeTimeLimit({ days: 3, workingDays: true }, 'zh-CN')).toBe('3 个工作日');
    expect(describeTimeLimit({ days: 3, workingDays: true }, 'en')).toBe('3 working days');
    expect(describeTimeLimit({ days: 1 }, 'en')).toBe('1 day');
    expect(describeTimeLimit(undefined, 'en')).toBeNull();
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-24T08:00:00Z');
  it('says just now, then minutes and hours ago, and the date after a week', () => {
    expect(formatRelative('2026-11-24T07:59:40Z', now, 'zh-CN')).toBe('刚刚');
    // The page's clock may lag the server's: a moment "in the future" is now.
    expect(formatRelative('2026-11-24T08:00:05Z', now, 'en')).toBe('just now');
    expect(formatRelative('2026-11-24T05:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2026-11-01T05:00:00Z', now, 'zh-CN')).toBe('2026/11/01');
  });
});
