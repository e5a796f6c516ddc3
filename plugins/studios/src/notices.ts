import type { NoticeKindDefinition } from '@linli/sdk';

/**
 * What the studios tell people, as data: the core checks the templates'
 * variables at start. No variable carries personal data (a notice may be
 * read on a lock screen): studios, times and places only.
 */
export const BOOKED = 'studios.booked';
export const CONFIRMED = 'studios.confirmed';
export const PROPOSED = 'studios.proposed';
export const EVE = 'studios.eve';

const channels = ['wecom', 'sms', 'email'] as const;

export const notices: NoticeKindDefinition[] = [
  {
    id: BOOKED,
    label: { 'zh-CN': '工作室有新的预约待确认', en: 'A new studio booking to confirm' },
    vars: ['studio', 'time'],
    template: {
      title: { 'zh-CN': '新预约待确认：{studio}', en: 'New booking to confirm: {studio}' },
      body: { 'zh-CN': '有居民预约了{studio} {time}，请在“工作室预约”中确认或建议改约。', en: 'A resident booked {studio} for {time}. Confirm it or propose another time under Studio bookings.' },
    },
    defaultChannels: [...channels],
  },
  {
    id: CONFIRMED,
    label: { 'zh-CN': '工作室预约已确认', en: 'Studio booking confirmed' },
    vars: ['studio', 'time', 'place'],
    template: {
      title: { 'zh-CN': '预约已确认：{studio}', en: 'Booking confirmed: {studio}' },
      body: { 'zh-CN': '您预约的{studio}已确认，时间：{time}，地点：{place}。', en: 'Your booking with {studio} is confirmed: {time}, {place}.' },
    },
    defaultChannels: [...channels],
  },
  {
    id: PROPOSED,
    label: { 'zh-CN': '工作室建议改约', en: 'The studio proposes another time' },
    vars: ['studio', 'time'],
    template: {
      title: { 'zh-CN': '{studio}建议改约', en: '{studio} proposes another time' },
      body: { 'zh-CN': '{studio}建议把您的预约改到{time}，请在“我的预约”中答复是否接受。', en: '{studio} proposes to move your booking to {time}. Answer under My bookings.' },
    },
    defaultChannels: [...channels],
  },
  {
    id: EVE,
    label: { 'zh-CN': '工作室预约前一天提醒', en: 'Reminder the day before a studio appointment' },
    vars: ['studio', 'time', 'place'],
    template: {
      title: { 'zh-CN': '明天预约提醒：{studio}', en: 'Tomorrow: {studio}' },
      body: { 'zh-CN': '您预约了{studio}，时间：{time}，地点：{place}。如不能前往，请在“我的预约”中取消。', en: 'You booked {studio}: {time}, {place}. If you cannot come, cancel it under My bookings.' },
    },
    defaultChannels: [...channels],
  },
];
