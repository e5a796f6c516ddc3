import type { AfterTransitionHookEvent, CreateHookEvent, PluginHooks, TransitionHookEvent, TransitionVerdict } from '@linli/sdk';
import { fail } from './errors.js';
import { isParty, partyLabel, partyTitle } from './parties.js';
import { canRaise } from './permissions.js';
import { envOf } from './service/env.js';
import { nextMeeting, statusTitle } from './service/meetings.js';
import { addItem, pendingItem, settleItem } from './store/agenda.js';
import { absentParties, attendanceOf, getMeeting } from './store/meetings.js';
import { loadOffices, officeAt } from './store/offices.js';
import { insertProblem, updateProblem } from './store/problems.js';
import { PROBLEM_WORKFLOW } from './workflows/problem.js';

interface DecisionData {
  meetingId: string;
  decision: string;
  responsibleParty: string;
  responsibleOrgId: string;
  deadline: string;
}

/**
 * A new problem needs an office at its compound, and a reporter who belongs
 * there; it goes on the office's next open meeting if one is scheduled
 * (otherwise the next meeting scheduled picks it up).
 */
async function afterCreate({ ticket, actor, trx, ctx }: CreateHookEvent): Promise<void> {
  const env = envOf(ctx, trx);
  const office = officeAt(await loadOffices(env.db), ticket.orgPath);
  if (!office) {
    const org = await env.db.selectFrom('linli_orgs').select('name').where('id', '=', Number(ticket.orgId)).executeTakeFirst();
    throw fail('TLO_ERR_NO_OFFICE', [org?.name ?? `Org ${ticket.orgId}`], [{ path: '/orgId', message: 'no three-linked office serves this org' }]);
  }
  if (!canRaise(actor, office, ticket.orgPath)) throw fail('TLO_ERR_NOT_OFFICE_MEMBER', [office.compound.name]);
  await insertProblem(env.db, ticket, Number(office.id));
  const next = await nextMeeting(env, Number(office.id));
  if (next) await addItem(env.db, next.id, Number(ticket.id), env.now);
}

/**
 * The meeting's rules, whichever route the step comes through: a decision
 * is taken at an open meeting of the problem's office, on whose agenda the
 * problem waits, with all three parties present, and assigns the problem to
 * the chosen party's own org.
 */
async function beforeTransition({ ticket, change, trx, ctx }: TransitionHookEvent): Promise<TransitionVerdict> {
  // A progress report stays in the same state: keep the deadline the meeting set.
  if (change.action === 'progress') return { patch: { deadline: ticket.deadline } };
  if (change.action !== 'decide') return;
  const env = envOf(ctx, trx);
  const data = change.eventData as unknown as DecisionData;
  const office = officeAt(await loadOffices(env.db), ticket.orgPath);
  const meeting = await getMeeting(env.db, data.meetingId);
  if (!office || !meeting || String(meeting.office_id) !== office.id) throw fail('TLO_ERR_NOT_ON_AGENDA', [ticket.id], [{ path: '/data/meetingId', message: "not a meeting of this problem's office" }]);
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw fail('TLO_ERR_MEETING_CLOSED', [meeting.meeting_date, statusTitle[meeting.status]]);
  if ((await pendingItem(env.db, Number(ticket.id)))?.meeting_id !== meeting.id) throw fail('TLO_ERR_NOT_ON_AGENDA', [ticket.id]);
  const absent = absentParties((await attendanceOf(env.db, [meeting.id])).get(meeting.id));
  if (absent.length) {
    throw fail(
      'TLO_ERR_NO_QUORUM',
      [{ 'zh-CN': absent.map((p) => partyTitle[p]['zh-CN']).join('、'), en: absent.map(partyLabel).join(', ') }, meeting.meeting_date],
      absent.map((p) => ({ path: `/attendance/${p}`, message: `${partyTitle[p]['zh-CN']}未出席 (${partyTitle[p].en} absent)`, localized: { 'zh-CN': `${partyTitle[p]['zh-CN']}未出席`, en: `${partyTitle[p]['zh-CN']}未出席 (${partyTitle[p].en} absent)` } })),
    );
  }
  if (!isParty(data.responsibleParty)) return; // the form's schema has refused it already
  const expected = office.parties[data.responsibleParty];
  if (data.responsibleOrgId !== expected.id) {
    throw fail('TLO_ERR_WRONG_PARTY_ORG', [partyLabel(data.responsibleParty), expected.id, data.responsibleOrgId], [{ path: '/data/responsibleOrgId', message: `must be ${expected.id} (${expected.name})` }]);
  }
}

/** Keeps the read model and the agenda in step with the ticket, in the same transaction. */
async function afterTransition({ ticket, change, updated, trx, ctx }: AfterTransitionHookEvent): Promise<void> {
  const env = envOf(ctx, trx);
  const id = Number(ticket.id);
  switch (change.action) {
    case 'decide': {
      const data = change.eventData as unknown as DecisionData;
      await updateProblem(env.db, updated, { responsible_party: data.responsibleParty, decided_at: env.now });
      await settleItem(env.db, id, 'decided', env.now, { meetingId: Number(data.meetingId), decision: data.decision, responsibleParty: data.responsibleParty, deadline: updated.deadline });
      return;
    }
    case 'verify':
      return updateProblem(env.db, updated, { solved_at: updated.closedAt ?? env.now });
    case 'reject':
      await updateProblem(env.db, updated);
      await settleItem(env.db, id, 'withdrawn', env.now);
      return;
    case 'reconsider': {
      // Back to the meeting: onto the next open agenda, or the next one scheduled.
      await updateProblem(env.db, updated, { responsible_party: null, decided_at: null });
      const problem = await env.db.selectFrom('tlo_problems').select('office_id').where('ticket_id', '=', id).executeTakeFirstOrThrow();
      const next = await nextMeeting(env, problem.office_id);
      if (next) await addItem(env.db, next.id, id, env.now);
      return;
    }
    default:
      return updateProblem(env.db, updated);
  }
}

export const hooks: PluginHooks = { [PROBLEM_WORKFLOW]: { afterCreate, beforeTransition, afterTransition } };
