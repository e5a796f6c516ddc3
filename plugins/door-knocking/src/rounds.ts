import type { LocalizedText } from '@linli/sdk';

/**
 * Visiting rounds. Ji'an knocks on every door twice a month, so a month is
 * split into `roundsPerMonth` runs of local days (2: the 1st–15th and the
 * 16th–end). A visit keeps the round it was made in: changing the setting
 * later never moves history.
 */
export interface Round {
  /** `2026-11-r2`: the month and the round's number in it. */
  id: string;
  title: LocalizedText;
  /** First instant of the round, and the first instant after it. */
  start: Date;
  end: Date;
}

const HOUR = 3_600_000;
export const roundIdPattern = '^[0-9]{4}-(0[1-9]|1[0-2])-r[1-4]$';

const names: Record<number, { zh: string[]; en: string[] }> = {
  2: { zh: ['上半月', '下半月'], en: ['1st half', '2nd half'] },
  3: { zh: ['上旬', '中旬', '下旬'], en: ['early', 'mid', 'late'] },
};

/** The round the instant `t` falls in, for a city at UTC offset `offsetHours`. */
export function roundOf(t: Date, offsetHours: number, roundsPerMonth: number): Round {
  const local = new Date(t.getTime() + offsetHours * HOUR);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  let k = roundsPerMonth;
  while (k > 1 && local.getUTCDate() < firstDay(year, month, k, roundsPerMonth)) k--;
  return roundIn(year, month, k, roundsPerMonth, offsetHours);
}

/** The round with this id (`2026-11-r2`), or null when the id does not name one under the setting. */
export function roundById(id: string, offsetHours: number, roundsPerMonth: number): Round | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])-r([1-4])$/.exec(id);
  if (!m || Number(m[3]) > roundsPerMonth) return null;
  return roundIn(Number(m[1]), Number(m[2]), Number(m[3]), roundsPerMonth, offsetHours);
}

/** The round before `r`. */
export function previousRound(r: Round, offsetHours: number, roundsPerMonth: number): Round {
  return roundOf(new Date(r.start.getTime() - 1), offsetHours, roundsPerMonth);
}

/** Round k of n (1-based) starts on this local day of the month. */
function firstDay(year: number, month: number, k: number, n: number): number {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Math.floor(((k - 1) * days) / n) + 1;
}

function roundIn(year: number, month: number, k: number, n: number, offsetHours: number): Round {
  const first = (i: number) => firstDay(year, month, i, n);
  const at = (day: number, m = month) => new Date(Date.UTC(year, m - 1, day) - offsetHours * HOUR);
  const mm = String(month).padStart(2, '0');
  const label = names[n];
  return {
    id: `${year}-${mm}-r${k}`,
    title: {
      'zh-CN': `${year}年${month}月${n === 1 ? '' : (label?.zh[k - 1] ?? `第${k}轮`)}`,
      en: `${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${year}${n === 1 ? '' : `, ${label?.en[k - 1] ?? `round ${k}`}`}`,
    },
    start: at(first(k)),
    // The day after the round's last day; Date.UTC rolls day 32 over into the next month.
    end: k === n ? at(1, month + 1) : at(first(k + 1)),
  };
}
