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
  totalUnits: number;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  result: Decision | null;
  originPlugin: string | null;
  originRef: string | null;
  originTitle: string | null;
  /** A committee election's seats, its ballot taken per candidate (0006); null for a one-question ballot. */
  seats: number | null;
  electionId: number | null;
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
  'v.total_units as totalUnits',
  'v.opens_at as opensAt',
  'v.closes_at as closesAt',
  'v.closed_at as closedAt',
  'v.result',
  'v.origin_plugin as originPlugin',
  'v.origin_ref as originRef',
  'v.origin_title as originTitle',
  'v.seats',
  'v.election_id as electionId',
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
export async function votesOfUnits(db: Db, unitIds: number[]): Promise<(VoteRow & { unitId: number; voterUnitId: number })[]> {
  if (!unitIds.length) return [];
  const rows = await base(db)
    .innerJoin('owners_self_governance_electorate as e', 'e.vote_id', 'v.id')
    .select(['e.unit_id as unitId', 'e.voter_unit_id as voterUnitId'])
    .where('e.unit_id', 'in', unitIds)
    .orderBy('v.opens_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return rows as unknown as (VoteRow & { unitId: number; voterUnitId: number })[];
}

export async function insertVote(
  db: Db,
  v: { scopeOrgId: number; scopePath: string; title: string; matter: string; ruleId: string; rule: unknown; totalAreaCenti: number; totalOwners: number; totalUnits: number; opensAt: Date; closesAt: Date; createdBy: number; origin?: VoteOrigin | undefined },
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
      total_units: v.totalUnits,
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

/** Freezes the electorate: each unit with its area and the voter it counts for (owner-identity.ts). */
export async function insertElectorate(db: Db, voteId: number, units: { id: number; areaCenti: number; voterUnitId: number }[]): Promise<void> {
  if (!units.length) return;
  await db.insertInto('owners_self_governance_electorate').values(units.map((u) => ({ vote_id: voteId, unit_id: u.id, area_centi: u.areaCenti, voter_unit_id: u.voterUnitId }))).execute();
}

export async function electorateUnit(db: Db, voteId: number, unitId: number): Promise<{ areaCenti: number; voterUnitId: number } | undefined> {
  return db.selectFrom('owners_self_governance_electorate').select(['area_centi as areaCenti', 'voter_unit_id as voterUnitId']).where('vote_id', '=', voteId).where('unit_id', '=', unitId).executeTakeFirst();
}

/** The units of the vote one voter's ballot covers (the same buyer's units, or the developer's), by id. */
export async function unitsOfVoter(db: Db, voteId: number, voterUnitId: number): Promise<number[]> {
  const rows = await db.selectFrom('owners_self_governance_electorate').select('unit_id').where('vote_id', '=', voteId).where('voter_unit_id', '=', voterUnitId).orderBy('unit_id').execute();
  return rows.map((r) => r.unit_id);
}

/**
 * Inserts one voter's ballot on each of their units unless one of them has a
 * ballot already; returns whether it was taken (one vote per owner). The
 * caller holds the vote's row lock, so two ballots of one owner cannot race.
 */
export async function insertBallot(db: Db, b: { voteId: number; unitIds: number[]; choice: Choice; channel: 'online' | 'paper'; castBy: number; photoId: number | null; at: Date; ticks?: readonly number[] }): Promise<boolean> {
  const done = await db.selectFrom('owners_self_governance_ballots').select('unit_id').where('vote_id', '=', b.voteId).where('unit_id', 'in', b.unitIds).executeTakeFirst();
  if (done) return false;
  const r = await db
    .insertInto('owners_self_governance_ballots')
    .values(b.unitIds.map((unitId) => ({ vote_id: b.voteId, unit_id: unitId, choice: b.choice, channel: b.channel, cast_by: b.castBy, photo_id: b.photoId, cast_at: b.at })))
    .onConflict((oc) => oc.columns(['vote_id', 'unit_id']).doNothing())
    .returning('unit_id')
    .execute();
  // A per-candidate ballot: each unit it covers agrees with the same candidates.
  const ticks = b.ticks ?? [];
  if (ticks.length) await db.insertInto('owners_self_governance_candidate_ballots').values(b.unitIds.flatMap((unitId) => ticks.map((candidateId) => ({ vote_id: b.voteId, unit_id: unitId, candidate_id: candidateId })))).execute();
  return r.length === b.unitIds.length;
}

/** The candidates each unit's ballot ticked (a per-candidate ballot), by unit id. */
export async function ticksOf(db: Db, voteId: number): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('owners_self_governance_candidate_ballots').select(['unit_id', 'candidate_id']).where('vote_id', '=', voteId).orderBy('candidate_id').execute();
  const ticks = new Map<number, number[]>();
  for (const r of rows) ticks.set(r.unit_id, [...(ticks.get(r.unit_id) ?? []), r.candidate_id]);
  return ticks;
}

/** The ballots with the area frozen in the electorate: what the count is made of. */
export async function ballotsOf(db: Db, voteId: number): Promise<{ unitId: number; areaCenti: number; choice: Choice; voter: number }[]> {
  return ballotsOfVotes(db, [voteId]);
}

/** The ballots of several votes at once (the staff list's turnout), each with its vote. */
export async function ballotsOfVotes(db: Db, voteIds: number[]): Promise<{ voteId: number; unitId: number; areaCenti: number; choice: Choice; voter: number }[]> {
  if (!voteIds.length) return [];
  return db
    .selectFrom('owners_self_governance_ballots as b')
    .innerJoin('owners_self_governance_electorate as e', (j) => j.onRef('e.vote_id', '=', 'b.vote_id').onRef('e.unit_id', '=', 'b.unit_id'))
    .select(['b.vote_id as voteId', 'b.unit_id as unitId', 'e.area_centi as areaCenti', 'b.choice', 'e.voter_unit_id as voter'])
    .where('b.vote_id', 'in', voteIds)
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
