import { localDate } from '@linli/sdk';
import type { Period } from './settings.js';

/**
 * Evaluation periods in the city's local time: quarters `2026-Q1` or
 * half-years `2026-H1`. Pure code, unit-tested (periods.test.ts).
 */
export interface PeriodRange {
  id: string;
  start: Date;
  end: Date;
}

const patterns: Record<Period, RegExp> = { quarter: /^([0-9]{4})-Q([1-4])$/, 'half-year': /^([0-9]{4})-H([12])$/ };
const monthsOf: Record<Period, number> = { quarter: 3, 'half-year': 6 };
export const periodExample: Record<Period, string> = { quarter: '2026-Q1', 'half-year': '2026-H1' };
export const periodPattern = '^[0-9]{4}-(Q[1-4]|H[12])$';

const localStart = (year: number, month0: number, offsetHours: number) => new Date(Date.UTC(year, month0, 1) - offsetHours * 3_600_000);

/** The range of a period id, or undefined when the id is not of the city's kind. */
export function periodRange(id: string, kind: Period, offsetHours: number): PeriodRange | undefined {
  const m = patterns[kind].exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  const months = monthsOf[kind];
  const first = (Number(m[2]) - 1) * months;
  return { id, start: localStart(year, first, offsetHours), end: localStart(year, first + months, offsetHours) };
}

/** The period `at` falls in. */
export function periodOf(at: Date, kind: Period, offsetHours: number): PeriodRange {
  const local = new Date(at.getTime() + offsetHours * 3_600_000);
  const n = Math.floor(local.getUTCMonth() / monthsOf[kind]) + 1;
  return periodRange(`${local.getUTCFullYear()}-${kind === 'quarter' ? 'Q' : 'H'}${n}`, kind, offsetHours)!;
}

/** The period before `p`. */
export function previousPeriod(p: PeriodRange, kind: Period, offsetHours: number): PeriodRange {
  return periodOf(new Date(p.start.getTime() - 1), kind, offsetHours);
}

/** `YYYY-MM-DD` of `at` in local time. */
export { localDate };
