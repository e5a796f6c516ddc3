import type { NoticeKindDefinition } from '@linli/sdk';

export const TEAM_FORMED = 'dispute-mediation.team-formed';
export const DUE_SOON = 'dispute-mediation.due-soon';
export const OVERDUE = 'dispute-mediation.overdue';
export const REFERRED = 'dispute-mediation.referred';

/**
 * What the plugin tells mediators and receiving organizations, as data. No
 * variable carries a party's name: a message may be read on a lock screen.
 */
export const notices: NoticeKindDefinition[] = [
  {
    id: TEAM_FORMED,
    label: { 'zh-CN': '加入调解团队', en: 'Joined a mediation team' },
    vars: ['compound', 'disputeType', 'due'],
    template: {
      title: { 'zh-CN': '您已加入调解团队：{compound}{disputeType}', en: 'You are on a mediation team: {compound}, {disputeType}' },
      body: { 'zh-CN': '{compound}的{disputeType}已组建调解团队，您是团队成员，请在{due}前完成调解。', en: 'A mediation team was formed for a {disputeType} dispute at {compound}; you are on it. Mediate by {due}.' },
    },
    defaultChannels: ['wecom', 'sms', 'email'],
  },
  {
    id: DUE_SOON,
    label: { 'zh-CN': '调解即将到期', en: 'Mediation due soon' },
    vars: ['compound', 'disputeType', 'due'],
    template: {
      title: { 'zh-CN': '调解即将到期：{compound}{disputeType}', en: 'Mediation due soon: {compound}, {disputeType}' },
      body: { 'zh-CN': '{compound}的{disputeType}调解期限为{due}，请尽快达成协议或移交处理。', en: 'The {disputeType} dispute at {compound} must be mediated by {due}: record an agreement or refer it.' },
    },
    defaultChannels: ['wecom', 'sms', 'email'],
  },
  {
    id: OVERDUE,
    label: { 'zh-CN': '调解案件超期', en: 'Mediation case overdue' },
    vars: ['compound', 'disputeType', 'state', 'due'],
    template: {
      title: { 'zh-CN': '案件超期：{compound}{disputeType}', en: 'Case overdue: {compound}, {disputeType}' },
      body: { 'zh-CN': '{compound}的{disputeType}“{state}”已超过期限{due}，请立即处理。', en: 'The {disputeType} dispute at {compound} is past its deadline {due} in "{state}": act on it now.' },
    },
    defaultChannels: ['wecom', 'sms', 'email'],
  },
  {
    id: REFERRED,
    label: { 'zh-CN': '收到移交的物业纠纷', en: 'A property dispute referred to you' },
    vars: ['compound', 'disputeType', 'due'],
    template: {
      title: { 'zh-CN': '移交纠纷：{compound}{disputeType}', en: 'Dispute referred: {compound}, {disputeType}' },
      body: { 'zh-CN': '{compound}的{disputeType}调解未果，已移交贵单位，请在{due}前办理反馈。', en: 'Mediation of a {disputeType} dispute at {compound} did not settle it; it was referred to you. Report back by {due}.' },
    },
    defaultChannels: ['wecom', 'sms', 'email'],
  },
];
