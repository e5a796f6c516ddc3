/**
 * The arithmetic of an owners' decision under Civil Code Art. 278 (民法典第二百七十八条),
 * exact: areas are integers in 0.01 m² (centi-square-metres), counts are
 * integers, and every threshold is a fraction compared by cross-multiplying,
 * so "exactly two-thirds" is two-thirds and never 0.6666…7. No floats decide
 * anything here; percentages are only printed.
 *
 * "以上" in Chinese law includes the number itself (Civil Code Art. 1259), so
 * "三分之二以上" is ≥ 2/3; "过半数" is strictly more than one half.
 */

/** A threshold: `part / whole` must be ≥ (inclusive) or > (strict) `num / den`. */
export interface Fraction {
  num: number;
  den: number;
  inclusive: boolean;
}

/** What one kind of matter needs: participation of the whole electorate, then agreement among those who took part. */
export interface MatterRule {
  participation: { area: Fraction; owners: Fraction };
  pass: { area: Fraction; owners: Fraction };
}

export type Choice = 'yes' | 'no' | 'abstain';

/**
 * One unit's ballot (co-owners of a unit cast one): its exclusive area, how it
 * voted, and the owner it counts for in the headcount. Under Art. 9 of the
 * Supreme People's Court interpretation on building ownership by units, an
 * owner (the same buyer) of several units, and the developer's unsold or
 * undelivered units together, count as one person: ballots sharing a `voter`
 * add their areas but count once. Without `voter` each ballot is one owner.
 */
export interface CastBallot {
  areaCenti: number;
  choice: Choice;
  voter?: string | number;
}

/** Who may vote: every unit in the vote's scope, snapshotted when the vote opened; `totalOwners` counts persons (Art. 9), `totalUnits` the units they own. */
export interface Electorate {
  totalAreaCenti: number;
  totalOwners: number;
  totalUnits?: number;
}

/** One comparison, with what went into it, for the audit. */
export interface Check {
  part: number;
  whole: number;
  threshold: string;
  met: boolean;
}

export interface Decision {
  participatingAreaCenti: number;
  participatingOwners: number;
  yesAreaCenti: number;
  yesOwners: number;
  noAreaCenti: number;
  noOwners: number;
  abstainAreaCenti: number;
  abstainOwners: number;
  participation: { area: Check; owners: Check };
  pass: { area: Check; owners: Check };
  /** Enough owners took part (both participation checks met). */
  quorum: boolean;
  passed: boolean;
  /** Units (专有部分) behind the headcount: in the electorate and among the ballots (absent on results counted before owner identity). */
  units?: { total: number; participating: number };
  /** A committee election counted per candidate (差额选举); absent for a one-question vote. */
  election?: ElectionCount;
}

/** One candidate of a per-candidate ballot: who agreed, the two pass checks among the participants, and where they came. */
export interface CandidateCount {
  candidateId: number;
  yesAreaCenti: number;
  yesOwners: number;
  pass: { area: Check; owners: Check };
  /** Quorum met and both pass checks met. */
  met: boolean;
  /** 1-based place among the candidates who met the rule (by agreeing area, then agreeing owners); null if not met. */
  rank: number | null;
  elected: boolean;
  /** Tied at the last seat with another who met the rule: not elected, the community votes again. */
  tied: boolean;
}

export interface ElectionCount {
  seats: number;
  /** In ballot order (the published list's order). */
  candidates: CandidateCount[];
  elected: number;
  tie: boolean;
}

const FRACTION = /^(>=|>)([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})$/;

/** Parses a threshold written in a city config: `">=2/3"` (以上), `">1/2"` (过半数). Throws on anything else. */
export function parseFraction(text: string): Fraction {
  const m = FRACTION.exec(text);
  if (!m) throw new Error(`threshold "${text}" must look like ">=2/3" or ">1/2"`);
  const num = Number(m[2]);
  const den = Number(m[3]);
  if (num > den) throw new Error(`threshold "${text}" is above one`);
  return { num, den, inclusive: m[1] === '>=' };
}

export const fractionText = (f: Fraction): string => `${f.inclusive ? '≥' : '>'}${f.num}/${f.den}`;

/** `part / whole` against `f`, by cross-multiplication. An empty whole meets nothing (no owners: no decision). */
export function meets(part: number, whole: number, f: Fraction): boolean {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) throw new Error(`counts must be non-negative integers (${part}/${whole})`);
  if (whole === 0) return false;
  const lhs = BigInt(part) * BigInt(f.den);
  const rhs = BigInt(whole) * BigInt(f.num);
  return f.inclusive ? lhs >= rhs : lhs > rhs;
}

const check = (part: number, whole: number, f: Fraction): Check => ({ part, whole, threshold: fractionText(f), met: meets(part, whole, f) });

/**
 * Decides a vote: participation is measured against the whole electorate,
 * agreement against those who took part (abstaining is taking part without
 * agreeing). A decision passes only when all four checks are met.
 */
export function decide(electorate: Electorate, ballots: readonly CastBallot[], rule: MatterRule): Decision {
  const choiceOf = new Map<string | number, Choice>();
  for (const b of ballots) {
    if (b.voter === undefined) continue;
    const before = choiceOf.get(b.voter);
    if (before !== undefined && before !== b.choice) throw new Error(`owner ${String(b.voter)} has ballots with different choices`);
    choiceOf.set(b.voter, b.choice);
  }
  const sum = (c?: Choice) => {
    const mine = c ? ballots.filter((b) => b.choice === c) : ballots;
    const persons = new Set(mine.map((b, i) => b.voter ?? Symbol(i)));
    return { area: mine.reduce((s, b) => s + b.areaCenti, 0), owners: persons.size };
  };
  const all = sum();
  const yes = sum('yes');
  const no = sum('no');
  const abstain = sum('abstain');
  const participation = { area: check(all.area, electorate.totalAreaCenti, rule.participation.area), owners: check(all.owners, electorate.totalOwners, rule.participation.owners) };
  const quorum = participation.area.met && participation.owners.met;
  const pass = { area: check(yes.area, all.area, rule.pass.area), owners: check(yes.owners, all.owners, rule.pass.owners) };
  return {
    participatingAreaCenti: all.area,
    participatingOwners: all.owners,
    yesAreaCenti: yes.area,
    yesOwners: yes.owners,
    noAreaCenti: no.area,
    noOwners: no.owners,
    abstainAreaCenti: abstain.area,
    abstainOwners: abstain.owners,
    participation,
    pass,
    quorum,
    passed: quorum && pass.area.met && pass.owners.met,
    ...(electorate.totalUnits !== undefined ? { units: { total: electorate.totalUnits, participating: ballots.length } } : {}),
  };
}

/** One owner's per-candidate ballot: the area and voter as for `CastBallot`, and the candidates ticked (none: abstains from all). */
export interface TickedBallot {
  areaCenti: number;
  voter?: string | number;
  ticks: readonly number[];
}

/**
 * Counts a committee election with a ballot per candidate (差额选举), each
 * candidate exactly like an Art. 278 decision: participation (the whole
 * ballot's) against the electorate; a candidate meets the rule when the area
 * and the owners who ticked them each meet `rule.pass` among the participants.
 * More who meet it than seats: ranked by agreeing area, then agreeing owners;
 * a tie at the last seat elects nobody in the tie (reported, never broken).
 * The result's own `passed` is true when someone is elected.
 */
export function decideElection(electorate: Electorate, ballots: readonly TickedBallot[], rule: MatterRule, candidates: readonly number[], seats: number): Decision {
  const base = decide(electorate, ballots.map((b) => ({ areaCenti: b.areaCenti, ...(b.voter !== undefined ? { voter: b.voter } : {}), choice: b.ticks.length ? ('yes' as const) : ('abstain' as const) })), rule);
  const counts = candidates.map((candidateId) => {
    const mine = ballots.filter((b) => b.ticks.includes(candidateId));
    const yesAreaCenti = mine.reduce((s, b) => s + b.areaCenti, 0);
    const yesOwners = new Set(mine.map((b, i) => b.voter ?? Symbol(i))).size;
    const pass = { area: check(yesAreaCenti, base.participatingAreaCenti, rule.pass.area), owners: check(yesOwners, base.participatingOwners, rule.pass.owners) };
    return { candidateId, yesAreaCenti, yesOwners, pass, met: base.quorum && pass.area.met && pass.owners.met, rank: null as number | null, elected: false, tied: false };
  });
  const ranked = counts.filter((c) => c.met).sort((a, b) => b.yesAreaCenti - a.yesAreaCenti || b.yesOwners - a.yesOwners);
  const same = (a: CandidateCount, b: CandidateCount) => a.yesAreaCenti === b.yesAreaCenti && a.yesOwners === b.yesOwners;
  ranked.forEach((c, i) => (c.rank = i > 0 && same(c, ranked[i - 1]!) ? ranked[i - 1]!.rank : i + 1));
  const last = ranked[seats - 1];
  const tie = last !== undefined && ranked.length > seats && same(last, ranked[seats]!);
  for (const c of ranked) {
    if (tie && same(c, last)) c.tied = true;
    else if (ranked.indexOf(c) < seats) c.elected = true;
  }
  const elected = counts.filter((c) => c.elected).length;
  return { ...base, passed: elected > 0, election: { seats, candidates: counts, elected, tie } };
}

/** 123456 → "1234.56" (exact: integer arithmetic, no float formatting). */
export function areaText(centi: number): string {
  const whole = Math.trunc(centi / 100);
  const frac = String(centi % 100).padStart(2, '0');
  return `${whole}.${frac}`;
}

/** Parses "1234.5" / "1234.56" / "98" square metres into centi-square-metres exactly (from the string, never through a float). */
export function parseArea(text: string): number {
  const m = /^([0-9]{1,7})(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`area "${text}" must be square metres with at most two decimals`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A share for people to read, truncated to 0.01 % by integer arithmetic (the decision never uses it). */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return '0.00%';
  const basis = (BigInt(part) * 10000n) / BigInt(whole);
  const n = Number(basis);
  return `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}%`;
}
