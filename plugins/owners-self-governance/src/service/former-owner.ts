import { pathsAtAndAbove } from '@linli/sdk';
import { termState } from '../committee.js';
import { personOfRecords } from '../owner-identity.js';
import type { CommitteeRole } from '../store/tables.js';
import type { Env } from './env.js';
import { cancelVettingReminders } from './vetting-notices.js';

/** What the member's row says when the seat ends this way (指导规则第三十七条第一项). */
export const SEAT_END_REASON = '不再是本小区业主（物业转让等），委员资格自行终止';
/** What the candidate's row says when the candidacy ends this way. */
export const CANDIDACY_END_REASON = '不再是本小区业主（物业转让等），候选资格终止';

/** A seat or candidacy of the person an owner record is, and whether the removal of that record ends it. */
export interface SeatEffect {
  memberId: number;
  compoundName: string;
  role: CommitteeRole;
  /** False when the person still holds another current owner record in the compound: the seat stays. */
  ends: boolean;
  /** The person's other units in the compound, when the seat stays. */
  otherUnits: string[];
}

export interface CandidacyEffect {
  candidateId: number;
  election: string;
  /** A vote of the election is open: ballots already cast keep their ticks; the ticks for this candidate no longer count. */
  voteOpen: boolean;
  ends: boolean;
  otherUnits: string[];
}

export interface RemovalEffects {
  seats: SeatEffect[];
  candidacies: CandidacyEffect[];
}


/**
 * What taking this owner record off the roll does to the owners' committee:
 * 《业主大会和业主委员会指导规则》第三十七条 — a member who is no longer an owner
 * (因物业转让、灭失等原因不再是业主的) loses the seat by itself (资格自行终止), and a
 * candidate of an election not yet decided can no longer be elected. "No longer
 * an owner" is the person's, not the record's: the same person (owner-identity.ts:
 * account, owner number, else phone) holding another current record in the
 * compound stays an owner and keeps the seat.
 *
 * Only the compound's latest committee counts, while its term runs (an ended or
 * replaced one no longer sits); only elections no committee was seated from.
 * With `lock`, the compound's elections and committees are locked before
 * anything is read, so two removals of the same person's two units in
 * parallel cannot each see the other unit still owned (the second waits and
 * reads the roll after the first), and a vote seating its committee, or a
 * nomination, is either wholly before the removal or sees it.
 */
export async function removalEffects(env: Pick<Env, 'db' | 'now'>, ownerId: number, opts: { lock?: boolean } = {}): Promise<RemovalEffects> {
  const none: RemovalEffects = { seats: [], candidacies: [] };
  const owner = await env.db
    .selectFrom('owners_self_governance_owners as w')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
    .select(['w.id', 'u.building_path as buildingPath'])
    .where('w.id', '=', ownerId)
    .executeTakeFirst();
  if (!owner) return none;
  const paths = pathsAtAndAbove(owner.buildingPath);
  if (opts.lock) {
    // Locks first, reads after (each read then sees what a transaction we waited for committed): the compound's
    // elections (nominating and seating lock them too) and its committees (a role being set locks it).
    await env.db.selectFrom('owners_self_governance_elections').select('id').where('compound_path', 'in', paths).orderBy('id').forUpdate().execute();
    await env.db.selectFrom('owners_self_governance_committees').select('id').where('compound_path', 'in', paths).orderBy('id').forUpdate().execute();
  }

  const committeesQ = env.db
    .selectFrom('owners_self_governance_committees as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
    .select(['c.id', 'c.compound_path as compoundPath', 'o.name as compoundName', 'c.term_end as termEnd'])
    .where('c.compound_path', 'in', paths)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('owners_self_governance_committees as later').select('later.id').whereRef('later.compound_org_id', '=', 'c.compound_org_id').whereRef('later.id', '>', 'c.id'))));
  const committees = (await committeesQ.execute()).filter((c) => termState(c.termEnd, env.now) !== 'ended');

  const electionsQ = env.db
    .selectFrom('owners_self_governance_elections as e')
    .select(['e.id', 'e.title', 'e.compound_path as compoundPath'])
    .where('e.compound_path', 'in', paths)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('owners_self_governance_committees as s').select('s.id').whereRef('s.election_id', '=', 'e.id'))));
  const elections = await electionsQ.execute();
  if (!committees.length && !elections.length) return none;

  const members = committees.length
    ? await env.db.selectFrom('owners_self_governance_committee_members').select(['id', 'committee_id as committeeId', 'owner_id as ownerId', 'role']).where('committee_id', 'in', committees.map((c) => c.id)).where('ended_at', 'is', null).execute()
    : [];
  const candidates = elections.length
    ? await env.db.selectFrom('owners_self_governance_candidates').select(['id', 'election_id as electionId', 'owner_id as ownerId']).where('election_id', 'in', elections.map((e) => e.id)).where('withdrawn_at', 'is', null).execute()
    : [];
  if (!members.length && !candidates.length) return none;
  const openVotes = new Set(
    elections.length
      ? (await env.db.selectFrom('owners_self_governance_votes').select('election_id').where('election_id', 'in', elections.map((e) => e.id)).where('status', '=', 'open').execute()).map((v) => v.election_id!)
      : [],
  );

  // Every record of each compound concerned, current and removed: a seat points at the record it was elected with, which may be off the roll already.
  const compounds = [...new Set([...committees.map((c) => c.compoundPath), ...elections.map((e) => e.compoundPath)])];
  const roll = new Map<string, { id: number; personId: number | null; phone: string | null; ownerNo: string | null; removed: boolean; unit: string }[]>();
  for (const path of compounds) {
    const rows = await env.db
      .selectFrom('owners_self_governance_owners as w')
      .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
      .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
      .select(['w.id', 'w.person_id as personId', 'w.phone', 'w.owner_no as ownerNo', 'w.removed_at as removedAt', 'b.name as building', 'u.room'])
      .where('u.building_path', 'like', `${path}%`)
      .orderBy('u.id')
      .execute();
    roll.set(path, rows.map((r) => ({ id: r.id, personId: r.personId, phone: r.phone, ownerNo: r.ownerNo, removed: r.removedAt !== null, unit: `${r.building}${r.room}` })));
  }
  /** Whether the record `of` (a seat's or candidacy's) is the removed record's person, and their other current units in the compound. */
  const concerned = (path: string, of: number): { same: boolean; otherUnits: string[] } => {
    const records = roll.get(path) ?? [];
    const person = personOfRecords(records);
    const who = person.get(ownerId);
    if (who === undefined || person.get(of) !== who) return { same: false, otherUnits: [] };
    return { same: true, otherUnits: [...new Set(records.filter((r) => r.id !== ownerId && !r.removed && person.get(r.id) === who).map((r) => r.unit))] };
  };

  const seats: SeatEffect[] = [];
  for (const m of members) {
    const c = committees.find((x) => x.id === m.committeeId)!;
    const { same, otherUnits } = concerned(c.compoundPath, m.ownerId);
    if (same) seats.push({ memberId: m.id, compoundName: c.compoundName, role: m.role, ends: otherUnits.length === 0, otherUnits });
  }
  const candidacies: CandidacyEffect[] = [];
  for (const k of candidates) {
    const e = elections.find((x) => x.id === k.electionId)!;
    const { same, otherUnits } = concerned(e.compoundPath, k.ownerId);
    if (same) candidacies.push({ candidateId: k.id, election: e.title, voteOpen: openVotes.has(e.id), ends: otherUnits.length === 0, otherUnits });
  }
  return { seats, candidacies };
}

/**
 * Ends the seats and candidacies the removal of `ownerId` ends, in the
 * removal's transaction, with its who and when. The rows stay (history).
 *
 * A candidacy ends even while the election's vote is open: ballots are stored
 * as one row per unit (taking part) and one tick per candidate (0006), and the
 * count takes each candidate on their own (art278.ts `decideElection`), so
 * dropping one candidate from the count (slateOf skips withdrawn ones) changes
 * nobody else's tally and nobody's participation; the ticks cast for them stay
 * stored, untouched, and are shown on the count page as no longer counted. A
 * ballot not yet cast can no longer tick them (OSG_ERR_CANDIDACY_ENDED).
 */
export async function endWhatRemovalEnds(env: Env, effects: RemovalEffects, removal: { ownerId: number; by: number }): Promise<void> {
  const seats = effects.seats.filter((s) => s.ends).map((s) => s.memberId);
  if (seats.length) {
    await env.db
      .updateTable('owners_self_governance_committee_members')
      .set({ ended_at: env.now, ended_by: removal.by, end_reason: SEAT_END_REASON, ended_by_removal_of: removal.ownerId })
      .where('id', 'in', seats)
      .where('ended_at', 'is', null)
      .execute();
  }
  const candidacies = effects.candidacies.filter((k) => k.ends).map((k) => k.candidateId);
  if (candidacies.length) {
    await env.db
      .updateTable('owners_self_governance_candidates')
      .set({ withdrawn_at: env.now, withdrawn_by: removal.by, withdrawal_reason: CANDIDACY_END_REASON, withdrawn_by_removal_of: removal.ownerId })
      .where('id', 'in', candidacies)
      .where('withdrawn_at', 'is', null)
      .execute();
    // Checkers are no longer reminded of a candidate who cannot stand.
    for (const id of candidacies) await cancelVettingReminders(env, id);
  }
}

/** What the removal form says beforehand (and the removal's answer after), one sentence per seat or candidacy; empty when there is none. */
export function effectsText(effects: RemovalEffects, done: boolean): string[] {
  const out: string[] = [];
  for (const s of effects.seats) {
    if (s.ends) out.push(done ? `${s.compoundName}业主委员会${s.role}：已不再是本小区业主，委员资格自行终止` : `${s.compoundName}业主委员会${s.role}：移除后此人不再是本小区业主，委员资格自行终止（指导规则第三十七条）`);
    else out.push(`${s.compoundName}业主委员会${s.role}：此人在本小区另有房屋（${s.otherUnits.join('、')}），仍是业主，委员资格不变`);
  }
  for (const k of effects.candidacies) {
    const ballots = k.voteOpen ? '；选举表决进行中，已投的票保留，勾选此人的不再计入' : '';
    if (k.ends) out.push(done ? `“${k.election}”候选人：候选资格已终止${ballots}` : `“${k.election}”候选人：移除后候选资格终止${ballots}`);
    else out.push(`“${k.election}”候选人：此人在本小区另有房屋（${k.otherUnits.join('、')}），仍是业主，候选资格不变`);
  }
  return out;
}
