import { notFound, parseId, type Actor } from '@linli/sdk';
import type { Decision } from '../art278.js';
import { fail } from '../errors.js';
import { canConvene, canOversee } from '../permissions.js';
import type { CommitteeRole } from '../store/committee.js';
import { electionForStaff } from './committee.js';
import type { Env } from './env.js';
import { slateOf } from './seat.js';
import { openVote } from './votes.js';

/**
 * Opens the owners' vote electing the committee from a published election:
 * matter `elect-committee`, the whole compound, a ballot per candidate of the
 * vetted list with the election's seats (差额选举: owners tick at most as many
 * as there are seats). Refused while the list is not published or is empty,
 * or while another vote of this election is open or has elected someone.
 */
export async function openElectionVote(env: Env, actor: Actor, electionId: string, input: { title?: string; days?: number }): Promise<number> {
  const election = await electionForStaff(env, actor, electionId, { forUpdate: true });
  if (!canConvene(actor, election.compoundPath)) throw fail('OSG_ERR_NOT_CONVENER', [election.compoundName]);
  if (election.status !== 'published') throw fail('OSG_ERR_NOT_PUBLISHED', [election.title]);
  const slate = await slateOf(env, election.id);
  if (slate.length === 0) throw fail('OSG_ERR_NO_CANDIDATES', [election.title]);
  const earlier = await env.db
    .selectFrom('owners_self_governance_votes')
    .select(['id', 'status', 'result'])
    .where('election_id', '=', election.id)
    .execute();
  if (earlier.some((v) => v.status === 'open' || (v.result as Decision | null)?.passed)) throw fail('OSG_ERR_ELECTION_VOTED', [election.title]);
  const id = await openVote(env, actor, { scopeOrgId: String(election.compoundOrgId), title: input.title?.trim() || election.title, matter: 'elect-committee', ...(input.days ? { days: input.days } : {}) });
  await env.db.updateTable('owners_self_governance_votes').set({ election_id: election.id, seats: election.seats }).where('id', '=', id).execute();
  return id;
}

/** The community records a member's role (主任/副主任/委员) after the committee's first meeting; one chair per committee. */
export async function setMemberRole(env: Env, actor: Actor, memberId: string, role: CommitteeRole): Promise<void> {
  const n = parseId(memberId);
  const member =
    n === null
      ? undefined
      : await env.db
          .selectFrom('owners_self_governance_committee_members as m')
          .innerJoin('owners_self_governance_committees as c', 'c.id', 'm.committee_id')
          .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
          .select(['m.id', 'm.committee_id as committeeId', 'm.ended_at as endedAt', 'c.compound_path as compoundPath', 'o.name as compoundName'])
          .where('m.id', '=', n)
          .forUpdate('c')
          .executeTakeFirst();
  if (!member || !canOversee(actor, member.compoundPath)) throw notFound(`Committee member ${memberId}`);
  if (!canConvene(actor, member.compoundPath)) throw fail('OSG_ERR_NOT_CONVENER', [member.compoundName]);
  // A seat that ended (no longer an owner) keeps the role it had, as history.
  if (member.endedAt !== null) throw fail('OSG_ERR_SEAT_ENDED', []);
  if (role === '主任') {
    // One chair among the sitting members: a chair whose seat ended leaves the post to fill.
    const chair = await env.db.selectFrom('owners_self_governance_committee_members').select('id').where('committee_id', '=', member.committeeId).where('role', '=', '主任').where('ended_at', 'is', null).where('id', '<>', member.id).executeTakeFirst();
    if (chair) throw fail('OSG_ERR_CHAIR_TAKEN', []);
  }
  await env.db.updateTable('owners_self_governance_committee_members').set({ role }).where('id', '=', member.id).execute();
}
