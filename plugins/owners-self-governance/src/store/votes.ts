import type { Choice, Decision, MatterRule } from '../art278.js';
import type { Db, VoteStatus } from './tables.js';

/** Where a vote came from when another plugin opened it: the plugin, its own reference (a ticket id), a title to show. */
export interface VoteOrigin {
  plugin: string;
  ref: string;
  title: string;
}

export interface VoteRow {
  id: number;
  scopeOrgId: number;
  scopeName: string;
  scopeType: string;
  scopePath: string;
  title: string;
  matter: string;
  ruleId: string;
  rule: MatterRule & { title: string };
  status: VoteStatus;
  totalAreaCenti: number;
  totalOwners: number;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  result: Decision | null;
  originPlugin: string | null;
  originRef: string | null;
  originTitle: string | null;
}

const columns = [
  'v.id',
  'v.scope_org_id as scopeOrgId',
  'o.name as scopeName',
  'o.type as scopeType',
  'v.scope_path as scopePath',
  'v.title',
  'v.matter',
  'v.rule_id as ruleId',
  'v.rule',
  'v.status',
  'v.total_area_centi as totalAreaCenti',
  'v.total_owners as totalOwners',
  'v.opens_at as opensAt',
  'v.closes_at as closesAt',
  'v.closed_at as closedAt',
  'v.result',
  'v.origin_plugin as originPlugin',
  'v.origin_ref as originRef',
  'v.origin_title as originTitle',
] as const;

const base = (db: Db) => db.selectFrom('owners_self_governance_votes as v').innerJoin('linli_orgs as o', 'o.id', 'v.scope_org_id').select(columns);
const row = (r: unknown): VoteRow => r as VoteRow;

export async function getVote(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<VoteRow | undefined> {
  let q = base(db).where('v.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('v');
  const r = await q.executeTakeFirst();
  return r && row(r);
}

/** Votes whose scope lies under one of `paths`, newest first. */
export async function votesUnder(db: Db, paths: string[], limit = 100): Promise<VoteRow[]> {
  if (!paths.length) return [];
  const rows = await base(db)
    .where((eb) => eb.or(paths.map((p) => eb('v.scope_path', 'like', `${p}%`))))
    .orderBy('v.opens_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(row);
}

/** Votes in which one of these units is part of the electorate, newest first. */
export async function votesOfUnits(db: Db, unitIds: number[]): Promise<(VoteRow & { unitId: number })[]> {
  if (!unitIds.length) return [];
  const rows = await base(db)
    .innerJoin('owners_self_governance_electorate as e', 'e.vote_id', 'v.id')
    .select('e.unit_id as unitId')
    .where('e.unit_id', 'in', unitIds)
    .orderBy('v.opens_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return rows as unknown as (VoteRow & { unitId: number })[];
}

export async function insertVote(
  db: Db,
  v: { scopeOrgId: number; scopePath: string; title: string; matter: string; ruleId: string; rule: unknown; totalAreaCenti: number; totalOwners: number; opensAt: Date; closesAt: Date; createdBy: number; origin?: VoteOrigin | undefined },
): Promise<number> {
  const r = await db
    .insertInto('owners_self_governance_votes')
    .values({
      scope_org_id: v.scopeOrgId,
      scope_path: v.scopePath,
      title: v.title,
      matter: v.matter,
      rule_id: v.ruleId,
      rule: JSON.stringify(v.rule),
      total_area_centi: v.totalAreaCenti,
      total_owners: v.totalOwners,
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      created_by: v.createdBy,
      result: null,
      ...(v.origin ? { origin_plugin: v.origin.plugin, origin_ref: v.origin.ref, origin_title: v.origin.title } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertElectorate(db: Db, voteId: number, units: { id: number; areaCenti: number }[]): Promise<void> {
  if (!units.length) return;
  await db.insertInto('owners_self_governance_electorate').values(units.map((u) => ({ vote_id: voteId, unit_id: u.id, area_centi: u.areaCenti }))).execute();
}

export async function electorateUnit(db: Db, voteId: number, unitId: number): Promise<{ areaCenti: number } | undefined> {
  return db.selectFrom('owners_self_governance_electorate').select('area_centi as areaCenti').where('vote_id', '=', voteId).where('unit_id', '=', unitId).executeTakeFirst();
}

/** Inserts a ballot unless the unit has one; returns whether it was taken (one vote per unit, decided by the primary key). */
export async function insertBallot(db: Db, b: { voteId: number; unitId: number; choice: Choice; channel: 'online' | 'paper'; castBy: number; photoId: number | null; at: Date }): Promise<boolean> {
  const r = await db
    .insertInto('owners_self_governance_ballots')
    .values({ vote_id: b.voteId, unit_id: b.unitId, choice: b.choice, channel: b.channel, cast_by: b.castBy, photo_id: b.photoId, cast_at: b.at })
    .onConflict((oc) => oc.columns(['vote_id', 'unit_id']).doNothing())
    .returning('unit_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The ballots with the area frozen in the electorate: what the count is made of. */
export async function ballotsOf(db: Db, voteId: number): Promise<{ unitId: number; areaCenti: number; choice: Choice }[]> {
  return db
    .selectFrom('owners_self_governance_ballots as b')
    .innerJoin('owners_self_governance_electorate as e', (j) => j.onRef('e.vote_id', '=', 'b.vote_id').onRef('e.unit_id', '=', 'b.unit_id'))
    .select(['b.unit_id as unitId', 'e.area_centi as areaCenti', 'b.choice'])
    .where('b.vote_id', '=', voteId)
    .execute();
}

/** Which units voted and how (online, paper) — never what they chose: the audit list. */
export async function turnoutOf(db: Db, voteId: number): Promise<{ unitId: number; buildingName: string; room: string; areaCenti: number; channel: string; castAt: Date }[]> {
  return db
    .selectFrom('owners_self_governance_ballots as b')
    .innerJoin('owners_self_governance_electorate as e', (j) => j.onRef('e.vote_id', '=', 'b.vote_id').onRef('e.unit_id', '=', 'b.unit_id'))
    .innerJoin('owners_self_governance_units as u', 'u.id', 'b.unit_id')
    .innerJoin('linli_orgs as o', 'o.id', 'u.building_org_id')
    .select(['b.unit_id as unitId', 'o.name as buildingName', 'u.room', 'e.area_centi as areaCenti', 'b.channel', 'b.cast_at as castAt'])
    .where('b.vote_id', '=', voteId)
    .orderBy('o.name')
    .orderBy('u.room')
    .execute();
}

export async function closeVoteRow(db: Db, id: number, by: number | null, at: Date, result: Decision): Promise<void> {
  await db.updateTable('owners_self_governance_votes').set({ status: 'closed', closed_at: at, closed_by: by, result: JSON.stringify(result) }).where('id', '=', id).execute();
}
