import type { Actor } from '@linli/sdk';
import { testActor, type TestGrant } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { canInspect, canKeep, visibleScopes } from './permissions.js';
import { readSettings } from './settings.js';

// A street /1/2/, its community /1/2/3/, a compound /1/2/3/4/ with the station; another street /1/9/.
const station = '/1/2/3/4/';
const grant = (role: string, path: string, extra: Partial<TestGrant> = {}): TestGrant => ({ role, orgPath: path, scopePaths: [path], seesScope: true, ...extra });
const actor = (...grants: TestGrant[]): Actor => testActor(grants);
const defaults = readSettings({});
const inspectorsOnly = readSettings({ inspectorRoles: ['station_inspector'] });

describe('who may do what with the station at /1/2/3/4/', () => {
  const cases: [string, Actor, boolean, boolean, boolean][] = [
    // who, inspect by default, inspect with inspectorRoles: ['station_inspector'], keep
    ['the street secretary above it', actor(grant('street_secretary', '/1/2/')), true, false, false],
    ["the street's station inspector", actor(grant('station_inspector', '/1/2/')), true, true, false],
    ["another street's secretary", actor(grant('street_secretary', '/1/9/')), false, false, false],
    ['community staff', actor(grant('community_staff', '/1/2/3/')), false, false, true],
    ['the community secretary', actor(grant('community_secretary', '/1/2/3/')), false, false, true],
    ["the compound's branch secretary", actor(grant('branch_secretary', station)), false, false, true],
    ['an administrator of the community', actor(grant('admin', '/1/2/3/', { admin: true })), false, false, true],
    ['a resident of the compound', actor(grant('resident', station, { seesScope: false })), false, false, false],
    ['property staff', actor(grant('property_staff', '/1/2/3/4/7/')), false, false, false],
  ];
  it.each(cases)('%s', (_who, a, inspects, narrowed, keeps) => {
    expect(canInspect(a, station, defaults)).toBe(inspects);
    expect(canInspect(a, station, inspectorsOnly)).toBe(narrowed);
    expect(canKeep(a, station)).toBe(keeps);
  });
  it('staff see their scopes, residents nothing', () => {
    expect(visibleScopes(actor(grant('community_staff', '/1/2/3/')))).toEqual(['/1/2/3/']);
    expect(visibleScopes(actor(grant('resident', station, { seesScope: false })))).toEqual([]);
  });
});
