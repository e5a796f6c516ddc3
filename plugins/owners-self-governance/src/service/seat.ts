import type { Decision } from '../art278.js';
import type { VoteRow } from '../store/votes.js';
import type { Env } from './env.js';

/**
 * The candidates of an election who passed every item of their vetting and
 * still stand: the published slate. A candidacy that ended (no longer an owner
 * of the compound, 0008) is left out — of new ballots' boxes and of the count,
 * where each candidate is counted on their own, so nobody else's tally moves.
 */
export async function slateOf(env: Pick<Env, 'db'>, electionId: number): Promise<{ candidateId: number; ownerId: number }[]> {
  return env.db
    .selectFrom('owners_self_governance_candidates as k')
    .select(['k.id as candidateId', 'k.owner_id as ownerId'])
    .where('k.election_id', '=', electionId)
    .where('k.withdrawn_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('owners_self_governance_checks as x').select('x.id').whereRef('x.candidate_id', '=', 'k.id').where('x.result', '<>', 'pass'))))
    .orderBy('k.id')
    .execute();
}

/**
 * Locks an election before its slate is read for a count or a seating: a
 * removal that ends a candidacy (former-owner.ts) locks it too, so it either
 * waits for the count and the seating, or is seen by them.
 */
export async function lockElection(env: Pick<Env, 'db'>, electionId: number): Promise<void> {
  await env.db.selectFrom('owners_self_governance_elections').select('id').where('id', '=', electionId).forUpdate().execute();
}

/**
 * When a vote opened for an election passes, those elected are seated: on a
 * per-candidate ballot the candidates the count elected (art278.ts
 * `decideElection`: fewer than the seats when fewer met the rule or the last
 * seat is tied), on a slate vote (opened before 0006) the whole slate. A new
 * committee of the compound (replacing any earlier one), its term from now
 * for the configured years, every member a 委员 until the community records
 * the roles of its first meeting. Called in the closing transaction, after
 * the count, with the election locked (closeVote and closeIfDue lock it first).
 */
export async function seatIfElected(env: Env, vote: Pick<VoteRow, 'id' | 'scopeOrgId' | 'scopePath'>, result: Decision): Promise<number | undefined> {
  if (!result.passed) return undefined;
  const row = await env.db.selectFrom('owners_self_governance_votes').select('election_id').where('id', '=', vote.id).executeTakeFirst();
  if (!row?.election_id) return undefined;
  const elected = result.election?.candidates.filter((c) => c.elected).map((c) => c.candidateId);
  const slate = (await slateOf(env, row.election_id)).filter((k) => !elected || elected.includes(k.candidateId));
  const termEnd = new Date(env.now);
  termEnd.setUTCFullYear(termEnd.getUTCFullYear() + env.settings.committeeTermYears);
  const committee = await env.db
    .insertInto('owners_self_governance_committees')
    .values({ compound_org_id: vote.scopeOrgId, compound_path: vote.scopePath, election_id: row.election_id, vote_id: vote.id, term_start: env.now, term_end: termEnd, seated_at: env.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (slate.length) await env.db.insertInto('owners_self_governance_committee_members').values(slate.map((k) => ({ committee_id: committee.id, owner_id: k.ownerId }))).execute();
  return committee.id;
}

/**
 * The candidates a vote decides, by name and building (public since the list
 * was published), in ballot order; empty for a vote not opened for an election.
 * With those whose candidacy ended (`withdrawnAt` set): a count closed before
 * still names them; the ballot's boxes leave them out.
 */
export async function slateOfVote(env: Pick<Env, 'db'>, voteId: number): Promise<{ id: number; name: string; building: string; withdrawnAt: Date | null }[]> {
  return env.db
    .selectFrom('owners_self_governance_votes as v')
    .innerJoin('owners_self_governance_candidates as k', 'k.election_id', 'v.election_id')
    .innerJoin('owners_self_governance_owners as w', 'w.id', 'k.owner_id')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .select(['k.id', 'w.name', 'b.name as building', 'k.withdrawn_at as withdrawnAt'])
    .where('v.id', '=', voteId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('owners_self_governance_checks as x').select('x.id').whereRef('x.candidate_id', '=', 'k.id').where('x.result', '<>', 'pass'))))
    .orderBy('k.id')
    .execute();
}
