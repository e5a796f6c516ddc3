import type { Actor } from '@linli/sdk';
import { testActor, type TestGrant } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { canCorrect, canOrganize, canVerify, seesPath, unitsOf } from './permissions.js';

// A community /1/2/, its compound /1/2/3/, another community /1/9/.
const compound = '/1/2/3/';
const grant = (role: string, scopePaths: string[], seesScope = true, orgId = '0'): TestGrant => ({ role, orgId, orgPath: scopePaths[0]!, scopePaths, seesScope });
const actor = (...grants: TestGrant[]): Actor => testActor(grants);

describe('who may do what at compound /1/2/3/', () => {
  const cases: [string, Actor, boolean, boolean, boolean][] = [
    // who, sees it, organizes activities, verifies wishes and corrects points
    ['the community secretary', actor(grant('community_secretary', ['/1/2/'])), true, true, true],
    ['community staff', actor(grant('community_staff', ['/1/2/'])), true, true, true],
    ["the compound's branch secretary", actor(grant('branch_secretary', [compound])), true, true, false],
    ['a grid worker covering it', actor(grant('grid_worker', [compound])), true, false, false],
    ["another community's secretary", actor(grant('community_secretary', ['/1/9/'])), false, false, false],
    ['a resident', actor(grant('resident', [compound], false)), false, false, false],
    ['a co-building unit contact', actor(grant('co_building_contact', ['/1/2/40/'], false, '40')), false, false, false],
  ];
  it.each(cases)('%s', (_who, a, sees, organizes, verifies) => {
    expect(seesPath(a, compound)).toBe(sees);
    expect(canOrganize(a, compound)).toBe(organizes);
    expect(canVerify(a, compound)).toBe(verifies);
    expect(canCorrect(a, compound)).toBe(verifies);
  });
  it('knows the units a contact acts for', () => {
    expect(unitsOf(actor(grant('co_building_contact', ['/1/2/40/'], false, '40'), grant('resident', [compound], false)))).toEqual(['40']);
  });
});
