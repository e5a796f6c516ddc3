import { describe, expect, it } from 'vitest';
import { areaText, decide, decideElection, meets, parseArea, parseFraction, percentText, type CastBallot, type Choice } from './art278.js';
import { readSettings } from './settings.js';

const { rules } = readSettings({});
const special = rules.special!;
const ordinary = rules.ordinary!;
const b = (m2: string, choice: Choice): CastBallot => ({ areaCenti: parseArea(m2), choice });

describe('Civil Code Art. 278 arithmetic (exact)', () => {
  it('parses areas and thresholds exactly, from the text', () => {
    expect(parseArea('98.6')).toBe(9860);
    expect(parseArea('0.01')).toBe(1);
    expect(parseArea('120')).toBe(12000);
    expect(() => parseArea('1.005')).toThrow();
    expect(areaText(12345)).toBe('123.45');
    expect(parseFraction('>=2/3')).toEqual({ num: 2, den: 3, inclusive: true });
    expect(parseFraction('>1/2')).toEqual({ num: 1, den: 2, inclusive: false });
    expect(() => parseFraction('>=4/3')).toThrow();
    expect(percentText(2, 3)).toBe('66.66%');
  });

  it('compares by cross-multiplication: exactly two-thirds is two-thirds', () => {
    const twoThirds = parseFraction('>=2/3');
    expect(meets(20000, 30000, twoThirds)).toBe(true);
    expect(meets(19999, 30000, twoThirds)).toBe(false);
    // 2/3 of an area that does not divide by 3: 0.01 m² decides.
    expect(meets(6667, 10000, twoThirds)).toBe(true);
    expect(meets(6666, 10000, twoThirds)).toBe(false);
    expect(meets(0, 0, twoThirds)).toBe(false);
  });

  // One building: six units, 300.00 m² in all.
  const electorate = { totalAreaCenti: parseArea('300'), totalOwners: 6 };

  it('participation of exactly two-thirds of the area and of the owners is enough', () => {
    const d = decide(electorate, [b('50', 'yes'), b('50', 'yes'), b('50', 'yes'), b('50', 'yes')], special);
    expect(d.participation.area).toMatchObject({ part: 20000, whole: 30000, met: true, threshold: '≥2/3' });
    expect(d.participation.owners).toMatchObject({ part: 4, whole: 6, met: true });
    expect(d.quorum).toBe(true);
    expect(d.passed).toBe(true);
  });

  it('one square metre under two-thirds of the area is not enough, however they voted', () => {
    const d = decide(electorate, [b('50', 'yes'), b('50', 'yes'), b('50', 'yes'), b('49', 'yes')], special);
    expect(d.participation.area).toMatchObject({ part: 19900, whole: 30000, met: false });
    expect(d.participation.owners.met).toBe(true);
    expect(d.quorum).toBe(false);
    expect(d.pass.area.met).toBe(true);
    expect(d.passed).toBe(false);
  });

  it('a tie at one-half fails an ordinary matter (过半数 is more than half)', () => {
    const d = decide(electorate, [b('50', 'yes'), b('50', 'yes'), b('50', 'no'), b('50', 'abstain')], ordinary);
    expect(d.quorum).toBe(true);
    expect(d.pass.area).toMatchObject({ part: 10000, whole: 20000, met: false, threshold: '>1/2' });
    expect(d.pass.owners).toMatchObject({ part: 2, whole: 4, met: false });
    expect(d.passed).toBe(false);
  });

  it('a three-quarters matter passing by area but failing by headcount fails', () => {
    // Two large units agree (160 m² of 200 m² participating = 80 %), two small ones do not: 2 of 4 owners.
    const d = decide(electorate, [b('80', 'yes'), b('80', 'yes'), b('20', 'no'), b('20', 'no')], special);
    expect(d.quorum).toBe(true);
    expect(d.pass.area).toMatchObject({ part: 16000, whole: 20000, met: true, threshold: '≥3/4' });
    expect(d.pass.owners).toMatchObject({ part: 2, whole: 4, met: false });
    expect(d.passed).toBe(false);
  });

  it('exactly three-quarters passes a special matter', () => {
    const d = decide({ totalAreaCenti: 40000, totalOwners: 4 }, [b('100', 'yes'), b('100', 'yes'), b('100', 'yes'), b('100', 'no')], special);
    expect(d.pass.area).toMatchObject({ part: 30000, whole: 40000, met: true });
    expect(d.pass.owners).toMatchObject({ part: 3, whole: 4, met: true });
    expect(d.passed).toBe(true);
  });

  it('using the fund at just over one-half (0.01 m² over) passes', () => {
    const d = decide(electorate, [b('50.01', 'yes'), b('50', 'yes'), b('49.99', 'no'), b('25', 'yes'), b('25', 'no')], ordinary);
    expect(d.participatingAreaCenti).toBe(20000);
    expect(d.pass.area).toMatchObject({ part: 12501, whole: 20000, met: true });
    expect(d.pass.owners).toMatchObject({ part: 3, whole: 5, met: true });
    expect(d.passed).toBe(true);
    const under = decide(electorate, [b('50', 'yes'), b('50', 'yes'), b('50', 'no'), b('25', 'yes'), b('25', 'no')], ordinary);
    expect(under.pass.area.met).toBe(true);
    const exactHalf = decide(electorate, [b('50', 'yes'), b('50', 'yes'), b('50', 'no'), b('25', 'no'), b('25', 'no')], ordinary);
    expect(exactHalf.pass.area).toMatchObject({ part: 10000, whole: 20000, met: false });
  });

  it('a city can map a matter to a stricter rule in its config', () => {
    const s = readSettings({ rules: { 'elevator-local': { title: '加装电梯（本市规定）', participation: { area: '>=2/3', owners: '>=2/3' }, pass: { area: '>=2/3', owners: '>=2/3' } } }, matters: { elevator: 'elevator-local' } });
    expect(s.matterRule.elevator).toBe('elevator-local');
    expect(s.matterRule['raise-fund']).toBe('special');
    expect(s.rules['elevator-local']!.pass.owners).toEqual({ num: 2, den: 3, inclusive: true });
  });
});

describe('a committee election per candidate (差额选举)', () => {
  // Six owners of 100 m² each, all in the electorate; candidates 1–4.
  const electorate = { totalAreaCenti: 60000, totalOwners: 6 };
  const t = (ticks: number[], m2 = '100', voter?: number) => ({ areaCenti: parseArea(m2), ticks, ...(voter !== undefined ? { voter } : {}) });
  const summary = (d: ReturnType<typeof decideElection>) => d.election!.candidates.map((c) => [c.candidateId, c.yesOwners, c.met, c.rank, c.elected, c.tied]);

  it('ranks those who meet the rule by agreeing area, then agreeing owners, and elects up to the seats', () => {
    // Seven owners, 720 m² (one unit of 120), all take part: a candidate needs > 360 m² and ≥ 4 owners.
    // 1: b1–b5, 5 owners 520 m²; 2: b1, b2, b6, b7, 4 owners 420 m²; 3: b3, b4, b6, b7, 4 owners 400 m²; 4: b5 only.
    const d = decideElection({ totalAreaCenti: 72000, totalOwners: 7 }, [t([1, 2], '120'), t([1, 2]), t([1, 3]), t([1, 3]), t([1, 4]), t([2, 3]), t([2, 3])], ordinary, [1, 2, 3, 4], 2);
    expect(d.quorum).toBe(true);
    expect(summary(d)).toEqual([
      [1, 5, true, 1, true, false],
      [2, 4, true, 2, true, false],
      [3, 4, true, 3, false, false],
      [4, 1, false, null, false, false],
    ]);
    expect(d.election).toMatchObject({ seats: 2, elected: 2, tie: false });
    expect(d.passed).toBe(true);
  });

  it('breaks equal areas by agreeing owners, and reports an exact tie at the last seat without electing anyone in it', () => {
    // Seven owners, 800 m² (o1 of 200): > 400 m² and ≥ 4 owners. 3: o1–o4, o7 = 600 m² / 5;
    // 2: o2–o6 = 500 m² / 5; 1: o1, o5–o7 = 500 m² / 4 — the same area as 2, fewer owners: third.
    const byOwners = decideElection({ totalAreaCenti: 80000, totalOwners: 7 }, [t([1, 3], '200'), t([2, 3]), t([2, 3]), t([2, 3]), t([1, 2]), t([1, 2]), t([1, 3])], ordinary, [1, 2, 3], 2);
    expect(summary(byOwners).map((r) => r.slice(0, 5))).toEqual([
      [1, 4, true, 3, false],
      [2, 5, true, 2, true],
      [3, 5, true, 1, true],
    ]);
    // Six owners of 100 m², one abstaining: 2 and 3 each 4 owners and 400 m², tied for the second seat.
    const lastSeat = decideElection(electorate, [t([1, 2, 3]), t([1, 2, 3]), t([1, 2, 3]), t([1, 2, 3]), t([1]), t([])], ordinary, [1, 2, 3], 2);
    expect(summary(lastSeat)).toEqual([
      [1, 5, true, 1, true, false],
      [2, 4, true, 2, false, true],
      [3, 4, true, 2, false, true],
    ]);
    expect(lastSeat.election).toMatchObject({ elected: 1, tie: true });
  });

  it('elects nobody without participation, and counts a ballot ticking nobody as taking part', () => {
    const few = decideElection(electorate, [t([1]), t([1]), t([1])], ordinary, [1], 3);
    expect([few.quorum, few.passed, few.election!.elected]).toEqual([false, false, 0]);
    const abstained = decideElection(electorate, [t([1]), t([1]), t([]), t([])], ordinary, [1], 3);
    expect([abstained.participatingOwners, abstained.abstainOwners, abstained.election!.candidates[0]!.met]).toEqual([4, 2, false]);
  });
});
