import type { Lang } from '../i18n';
import type { TimeLimit } from '../api/types';

export interface TimeLeft {
  overdue: boolean;
  /** The largest whole unit that describes the gap: minutes under an hour, hours under two days, then days. */
  amount: number;
  unit: 'minute' | 'hour' | 'day';
}

/** How long until (or since) a deadline, in the unit a person would say it. */
export function timeLeft(deadline: Date, now: Date): TimeLeft {
  const ms = deadline.getTime() - now.getTime();
  const overdue = ms < 0;
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  if (minutes < 60) return { overdue, amount: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { overdue, amount: hours, unit: 'hour' };
  return { overdue, amount: Math.floor(hours / 24), unit: 'day' };
}

const locales: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string, lang: Lang): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** "刚刚" / "3 小时前" / "3 hours ago", and the date once it is over a week ago. */
export function formatRelative(iso: string, now: Date, lang: Lang): string {
  // A moment in the future is the page's clock lagging the server's: call it now.
  const diff = Math.min(0, (new Date(iso).getTime() - now.getTime()) / 1000);
  const abs = Math.abs(diff);
  if (abs > 7 * 86400) return formatDate(iso, lang);
  const rtf = new Intl.RelativeTimeFormat(locales[lang], { numeric: 'auto' });
  if (abs < 45) return lang === 'en' ? 'just now' : '刚刚';
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86400), 'day');
}

/** A state's time limit in words: "24 小时" / "3 个工作日" / "3 working days". */
export function describeTimeLimit(limit: TimeLimit | undefined, lang: Lang): string | null {
  if (!limit) return null;
  if (limit.hours !== undefined) return lang === 'en' ? `${limit.hours} h` : `${limit.hours} 小时`;
  if (limit.days !== undefined) {
    if (lang === 'en') return `${limit.days} ${limit.workingDays ? 'working ' : ''}day${limit.days === 1 ? '' : 's'}`;
    return `${limit.days} 个${limit.workingDays ? '工作日' : '自然日'}`;
  }
  return null;
}
