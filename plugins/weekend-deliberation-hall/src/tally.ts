import type { PassRule } from './settings.js';

export interface VoteCounts {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export interface Tally {
  passed: boolean;
  cast: number;
  present: number;
  /** Share of those present who voted, in percent (one decimal). */
  turnoutPercent: number;
  /** Why it passed or failed, in Chinese, for the record and the public notice. */
  explanation: string;
}

/**
 * 民决: whether a resolution passes under the city's rule. Turnout is the
 * share of those present who voted at all (abstaining counts as voting);
 * the majority is of the votes cast or of everyone present. Counts above
 * the people present are refused before this is asked.
 */
export function tally(c: VoteCounts, present: number, rule: PassRule): Tally {
  const cast = c.votesFor + c.votesAgainst + c.abstentions;
  const turnoutPercent = present > 0 ? Math.round((cast / present) * 1000) / 10 : 0;
  const base = rule.base === 'cast' ? cast : present;
  const baseTitle = rule.base === 'cast' ? '投票数' : '到会人数';
  if (present === 0 || cast * 100 < rule.minTurnoutPercent * present) {
    return { passed: false, cast, present, turnoutPercent, explanation: `参与表决${cast}人，占到会${present}人的${turnoutPercent}%，未达到${rule.minTurnoutPercent}%的最低参与率` };
  }
  const passed = rule.majority === 'simple' ? c.votesFor * 2 > base : c.votesFor * 3 >= base * 2;
  const need = rule.majority === 'simple' ? '过半数' : '三分之二以上';
  return {
    passed,
    cast,
    present,
    turnoutPercent,
    explanation: `赞成${c.votesFor}票，${passed ? '达到' : '未达到'}${baseTitle}${base}的${need}`,
  };
}
