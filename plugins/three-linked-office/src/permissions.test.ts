import type { Actor } from '@linli/sdk';
import { testActor } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { canConvene, canDecide, canEnterFeeRate, canRaise, canSeeOffice, type OfficeScope } from './permissions.js';

// A slice of Tianchang: community /1/10/ with its residents' committee and party
// committee beside it, compound 河畔家园 /1/10/13/ with its property company and
// owners' committee beside it, and a neighbouring community /1/30/.
const org = (id: string, path: string) => ({ id, key: id, name: id, path });
const hepan: OfficeScope = {
  compound: org('13', '/1/10/13/'),
  parties: { residentsCommittee: org('12', '/1/10/12/'), propertyCompany: org('15', '/1/10/13/15/'), ownersCommittee: org('16', '/1/10/13/16/') },
  partyCommittee: org('11', '/1/10/11/'),
};

const person = (role: string, path: string, extra: { admin?: boolean; seesScope?: boolean } = {}): Actor => testActor([{ role, orgPath: path, ...extra }], '1');

const people: Record<string, Actor> = {
  'city admin': person('admin', '/1/', { admin: true }),
  'community secretary': person('community_secretary', '/1/10/'),
  'community staff': person('community_staff', '/1/10/'),
  "residents' committee member": person('residents_committee_member', '/1/10/12/'),
  'property staff': person('property_staff', '/1/10/13/15/'),
  "owners' committee member": person('owners_committee_member', '/1/10/13/16/'),
  'joint party committee member': person('co_building_unit', '/1/10/11/'),
  'building leader': person('building_leader', '/1/10/13/17/'),
  resident: person('resident', '/1/10/13/', { seesScope: false }),
  'staff of another community': person('community_staff', '/1/30/'),
  'property staff elsewhere': person('property_staff', '/1/30/31/32/'),
};

// who: [sees, convenes, decides, enters fee rates, raises at the compound]
const table: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  'city admin': [true, true, false, true, true],
  'community secretary': [true, true, true, true, true],
  'community staff': [true, true, true, true, true],
  "residents' committee member": [true, true, false, true, true],
  'property staff': [true, false, false, true, true],
  "owners' committee member": [true, false, false, false, true],
  'joint party committee member': [true, false, false, false, true],
  'building leader': [false, false, false, false, false],
  resident: [false, false, false, false, true],
  'staff of another community': [false, false, false, false, false],
  'property staff elsewhere': [false, false, false, false, false],
};

describe('who may do what in 河畔家园’s office', () => {
  for (const [who, [sees, convenes, decides, enters, raises]] of Object.entries(table)) {
    it(`${who}: sees ${sees}, convenes ${convenes}, decides ${decides}, enters fee rates ${enters}, raises ${raises}`, () => {
      const a = people[who]!;
      expect([canSeeOffice(a, hepan), canConvene(a, hepan), canDecide(a, hepan), canEnterFeeRate(a, hepan), canRaise(a, hepan, hepan.compound.path)]).toEqual([sees, convenes, decides, enters, raises]);
    });
  }

  it('lets a building leader raise a problem at their own building', () => {
    expect(canRaise(people['building leader']!, hepan, '/1/10/13/17/')).toBe(true);
  });
});
