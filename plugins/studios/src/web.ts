import type { LocalizedText, WebExtension } from '@linli/sdk';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Who runs a community's studios in the app (the routes check the city's `staffRoles` at the studio's community). */
const staff = ['community_secretary', 'community_staff', 'admin'];
/** Who reads the reports: the studio's staff and those above them. */
const overseers = [...staff, 'street_secretary', 'command_officer'];
const secretaries = ['community_secretary', 'admin'];
const residents = ['resident'];

/**
 * The plugin's pages and dashboard number, as data. A resident: 预约工作室 →
 * a studio's 可预约时间 → 预约 → 我的预约 (答复改约, 取消, 评价). Staff:
 * 工作室预约 (确认, 改约, 登记接待, 登记爽约; a follow-up row leads to its
 * ticket), 工作室设置 (secretary), 月度报表 with its CSV.
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'studios',
      kind: 'table',
      title: t('预约工作室', 'Book a studio'),
      roles: residents,
      portal: true,
      source: '/studios',
      columns: [
        { field: 'name', title: t('工作室', 'Studio') },
        { field: 'kind', title: t('类型', 'Kind') },
        { field: 'host', title: t('坐班', 'Who receives') },
        { field: 'place', title: t('地点', 'Where') },
        { field: 'slots', title: t('接待时间', 'Weekly hours') },
        { field: 'nextOpening', title: t('最近可约', 'Next opening') },
      ],
      rowLink: 'page:openings?studio={id}',
      rowActions: [{ title: t('选择时间', 'Choose a time'), to: 'page:openings?studio={id}' }],
    },
    {
      id: 'openings',
      kind: 'table',
      hidden: true,
      title: t('可预约时间', 'Times to book'),
      source: '/openings?studioId={studio}',
      columns: [
        { field: 'day', title: t('日期', 'Day') },
        { field: 'time', title: t('时间', 'Time') },
        { field: 'studioName', title: t('工作室', 'Studio') },
        { field: 'places', title: t('名额', 'Places') },
      ],
      rowActions: [{ title: t('预约', 'Book'), to: 'page:book?studio={studioId}&session={id}', roles: residents, when: { open: ['yes'] } }],
    },
    { id: 'book', kind: 'form', hidden: true, title: t('预约工作室', 'Book a studio'), form: 'studios.book', submit: '/bookings', next: 'page:my-bookings' },
    {
      id: 'my-bookings',
      kind: 'table',
      title: t('我的预约', 'My bookings'),
      roles: residents,
      portal: true,
      source: '/my-bookings',
      columns: [
        { field: 'time', title: t('时间', 'Time') },
        { field: 'studioName', title: t('工作室', 'Studio') },
        { field: 'place', title: t('地点', 'Where') },
        { field: 'statusTitle', title: t('状态', 'Status'), format: 'badge' },
        { field: 'staffNote', title: t('工作室留言', 'From the studio') },
        { field: 'rating', title: t('我的评分', 'My rating'), format: 'number' },
      ],
      rowActions: [
        { title: t('答复改约', 'Answer the new time'), to: 'page:answer?id={id}', when: { status: ['proposed'] } },
        { title: t('评价', 'Rate'), to: 'page:rate?id={id}', when: { status: ['held'], rated: ['no'] } },
        { title: t('取消预约', 'Cancel'), to: 'page:cancel?id={id}', when: { status: ['requested', 'confirmed', 'proposed'] } },
      ],
    },
    { id: 'answer', kind: 'form', hidden: true, title: t('答复改约', 'Answer the new time'), form: 'studios.answer', submit: '/bookings/{id}/answer', next: 'page:my-bookings' },
    { id: 'cancel', kind: 'form', hidden: true, title: t('取消预约', 'Cancel the booking'), form: 'studios.cancel', submit: '/bookings/{id}/cancel', next: 'page:my-bookings' },
    { id: 'rate', kind: 'form', hidden: true, title: t('评价接待', 'Rate the meeting'), form: 'studios.rate', submit: '/bookings/{id}/rate', next: 'page:my-bookings' },
    {
      id: 'bookings',
      kind: 'table',
      title: t('工作室预约', 'Studio bookings'),
      roles: staff,
      staffOnly: true,
      source: '/bookings',
      columns: [
        { field: 'time', title: t('时间', 'Time') },
        { field: 'studioName', title: t('工作室', 'Studio') },
        { field: 'residentName', title: t('居民', 'Resident') },
        { field: 'topic', title: t('咨询事项', 'Topic') },
        { field: 'statusTitle', title: t('状态', 'Status'), format: 'badge' },
        { field: 'noShows', title: t('近90天爽约', 'Missed (90 days)'), format: 'number' },
        { field: 'rating', title: t('评分', 'Rating'), format: 'number' },
      ],
      rowLink: 'ticket:{followUpTicketId}',
      rowActions: [
        { title: t('确认', 'Confirm'), to: 'page:confirm?id={id}', when: { status: ['requested'] } },
        { title: t('改约', 'Propose another time'), to: 'page:propose?id={id}&studio={studioId}', when: { status: ['requested', 'confirmed'] } },
        { title: t('登记接待', 'Record'), to: 'page:record?id={id}', when: { status: ['confirmed'] } },
        { title: t('登记爽约', 'Missed'), to: 'page:no-show?id={id}', when: { status: ['confirmed'] } },
      ],
    },
    { id: 'confirm', kind: 'form', hidden: true, title: t('确认预约', 'Confirm the booking'), form: 'studios.confirm', submit: '/bookings/{id}/confirm', next: 'page:bookings' },
    { id: 'propose', kind: 'form', hidden: true, title: t('建议改约', 'Propose another time'), form: 'studios.propose', submit: '/bookings/{id}/propose', next: 'page:bookings' },
    { id: 'record', kind: 'form', hidden: true, title: t('登记接待', 'Record the meeting'), form: 'studios.record', submit: '/bookings/{id}/record', next: 'page:bookings' },
    { id: 'no-show', kind: 'form', hidden: true, title: t('登记爽约', 'Mark as missed'), form: 'studios.no-show', submit: '/bookings/{id}/no-show', next: 'page:bookings' },
    {
      id: 'settings',
      kind: 'table',
      title: t('工作室设置', 'Studio settings'),
      roles: secretaries,
      staffOnly: true,
      source: '/slots',
      columns: [
        { field: 'studioName', title: t('工作室', 'Studio') },
        { field: 'weekday', title: t('每周', 'Weekday') },
        { field: 'time', title: t('时间', 'Time') },
        { field: 'capacity', title: t('名额', 'Places'), format: 'number' },
      ],
      actions: [{ title: t('设立工作室', 'Set up a studio'), to: 'page:new-studio' }],
      rowActions: [
        { title: t('调整名额', 'Change'), to: 'page:slot-change?slot={id}' },
        { title: t('增加时段', 'Add a slot'), to: 'page:add-slot?studio={studioId}' },
      ],
    },
    { id: 'new-studio', kind: 'form', hidden: true, roles: secretaries, title: t('设立工作室', 'Set up a studio'), form: 'studios.studio', submit: '/studios', next: 'page:settings' },
    { id: 'add-slot', kind: 'form', hidden: true, roles: secretaries, title: t('增加接待时段', 'Add a weekly slot'), form: 'studios.slot', submit: '/studios/{studio}/slots', next: 'page:settings' },
    { id: 'slot-change', kind: 'form', hidden: true, roles: secretaries, title: t('调整接待时段', 'Change a weekly slot'), form: 'studios.slot-change', submit: '/slots/{slot}', next: 'page:settings' },
    {
      id: 'monthly',
      kind: 'table',
      title: t('工作室月报', 'Monthly report'),
      roles: overseers,
      staffOnly: true,
      source: '/reports/monthly?month={month}',
      downloads: [{ title: t('导出 CSV', 'Export CSV'), source: '/reports/monthly.csv?month={month}' }],
      filters: [{ param: 'month', kind: 'month', title: t('月份', 'Month'), emptyLabel: t('近三个月', 'Last three months') }],
      columns: [
        { field: 'studioName', title: t('工作室', 'Studio') },
        { field: 'communityName', title: t('社区', 'Community') },
        { field: 'month', title: t('月份', 'Month') },
        { field: 'booked', title: t('预约', 'Booked'), format: 'number' },
        { field: 'held', title: t('已接待', 'Held'), format: 'number' },
        { field: 'noShows', title: t('未到', 'Missed'), format: 'number' },
        { field: 'cancelled', title: t('取消', 'Cancelled'), format: 'number' },
        { field: 'followUps', title: t('转工单', 'Follow-ups'), format: 'number' },
        { field: 'averageRating', title: t('平均评分', 'Average rating'), format: 'number' },
        { field: 'satisfied', title: t('满意率', 'Satisfied'), format: 'percent' },
      ],
    },
  ],
  widgets: [{ id: 'bookings', kind: 'stat', roles: overseers, staffOnly: true, title: t('本月工作室预约', 'Studio appointments this month'), source: '/stats/bookings?orgId={orgId}' }],
};
