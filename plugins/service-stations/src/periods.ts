import type { LocalizedText } from '@linli/sdk';
import type { Period } from './settings.js';

/**
 * Inspection periods in the city's local time: months `2026-11` or quarters
 * `2026-Q4`. An inspection keeps the period it was opened for, so changing
 * the setting later never moves history. Pure code, unit-tested.
 */
export interface PeriodRange {
  id: string;
  title: LocalizedText;
  start: Date;
  /** The first instant after it: the next period's start. */
  end: Date;
}

const HOUR = 3_600_000;
export const periodPattern = '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$';
const localStart = (year: number, month0: number, offsetHours: number) => new Date(Date.UTC(year, month0, 1) - offsetHours * HOUR);

function range(year: number, month0: number, kind: Period, offsetHours: number): PeriodRange {
  if (kind === 'month') {
    const id = `${year}-${String(month0 + 1).padStart(2, '0')}`;
    return { id, title: { 'zh-CN': `${year}年${month0 + 1}月`, en: id }, start: localStart(year, month0, offsetHours), end: localStart(year, month0 + 1, offsetHours) };
  }
  const q = Math.floor(month0 / 3) + 1;
  const id = `${year}-Q${q}`;
  return { id, title: { 'zh-CN': `${year}年第${q}季度`, en: id }, start: localStart(year, (q - 1) * 3, offsetHours), end: localStart(year, q * 3, offsetHours) };
}

/** The period the instant `at` falls in. */
export function periodOf(at: Date, kind: Period, offsetHours: number): PeriodRange {
  const local = new Date(at.getTime() + offsetHours * HOUR);
  return range(local.getUTCFullYear(), local.getUTCMonth(), kind, offsetHours);
}

/** The period after `p`. */
export const nextPeriod = (p: PeriodRange, kind: Period, offsetHours: number) => periodOf(p.end, kind, offsetHours);
/** The period before `p`. */
export const previousPeriod = (p: PeriodRange, kind: Period, offsetHours: number) => periodOf(new Date(p.start.getTime() - 1), kind, offsetHours);

/** A period id's title as stored ids read (any kind: history may hold months and quarters). */
export function periodTitle(id: string): string {
  const q = /^([0-9]{4})-Q([1-4])$/.exec(id);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^([0-9]{4})-([0-9]{2})$/.exec(id);
  return m ? `${m[1]}年${Number(m[2])}月` : id;
}
