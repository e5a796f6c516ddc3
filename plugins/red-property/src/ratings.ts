import type { Rating } from './forms/evaluation.js';
import type { Settings } from './settings.js';

/** The rating of a total against the city's bands (percent of the maximum). */
export function rate(total: number, maxTotal: number, bands: Settings['ratingBands']): Rating {
  const pct = (total * 100) / maxTotal;
  if (pct >= bands.excellent) return '优秀';
  if (pct >= bands.good) return '良好';
  if (pct >= bands.pass) return '合格';
  return '差';
}

export type Standing = 'red' | 'black' | null;
export const standingTitle = { red: '红榜', black: '黑榜' } as const;

/**
 * 红黑榜: from a company's ratings, newest period first. Black wins: a
 * company rated 差 often enough is on the black list whatever else it got.
 */
export function standing(ratings: readonly { rating: string }[], s: Pick<Settings, 'redList' | 'blackList'>): Standing {
  const count = (rating: string, within: number) => ratings.slice(0, within).filter((r) => r.rating === rating).length;
  if (count('差', s.blackList.withinPeriods) >= s.blackList.times) return 'black';
  if (count('优秀', s.redList.withinPeriods) >= s.redList.times) return 'red';
  return null;
}
