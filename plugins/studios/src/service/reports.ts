import { fail } from '../errors.js';
import type { Studio } from '../store/studios.js';
import { instant, monthRange } from '../time.js';
import type { Env } from './env.js';

export interface MonthlyRow {
  studioId: string;
  studioName: string;
  kind: string;
  communityName: string;
  month: string;
  booked: number;
  held: number;
  noShows: number;
  cancelled: number;
  pending: number;
  followUps: number;
  ratings: number;
  averageRating: number | null;
  /** Share of held meetings rated 4 or 5, in percent. */
  satisfied: number | null;
}

export const isMonth = (m: string): boolean => /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(m);

/** `YYYY-MM` and the two months before it, newest first: what a secretary looks back on at the start of a month. */
export function lastMonths(month: string, n = 3): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

export function checkMonth(month: string): void {
  if (!isMonth(month)) throw fail('STU_ERR_BAD_MONTH', [month], [{ path: '/month', message: 'expected YYYY-MM' }]);
}

/**
 * The month's figures per studio, by the appointments' times in the city's
 * local month: how many were booked (any outcome), held, missed, cancelled or
 * declined, still pending, followed up by a ticket, and how residents rated
 * them. Counts only: no resident is named.
 */
export async function monthly(env: Env, studios: readonly Studio[], month: string): Promise<MonthlyRow[]> {
  checkMonth(month);
  if (!studios.length) return [];
  const { from, to } = monthRange(month);
  const rows = await env.db
    .selectFrom('studios_bookings as b')
    .innerJoin('studios_sessions as ss', 'ss.id', 'b.session_id')
    .select(['b.studio_id', 'b.status', 'b.rating', 'b.follow_up_ticket_id'])
    .where('b.studio_id', 'in', studios.map((s) => s.id))
    .where('ss.starts_at', '>=', instant(from, '00:00', env.offsetHours))
    .where('ss.starts_at', '<', instant(to, '00:00', env.offsetHours))
    .execute();
  return studios.map((s) => {
    const mine = rows.filter((r) => r.studio_id === s.id);
    const count = (...statuses: string[]) => mine.filter((r) => statuses.includes(r.status)).length;
    const rated = mine.filter((r) => r.rating !== null).map((r) => r.rating!);
    return {
      studioId: String(s.id),
      studioName: s.name,
      kind: s.kind,
      communityName: s.communityName,
      month,
      booked: mine.length,
      held: count('held'),
      noShows: count('no_show'),
      cancelled: count('cancelled', 'declined'),
      pending: count('requested', 'confirmed', 'proposed'),
      followUps: mine.filter((r) => r.follow_up_ticket_id !== null).length,
      ratings: rated.length,
      averageRating: rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null,
      satisfied: rated.length ? Math.round((rated.filter((r) => r >= 4).length / rated.length) * 1000) / 10 : null,
    };
  });
}

export const monthlyHeader = ['月份', '社区', '工作室', '类型', '预约', '已接待', '未到', '取消/未接受改约', '待办', '转工单', '评价数', '平均评分', '满意率(%)'];

export const monthlyCells = (r: MonthlyRow) => [r.month, r.communityName, r.studioName, r.kind, r.booked, r.held, r.noShows, r.cancelled, r.pending, r.followUps, r.ratings, r.averageRating, r.satisfied];
