import { describe, expect, it } from 'vitest';
import { decide, meets, parseFraction } from './art278.js';
import { personCount, voterOfUnits, type RollOwner, type RollUnit } from './owner-identity.js';
import { readSettings } from './settings.js';

const owner = (o: Partial<RollOwner> = {}): RollOwner => ({ personId: null, phone: null, ownerNo: null, ...o });
const unit = (id: number, owners: RollOwner[], developerHeld = false): RollUnit => ({ id, developerHeld, owners });

describe('owners counted by Art. 9 of the judicial interpretation', () => {
  it('one owner of three units (same phone) is one person; co-owners of one unit stay one', () => {
    const voters = voterOfUnits([
      unit(1, [owner({ phone: '13900000001' })]),
      unit(2, [owner({ phone: '139 0000 0001' })]),
      unit(3, [owner({ phone: '13900000001' })]),
      unit(4, [owner({ phone: '13900000002' }), owner({ phone: '13900000003' })]),
    ]);
    expect([...voters]).toEqual([[1, 1], [2, 1], [3, 1], [4, 4]]);
    expect(personCount(voters)).toBe(2);
  });

  it("the developer's ten unsold units are one person", () => {
    const units = Array.from({ length: 10 }, (_, i) => unit(i + 1, [owner({ ownerNo: 'DEV' })], true));
    units.push(unit(11, [owner({ phone: '13900000011' })]), unit(12, []));
    const voters = voterOfUnits(units);
    expect(new Set(units.slice(0, 10).map((u) => voters.get(u.id)))).toEqual(new Set([1]));
    expect(personCount(voters)).toBe(3);
  });

  it('an account links records, an owner number overrides a shared phone, an unrecognised owner is a buyer of their own', () => {
    const voters = voterOfUnits([
      // Linked to account 7 on one unit, the same phone on another: one person through the union of keys.
      unit(1, [owner({ personId: 7, phone: '13900000001' })]),
      unit(2, [owner({ phone: '13900000001' })]),
      // Two family members sharing a phone, each with an owner number of their own: two persons.
      unit(3, [owner({ phone: '13900000005', ownerNo: 'A-1' })]),
      unit(4, [owner({ phone: '13900000005', ownerNo: 'A-2' })]),
      unit(5, [owner({ ownerNo: 'A-1' })]),
      // Nothing to recognise them by: each unit is its own owner.
      unit(6, [owner()]),
      unit(7, [owner()]),
    ]);
    expect(voters.get(2)).toBe(1);
    expect(voters.get(4)).toBe(4);
    expect(voters.get(5)).toBe(3);
    expect(voters.get(6)).toBe(6);
    expect(voters.get(7)).toBe(7);
    expect(personCount(voters)).toBe(5);
  });

  it('a couple owning a unit together is not the same buyer as one of them alone', () => {
    const a = owner({ phone: '13900000001' });
    const b = owner({ phone: '13900000002' });
    const voters = voterOfUnits([unit(1, [a, b]), unit(2, [b, a]), unit(3, [a])]);
    expect([...voters]).toEqual([[1, 1], [2, 1], [3, 3]]);
  });

  it('exactly two-thirds of the owners only because an owner of three units counts once', () => {
    // Eight units: A owns three (10 m² each), B–F one each (54 m²): 300 m², 6 persons. B, C, D, E vote.
    const { rules } = readSettings({});
    const ballots = [2, 3, 4, 5].map((n) => ({ areaCenti: 5400, choice: 'yes' as const, voter: n }));
    const d = decide({ totalAreaCenti: 30000, totalOwners: 6, totalUnits: 8 }, ballots, rules.special!);
    expect(d.participation.owners).toMatchObject({ part: 4, whole: 6, met: true });
    expect(meets(4, 8, parseFraction('>=2/3'))).toBe(false);
    expect(d.units).toEqual({ total: 8, participating: 4 });
    expect(d.passed).toBe(true);
  });

  it("one owner's ballots on several units add their areas and count once", () => {
    const { rules } = readSettings({});
    const d = decide({ totalAreaCenti: 60000, totalOwners: 4, totalUnits: 6 }, [
      { areaCenti: 10000, choice: 'yes', voter: 1 },
      { areaCenti: 10000, choice: 'yes', voter: 1 },
      { areaCenti: 10000, choice: 'yes', voter: 1 },
      { areaCenti: 10000, choice: 'yes', voter: 4 },
      { areaCenti: 10000, choice: 'no', voter: 5 },
    ], rules.ordinary!);
    expect(d).toMatchObject({ participatingOwners: 3, participatingAreaCenti: 50000, yesOwners: 2, yesAreaCenti: 40000, noOwners: 1 });
    expect(() => decide({ totalAreaCenti: 1, totalOwners: 1 }, [{ areaCenti: 1, choice: 'yes', voter: 1 }, { areaCenti: 1, choice: 'no', voter: 1 }], rules.ordinary!)).toThrow();
  });
});
