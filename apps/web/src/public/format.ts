import type { Lang } from '../i18n';
import { formatCell } from '../plugins/format';
import type { BoardSection } from './types';

/** A board card's value as text, by its declared format. Always text: React escapes it. */
export function formatBoardValue(value: unknown, format: BoardSection['fields'][number]['format'], lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (format === 'money' && typeof value === 'number') return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' }).format(value / 100);
  if (format === 'month' && typeof value === 'string') return monthLabel(value, lang);
  if (format === 'money' || format === 'month' || format === 'badge') return String(value);
  return formatCell(value, format, lang);
}

/** `2026-11` → `2026年11月` (or `Nov 2026`). */
export function monthLabel(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return lang === 'en' ? new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : `${m[1]}年${Number(m[2])}月`;
}
