import type { WebExtension } from '@linli/sdk';

/** Who runs the hall: the community convenes (with the compound's branch secretary); grid staff and residents raise topics. */
const conveners = ['community_staff', 'community_secretary', 'branch_secretary', 'admin'];
const staff = [...conveners, 'grid_leader', 'grid_worker', 'party_grid_worker', 'street_secretary', 'command_officer', 'residents_committee_member'];

/**
 * The plugin's pages and dashboard widgets in the staff web app, as data.
 * How a weekend runs on screen: 待审核议题 (row → the ticket: 受理/不予受理)
 * → 安排议事活动 → 议事活动 (row → the session's agenda and votes) → 议事结果公示.
 * The agenda, sign-in and vote are posted to the session routes by the
 * session page's forms; topic steps after the vote (监督落实, 落实完成,
 * 结果公示) are taken on the ticket page.
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'topics',
      kind: 'table',
      title: { 'zh-CN': '议题', en: 'Topics' },
      roles: staff,
      source: '/topics',
      columns: [
        { field: 'raisedAt', title: { 'zh-CN': '提出时间', en: 'Raised' }, format: 'datetime' },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'title', title: { 'zh-CN': '议题', en: 'Topic' } },
        { field: 'category', title: { 'zh-CN': '类别', en: 'Category' } },
        { field: 'stateTitle', title: { 'zh-CN': '状态', en: 'State' }, format: 'badge' },
        { field: 'result', title: { 'zh-CN': '落实结果', en: 'Result' } },
      ],
      rowLink: 'ticket:{ticketId}',
    },
    {
      id: 'screening',
      kind: 'table',
      title: { 'zh-CN': '待审核议题', en: 'Topics to screen' },
      roles: conveners,
      source: '/topics?state=proposed',
      columns: [
        { field: 'raisedAt', title: { 'zh-CN': '提出时间', en: 'Raised' }, format: 'datetime' },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'title', title: { 'zh-CN': '议题', en: 'Topic' } },
        { field: 'category', title: { 'zh-CN': '类别', en: 'Category' } },
      ],
      rowLink: 'ticket:{ticketId}',
    },
    { id: 'schedule', kind: 'form', roles: conveners, title: { 'zh-CN': '安排议事活动', en: 'Schedule a session' }, form: 'weekend-deliberation-hall.session', submit: '/sessions', next: 'page:sessions' },
    {
      id: 'sessions',
      kind: 'table',
      title: { 'zh-CN': '议事活动', en: 'Sessions' },
      roles: staff,
      source: '/sessions',
      columns: [
        { field: 'date', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
        { field: 'weekday', title: { 'zh-CN': '星期', en: 'Day' } },
        { field: 'title', title: { 'zh-CN': '议事活动', en: 'Session' } },
        { field: 'place', title: { 'zh-CN': '地点', en: 'Place' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'attendance', title: { 'zh-CN': '到会', en: 'Present' } },
        { field: 'missingGroups', title: { 'zh-CN': '缺席方', en: 'Groups missing' } },
        { field: 'agendaItems', title: { 'zh-CN': '议题', en: 'Topics' }, format: 'number' },
        { field: 'decided', title: { 'zh-CN': '已表决', en: 'Voted' }, format: 'number' },
      ],
      rowLink: 'page:session-agenda?id={id}',
      rowActions: [
        { title: { 'zh-CN': '登记签到', en: 'Sign-in' }, to: 'page:participants?id={id}', roles: conveners, when: { status: ['scheduled', 'held'] } },
        { title: { 'zh-CN': '议程与表决', en: 'Agenda and votes' }, to: 'page:session-agenda?id={id}' },
      ],
    },
    {
      id: 'session-agenda',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '本期议程与表决', en: 'Agenda and votes' },
      source: '/sessions/{id}/agenda',
      // The session's own steps, in the order they happen; each opens its form for this session.
      actions: [
        { title: { 'zh-CN': '登记签到', en: 'Record sign-in' }, to: 'page:participants?id={id}', roles: conveners },
        { title: { 'zh-CN': '协商表决', en: 'Vote' }, to: 'page:vote?id={id}', roles: conveners },
        { title: { 'zh-CN': '协商记录', en: 'Deliberation record' }, to: 'page:record?id={id}', roles: conveners },
        { title: { 'zh-CN': '议事结果公示', en: 'Public notice' }, to: 'page:notice?id={id}' },
      ],
      columns: [
        { field: 'title', title: { 'zh-CN': '议题', en: 'Topic' } },
        { field: 'statusTitle', title: { 'zh-CN': '表决', en: 'Vote' }, format: 'badge' },
        { field: 'votesFor', title: { 'zh-CN': '赞成', en: 'For' }, format: 'number' },
        { field: 'votesAgainst', title: { 'zh-CN': '反对', en: 'Against' }, format: 'number' },
        { field: 'abstentions', title: { 'zh-CN': '弃权', en: 'Abstain' }, format: 'number' },
        { field: 'resolution', title: { 'zh-CN': '议定方案', en: 'Resolution' } },
        { field: 'stateTitle', title: { 'zh-CN': '进展', en: 'Progress' }, format: 'badge' },
      ],
      rowLink: 'ticket:{ticketId}',
    },
    { id: 'participants', kind: 'form', hidden: true, title: { 'zh-CN': '登记签到', en: 'Record participants' }, form: 'weekend-deliberation-hall.session.participants', submit: '/sessions/{id}/participants', next: 'page:session-agenda?id={id}' },
    { id: 'vote', kind: 'form', hidden: true, title: { 'zh-CN': '协商表决', en: 'Deliberation and vote' }, form: 'weekend-deliberation-hall.session.vote', submit: '/sessions/{id}/votes', next: 'page:session-agenda?id={id}' },
    { id: 'record', kind: 'form', hidden: true, title: { 'zh-CN': '协商记录', en: 'Deliberation record' }, form: 'weekend-deliberation-hall.session.record', submit: '/sessions/{id}/record', next: 'page:notice?id={id}' },
    { id: 'notice', kind: 'html', hidden: true, title: { 'zh-CN': '议事结果公示', en: 'Public notice' }, source: '/sessions/{id}/notice' },
    {
      id: 'indicators',
      kind: 'table',
      title: { 'zh-CN': '议事厅指标', en: 'Indicators' },
      roles: staff,
      source: '/indicators',
      columns: [
        { field: 'name', title: { 'zh-CN': '单位', en: 'Unit' } },
        { field: 'levelTitle', title: { 'zh-CN': '层级', en: 'Level' } },
        { field: 'sessionsHeld', title: { 'zh-CN': '开展活动（期）', en: 'Sessions held' }, format: 'number' },
        { field: 'topicsRaised', title: { 'zh-CN': '收到议题', en: 'Topics raised' }, format: 'number' },
        { field: 'topicsAccepted', title: { 'zh-CN': '受理', en: 'Accepted' }, format: 'number' },
        { field: 'topicsDeclined', title: { 'zh-CN': '不予受理', en: 'Declined' }, format: 'number' },
        { field: 'consultations', title: { 'zh-CN': '组织协商（次）', en: 'Consultations' }, format: 'number' },
        { field: 'problemsSolved', title: { 'zh-CN': '解决问题', en: 'Problems solved' }, format: 'number' },
        { field: 'topicsOpen', title: { 'zh-CN': '在办议题', en: 'Open topics' }, format: 'number' },
      ],
    },
    {
      id: 'halls',
      kind: 'table',
      title: { 'zh-CN': '议事厅', en: 'Halls' },
      roles: staff,
      source: '/halls',
      columns: [
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'place', title: { 'zh-CN': '常用地点', en: 'Usual place' } },
        { field: 'sessionsHeld', title: { 'zh-CN': '已开展', en: 'Sessions held' }, format: 'number' },
        { field: 'topicsOpen', title: { 'zh-CN': '在办议题', en: 'Open topics' }, format: 'number' },
        { field: 'nextSession', title: { 'zh-CN': '下期活动', en: 'Next session' }, format: 'date' },
      ],
    },
  ],
  widgets: [
    { id: 'sessions', kind: 'stat', roles: staff, title: { 'zh-CN': '议事厅开展活动', en: 'Hall sessions held' }, source: '/stats/sessions?orgId={orgId}' },
    { id: 'solved', kind: 'stat', roles: staff, title: { 'zh-CN': '议事厅解决问题', en: 'Problems solved by the halls' }, source: '/stats/solved?orgId={orgId}' },
    {
      id: 'by-compound',
      kind: 'bar',
      roles: staff,
      title: { 'zh-CN': '各小区议事情况', en: 'Halls by compound' },
      source: '/indicators?orgId={orgId}',
      x: 'name',
      y: [
        { field: 'sessionsHeld', title: { 'zh-CN': '开展活动', en: 'Sessions' }, format: 'number' },
        { field: 'consultations', title: { 'zh-CN': '组织协商', en: 'Consultations' }, format: 'number' },
        { field: 'problemsSolved', title: { 'zh-CN': '解决问题', en: 'Solved' }, format: 'number' },
      ],
    },
  ],
};
