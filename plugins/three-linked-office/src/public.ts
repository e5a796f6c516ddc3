import { sql, type PublicDataSource, type PublicPage } from '@linli/sdk';
import { isParty, partyTitle } from './parties.js';
import { problemWorkflow } from './workflows/problem.js';

const stateTitle = (state: string): string => problemWorkflow.states.find((s) => s.id === state)?.title['zh-CN'] ?? state;

/**
 * The office's part of the public notice board 公示栏: what the weekly
 * three-party meeting decided about each problem, which party carries it out,
 * by when, and where it stands. Parties are named by role (物业, 业委会),
 * attendees never.
 */
export const publicData: PublicDataSource[] = [
  {
    id: 'decisions',
    title: { 'zh-CN': '三联办会商决定', en: 'Three-linked office decisions' },
    item: {
      type: 'object',
      properties: {
        problem: { type: 'string' },
        compound: { type: 'string' },
        meetingDate: { type: 'string', format: 'date' },
        decision: { type: 'string' },
        responsibleParty: { type: 'string' },
        deadline: { type: 'string', format: 'date' },
        progress: { type: 'string' },
      },
      required: ['problem', 'compound', 'meetingDate', 'decision', 'progress'],
      additionalProperties: false,
    },
    async load({ db, place, deployment }, limit) {
      const offset = sql.lit(`${deployment.calendar.utcOffsetHours} hours`);
      const rows = await db
        .selectFrom('tlo_agenda_items as a')
        .innerJoin('tlo_meetings as m', 'm.id', 'a.meeting_id')
        .innerJoin('tlo_problems as p', 'p.ticket_id', 'a.ticket_id')
        .innerJoin('tlo_offices as f', 'f.id', 'm.office_id')
        .innerJoin('linli_orgs as o', 'o.id', 'f.compound_org_id')
        .select([
          'p.title as problem',
          'o.name as compound',
          sql<string>`to_char(m.meeting_date, 'YYYY-MM-DD')`.as('meetingDate'),
          'a.decision',
          'a.responsible_party',
          sql<string | null>`to_char(a.deadline + interval ${offset}, 'YYYY-MM-DD')`.as('deadline'),
          'p.state',
        ])
        .where('a.outcome', '=', 'decided')
        .where('o.path', 'like', `${place.path}%`)
        .orderBy('m.meeting_date', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        problem: r.problem,
        compound: r.compound,
        meetingDate: r.meetingDate,
        decision: r.decision ?? '',
        ...(isParty(r.responsible_party) ? { responsibleParty: partyTitle[r.responsible_party]['zh-CN'] } : {}),
        ...(r.deadline ? { deadline: r.deadline } : {}),
        progress: stateTitle(r.state),
      }));
    },
  },
];

export const publicPages: PublicPage[] = [
  {
    id: 'decisions',
    title: { 'zh-CN': '三联办 · 会商决定', en: 'Three-linked office · decisions' },
    source: 'decisions',
    heading: 'problem',
    order: 20,
    fields: [
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'meetingDate', title: { 'zh-CN': '会商日期', en: 'Meeting' }, format: 'date' },
      { field: 'decision', title: { 'zh-CN': '决定', en: 'Decision' } },
      { field: 'responsibleParty', title: { 'zh-CN': '责任方', en: 'Responsible party' } },
      { field: 'deadline', title: { 'zh-CN': '完成时限', en: 'Deadline' }, format: 'date' },
      { field: 'progress', title: { 'zh-CN': '进展', en: 'Progress' }, format: 'badge' },
    ],
    empty: { 'zh-CN': '暂无会商决定', en: 'No decisions yet' },
  },
];
