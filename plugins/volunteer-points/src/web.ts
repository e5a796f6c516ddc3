import type { WebExtension } from '@linli/sdk';

/** Who keeps the points ledger (corrections): the community. Who organizes teams and activities: the community and the compound's party branch. */
const managers = ['community_staff', 'community_secretary', 'admin'];
const organizers = [...managers, 'branch_secretary', 'grid_leader'];
/** Who reads the practice's ledgers: organizers, grid workers and the street above (a department has no wishes or points in its scope). */
const community = [...organizers, 'grid_worker', 'party_grid_worker', 'street_secretary', 'command_officer'];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * The plugin's pages and widgets in the staff web app, as data. How it runs on
 * screen: a member registers (党员双报到) → picks a wish on 心愿墙 and claims it
 * → opens it from 我的微心愿 and records the fulfilment on the ticket page →
 * community staff verify it there (积分 are written) → 积分台账, 积分排行 and
 * 四类成绩单 show the result. Activities: 发布活动 → 志愿服务活动 (报名) →
 * the organizer's 报名与出勤 sheet → 登记出勤.
 */
export const web: WebExtension = {
  pages: [
    { id: 'register', kind: 'form', title: t('党员双报到', 'Register with your compound'), form: 'volunteer-points.member', submit: '/members', next: 'page:members' },
    {
      id: 'members',
      kind: 'table',
      // A ledger for the community side that runs the practice; a resident's own view is a page of its own.
      roles: community,
      title: t('报到党员', 'Registered members'),
      source: '/members',
      columns: [
        { field: 'id', title: t('报到编号', 'Number') },
        { field: 'personName', title: t('姓名', 'Name') },
        { field: 'kindTitle', title: t('类别', 'Kind'), format: 'badge' },
        { field: 'compoundName', title: t('报到小区', 'Compound') },
        { field: 'partyBranch', title: t('所在党组织', 'Party organization') },
        { field: 'skillsText', title: t('服务特长', 'Skills') },
        { field: 'registeredAt', title: t('报到时间', 'Registered'), format: 'date' },
      ],
    },
    {
      id: 'board',
      kind: 'table',
      title: t('心愿墙', 'Wish board'),
      source: '/wishes?view=board',
      columns: [
        { field: 'title', title: t('微心愿', 'Wish') },
        { field: 'category', title: t('类别', 'Category'), format: 'badge' },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'postedAt', title: t('发布时间', 'Posted'), format: 'date' },
      ],
      rowLink: 'page:claim?id={id}',
    },
    { id: 'claim', kind: 'form', title: t('认领微心愿', 'Claim a wish'), form: 'volunteer-points.claim', submit: '/wishes/{id}/claim', next: 'page:my-wishes', hidden: true },
    {
      id: 'my-wishes',
      kind: 'table',
      title: t('我的微心愿', 'My wishes'),
      source: '/wishes?view=mine',
      columns: [
        { field: 'title', title: t('微心愿', 'Wish') },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'stateTitle', title: t('状态', 'State'), format: 'badge' },
        { field: 'claimant', title: t('认领人', 'Claimed by') },
        { field: 'claimedAt', title: t('认领时间', 'Claimed'), format: 'datetime' },
      ],
      // The ticket page is where the claimant records the fulfilment (with photos).
      rowLink: 'ticket:{ticketId}',
    },
    {
      id: 'wishes',
      kind: 'table',
      roles: community,
      title: t('微心愿台账', 'Micro-wishes'),
      source: '/wishes',
      columns: [
        { field: 'title', title: t('微心愿', 'Wish') },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'posterName', title: t('发布人', 'Posted by') },
        { field: 'stateTitle', title: t('状态', 'State'), format: 'badge' },
        { field: 'claimant', title: t('认领人', 'Claimed by') },
        { field: 'postedAt', title: t('发布时间', 'Posted'), format: 'date' },
        { field: 'verifiedAt', title: t('核验时间', 'Verified'), format: 'date' },
      ],
      rowLink: 'ticket:{ticketId}',
    },
    { id: 'new-team', kind: 'form', roles: organizers, title: t('组建志愿服务队', 'Form a team'), form: 'volunteer-points.team', submit: '/teams', next: 'page:teams' },
    {
      id: 'teams',
      kind: 'table',
      title: t('志愿服务队', 'Volunteer teams'),
      source: '/teams',
      columns: [
        { field: 'id', title: t('编号', 'Number') },
        { field: 'name', title: t('队名', 'Team') },
        { field: 'orgName', title: t('所属', 'Belongs to') },
        { field: 'leader', title: t('队长', 'Leader') },
        { field: 'activities', title: t('活动次数', 'Activities'), format: 'number' },
      ],
    },
    { id: 'new-activity', kind: 'form', roles: organizers, title: t('发布志愿服务活动', 'Announce an activity'), form: 'volunteer-points.activity', submit: '/activities', next: 'page:activities' },
    {
      id: 'activities',
      kind: 'table',
      title: t('志愿服务活动', 'Volunteer activities'),
      source: '/activities',
      columns: [
        { field: 'date', title: t('日期', 'Date'), format: 'date' },
        { field: 'title', title: t('活动', 'Activity') },
        { field: 'teamName', title: t('服务队', 'Team') },
        { field: 'orgName', title: t('地点', 'Where') },
        { field: 'plannedHours', title: t('计划时长', 'Planned hours'), format: 'number' },
        { field: 'signups', title: t('报名', 'Signed up'), format: 'number' },
        { field: 'attended', title: t('出勤', 'Attended'), format: 'number' },
        { field: 'signedUpTitle', title: t('我', 'Me'), format: 'badge' },
      ],
      rowLink: 'page:signup?id={id}',
    },
    { id: 'signup', kind: 'form', title: t('报名参加', 'Sign up'), form: 'volunteer-points.signup', submit: '/activities/{id}/signups', next: 'page:activities', hidden: true },
    {
      id: 'signups',
      kind: 'table',
      title: t('报名与出勤', 'Sign-ups and attendance'),
      source: '/activities/{id}/signups',
      hidden: true,
      columns: [
        { field: 'memberId', title: t('报到编号', 'Number') },
        { field: 'name', title: t('姓名', 'Name') },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'attendedTitle', title: t('出勤', 'Attendance'), format: 'badge' },
        { field: 'hours', title: t('时长', 'Hours'), format: 'number' },
        { field: 'points', title: t('积分', 'Points'), format: 'number' },
      ],
    },
    { id: 'attendance', kind: 'form', title: t('登记出勤', 'Record attendance'), form: 'volunteer-points.attendance', submit: '/activities/{id}/attendance', next: 'page:signups?id={id}', hidden: true },
    {
      id: 'ledger',
      kind: 'table',
      roles: community,
      title: t('积分台账', 'Points ledger'),
      source: '/ledger',
      columns: [
        { field: 'id', title: t('编号', 'Number') },
        { field: 'date', title: t('日期', 'Date'), format: 'date' },
        { field: 'accountName', title: t('对象', 'Who') },
        { field: 'accountKindTitle', title: t('类别', 'Kind'), format: 'badge' },
        { field: 'orgName', title: t('小区', 'Compound') },
        { field: 'kindTitle', title: t('事项', 'For'), format: 'badge' },
        { field: 'points', title: t('分值', 'Points'), format: 'number' },
        { field: 'correctsId', title: t('更正记录', 'Corrects') },
      ],
      rowLink: 'ticket:{ticketId}',
      // A wrong entry is corrected from its own row: the correction form knows which one.
      rowActions: [{ title: t('更正', 'Correct'), to: 'page:correction?entry={id}', roles: managers }],
    },
    { id: 'correction', kind: 'form', roles: managers, title: t('积分更正', 'Correct points'), form: 'volunteer-points.correction', submit: '/ledger/corrections', next: 'page:ledger' },
    {
      id: 'rankings',
      kind: 'table',
      title: t('积分排行', 'Rankings'),
      source: '/rankings',
      columns: [
        { field: 'rank', title: t('名次', 'Rank'), format: 'number' },
        { field: 'name', title: t('姓名/单位', 'Name'), format: 'text' },
        { field: 'kindTitle', title: t('类别', 'Kind'), format: 'badge' },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'points', title: t('积分', 'Points'), format: 'number' },
        { field: 'hours', title: t('服务时长', 'Hours'), format: 'number' },
        { field: 'wishes', title: t('实现心愿', 'Wishes'), format: 'number' },
      ],
    },
    {
      id: 'scorecards',
      kind: 'table',
      roles: community,
      title: t('四类成绩单', 'Year-end scorecards'),
      source: '/scorecards',
      columns: [
        { field: 'kindTitle', title: t('成绩单', 'Scorecard'), format: 'badge' },
        { field: 'name', title: t('名称', 'Name') },
        { field: 'orgName', title: t('小区/社区', 'Compound') },
        { field: 'points', title: t('年度积分', 'Points'), format: 'number' },
        { field: 'hours', title: t('服务时长', 'Hours'), format: 'number' },
        { field: 'wishes', title: t('实现心愿', 'Wishes'), format: 'number' },
        { field: 'starsText', title: t('星级', 'Stars') },
      ],
    },
    {
      id: 'my-points',
      kind: 'table',
      title: t('我的积分', 'My points'),
      source: '/me/points',
      columns: [
        { field: 'date', title: t('日期', 'Date'), format: 'date' },
        { field: 'kindTitle', title: t('事项', 'For'), format: 'badge' },
        { field: 'orgName', title: t('小区', 'Compound') },
        { field: 'points', title: t('分值', 'Points'), format: 'number' },
        { field: 'hours', title: t('时长', 'Hours'), format: 'number' },
      ],
    },
  ],
  widgets: [
    { id: 'points', kind: 'stat', title: t('本年志愿积分', 'Volunteer points this year'), source: '/stats/points?orgId={orgId}' },
    { id: 'open-wishes', kind: 'stat', title: t('待认领微心愿', 'Wishes waiting for a claim'), source: '/stats/open-wishes?orgId={orgId}' },
    {
      id: 'top',
      kind: 'bar',
      title: t('本年积分排行', 'Top volunteers this year'),
      source: '/rankings?orgId={orgId}&limit=10',
      x: 'name',
      y: [{ field: 'points', title: t('积分', 'Points'), format: 'number' }],
    },
  ],
};
