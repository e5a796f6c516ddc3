import { notFound, type Actor, type Ticket } from '@linli/sdk';
import { fail } from '../errors.js';
import type { SessionVoteInput } from '../forms/topic.js';
import { pendingItem } from '../store/agenda.js';
import { participantsOf, presentTotal } from '../store/sessions.js';
import { getTopic, type TopicRow } from '../store/topics.js';
import { tally } from '../tally.js';
import { TOPIC_WORKFLOW, topicWorkflow } from '../workflows/topic.js';
import type { Env } from './env.js';
import { openSessionFor } from './sessions.js';

export const stateTitle = (state: string): string => topicWorkflow.states.find((s) => s.id === state)?.title['zh-CN'] ?? state;

/** The topic ticket if the actor may see it and it belongs to the session's compound; otherwise 404. */
async function topicOf(env: Env, actor: Actor, topicId: string, compoundOrgId: number): Promise<{ ticket: Ticket; topic: TopicRow }> {
  const ticket = await env.ctx.tickets.get(env.trx, actor, topicId);
  const topic = ticket.workflow === TOPIC_WORKFLOW ? await getTopic(env.db, Number(ticket.id)) : undefined;
  if (!topic || topic.compound_org_id !== compoundOrgId) throw notFound(`Topic ${topicId} of this compound`);
  return { ticket, topic };
}

/** Puts an accepted topic on this session's agenda, through the ticket's `schedule` step. */
export async function addToAgenda(env: Env, actor: Actor, sessionId: string, topicId: string): Promise<Ticket> {
  const session = await openSessionFor(env, actor, sessionId, 'change the agenda (调整议程)');
  const { ticket, topic } = await topicOf(env, actor, topicId, session.compound_org_id);
  const pending = await pendingItem(env.db, topic.ticket_id);
  if (pending) {
    throw fail('WDH_ERR_ALREADY_SCHEDULED', [topicId, pending.session_date], [{ path: '/topicId', message: `on the agenda of session ${pending.session_id}` }]);
  }
  if (topic.state !== 'accepted') throw fail('WDH_ERR_NOT_SCHEDULABLE', [topicId, stateTitle(topic.state)]);
  return env.ctx.tickets.transition(env.trx, actor, ticket.id, { action: 'schedule', version: ticket.version, data: { sessionId: String(session.id) } });
}

/** Takes a topic off this session's agenda, back to await a session. */
export async function removeFromAgenda(env: Env, actor: Actor, sessionId: string, topicId: string): Promise<Ticket> {
  const session = await openSessionFor(env, actor, sessionId, 'change the agenda (调整议程)');
  const { ticket, topic } = await topicOf(env, actor, topicId, session.compound_org_id);
  if ((await pendingItem(env.db, topic.ticket_id))?.session_id !== session.id) throw fail('WDH_ERR_NOT_ON_AGENDA', [topicId, session.session_date]);
  return env.ctx.tickets.transition(env.trx, actor, ticket.id, { action: 'unschedule', version: ticket.version, comment: '移出本期议程' });
}

/**
 * Records the deliberation and the vote on a topic of this session's agenda.
 * The city's pass rule picks the step (`resolve` when it passes, `not-adopt`
 * when not); the plugin's beforeTransition hook checks the agenda, the
 * stakeholder groups and the counts, so nothing is written if any fails.
 */
export async function vote(env: Env, actor: Actor, sessionId: string, input: SessionVoteInput): Promise<Ticket> {
  const session = await openSessionFor(env, actor, sessionId, 'record votes (记录表决)');
  const { ticket, topic } = await topicOf(env, actor, input.topicId, session.compound_org_id);
  // Said here too: a topic off the agenda is not in the state the step starts from, and the core would answer 403.
  if ((await pendingItem(env.db, topic.ticket_id))?.session_id !== session.id) throw fail('WDH_ERR_NOT_ON_AGENDA', [input.topicId, session.session_date], [{ path: '/topicId', message: "not on this session's agenda" }]);
  const present = presentTotal((await participantsOf(env.db, [session.id])).get(session.id));
  const { passed } = tally(input, present, env.settings.passRule);
  const { topicId: _topicId, ...data } = input;
  return env.ctx.tickets.transition(env.trx, actor, ticket.id, { action: passed ? 'resolve' : 'not-adopt', version: ticket.version, data: { ...data, sessionId: String(session.id) } });
}
