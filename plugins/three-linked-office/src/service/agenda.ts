import type { Actor, Ticket } from '@linli/sdk';
import { fail } from '../errors.js';
import type { MeetingDecisionInput } from '../forms/office.js';
import { canConvene, canDecide, who } from '../permissions.js';
import { addItem, pendingItem, settleItem } from '../store/agenda.js';
import { getProblem, type ProblemRow } from '../store/problems.js';
import { PROBLEM_WORKFLOW, problemWorkflow } from '../workflows/problem.js';
import { meetingInScope, notFound, type Env } from './env.js';
import { assertOpen } from './meetings.js';

export const stateTitle = (state: string): string => problemWorkflow.states.find((s) => s.id === state)?.title['zh-CN'] ?? state;

/** The problem ticket if the actor may see it and it belongs to the meeting's office; otherwise 404. */
async function problemOf(env: Env, actor: Actor, problemId: string, officeId: number): Promise<{ ticket: Ticket; problem: ProblemRow }> {
  const ticket = await env.ctx.tickets.get(env.trx, actor, problemId);
  const problem = ticket.workflow === PROBLEM_WORKFLOW ? await getProblem(env.db, Number(ticket.id)) : undefined;
  if (!problem || problem.office_id !== officeId) throw notFound(`Problem ${problemId} of this office`);
  return { ticket, problem };
}

/** Puts a problem awaiting the meeting on this meeting's agenda; it may wait on one agenda only. */
export async function addToAgenda(env: Env, actor: Actor, meetingId: string, problemId: string): Promise<void> {
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'change the agenda (调整议程)']);
  assertOpen(meeting);
  const { problem } = await problemOf(env, actor, problemId, meeting.office_id);
  if (problem.state !== 'raised') throw fail('TLO_ERR_NOT_DISCUSSABLE', [problemId, stateTitle(problem.state)]);
  const pending = await pendingItem(env.db, problem.ticket_id);
  if (pending) throw fail('TLO_ERR_ALREADY_ON_AGENDA', [problemId, pending.meeting_date], [{ path: '/problemId', message: `on the agenda of meeting ${pending.meeting_id}` }]);
  await addItem(env.db, meeting.id, problem.ticket_id, env.now);
}

/** Takes an undecided problem off this meeting's agenda, so it can go on another. */
export async function removeFromAgenda(env: Env, actor: Actor, meetingId: string, problemId: string): Promise<void> {
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'change the agenda (调整议程)']);
  assertOpen(meeting);
  const { problem } = await problemOf(env, actor, problemId, meeting.office_id);
  if (!(await settleItem(env.db, problem.ticket_id, 'removed', env.now, { meetingId: meeting.id }))) throw fail('TLO_ERR_NOT_ON_AGENDA', [problemId]);
}

/**
 * Records the meeting's decision on a problem of its agenda: the responsible
 * party (its org comes from the office) and a deadline. The ticket step does
 * the rest, and the plugin's beforeTransition hook refuses it unless all
 * three parties are present, so nothing is written without a quorum.
 */
export async function decide(env: Env, actor: Actor, meetingId: string, problemId: string, input: MeetingDecisionInput): Promise<Ticket> {
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canDecide(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.deciders, office.compound.name, 'record decisions (记录会商决定)']);
  assertOpen(meeting);
  const { ticket, problem } = await problemOf(env, actor, problemId, meeting.office_id);
  const pending = await pendingItem(env.db, problem.ticket_id);
  if (pending?.meeting_id !== meeting.id) throw fail('TLO_ERR_NOT_ON_AGENDA', [problemId]);
  if (!(new Date(input.deadline).getTime() > env.now.getTime())) {
    throw fail('TLO_ERR_DEADLINE_PAST', [input.deadline], [{ path: '/deadline', message: 'must be in the future' }]);
  }
  return env.ctx.tickets.transition(env.trx, actor, ticket.id, {
    action: 'decide',
    version: ticket.version,
    data: {
      meetingId: String(meeting.id),
      decision: input.decision,
      responsibleParty: input.responsibleParty,
      responsibleOrgId: office.parties[input.responsibleParty].id,
      deadline: input.deadline,
    },
  });
}
