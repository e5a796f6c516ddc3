import { ownersVotes, VOTE_CLOSED, type VoteClosedEvent } from '@linli/plugin-owners-self-governance';
import { findOrg, peopleHolding, pluginEnabled, type Actor, type PluginEventSubscription, type Ticket, type TransitionHookEvent, type TransitionVerdict } from '@linli/sdk';
import { fail } from '../errors.js';
import { ownersMatterOf, type OwnersPassedData, type ReferData } from '../forms/referral.js';
import { cancelSessionEve, tellOwnersVoteClosed, tellReporterOwnersVote } from '../notices.js';
import { conveners } from '../permissions.js';
import { settleItem } from '../store/agenda.js';
import { hallAt } from '../store/halls.js';
import { getTopic, updateTopic } from '../store/topics.js';
import { envOf, personOf, type Env } from './env.js';

export const OWNERS = 'owners-self-governance';
const PLUGIN = 'weekend-deliberation-hall';

/** The topic's referral, if it has one. */
export const referralOf = (env: Env, ticketId: number) => env.db.selectFrom('wdh_referrals').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

/** The org an owners' vote is for: the topic's compound, or one building of it. */
async function scopeOf(env: Env, ticket: Ticket, scopeOrgId: string | undefined): Promise<{ id: string; name: string }> {
  const hall = hallAt(env.halls, ticket.orgPath);
  if (!hall) throw fail('WDH_ERR_NO_HALL', [ticket.orgId, ticket.orgId]);
  if (!scopeOrgId) return { id: hall.compound.id, name: hall.compound.name };
  const org = await findOrg(env.db, scopeOrgId);
  if (!org || !org.path.startsWith(hall.compound.path)) throw fail('WDH_ERR_SCOPE_OUTSIDE', [org?.name ?? `Org ${scopeOrgId}`, hall.compound.name], [{ path: '/data/scopeOrgId', message: "not in the topic's compound" }]);
  return { id: String(org.id), name: org.name };
}

/**
 * The hall's rules for the owners' steps: a referral only where the city
 * enables owners-self-governance and for the topic's compound or one of its
 * buildings; the outcome only once the vote is counted, and only the one it
 * counted (the event recorded it on the referral).
 */
export async function checkOwnersStep({ ticket, change, trx, ctx }: TransitionHookEvent): Promise<TransitionVerdict> {
  const env = await envOf(ctx, trx);
  const data = (change.eventData ?? {}) as Record<string, unknown>;
  if (change.action === 'refer-owners') {
    if (!pluginEnabled(ctx, OWNERS)) throw fail('WDH_ERR_OWNERS_OFF', []);
    await scopeOf(env, ticket, (data as ReferData).scopeOrgId);
    return;
  }
  const referral = await referralOf(env, Number(ticket.id));
  if (!referral || referral.passed === null) throw fail('WDH_ERR_OWNERS_VOTE_OPEN', [ticket.title]);
  const expected = referral.passed ? 'owners-passed' : 'owners-failed';
  if (change.action !== expected) throw fail('WDH_ERR_OWNERS_VOTE_MISMATCH', [referral.passed ? '通过' : '未通过', referral.passed ? '业主表决通过' : '业主表决未通过'], [{ path: '/action', message: `should be ${expected}` }]);
  if (change.action === 'owners-passed') {
    const { deadline } = data as OwnersPassedData;
    const at = deadline ? new Date(deadline) : null;
    if (at && !(at.getTime() > env.now.getTime())) throw fail('WDH_ERR_DEADLINE_PAST', [deadline], [{ path: '/deadline', message: 'must be in the future' }]);
    return { patch: { deadline: at } };
  }
  return undefined;
}

/**
 * After `refer-owners`: the topic leaves any session agenda, and the owners'
 * vote opens in owners-self-governance (its public API, in this step's
 * transaction, with the convener who took the step: a refusal there — no
 * units registered, not a convener of votes — rolls the step back).
 */
export async function referToOwners(env: Env, actor: Actor, ticket: Ticket, updated: Ticket, data: ReferData): Promise<void> {
  const id = Number(ticket.id);
  const sessionId = await settleItem(env.db, id, 'removed', env.now);
  if (sessionId !== undefined) await cancelSessionEve(env, id, sessionId);
  const scope = await scopeOf(env, ticket, data.scopeOrgId);
  const matter = ownersMatterOf(data.matter)!;
  const { voteId } = await env.ctx.service(ownersVotes).open(env.trx, actor, {
    scopeOrgId: scope.id,
    matter,
    title: data.question ?? ticket.title,
    ...(data.days ? { days: data.days } : {}),
    origin: { ref: ticket.id, title: ticket.title },
  });
  await env.db.insertInto('wdh_referrals').values({ ticket_id: id, vote_id: Number(voteId), matter, scope_name: scope.name, referred_by: personOf(actor), referred_at: env.now, reporter_id: ticket.reporterId ? Number(ticket.reporterId) : null, passed: null, vote_closed_at: null, recorded_by: null, recorded_at: null }).execute();
  await updateTopic(env.db, updated);
}

/** After `owners-passed` / `owners-failed`: who recorded the outcome, and the topic resolved. */
export async function recordOwnersOutcome(env: Env, actor: Actor, updated: Ticket): Promise<void> {
  await env.db.updateTable('wdh_referrals').set({ recorded_by: personOf(actor), recorded_at: env.now }).where('ticket_id', '=', Number(updated.id)).execute();
  await updateTopic(env.db, updated, { resolved_at: env.now });
}

/**
 * When an owners' vote this hall opened closes (by staff or by the clock),
 * its outcome goes on the topic's referral. Whoever referred it hears to take
 * the next step, and so does everyone else who may take it for the compound
 * (the community's conveners and the compound's branch secretary), so the
 * topic does not wait on one person; the resident who raised the topic hears
 * the result. A job on the core's queue, once per vote; the topic's step stays
 * a person's (plugins mint no actors).
 */
export const onOwnersVoteClosed: PluginEventSubscription<VoteClosedEvent> = {
  event: VOTE_CLOSED,
  async handler({ payload, ctx, trx }) {
    if (payload.origin?.plugin !== PLUGIN) return;
    const env = await envOf(ctx, trx);
    const referral = await env.db
      .updateTable('wdh_referrals')
      .set({ passed: payload.passed, vote_closed_at: env.now })
      .where('vote_id', '=', Number(payload.voteId))
      .where('ticket_id', '=', Number(payload.origin.ref))
      .returning(['ticket_id', 'referred_by', 'reporter_id'])
      .executeTakeFirst();
    if (!referral) return;
    const topic = await getTopic(env.db, referral.ticket_id);
    const others = topic ? await nextStepTakers(env, topic.compound_path) : [];
    const to = [...new Set([String(referral.referred_by), ...others])];
    const t = { id: String(referral.ticket_id), title: payload.origin.title };
    await tellOwnersVoteClosed(env, t, payload.passed, to);
    if (referral.reporter_id !== null) await tellReporterOwnersVote(env, t, payload.passed, String(referral.reporter_id));
  },
};

/** The roles that record a referred topic's outcome for its compound: the conveners (permissions.ts) but the city's administrators. */
const stepRoles = conveners.map((r) => r.role).filter((r) => r !== 'admin');

/**
 * Who may take a referred topic's next step at a compound: the people holding
 * a convener's role at the compound or an org above it (its community's staff
 * and secretary, its branch secretary), each once. Administrators are left
 * out: they may step in, but are not told of every vote.
 */
export const nextStepTakers = (env: Env, compoundPath: string): Promise<string[]> => peopleHolding(env.db, { roles: stepRoles, atOrAbove: compoundPath });
