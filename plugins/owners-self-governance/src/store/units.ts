import type { RollUnit } from '../owner-identity.js';
import type { Db } from './tables.js';

export interface UnitRow {
  id: number;
  buildingOrgId: number;
  buildingName: string;
  buildingPath: string;
  room: string;
  areaCenti: number;
  partyMemberHousehold: boolean;
  developerHeld: boolean;
}

const unitColumns = ['u.id', 'u.building_org_id as buildingOrgId', 'b.name as buildingName', 'u.building_path as buildingPath', 'u.room', 'u.area_centi as areaCenti', 'u.party_member_household as partyMemberHousehold', 'u.developer_held as developerHeld'] as const;

/** Units of the buildings at or under `path` (a compound, a building), by building and room. */
export async function unitsUnder(db: Db, path: string): Promise<UnitRow[]> {
  return db
    .selectFrom('owners_self_governance_units as u')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .select(unitColumns)
    .where('u.building_path', 'like', `${path}%`)
    .orderBy('b.name')
    .orderBy('u.room')
    .execute();
}

export async function addUnit(db: Db, u: { buildingOrgId: number; buildingPath: string; room: string; areaCenti: number; partyMemberHousehold: boolean; developerHeld?: boolean; now: Date }): Promise<number> {
  const row = await db
    .insertInto('owners_self_governance_units')
    .values({ building_org_id: u.buildingOrgId, building_path: u.buildingPath, room: u.room, area_centi: u.areaCenti, party_member_household: u.partyMemberHousehold, developer_held: u.developerHeld ?? false, created_at: u.now })
    .onConflict((oc) => oc.columns(['building_org_id', 'room']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? -1;
}

/** Adds an owner to a unit; returns the new owner's id. */
export async function addOwner(db: Db, o: { unitId: number; name: string; phone: string | null; personId: number | null; ownerNo?: string | null }): Promise<number> {
  const row = await db.insertInto('owners_self_governance_owners').values({ unit_id: o.unitId, name: o.name, phone: o.phone, person_id: o.personId, owner_no: o.ownerNo ?? null }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The roll as owner-identity.ts reads it: each unit's developer flag and its owners' account, phone and owner number (never leaves the server). */
export async function rollUnits(db: Db, units: readonly { id: number; developerHeld: boolean }[]): Promise<RollUnit[]> {
  const owners = units.length
    ? await db.selectFrom('owners_self_governance_owners').select(['unit_id as unitId', 'person_id as personId', 'phone', 'owner_no as ownerNo']).where('unit_id', 'in', units.map((u) => u.id)).where('removed_at', 'is', null).execute()
    : [];
  return units.map((u) => ({ id: u.id, developerHeld: u.developerHeld, owners: owners.filter((o) => o.unitId === u.id) }));
}

/** Current owners of these units (removed ones are history, 0007), for the roll (masked by the caller before it leaves the API). */
export async function ownersOf(db: Db, unitIds: number[]): Promise<{ id: number; unitId: number; name: string; phone: string | null; personId: number | null }[]> {
  if (!unitIds.length) return [];
  return db.selectFrom('owners_self_governance_owners').select(['id', 'unit_id as unitId', 'name', 'phone', 'person_id as personId']).where('unit_id', 'in', unitIds).where('removed_at', 'is', null).orderBy('id').execute();
}

/**
 * Takes an owner off the roll: the row stays, marked with who, when and why
 * (the audit), so ballots cast, electorates frozen and nominations keep what
 * they recorded; every read of the current roll skips it. False if the owner
 * was not (or no longer) on the roll.
 */
export async function removeOwner(db: Db, r: { ownerId: number; by: number; at: Date; reason: string }): Promise<boolean> {
  const done = await db.updateTable('owners_self_governance_owners').set({ removed_at: r.at, removed_by: r.by, removal_reason: r.reason }).where('id', '=', r.ownerId).where('removed_at', 'is', null).returning('id').executeTakeFirst();
  return done !== undefined;
}

/** The units a person owns (linked through their account): where they may vote. */
export async function unitsOfPerson(db: Db, personId: number): Promise<UnitRow[]> {
  return db
    .selectFrom('owners_self_governance_units as u')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .innerJoin('owners_self_governance_owners as o', 'o.unit_id', 'u.id')
    .select(unitColumns)
    .where('o.person_id', '=', personId)
    // An owner taken off the roll no longer votes for the unit (0007).
    .where('o.removed_at', 'is', null)
    .orderBy('u.id')
    .execute();
}
