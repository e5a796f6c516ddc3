import { sql } from '@linli/sdk';
import { groups, groupTitle } from '../groups.js';
import type { AgendaRow } from '../store/agenda.js';
import type { Hall } from '../store/halls.js';
import { participantsOf, presentTotal, type SessionRow } from '../store/sessions.js';
import type { AgendaStatus } from '../store/tables.js';
import type { TopicRow } from '../store/topics.js';
import { dateTitle, isoWeekday, weekdayNames } from '../time.js';
import { stateTitle } from './agenda.js';
import type { Env } from './env.js';
import { statusTitle } from './sessions.js';

/** What the API shows of a session: flat, for a table row. No names: those stay in the detail for staff. */
export interface SessionView {
  id: string;
  compoundOrgId: string;
  compoundName: string;
  /** Named by its date, which is unique per compound: a number by position would shift when an earlier session is added. */
  title: string;
  date: string;
  weekday: string;
  time: string;
  place: string;
  theme: string | null;
  status: string;
  statusTitle: string;
  present: number;
  /** "党员3、社居委1、业主代表6、物业公司1" */
  attendance: string;
  /** Required groups with nobody present, once the sheet is recorded. */
  missingGroups: string;
  agendaItems: number;
  decided: number;
  hasRecord: boolean;
  heldAt: string | null;
  closedAt: string | null;
}

export async function sessionViews(env: Env, rows: readonly SessionRow[]): Promise<SessionView[]> {
  const ids = rows.map((s) => s.id);
  // One after another: inside a transaction there is one connection.
  const sheets = await participantsOf(env.db, ids);
  const counts = ids.length
    ? await env.db
        .selectFrom('wdh_agenda')
        .select(['session_id', sql<number>`count(*) filter (where status <> 'removed')::int`.as('items'), sql<number>`count(*) filter (where status in ('passed', 'not_passed'))::int`.as('decided')])
        .where('session_id', 'in', ids)
        .groupBy('session_id')
        .execute()
    : [];
  const countOf = new Map(counts.map((c) => [c.session_id, c]));
  const hallOf = new Map(env.halls.map((h) => [h.compound.id, h]));
  return rows.map((s) => {
    const hall = hallOf.get(String(s.compound_org_id));
    const name = hall?.compound.name ?? '';
    const sheet = sheets.get(s.id);
    return {
      id: String(s.id),
      compoundOrgId: String(s.compound_org_id),
      compoundName: name,
      title: `${name}周末议事厅${dateTitle(s.session_date)}`,
      date: s.session_date,
      weekday: weekdayNames[isoWeekday(s.session_date)]!,
      time: s.start_time,
      place: s.place,
      theme: s.theme,
      status: s.status,
      statusTitle: statusTitle[s.status],
      present: presentTotal(sheet),
      attendance: sheet ? groups.map((g) => `${groupTitle[g]['zh-CN']}${sheet.get(g)?.present ?? 0}`).join('、') : '',
      missingGroups: sheet ? env.settings.requiredGroups.filter((g) => (sheet.get(g)?.present ?? 0) === 0).map((g) => groupTitle[g]['zh-CN']).join('、') : '',
      agendaItems: countOf.get(s.id)?.items ?? 0,
      decided: countOf.get(s.id)?.decided ?? 0,
      hasRecord: s.record !== null,
      heldAt: s.held_at?.toISOString() ?? null,
      closedAt: s.closed_at?.toISOString() ?? null,
    };
  });
}

export const agendaStatusTitle: Record<AgendaStatus, string> = { pending: '待议', passed: '表决通过', not_passed: '未通过', removed: '移出议程' };

export interface AgendaItemView {
  id: string;
  sessionId: string;
  ticketId: string;
  title: string;
  category: string;
  state: string;
  stateTitle: string;
  status: string;
  statusTitle: string;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  passed: boolean | null;
  explanation: string | null;
  deliberation: string | null;
  resolution: string | null;
  implementer: string | null;
  deadline: string | null;
  result: string | null;
}

export function agendaViews(rows: readonly AgendaRow[]): AgendaItemView[] {
  return rows.map((r) => ({
    id: String(r.id),
    sessionId: String(r.session_id),
    ticketId: String(r.ticket_id),
    title: r.title,
    category: r.category,
    state: r.state,
    stateTitle: stateTitle(r.state),
    status: r.status,
    statusTitle: agendaStatusTitle[r.status],
    votesFor: r.vote?.votes_for ?? null,
    votesAgainst: r.vote?.votes_against ?? null,
    abstentions: r.vote?.abstentions ?? null,
    passed: r.vote?.passed ?? null,
    explanation: r.vote?.explanation ?? null,
    deliberation: r.vote?.deliberation ?? null,
    resolution: r.vote?.resolution ?? null,
    implementer: r.vote?.implementer ?? null,
    deadline: r.vote?.deadline?.toISOString() ?? null,
    result: r.result,
  }));
}

export interface TopicView {
  ticketId: string;
  compoundName: string;
  title: string;
  category: string;
  state: string;
  stateTitle: string;
  raisedAt: string;
  screenedAt: string | null;
  resolvedAt: string | null;
  result: string | null;
}

export function topicViews(halls: readonly Hall[], rows: readonly TopicRow[]): TopicView[] {
  const hallOf = new Map(halls.map((h) => [h.compound.id, h]));
  return rows.map((t) => ({
    ticketId: String(t.ticket_id),
    compoundName: hallOf.get(String(t.compound_org_id))?.compound.name ?? '',
    title: t.title,
    category: t.category,
    state: t.state,
    stateTitle: stateTitle(t.state),
    raisedAt: t.raised_at.toISOString(),
    screenedAt: t.screened_at?.toISOString() ?? null,
    resolvedAt: t.resolved_at?.toISOString() ?? null,
    result: t.result,
  }));
}
