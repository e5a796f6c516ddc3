import { describe, expect, it } from 'vitest';
import { actor, grant, paths } from '../test-fixtures.js';
import type { RoleDefinition } from '../schemas/types.js';
import { defaultRoles } from './defaults.js';
import { grantRefusal } from './grant-guard.js';

const roles = new Map<string, RoleDefinition>([
  ...defaultRoles.map((r) => [r.id, r] as const),
  // An account manager: administers, but reads no personal data.
  ['it_admin', { id: 'it_admin', title: { 'zh-CN': '账号管理员', en: 'Account manager' }, heldAt: 'org', admin: true }],
  ['blind_admin', { id: 'blind_admin', title: { 'zh-CN': '只管账号', en: 'Blind admin' }, heldAt: 'org', admin: true, ticketScope: 'own' }],
]);
const role = (id: string) => roles.get(id)!;
const at = (path: string) => ({ orgPath: path, scopePaths: [path] });

describe('grantRefusal', () => {
  const communityAdmin = actor('p-sec', grant('community_secretary', paths.community), grant('admin', paths.community, { admin: true }));

  it('lets a community administrator give any role, the administrator role too, within the community', () => {
    for (const r of ['admin', 'community_staff', 'volunteer', 'resident']) expect(grantRefusal(communityAdmin, role(r), at(paths.compoundA), roles)).toBeNull();
    expect(grantRefusal(communityAdmin, role('admin'), at(paths.community), roles)).toBeNull();
  });

  it('refuses a role at the street, the city or another org, whatever the role', () => {
    for (const path of [paths.street, paths.city, paths.otherStreet, paths.department]) {
      expect(grantRefusal(communityAdmin, role('volunteer'), at(path), roles)).toBe('scope');
      expect(grantRefusal(communityAdmin, role('street_secretary'), at(path), roles)).toBe('scope');
    }
  });

  it('refuses a grid role whose grid reaches beyond the administered subtree', () => {
    const reach = { orgPath: paths.community, scopePaths: [paths.compoundA, `${paths.otherStreet}9/`] };
    expect(grantRefusal(communityAdmin, role('grid_worker'), reach, roles)).toBe('scope');
    expect(grantRefusal(communityAdmin, role('grid_worker'), { orgPath: paths.community, scopePaths: [paths.compoundA] }, roles)).toBeNull();
  });

  it('refuses a host role at a side organization of the administered org whose host lies above it', () => {
    // An administrator of a residents' committee (side org of the community) cannot make a committee member who acts for the whole community.
    const committee = `${paths.community}77/`;
    const committeeAdmin = actor('p-rc', grant('admin', committee, { admin: true }));
    expect(grantRefusal(committeeAdmin, role('residents_committee_member'), { orgPath: committee, scopePaths: [paths.community] }, roles)).toBe('scope');
    expect(grantRefusal(communityAdmin, role('residents_committee_member'), { orgPath: committee, scopePaths: [paths.community] }, roles)).toBeNull();
  });

  it('refuses a role reading personal data to an administrator whose roles there do not', () => {
    const itAdmin = actor('p-it', grant('it_admin', paths.community, { admin: true }));
    expect(grantRefusal(itAdmin, role('community_staff'), at(paths.compoundA), roles)).toBe('personalData');
    expect(grantRefusal(itAdmin, role('admin'), at(paths.compoundA), roles)).toBe('personalData');
    expect(grantRefusal(itAdmin, role('building_leader'), at(paths.compoundA), roles)).toBeNull();
    // A personal-data role held elsewhere does not count.
    const mixed = actor('p-mixed', grant('it_admin', paths.community, { admin: true }), grant('community_staff', paths.compoundB));
    expect(grantRefusal(mixed, role('community_staff'), at(paths.compoundA), roles)).toBe('personalData');
    expect(grantRefusal(mixed, role('community_staff'), at(paths.compoundB), roles)).toBeNull();
  });

  it('refuses a role that sees the tickets of its scope to an administrator who sees none there', () => {
    const blind = actor('p-blind', grant('blind_admin', paths.community, { admin: true, seesScope: false }));
    expect(grantRefusal(blind, role('building_leader'), at(paths.compoundA), roles)).toBe('tickets');
    expect(grantRefusal(blind, role('volunteer'), at(paths.compoundA), roles)).toBeNull();
  });

  it('gives nothing to someone without an administrator role', () => {
    const staff = actor('p-staff', grant('community_secretary', paths.community));
    expect(grantRefusal(staff, role('volunteer'), at(paths.compoundA), roles)).toBe('scope');
  });
});
