import { testActor } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { editsStudio, livesIn, overseesStudio, runsStudio } from './permissions.js';
import { defaultStaffRoles } from './settings.js';

const yongfu = '/1/2/3/';
const hepan = '/1/2/3/4/';
const shuguang = '/1/2/9/';

const people = {
  secretary: testActor([{ role: 'community_secretary', orgPath: yongfu }]),
  staff: testActor([{ role: 'community_staff', orgPath: yongfu }]),
  otherSecretary: testActor([{ role: 'community_secretary', orgPath: shuguang }]),
  resident: testActor([{ role: 'resident', orgPath: hepan }]),
  grid: testActor([{ role: 'grid_worker', orgPath: hepan }]),
};

describe('who may do what with a studio of 永福社区', () => {
  it.each([
    ['secretary', true, true, true],
    ['staff', true, false, true],
    ['otherSecretary', false, false, false],
    ['resident', false, false, false],
    ['grid', false, false, false],
  ] as const)('%s: runs bookings %s, edits slots %s, oversees %s', (who, runs, edits, oversees) => {
    const actor = people[who];
    expect(runsStudio(actor, yongfu, defaultStaffRoles)).toBe(runs);
    expect(editsStudio(actor, yongfu)).toBe(edits);
    expect(overseesStudio(actor, yongfu)).toBe(oversees);
  });

  it('lets residents book the studios of the community they live in only', () => {
    expect(livesIn([hepan], yongfu)).toBe(true);
    expect(livesIn([hepan], shuguang)).toBe(false);
    expect(livesIn([], yongfu)).toBe(false);
  });
});
