import { personIdOf, notFound, type AfterTransitionHookEvent, type CreateHookEvent, type PluginHooks, type Ticket, type TransitionHookEvent, type TransitionVerdict } from '@linli/sdk';
import { fail } from './errors.js';
import { MIN_REASON, type VoteData } from './forms/topic.js';
import { groupLabel, groupTitle } from './groups.js';
import { canPropose } from './permissions.js';
import { envOf, type Env } from './service/env.js';
import { cancelSessionEve, tellTopicScheduled } from './notices.js';
import { statusTitle } from './service/sessions.js';
import { addItem, pendingItem, settleItem } from './store/agenda.js';
import { hallAt } from './store/halls.js';
import { getSession, participantsOf, presentTotal, type SessionRow } from './store/sessions.js';
import { insertTopic, updateTopic } from './store/topics.js';
import { tally } from './tally.js';
import type { ReferData } from './forms/referral.js';
import { checkOwnersStep, recordOwnersOutcome, referToOwners } from './service/referral.js';
import { TOPIC_WORKFLOW } from './workflows/topic.js';

/** A new topic needs a hall at its compound, and a proposer who lives in or serves that compound. */
async function afterCreate({ ticket, actor, trx, ctx }: CreateHookEvent): Promise<void> {
  const env = await envOf(ctx, trx);
  const hall = hallAt(env.halls, ticket.orgPath);
  if (!hall) {
    const org = await env.db.selectFrom('linli_orgs').select('name').where('id', '=', Number(ticket.orgId)).executeTakeFirst();
    const name = org?.name ?? `Org ${ticket.orgId}`;
    throw fail('WDH_ERR_NO_HALL', [name, name], [{ path: '/orgId', message: 'no weekend deliberation hall serves this org' }]);
  }
  if (!canPropose(actor, hall.compound.path, ticket.orgPath)) throw fail('WDH_ERR_NOT_OF_COMPOUND', [hall.compound.name]);
  await insertTopic(env.db, ticket, hall.compound);
}

/** The session a step names, if it is one of the topic's compound; else 404, as for any id out of reach. */
async function sessionOfStep(env: Env, ticket: Ticket, sessionId: unknown): Promise<SessionRow> {
  const session = await getSession(env.db, String(sessionId ?? ''));
  const hall = hallAt(env.halls, ticket.orgPath);
  if (!session || !hall || String(session.compound_org_id) !== hall.compound.id) throw notFound(`Session ${String(sessionId)} of this compound`);
  if (session.status === 'closed' || session.status === 'cancelled') throw fail('WDH_ERR_SESSION_CLOSED', [session.session_date, statusTitle[session.status]]);
  return session;
}

/**
 * The hall's rules, whichever route a step comes through (the session's
 * agenda routes, the web app's ticket page, the core's API, a seed).
 */
async function beforeTransition(e: TransitionHookEvent): Promise<TransitionVerdict> {
  const { ticket, change, trx, ctx } = e;
  const data = (change.eventData ?? {}) as Record<string, unknown>;
  switch (change.action) {
    case 'decline': {
      // The resident reads this: a blank or token reason is no reason.
      if (String(data.reason ?? '').trim().length < MIN_REASON) throw fail('WDH_ERR_DECLINE_REASON', [MIN_REASON], [{ path: '/data/reason', message: `at least ${MIN_REASON} characters` }]);
      return;
    }
    case 'supervise':
      // An update stays in the same state: keep the deadline the resolution set.
      return { patch: { deadline: ticket.deadline } };
    case 'schedule': {
      const env = await envOf(ctx, trx);
      await sessionOfStep(env, ticket, data.sessionId);
      const pending = await pendingItem(env.db, Number(ticket.id));
      if (pending) throw fail('WDH_ERR_ALREADY_SCHEDULED', [ticket.id, pending.session_date, pending.session_id]);
      return;
    }
    case 'resolve':
    case 'not-adopt':
      return checkVote(await envOf(ctx, trx), ticket, change, data as unknown as VoteData);
    case 'refer-owners':
    case 'owners-passed':
    case 'owners-failed':
      return checkOwnersStep(e);
    default:
      return;
  }
}

/** 民议民决: the vote is on this session's agenda, every required group came, the counts fit the people present and agree with the step; a resolution sets its deadline. */
async function checkVote(env: Env, ticket: Ticket, change: TransitionHookEvent['change'], data: VoteData): Promise<TransitionVerdict> {
  const session = await sessionOfStep(env, ticket, data.sessionId);
  if (session.status !== 'held') throw fail('WDH_ERR_SESSION_NOT_HELD', [session.session_date]);
  if ((await pendingItem(env.db, Number(ticket.id)))?.session_id !== session.id) throw fail('WDH_ERR_NOT_ON_AGENDA', [ticket.id, session.session_date], [{ path: '/topicId', message: "not on this session's agenda" }]);
  const sheet = (await participantsOf(env.db, [session.id])).get(session.id);
  const absent = env.settings.requiredGroups.filter((g) => (sheet?.get(g)?.present ?? 0) === 0);
  if (absent.length) {
    throw fail(
      'WDH_ERR_GROUP_ABSENT',
      [absent.map(groupLabel).join('、')],
      absent.map((g) => ({ path: `/participants/${g}`, message: `${groupTitle[g]['zh-CN']}无人到会 (no ${groupTitle[g].en} present)` })),
    );
  }
  const present = presentTotal(sheet);
  const cast = data.votesFor + data.votesAgainst + data.abstentions;
  if (cast > present) throw fail('WDH_ERR_VOTES_EXCEED_PRESENT', [cast, present], [{ path: '/votesFor', message: `for + against + abstentions = ${cast} > ${present} present` }]);
  const result = tally(data, present, env.settings.passRule);
  const expected = result.passed ? 'resolve' : 'not-adopt';
  if (change.action !== expected) throw fail('WDH_ERR_VOTE_MISMATCH', [result.passed ? '通过' : '未通过', result.explanation, result.passed ? '表决通过' : '表决未通过'], [{ path: '/action', message: `should be ${expected}` }]);
  if (change.action === 'resolve') {
    const deadline = data.deadline ? new Date(data.deadline) : null;
    if (deadline && !(deadline.getTime() > env.now.getTime())) throw fail('WDH_ERR_DEADLINE_PAST', [data.deadline], [{ path: '/deadline', message: 'must be in the future' }]);
    return { patch: { deadline } };
  }
  return undefined;
}

/** Keeps the read model, the agenda and the votes in step with the ticket, in the same transaction. */
async function afterTransition({ ticket, change, updated, actor, trx, ctx }: AfterTransitionHookEvent): Promise<void> {
  const env = await envOf(ctx, trx);
  const id = Number(ticket.id);
  const data = (change.eventData ?? {}) as Record<string, unknown>;
  switch (change.action) {
    case 'accept':
    case 'decline':
      return updateTopic(env.db, updated, { screened_at: env.now });
    case 'schedule': {
      await addItem(env.db, Number(data.sessionId), id, env.now);
      const session = await getSession(env.db, Number(data.sessionId));
      if (session) await tellTopicScheduled(env, updated, session);
      return updateTopic(env.db, updated);
    }
    case 'unschedule': {
      const pending = await pendingItem(env.db, id);
      if (pending) await cancelSessionEve(env, id, pending.session_id);
      await settleItem(env.db, id, 'removed', env.now);
      return updateTopic(env.db, updated);
    }
    case 'resolve':
    case 'not-adopt': {
      const v = data as unknown as VoteData;
      const sessionId = Number(v.sessionId);
      const sheet = (await participantsOf(env.db, [sessionId])).get(sessionId);
      const present = presentTotal(sheet);
      const result = tally(v, present, env.settings.passRule);
      await settleItem(env.db, id, result.passed ? 'passed' : 'not_passed', env.now);
      await env.db
        .insertInto('wdh_votes')
        .values({
          session_id: sessionId,
          ticket_id: id,
          votes_for: v.votesFor,
          votes_against: v.votesAgainst,
          abstentions: v.abstentions,
          present,
          passed: result.passed,
          explanation: result.explanation,
          deliberation: v.deliberation,
          resolution: v.resolution,
          implementer: v.implementer ?? null,
          deadline: updated.deadline,
          recorded_by: personIdOf(actor),
          recorded_at: env.now,
        })
        .execute();
      return updateTopic(env.db, updated, { resolved_at: env.now });
    }
    case 'refer-owners':
      return referToOwners(env, actor, ticket, updated, data as unknown as ReferData);
    case 'owners-passed':
    case 'owners-failed':
      return recordOwnersOutcome(env, actor, updated);
    case 'complete':
      return updateTopic(env.db, updated, { completed_at: env.now, result: String(data.result ?? '') });
    case 'publicize':
      return updateTopic(env.db, updated, { publicized_at: env.now });
    default:
      return updateTopic(env.db, updated);
  }
}

export const hooks: PluginHooks = { [TOPIC_WORKFLOW]: { afterCreate, beforeTransition, afterTransition } };
