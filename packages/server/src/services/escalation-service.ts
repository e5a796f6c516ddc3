import {
  computeDeadline,
  localDateTime,
  defaultReportLimit,
  LinliError,
  mayBlowWhistle,
  mayReportFor,
  namedOrgKeys,
  resolveTargets,
  unprocessable,
  type Actor,
  type Deployment,
  type PlaceOrg,
  type ReportLimit,
  type Ticket,
} from '@linli/core';
import {
  appendTicketEvent,
  escalationLeads,
  getEscalation,
  getTicket,
  insertEscalations,
  loadNeighbourhood,
  markReported,
  pendingEscalationOrgs,
  placesByIds,
  staffOf,
  type Escalation,
} from '@linli/db';
import type { JobHandler, JobRunner } from '@linli/jobs';
import type { Kysely } from 'kysely';
import { assertCanSeeTicket } from '../access.js';
import type { Notifier } from './notifier.js';

export const REPORT_DUE_JOB = 'escalation.report-due';

/** History actions of escalation steps; none moves the ticket between states. */
export const escalationActions = {
  whistle: 'escalation.whistle',
  raise: 'escalation.raise',
  report: 'escalation.report',
  reportOverdue: 'escalation.report-overdue',
} as const;

export interface EscalationTargetPlan {
  org: PlaceOrg;
  lead: boolean;
  limit: ReportLimit;
}

export interface WhistleInput {
  reason: string;
  /** Departments named by the whistle-blower; default: the configured targets. */
  orgIds?: string[] | undefined;
  /** The lead unit; default: the configured lead target. */
  leadOrgId?: string | undefined;
}

export interface EscalationService {
  whistle(trx: Kysely<any>, actor: Actor, ticketId: string, input: WhistleInput): Promise<{ ticket: Ticket; escalationIds: string[] }>;
  report(trx: Kysely<any>, actor: Actor, ticketId: string, escalationId: string, note: string | undefined): Promise<{ ticket: Ticket; escalation: Escalation }>;
  /** Raises an escalation step on a ticket the caller has locked (used by the overdue ladder). */
  raise(trx: Kysely<any>, o: RaiseInput): Promise<{ seq: number; escalationIds: string[] } | null>;
  /** The people who act for an org (its staff, or its host org's for an unstaffed side-organization). */
  staffOf(trx: Kysely<any>, orgId: string): Promise<number[]>;
  handlers: JobHandler[];
}

export interface RaiseInput {
  ticket: Ticket;
  kind: 'whistle' | 'overdue';
  targets: readonly EscalationTargetPlan[];
  reason: string | null;
  raisedBy: number | null;
  now: Date;
  /** Extra facts for the history event (the ladder step). */
  data?: Record<string, unknown>;
}

const closedState = (t: Ticket) => `state "${t.state}"`;

/**
 * 吹哨报到: a whistle (or an overdue ladder step) calls named orgs onto a
 * ticket — one lead unit and several departments ("1+5+N") — and each must
 * report within its own limit. Every step is an event in the ticket's
 * history, written with the ticket row locked, in one transaction with the
 * escalation rows, the report-due jobs and the notices.
 */
export function createEscalationService(deployment: Deployment, jobs: JobRunner, notifier: Notifier, now: () => Date): EscalationService {
  const config = deployment.config.escalation;
  const keys = namedOrgKeys(deployment.config);
  const fallbackLimit = config?.reportWithin ?? defaultReportLimit;
  const staff = (trx: Kysely<any>, orgId: string) => staffOf(trx, orgId, deployment.roles);
  const reportBy = (deadlines: readonly (Date | null)[]) => {
    const first = deadlines.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
    return first ? localDateTime(first, deployment.calendar.utcOffsetHours) : '—';
  };

  async function raise(trx: Kysely<any>, o: RaiseInput): Promise<{ seq: number; escalationIds: string[] } | null> {
    const ticketId = Number(o.ticket.id);
    const pending = await pendingEscalationOrgs(trx, ticketId);
    const fresh = o.targets.filter((t) => !pending.has(Number(t.org.id)));
    if (fresh.length === 0) return null;
    // The ticket row is locked by the caller, so the next event is version + 1.
    const seq = o.ticket.version + 1;
    const deadlines = fresh.map((t) => computeDeadline(t.limit, o.now, deployment.calendar));
    const ids = await insertEscalations(trx, {
      ticketId,
      eventSeq: seq,
      kind: o.kind,
      reason: o.reason,
      raisedBy: o.raisedBy,
      now: o.now,
      targets: fresh.map((t, i) => ({ orgId: Number(t.org.id), orgPath: t.org.path, lead: t.lead, reportDeadline: deadlines[i] ?? null })),
    });
    const targets = fresh.map((t, i) => ({ escalationId: String(ids[i]), orgId: t.org.id, orgName: t.org.name, lead: t.lead, reportDeadline: deadlines[i]?.toISOString() ?? null }));
    const event = await appendTicketEvent(trx, ticketId, {
      action: o.kind === 'whistle' ? escalationActions.whistle : escalationActions.raise,
      actorId: o.raisedBy,
      data: { ...o.data, kind: o.kind, targets },
      comment: o.reason,
      now: o.now,
    });
    if (event.seq !== seq) throw new Error(`escalation of ticket ${ticketId} raced: expected event ${seq}, wrote ${event.seq}`);
    await jobs.enqueue(
      trx,
      ids.map((id, i) => ({ kind: REPORT_DUE_JOB, key: `report-due:${id}`, payload: { escalationId: String(id), ticketId: o.ticket.id }, runAt: deadlines[i] ?? o.now })).filter((_, i) => deadlines[i]),
    );
    // One query at a time: they share the transaction's connection.
    const people: number[] = [];
    for (const t of fresh) people.push(...(await staff(trx, t.org.id)));
    const names = fresh.map((t) => t.org.name).join('、');
    await notifier.notify(trx, {
      kind: o.kind === 'whistle' ? 'ticket.whistle' : 'ticket.escalated',
      ticket: event.ticket,
      eventSeq: event.seq,
      personIds: people,
      title:
        o.kind === 'whistle'
          ? { 'zh-CN': `吹哨报到：${o.ticket.title}（${names}）`, en: `Whistle — report on: ${o.ticket.title}` }
          : { 'zh-CN': `超期督办：${o.ticket.title}（${names}）`, en: `Escalated as overdue: ${o.ticket.title}` },
      data: { reason: o.reason, targets },
      // The earliest report deadline: what the message asks of every unit called.
      vars: { orgNames: names, reportDeadline: reportBy(deadlines) },
      now: o.now,
    });
    return { seq, escalationIds: ids.map(String) };
  }

  async function whistleTargets(trx: Kysely<any>, ticket: Ticket, input: WhistleInput): Promise<EscalationTargetPlan[]> {
    const w = config!.whistle!;
    const limit = w.reportWithin ?? fallbackLimit;
    const here = await loadNeighbourhood(trx, { orgPath: ticket.orgPath, assigneeOrgId: ticket.assigneeOrgId }, keys);
    const configured = resolveTargets(w.targets, here).map((r) => ({ org: r.org, lead: r.lead, limit: r.target.reportWithin ?? limit }));
    const named = async (ids: string[], path: string) => {
      const orgs = await placesByIds(trx, ids);
      const missing = ids.filter((id) => !orgs.some((o) => o.id === id));
      if (missing.length) throw unprocessable(`There is no organization ${missing.join(', ')}.`, missing.map((id) => ({ path, message: `unknown organization ${id}` })));
      return orgs;
    };
    let lead = configured.filter((t) => t.lead);
    let members = configured.filter((t) => !t.lead);
    if (input.leadOrgId !== undefined) lead = (await named([input.leadOrgId], '/leadOrgId')).map((org) => ({ org, lead: true, limit }));
    if (input.orgIds !== undefined) members = (await named(input.orgIds, '/orgIds')).map((org) => ({ org, lead: false, limit }));
    const all = [...lead, ...members.filter((m) => !lead.some((l) => l.org.id === m.org.id))];
    if (all.length === 0) throw unprocessable('Nobody to call: the configured whistle targets name no org here, and none were given.', [{ path: '/orgIds', message: 'name at least one org' }]);
    return all;
  }

  const reportDue: JobHandler<{ escalationId: string; ticketId: string }> = {
    kind: REPORT_DUE_JOB,
    mode: 'transaction',
    async run({ db: trx, job, now }) {
      const ticket = await getTicket(trx, job.payload.ticketId, { forUpdate: true });
      const esc = await getEscalation(trx, job.payload.escalationId);
      if (!ticket || !esc || ticket.closedAt || esc.reportedAt) return;
      const event = await appendTicketEvent(trx, Number(ticket.id), {
        action: escalationActions.reportOverdue,
        actorId: null,
        data: { escalationId: esc.id, orgId: esc.orgId, orgName: esc.orgName, lead: esc.lead, reportDeadline: esc.reportDeadline?.toISOString() ?? null },
        comment: null,
        now,
      });
      // The late unit, whoever called it, and the lead unit of the team hear about it.
      const lead = await escalationLeads(trx, ticket.id, esc.eventSeq);
      const people = [...(await staff(trx, esc.orgId)), ...(esc.raisedBy ? [Number(esc.raisedBy)] : [])];
      for (const id of lead) people.push(...(await staff(trx, id)));
      await notifier.notify(trx, {
        kind: 'escalation.report_overdue',
        ticket: event.ticket,
        eventSeq: event.seq,
        personIds: people,
        title: { 'zh-CN': `报到超时：${esc.orgName} — ${ticket.title}`, en: `Report overdue: ${esc.orgName} — ${ticket.title}` },
        data: { escalationId: esc.id, orgId: esc.orgId, orgName: esc.orgName },
        vars: { orgName: esc.orgName },
        now,
      });
    },
  };

  return {
    raise,
    staffOf: staff,
    handlers: [reportDue],

    async whistle(trx, actor, ticketId, input) {
      const ticket = assertCanSeeTicket(actor, await getTicket(trx, ticketId, { forUpdate: true }), ticketId);
      if (!config?.whistle) throw new LinliError('LINLI_ERR_FORBIDDEN', ['this city has not enabled whistle escalation (escalation.whistle in the city config)']);
      if (!mayBlowWhistle(config, actor, ticket)) {
        throw new LinliError('LINLI_ERR_FORBIDDEN', [`blowing the whistle needs one of the roles ${config.whistle.roles.join(', ')} at the ticket's organization or above it`]);
      }
      if (ticket.closedAt) throw new LinliError('LINLI_ERR_TICKET_CLOSED', [ticket.id, closedState(ticket)]);
      const targets = await whistleTargets(trx, ticket, input);
      const at = now();
      const raised = await raise(trx, { ticket, kind: 'whistle', targets, reason: input.reason.trim(), raisedBy: Number(actor.personId), now: at });
      if (!raised) throw new LinliError('LINLI_ERR_CONFLICT', ['every org named is already called on this ticket and has not reported yet']);
      return { ticket: (await getTicket(trx, ticket.id))!, escalationIds: raised.escalationIds };
    },

    async report(trx, actor, ticketId, escalationId, note) {
      const ticket = assertCanSeeTicket(actor, await getTicket(trx, ticketId, { forUpdate: true }), ticketId);
      const esc = await getEscalation(trx, escalationId, { forUpdate: true });
      if (!esc || esc.ticketId !== ticket.id) throw new LinliError('LINLI_ERR_NOT_FOUND', [`Escalation ${escalationId} of ticket ${ticketId}`]);
      if (!mayReportFor(actor, esc.orgPath)) throw new LinliError('LINLI_ERR_FORBIDDEN', [`only staff of ${esc.orgName} (or above it) can report for it`]);
      if (ticket.closedAt) throw new LinliError('LINLI_ERR_TICKET_CLOSED', [ticket.id, closedState(ticket)]);
      const at = now();
      const text = note?.trim() ? note.trim() : null;
      if (!(await markReported(trx, esc.id, Number(actor.personId), text, at))) {
        throw new LinliError('LINLI_ERR_CONFLICT', [`${esc.orgName} has already reported on this ticket`]);
      }
      const event = await appendTicketEvent(trx, Number(ticket.id), {
        action: escalationActions.report,
        actorId: Number(actor.personId),
        data: { escalationId: esc.id, orgId: esc.orgId, orgName: esc.orgName, lead: esc.lead, late: esc.reportDeadline !== null && esc.reportDeadline.getTime() < at.getTime() },
        comment: text,
        now: at,
      });
      const people = esc.raisedBy ? [Number(esc.raisedBy)] : await staff(trx, ticket.assigneeOrgId ?? ticket.orgId);
      await notifier.notify(trx, {
        kind: 'escalation.reported',
        ticket: event.ticket,
        eventSeq: event.seq,
        personIds: people,
        title: { 'zh-CN': `${esc.orgName}已报到：${ticket.title}`, en: `${esc.orgName} reported on: ${ticket.title}` },
        data: { escalationId: esc.id, orgId: esc.orgId, orgName: esc.orgName, note: text },
        vars: { orgName: esc.orgName },
        now: at,
      });
      return { ticket: event.ticket, escalation: (await getEscalation(trx, esc.id))! };
    },
  };
}
