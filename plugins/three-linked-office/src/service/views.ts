import { sql } from '@linli/sdk';
import { isParty, partyTitle, parties, type Party } from '../parties.js';
import type { AgendaRow } from '../store/agenda.js';
import { absentParties, attendanceOf, type MeetingRow } from '../store/meetings.js';
import { representativeNames, type Office } from '../store/offices.js';
import type { AgendaOutcome } from '../store/tables.js';
import { dateTitle, weekdayNames } from '../time.js';
import { stateTitle } from './agenda.js';
import type { Env } from './env.js';
import { statusTitle } from './meetings.js';

/** What the API shows of a meeting: flat, for a table row. */
export interface MeetingView {
  id: string;
  officeId: string;
  compoundOrgId: string;
  compoundName: string;
  /** Named by its date, unique per office: a number by position would shift when an earlier meeting is scheduled. */
  title: string;
  date: string;
  time: string;
  scheduledAt: string;
  place: string | null;
  note: string | null;
  status: string;
  statusTitle: string;
  /** All three parties recorded present. */
  quorum: boolean;
  absent: string;
  agendaItems: number;
  decided: number;
  heldAt: string | null;
  closedAt: string | null;
}

export const outcomeTitle: Record<AgendaOutcome, string> = { pending: '待议', decided: '已决定', carried_over: '顺延', removed: '移出议程', withdrawn: '不予受理' };

export async function meetingViews(env: Env, offices: readonly Office[], rows: readonly MeetingRow[]): Promise<MeetingView[]> {
  const ids = rows.map((m) => m.id);
  // One after another: inside a transaction there is one connection.
  const attendance = await attendanceOf(env.db, ids);
  const counts = ids.length
    ? await env.db
        .selectFrom('tlo_agenda_items')
        .select(['meeting_id', sql<number>`count(*)::int`.as('items'), sql<number>`count(*) filter (where outcome = 'decided')::int`.as('decided')])
        .where('meeting_id', 'in', ids)
        .groupBy('meeting_id')
        .execute()
    : [];
  const byId = new Map(offices.map((o) => [o.id, o]));
  const countOf = new Map(counts.map((c) => [c.meeting_id, c]));
  return rows.map((m) => {
    const office = byId.get(String(m.office_id))!;
    const absent = absentParties(attendance.get(m.id));
    return {
      id: String(m.id),
      officeId: office.id,
      compoundOrgId: office.compound.id,
      compoundName: office.compound.name,
      title: `${office.compound.name}三联办${dateTitle(m.meeting_date)}会商`,
      date: m.meeting_date,
      time: m.meeting_time,
      scheduledAt: m.scheduled_at.toISOString(),
      place: m.place,
      note: m.note,
      status: m.status,
      statusTitle: statusTitle[m.status],
      quorum: absent.length === 0,
      // Before anyone is recorded, nobody is "absent" yet.
      absent: attendance.has(m.id) ? absent.map((p) => partyTitle[p]['zh-CN']).join('、') : '',
      agendaItems: countOf.get(m.id)?.items ?? 0,
      decided: countOf.get(m.id)?.decided ?? 0,
      heldAt: m.held_at?.toISOString() ?? null,
      closedAt: m.closed_at?.toISOString() ?? null,
    };
  });
}

export interface AgendaItemView {
  id: string;
  position: number;
  meetingId: string;
  meetingDate: string;
  ticketId: string;
  compoundName: string;
  title: string;
  category: string;
  urgency: string;
  difficulty: string;
  state: string;
  stateTitle: string;
  outcome: string;
  outcomeTitle: string;
  decision: string | null;
  responsibleParty: string | null;
  responsiblePartyTitle: string | null;
  deadline: string | null;
  raisedAt: string;
}

export function agendaViews(offices: readonly Office[], rows: readonly AgendaRow[]): AgendaItemView[] {
  const byId = new Map(offices.map((o) => [o.id, o]));
  const positions = new Map<number, number>();
  return rows.map((r) => {
    const position = (positions.get(r.meeting_id) ?? 0) + 1;
    positions.set(r.meeting_id, position);
    return {
      id: String(r.id),
      position,
      meetingId: String(r.meeting_id),
      meetingDate: r.meeting_date,
      ticketId: String(r.ticket_id),
      compoundName: byId.get(String(r.office_id))?.compound.name ?? '',
      title: r.title,
      category: r.category,
      urgency: r.urgency,
      difficulty: r.difficulty,
      state: r.state,
      stateTitle: stateTitle(r.state),
      outcome: r.outcome,
      outcomeTitle: outcomeTitle[r.outcome],
      decision: r.decision,
      responsibleParty: r.responsible_party,
      responsiblePartyTitle: isParty(r.responsible_party) ? partyTitle[r.responsible_party]['zh-CN'] : null,
      deadline: r.deadline?.toISOString() ?? null,
      raisedAt: r.raised_at.toISOString(),
    };
  });
}

export interface OfficeView {
  id: string;
  compoundOrgId: string;
  compoundName: string;
  residentsCommittee: string;
  propertyCompany: string;
  ownersCommittee: string;
  partyCommittee: string | null;
  representatives: string;
  meetingDay: string;
  place: string | null;
  openProblems: number;
  lastMeeting: string | null;
  nextMeeting: string | null;
}

export async function officeViews(env: Env, offices: readonly Office[]): Promise<OfficeView[]> {
  const ids = offices.map((o) => Number(o.id));
  const names = await representativeNames(env.db, offices);
  const open = ids.length
    ? await env.db
        .selectFrom('tlo_problems')
        .select(['office_id', sql<number>`count(*)::int`.as('n')])
        .where('office_id', 'in', ids)
        .where('state', 'in', ['raised', 'decided', 'implemented'])
        .groupBy('office_id')
        .execute()
    : [];
  const meetings = ids.length
    ? await env.db
        .selectFrom('tlo_meetings')
        .select([
          'office_id',
          sql<string | null>`max(meeting_date) filter (where status in ('held', 'closed'))::text`.as('last'),
          sql<string | null>`min(meeting_date) filter (where status = 'scheduled' and meeting_date >= ${env.today})::text`.as('next'),
        ])
        .where('office_id', 'in', ids)
        .groupBy('office_id')
        .execute()
    : [];
  const openOf = new Map(open.map((r) => [String(r.office_id), r.n]));
  const meetingsOf = new Map(meetings.map((r) => [String(r.office_id), r]));
  return offices.map((o) => {
    const reps = names.get(o.id);
    return {
      id: o.id,
      compoundOrgId: o.compound.id,
      compoundName: o.compound.name,
      residentsCommittee: o.parties.residentsCommittee.name,
      propertyCompany: o.parties.propertyCompany.name,
      ownersCommittee: o.parties.ownersCommittee.name,
      partyCommittee: o.partyCommittee?.name ?? null,
      representatives: parties.map((p: Party) => `${partyTitle[p]['zh-CN']}：${reps?.[p].join('、') || '—'}`).join('；'),
      meetingDay: `${weekdayNames[o.meetingWeekday]} ${o.meetingTime}`,
      place: o.place,
      openProblems: openOf.get(o.id) ?? 0,
      lastMeeting: meetingsOf.get(o.id)?.last ?? null,
      nextMeeting: meetingsOf.get(o.id)?.next ?? null,
    };
  });
}

