import type { noticeKinds } from '../schemas/notifications.js';
import type { NoticeKindDefinition } from './templates.js';

const ticket = ['ticketId', 'ticketTitle'] as const;

/**
 * The core's notice kinds. Variables carry what the notice is about, never
 * another person's personal data: a ticket's id and title, org names,
 * deadlines in local time, counts. (Free text such as a whistle's reason
 * stays in the app, where the reader's permissions apply.)
 */
export const builtinNoticeKinds: readonly (NoticeKindDefinition & { id: (typeof noticeKinds)[number] })[] = [
  {
    id: 'ticket.assigned',
    label: { 'zh-CN': '分派给我的工单', en: 'Tickets assigned to me' },
    vars: ticket,
    template: { title: { 'zh-CN': '新工单：{ticketTitle}', en: 'Assigned to you: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}“{ticketTitle}”已分派给您，请及时办理。', en: 'Ticket #{ticketId} "{ticketTitle}" is assigned to you.' } },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: 'ticket.status',
    label: { 'zh-CN': '我的诉求办理进度', en: 'Progress of my requests' },
    vars: [...ticket, 'state'],
    template: { title: { 'zh-CN': '诉求进展：{ticketTitle}', en: 'Update on: {ticketTitle}' }, body: { 'zh-CN': '您反映的“{ticketTitle}”现为：{state}。', en: 'Your request "{ticketTitle}" is now: {state}.' } },
    defaultChannels: ['sms', 'email'],
  },
  {
    id: 'ticket.reminder',
    label: { 'zh-CN': '即将到期提醒', en: 'Deadline approaching' },
    vars: [...ticket, 'deadline'],
    template: { title: { 'zh-CN': '即将到期：{ticketTitle}', en: 'Due soon: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}“{ticketTitle}”将于{deadline}到期。', en: 'Ticket #{ticketId} "{ticketTitle}" is due {deadline}.' } },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: 'ticket.overdue',
    label: { 'zh-CN': '工单超期', en: 'Ticket overdue' },
    vars: [...ticket, 'deadline'],
    template: { title: { 'zh-CN': '已超期：{ticketTitle}', en: 'Overdue: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}“{ticketTitle}”已于{deadline}超期，请尽快办结。', en: 'Ticket #{ticketId} "{ticketTitle}" has been overdue since {deadline}.' } },
    defaultChannels: ['sms', 'wecom', 'email'],
  },
  {
    id: 'ticket.escalated',
    label: { 'zh-CN': '超期督办', en: 'Escalated as overdue' },
    vars: [...ticket, 'orgNames', 'reportDeadline'],
    template: { title: { 'zh-CN': '超期督办：{ticketTitle}', en: 'Escalated: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}超期督办至{orgNames}，请于{reportDeadline}前报到。', en: 'Ticket #{ticketId} escalated to {orgNames}; report by {reportDeadline}.' } },
    defaultChannels: ['sms', 'wecom', 'email'],
  },
  {
    id: 'ticket.whistle',
    label: { 'zh-CN': '吹哨报到', en: 'Whistle (report in)' },
    vars: [...ticket, 'orgNames', 'reportDeadline'],
    template: { title: { 'zh-CN': '吹哨报到：{ticketTitle}', en: 'Whistle: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}吹哨，请{orgNames}于{reportDeadline}前报到。', en: 'Whistle on ticket #{ticketId}: {orgNames}, report by {reportDeadline}.' } },
    defaultChannels: ['sms', 'wecom', 'email'],
  },
  {
    id: 'escalation.reported',
    label: { 'zh-CN': '单位已报到', en: 'A unit reported' },
    vars: [...ticket, 'orgName'],
    template: { title: { 'zh-CN': '{orgName}已报到：{ticketTitle}', en: '{orgName} reported: {ticketTitle}' }, body: { 'zh-CN': '{orgName}已就工单#{ticketId}报到。', en: '{orgName} reported on ticket #{ticketId}.' } },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: 'escalation.report_overdue',
    label: { 'zh-CN': '报到超时', en: 'Report overdue' },
    vars: [...ticket, 'orgName'],
    template: { title: { 'zh-CN': '报到超时：{orgName}', en: 'Report overdue: {orgName}' }, body: { 'zh-CN': '{orgName}未按时就工单#{ticketId}报到。', en: '{orgName} has not reported on ticket #{ticketId} in time.' } },
    defaultChannels: ['sms', 'wecom', 'email'],
  },
  {
    id: 'ticket.returned',
    label: { 'zh-CN': '工单被退回', en: 'Ticket returned' },
    vars: ticket,
    template: { title: { 'zh-CN': '工单被退回：{ticketTitle}', en: 'Returned to you: {ticketTitle}' }, body: { 'zh-CN': '工单#{ticketId}“{ticketTitle}”被退回，请查看原因。', en: 'Ticket #{ticketId} "{ticketTitle}" was returned to you.' } },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: 'digest.daily',
    label: { 'zh-CN': '每日汇总', en: 'Daily digest' },
    vars: ['orgName', 'date', 'newCount', 'overdueCount', 'whistleCount'],
    template: { title: { 'zh-CN': '{orgName}每日汇总 {date}', en: '{orgName} daily digest {date}' }, body: { 'zh-CN': '{orgName}{date}：新增{newCount}件，超期{overdueCount}件，吹哨{whistleCount}件。', en: '{orgName} {date}: {newCount} new, {overdueCount} overdue, {whistleCount} whistles.' } },
    defaultChannels: ['email', 'wecom'],
  },
];

/** The one-time code of a resident's registration: sent by SMS only, never kept in an inbox. */
export const registrationCodeKind: NoticeKindDefinition = {
  id: 'account.code',
  label: { 'zh-CN': '验证码', en: 'Verification code' },
  vars: ['code', 'minutes'],
  template: { title: { 'zh-CN': '验证码', en: 'Verification code' }, body: { 'zh-CN': '您的注册验证码为{code}，{minutes}分钟内有效，请勿告诉他人。', en: 'Your code is {code}, valid for {minutes} minutes. Do not share it.' } },
};
