import type { WebAction, WebExtension } from '@linli/sdk';

/** Who runs the office's pages: the community (and admins) convene; the parties' people see their meetings. */
const conveners = ['community_staff', 'community_secretary', 'residents_committee_member', 'admin'];
const parties = [...conveners, 'property_staff', 'owners_committee_member', 'branch_secretary', 'street_secretary', 'command_officer'];
const minutes: WebAction = { title: { 'zh-CN': '会议纪要', en: 'Minutes' }, to: 'page:minutes?id={id}', when: { status: ['held', 'closed'] } };
const attendance: WebAction = { title: { 'zh-CN': '登记出席', en: 'Attendance' }, to: 'page:attendance?id={id}', roles: conveners, when: { status: ['scheduled', 'held'] } };

/**
 * The plugin's pages and dashboard widgets in the staff web app, as data.
 * How a week runs on screen: 安排会商 → 会商安排 (row → 登记出席) → 待议议题
 * (row → 会商决定) → 三联办 (row → the office's meetings → 会议纪要).
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'offices',
      kind: 'table',
      title: { 'zh-CN': '三联办', en: 'Three-linked offices' },
      roles: parties,
      source: '/offices',
      columns: [
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'residentsCommittee', title: { 'zh-CN': '居委会', en: "Residents' committee" } },
        { field: 'propertyCompany', title: { 'zh-CN': '物业', en: 'Property company' } },
        { field: 'ownersCommittee', title: { 'zh-CN': '业委会', en: "Owners' committee" } },
        { field: 'partyCommittee', title: { 'zh-CN': '牵头党组织', en: 'Led by' } },
        { field: 'representatives', title: { 'zh-CN': '三方代表', en: 'Representatives' } },
        { field: 'meetingDay', title: { 'zh-CN': '例会时间', en: 'Weekly meeting' } },
        { field: 'openProblems', title: { 'zh-CN': '在办问题', en: 'Open problems' }, format: 'number' },
        { field: 'nextMeeting', title: { 'zh-CN': '下次会商', en: 'Next meeting' }, format: 'date' },
      ],
      rowLink: 'page:office-meetings?id={id}',
    },
    {
      id: 'office-meetings',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '会商记录', en: 'Meetings of the office' },
      source: '/offices/{id}/meetings',
      columns: [
        { field: 'title', title: { 'zh-CN': '会议', en: 'Meeting' } },
        { field: 'date', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'absent', title: { 'zh-CN': '缺席方', en: 'Absent' } },
        { field: 'agendaItems', title: { 'zh-CN': '议题', en: 'Items' }, format: 'number' },
        { field: 'decided', title: { 'zh-CN': '已决定', en: 'Decided' }, format: 'number' },
      ],
      rowLink: 'page:minutes?id={id}',
      rowActions: [attendance, minutes],
    },
    { id: 'minutes', kind: 'html', hidden: true, title: { 'zh-CN': '会议纪要', en: 'Minutes' }, source: '/meetings/{id}/minutes' },
    {
      id: 'meetings',
      kind: 'table',
      title: { 'zh-CN': '会商安排', en: 'Meetings' },
      roles: parties,
      source: '/meetings',
      columns: [
        { field: 'date', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
        { field: 'time', title: { 'zh-CN': '时间', en: 'Time' } },
        { field: 'title', title: { 'zh-CN': '会议', en: 'Meeting' } },
        { field: 'place', title: { 'zh-CN': '地点', en: 'Place' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'absent', title: { 'zh-CN': '缺席方', en: 'Absent' } },
        { field: 'agendaItems', title: { 'zh-CN': '议题', en: 'Items' }, format: 'number' },
        { field: 'decided', title: { 'zh-CN': '已决定', en: 'Decided' }, format: 'number' },
      ],
      // At the meeting, the first thing to record is who came.
      rowLink: 'page:attendance?id={id}',
      rowActions: [attendance, minutes],
    },
    {
      id: 'agenda',
      kind: 'table',
      title: { 'zh-CN': '待议议题', en: 'Agenda' },
      roles: parties,
      source: '/agenda',
      columns: [
        { field: 'meetingDate', title: { 'zh-CN': '会商日期', en: 'Meeting' }, format: 'date' },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'position', title: { 'zh-CN': '序号', en: '#' }, format: 'number' },
        { field: 'title', title: { 'zh-CN': '问题', en: 'Problem' } },
        { field: 'category', title: { 'zh-CN': '类别', en: 'Category' } },
        { field: 'urgency', title: { 'zh-CN': '缓急', en: 'Urgency' }, format: 'badge' },
        { field: 'difficulty', title: { 'zh-CN': '难易', en: 'Difficulty' }, format: 'badge' },
        { field: 'raisedAt', title: { 'zh-CN': '反映时间', en: 'Raised' }, format: 'datetime' },
      ],
      rowLink: 'page:decide?meeting={meetingId}&problem={ticketId}',
      rowActions: [
        { title: { 'zh-CN': '会商决定', en: 'Decide' }, to: 'page:decide?meeting={meetingId}&problem={ticketId}', roles: ['community_staff', 'community_secretary', 'residents_committee_member', 'property_staff', 'owners_committee_member', 'branch_secretary', 'admin'] },
        { title: { 'zh-CN': '查看问题', en: 'Open the problem' }, to: 'ticket:{ticketId}' },
      ],
    },
    {
      id: 'indicators',
      kind: 'table',
      title: { 'zh-CN': '三联办指标', en: 'Indicators' },
      roles: parties,
      source: '/indicators',
      columns: [
        { field: 'name', title: { 'zh-CN': '名称', en: 'Name' } },
        { field: 'levelTitle', title: { 'zh-CN': '层级', en: 'Level' }, format: 'badge' },
        { field: 'meetingsHeld', title: { 'zh-CN': '召开会商', en: 'Meetings held' }, format: 'number' },
        { field: 'problemsRaised', title: { 'zh-CN': '受理问题', en: 'Problems raised' }, format: 'number' },
        { field: 'problemsSolved', title: { 'zh-CN': '解决问题', en: 'Problems solved' }, format: 'number' },
        { field: 'overdue', title: { 'zh-CN': '逾期未办', en: 'Overdue' }, format: 'number' },
        { field: 'avgDaysToSolve', title: { 'zh-CN': '平均办结天数', en: 'Avg. days to solve' }, format: 'number' },
        { field: 'feeRateFirst', title: { 'zh-CN': '起始收缴率（%）', en: 'First fee rate (%)' }, format: 'number' },
        { field: 'feeRate', title: { 'zh-CN': '最新收缴率（%）', en: 'Latest fee rate (%)' }, format: 'number' },
        { field: 'feeRateMonth', title: { 'zh-CN': '月份', en: 'Month' } },
      ],
    },
    {
      id: 'fee-rates',
      kind: 'table',
      title: { 'zh-CN': '物业费收缴', en: 'Fee collection' },
      roles: parties,
      source: '/fee-rates',
      columns: [
        { field: 'month', title: { 'zh-CN': '月份', en: 'Month' } },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'rate', title: { 'zh-CN': '收缴率（%）', en: 'Rate (%)' }, format: 'number' },
        { field: 'paidHouseholds', title: { 'zh-CN': '已缴户数', en: 'Paid' }, format: 'number' },
        { field: 'totalHouseholds', title: { 'zh-CN': '应缴户数', en: 'Due' }, format: 'number' },
        { field: 'enteredAt', title: { 'zh-CN': '录入时间', en: 'Entered' }, format: 'datetime' },
      ],
    },
    { id: 'schedule-meeting', kind: 'form', roles: conveners, title: { 'zh-CN': '安排会商', en: 'Schedule a meeting' }, form: 'three-linked-office.meeting.schedule', submit: '/meetings', next: 'page:meetings' },
    { id: 'attendance', kind: 'form', hidden: true, title: { 'zh-CN': '登记出席', en: 'Record attendance' }, form: 'three-linked-office.meeting.attendance', submit: '/meetings/{id}/attendance', next: 'page:agenda' },
    {
      id: 'decide',
      kind: 'form',
      hidden: true,
      title: { 'zh-CN': '会商决定', en: 'Record a decision' },
      form: 'three-linked-office.meeting.decision',
      submit: '/meetings/{meeting}/agenda/{problem}/decision',
      next: 'page:agenda',
    },
    { id: 'enter-fee-rate', kind: 'form', roles: [...conveners, 'property_staff'], title: { 'zh-CN': '录入收缴率', en: 'Enter fee rate' }, form: 'three-linked-office.fee-rate', submit: '/fee-rates', next: 'page:fee-rates' },
  ],
  widgets: [
    {
      id: 'fee-rate',
      kind: 'line',
      title: { 'zh-CN': '物业费收缴率（%）', en: 'Property-fee collection rate (%)' },
      roles: parties,
      source: '/fee-rates/trend?orgId={orgId}',
      x: 'month',
      y: [{ field: 'rate', title: { 'zh-CN': '收缴率', en: 'Collection rate' }, format: 'number' }],
    },
    { id: 'solved', kind: 'stat', roles: parties, title: { 'zh-CN': '三联办解决物业难题', en: 'Property problems solved' }, source: '/stats/solved?orgId={orgId}' },
  ],
};
