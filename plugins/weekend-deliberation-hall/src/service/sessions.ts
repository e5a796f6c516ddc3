import { LinliError, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import { participantsForm, type ParticipantsInput, type RecordInput, type SessionInput } from '../forms/session.js';
import { groups, type Group } from '../groups.js';
import { canConvene, who } from '../permissions.js';
import { pendingOf } from '../store/agenda.js';
import { saveParticipants, sessionOn, type Attendance, type SessionRow } from '../store/sessions.js';
import type { SessionStatus } from '../store/tables.js';
import { instant, isoWeekday, isRealDate, isWeekend, weekdayNames } from '../time.js';
import { hallOfCompound, personOf, sessionInScope, type Env } from './env.js';

export const statusTitle: Record<SessionStatus, string> = { scheduled: '待召开', held: '已召开', closed: '已结束', cancelled: '已取消' };

/**
 * Schedules a session 一期议事活动 of a compound's hall: on a Saturday or
 * Sunday (unless the city allows weekdays), today or later, one per day.
 */
export async function createSession(env: Env, actor: Actor, input: SessionInput): Promise<SessionRow> {
  const hall = await hallOfCompound(env, actor, input.compoundOrgId);
  if (!canConvene(actor, hall.compound.path)) throw fail('WDH_ERR_NOT_ALLOWED', [who.conveners, hall.compound.name, 'schedule sessions (安排议事活动)']);
  const date = input.date;
  if (!isRealDate(date)) throw new LinliError('LINLI_ERR_VALIDATION', ['/date is not a calendar date'], [{ path: '/date', message: 'is not a calendar date' }]);
  if (!env.settings.allowWeekdaySessions && !isWeekend(date)) {
    throw fail('WDH_ERR_NOT_WEEKEND', [date, weekdayNames[isoWeekday(date)], date], [{ path: '/date', message: 'must be a Saturday or Sunday' }]);
  }
  if (date < env.today) throw fail('WDH_ERR_SESSION_IN_PAST', [date, env.today], [{ path: '/date', message: 'is before today' }]);
  const compoundId = Number(hall.compound.id);
  if (await sessionOn(env.db, compoundId, date)) throw fail('WDH_ERR_SESSION_EXISTS', [hall.compound.name, date, hall.compound.name], [{ path: '/date', message: 'already has a session' }]);
  const time = input.time ?? env.settings.sessionTime;
  return env.db
    .insertInto('wdh_sessions')
    .values({
      compound_org_id: compoundId,
      compound_path: hall.compound.path,
      session_date: date,
      start_time: time,
      starts_at: instant(date, time, env.offsetHours),
      place: input.place ?? hall.place,
      theme: input.theme ?? null,
      record: null,
      held_at: null,
      closed_at: null,
      created_by: personOf(actor),
      created_at: env.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The session for a convener's write: in scope (else 404), the actor a convener (else 403), still open (else 409). */
export async function openSessionFor(env: Env, actor: Actor, id: string, doing: string): Promise<SessionRow> {
  const { session, hall } = await sessionInScope(env, actor, id, { forUpdate: true });
  if (!canConvene(actor, hall.compound.path)) throw fail('WDH_ERR_NOT_ALLOWED', [who.conveners, hall.compound.name, doing]);
  assertOpen(session);
  return session;
}

export function assertOpen(session: SessionRow): void {
  if (session.status === 'closed' || session.status === 'cancelled') throw fail('WDH_ERR_SESSION_CLOSED', [session.session_date, statusTitle[session.status]]);
}

/**
 * The sign-in sheet 签到表: how many came per stakeholder group, and who.
 * Recording again replaces it. The session counts as held from then on.
 */
export async function recordParticipants(env: Env, actor: Actor, id: string, input: ParticipantsInput): Promise<SessionRow> {
  const unnamed = groups.filter((g) => (input[g]?.present ?? 0) > 0 && !input[g]?.names?.trim());
  if (unnamed.length) throw new LinliError('LINLI_ERR_FORM_INVALID', [participantsForm.id], unnamed.map((g) => ({ path: `/${g}/names`, message: 'name who came for a group with people present' })));
  if (groups.every((g) => (input[g]?.present ?? 0) === 0)) throw new LinliError('LINLI_ERR_FORM_INVALID', [participantsForm.id], [{ path: '/', message: 'nobody present: cancel the session instead' }]);
  const session = await openSessionFor(env, actor, id, 'record participants (登记签到)');
  if (session.session_date > env.today) throw fail('WDH_ERR_SESSION_NOT_YET', [session.session_date]);
  const sheet = Object.fromEntries(groups.map((g) => [g, { present: input[g]?.present ?? 0, names: input[g]?.names?.trim() || null }])) as Record<Group, Attendance>;
  await saveParticipants(env.db, session.id, sheet, personOf(actor), env.now);
  return env.db.updateTable('wdh_sessions').set({ status: 'held', held_at: session.held_at ?? env.now }).where('id', '=', session.id).returningAll().executeTakeFirstOrThrow();
}

/** The deliberation record 协商记录 of the session, written after it was held. */
export async function recordDeliberation(env: Env, actor: Actor, id: string, input: RecordInput): Promise<SessionRow> {
  const session = await openSessionFor(env, actor, id, 'write the deliberation record (协商记录)');
  if (session.status !== 'held') throw fail('WDH_ERR_SESSION_NOT_HELD', [session.session_date]);
  return env.db.updateTable('wdh_sessions').set({ record: input.record }).where('id', '=', session.id).returningAll().executeTakeFirstOrThrow();
}

/** Ends a held session; topics it did not get to go back to await the next session 顺延. */
export async function closeSession(env: Env, actor: Actor, id: string): Promise<SessionRow> {
  const session = await openSessionFor(env, actor, id, 'close sessions (结束议事活动)');
  if (session.status !== 'held') throw fail('WDH_ERR_SESSION_NOT_HELD', [session.session_date]);
  return finish(env, actor, session, 'closed', '本期未议，顺延至下期');
}

/** Calls off a session that did not take place; its agenda goes back to await another. */
export async function cancelSession(env: Env, actor: Actor, id: string): Promise<SessionRow> {
  const session = await openSessionFor(env, actor, id, 'cancel sessions (取消议事活动)');
  if (session.status !== 'scheduled') throw fail('WDH_ERR_SESSION_CLOSED', [session.session_date, statusTitle[session.status]]);
  return finish(env, actor, session, 'cancelled', '本期议事活动取消，议题待下期');
}

async function finish(env: Env, actor: Actor, session: SessionRow, status: 'closed' | 'cancelled', comment: string): Promise<SessionRow> {
  // Through the ticket step, so each topic's history says why it is back.
  for (const ticketId of await pendingOf(env.db, session.id)) {
    const ticket = await env.ctx.tickets.get(env.trx, actor, String(ticketId));
    await env.ctx.tickets.transition(env.trx, actor, ticket.id, { action: 'unschedule', version: ticket.version, comment });
  }
  return env.db.updateTable('wdh_sessions').set({ status, closed_at: env.now }).where('id', '=', session.id).returningAll().executeTakeFirstOrThrow();
}
