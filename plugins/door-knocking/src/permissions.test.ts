import type { Actor } from '@linli/sdk';
import { testActor, type TestGrant } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { canVisit, visibleScopes } from './permissions.js';
import { readSettings } from './settings.js';

// Paths of a small tree: community /1/2/, compound /1/2/3/, its buildings /1/2/3/4/ and /1/2/3/5/, another compound /1/2/6/.
const building = '/1/2/3/4/';
const grant = (role: string, scopePaths: string[], seesScope = true): TestGrant => ({ role, orgPath: scopePaths[0]!, scopePaths, seesScope });
const actor = (...grants: TestGrant[]): Actor => testActor(grants);

const defaults = readSettings({});
const leadersOnly = readSettings({ visitorRoles: ['building_leader'] });

describe('who may knock on the doors of building /1/2/3/4/', () => {
  const cases: [string, Actor, boolean, boolean][] = [
    // who, actor, by default, with visitorRoles: ['building_leader']
    ['its building leader', actor(grant('building_leader', [building])), true, true],
    ["another building's leader", actor(grant('building_leader', ['/1/2/3/5/'])), false, false],
    ['the grid worker covering the compound', actor(grant('grid_worker', ['/1/2/3/', '/1/2/6/'])), true, false],
    ['a grid worker of another compound', actor(grant('grid_worker', ['/1/2/6/'])), false, false],
    ['community staff', actor(grant('community_staff', ['/1/2/'])), true, false],
    ["the community's volunteer", actor(grant('volunteer', ['/1/2/'], false)), true, false],
    ['a resident of the building', actor(grant('resident', [building], false)), false, false],
    ['a department officer', actor(grant('department_officer', ['/1/9/'])), false, false],
    ['an administrator of the city (not a visitor role)', actor(grant('admin', ['/1/'])), false, false],
  ];
  it.each(cases)('%s', (_who, a, byDefault, narrowed) => {
    expect(canVisit(a, building, defaults)).toBe(byDefault);
    expect(canVisit(a, building, leadersOnly)).toBe(narrowed);
  });
});

describe('whose visits a person sees', () => {
  it('staff see their scopes; residents and volunteers only their own visits', () => {
    expect(visibleScopes(actor(grant('grid_worker', ['/1/2/3/', '/1/2/6/']), grant('community_staff', ['/1/2/'])))).toEqual(['/1/2/3/', '/1/2/6/', '/1/2/']);
    expect(visibleScopes(actor(grant('resident', [building], false), grant('volunteer', ['/1/2/'], false)))).toEqual([]);
  });
});
