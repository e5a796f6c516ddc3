import { describe, expect, it } from 'vitest';
import { tally } from './tally.js';

const simple = { base: 'cast', majority: 'simple', minTurnoutPercent: 50 } as const;

describe('the pass rule 民决', () => {
  it.each([
    // for, against, abstain, present, rule, passes
    [7, 2, 1, 12, simple, true],
    [5, 4, 1, 12, simple, false], // 5 of 10 cast is not more than half
    [6, 4, 0, 10, simple, true],
    [3, 0, 0, 10, simple, false], // turnout 30% < 50%
    [5, 0, 0, 10, simple, true], // turnout exactly 50% is enough
    [6, 3, 0, 12, { ...simple, base: 'present' }, false], // 6 of 12 present is not more than half
    [7, 3, 0, 12, { ...simple, base: 'present' }, true],
    [6, 3, 0, 9, { ...simple, majority: 'two-thirds' }, true], // exactly two thirds
    [5, 3, 0, 9, { ...simple, majority: 'two-thirds' }, false],
    [0, 0, 0, 0, { ...simple, minTurnoutPercent: 0 }, false], // nobody present decides nothing
  ] as const)('%i for, %i against, %i abstaining of %i present', (f, a, x, present, rule, passes) => {
    expect(tally({ votesFor: f, votesAgainst: a, abstentions: x }, present, rule).passed).toBe(passes);
  });

  it('says why, for the record', () => {
    expect(tally({ votesFor: 3, votesAgainst: 0, abstentions: 0 }, 10, simple)).toMatchObject({ cast: 3, turnoutPercent: 30, explanation: expect.stringContaining('未达到50%的最低参与率') });
    expect(tally({ votesFor: 9, votesAgainst: 2, abstentions: 1 }, 12, simple).explanation).toBe('赞成9票，达到投票数12的过半数');
  });
});
