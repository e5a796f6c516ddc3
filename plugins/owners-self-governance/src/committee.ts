import type { Kysely } from '@linli/sdk';
import { latestCommittees, membersOf, type CommitteeRole } from './store/committee.js';
import { typed } from './store/tables.js';

/** A term within this many days of its end shows a warning (the street prepares the next election). */
export const TERM_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;

/** The owners' committee of a compound as other plugins see it: who sits (name, building, role — public once seated; a member whose seat ended is not among them), the term, whether it still sits. */
export interface Committee {
  members: { id: string; name: string; building: string; role: CommitteeRole }[];
  termStart: Date;
  termEnd: Date;
  /** False once the term has ended (任期届满): the compound then counts as having no sitting committee. */
  sitting: boolean;
}

export type TermState = 'sitting' | 'ending' | 'ended';

/** Where a term stands at `now`: sitting, within TERM_WARNING_DAYS of its end, or ended. */
export function termState(termEnd: Date, now: Date): TermState {
  const left = new Date(termEnd).getTime() - now.getTime();
  return left <= 0 ? 'ended' : left <= TERM_WARNING_DAYS * DAY_MS ? 'ending' : 'sitting';
}

export const termStateTitle = (state: TermState, termEnd: Date, now: Date): string =>
  state === 'ended' ? '任期届满' : state === 'ending' ? `任期将满（剩${Math.ceil((new Date(termEnd).getTime() - now.getTime()) / DAY_MS)}天）` : '在任';

export type Staffing = 'full' | 'vacant' | 'short';

/**
 * How many sit against the committee's seats (its election's) and the city's
 * minimum: a seat that ended leaves a vacancy (指导规则: 委员出现空缺时，应当及时补足;
 * fewer than half of them sitting, the owners' general meeting elects the
 * committee again). Staff see it beside every member; nothing is started here.
 */
export function staffing(sitting: number, seats: number, min: number): { state: Staffing; title: string } {
  if (sitting < min) return { state: 'short', title: `在任${sitting}名，少于最低人数${min}名（应选${seats}名）：应及时补足委员${sitting * 2 < seats ? '；不足总数一半，应召开业主大会临时会议重新选举' : ''}` };
  if (sitting < seats) return { state: 'vacant', title: `在任${sitting}名（应选${seats}名），缺额${seats - sitting}名${sitting * 2 < seats ? '；不足总数一半，应召开业主大会临时会议重新选举' : '，应及时补足'}` };
  return { state: 'full', title: `在任${sitting}名（应选${seats}名）` };
}

/**
 * The latest owners' committee seated for a compound (by its org path), or
 * undefined if none was ever seated — the reader red property uses through
 * its optional dependency on this plugin (docs/adr/0005-households.md). Read
 * only; owners' phones are never read. `now` is the caller's clock.
 */
export async function committeeOf(db: Kysely<any>, compoundOrgPath: string, now: Date = new Date()): Promise<Committee | undefined> {
  const t = typed(db);
  const c = (await latestCommittees(t, compoundOrgPath)).find((r) => r.compoundPath === compoundOrgPath);
  if (!c) return undefined;
  const members = await membersOf(t, [c.id]);
  return {
    members: members.map((m) => ({ id: String(m.id), name: m.name, building: m.building, role: m.role })),
    termStart: new Date(c.termStart),
    termEnd: new Date(c.termEnd),
    sitting: termState(c.termEnd, now) !== 'ended',
  };
}
