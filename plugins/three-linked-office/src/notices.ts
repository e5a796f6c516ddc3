import { peopleHolding, type NoticeKindDefinition } from '@linli/sdk';
import type { Env } from './service/env.js';
import type { MeetingRow } from './store/meetings.js';
import type { Office } from './store/offices.js';

export const MEETING_EVE = 'three-linked-office.meeting-eve';

/** What the office tells its parties, as data: the core checks the templates' variables at start. */
export const notices: NoticeKindDefinition[] = [
  {
    id: MEETING_EVE,
    label: { 'zh-CN': '三方联席会议前一天提醒', en: 'Reminder the day before the joint meeting' },
    vars: ['compound', 'date', 'time', 'place'],
    template: {
      title: { 'zh-CN': '明天{time}三方联席会议：{compound}', en: 'Joint meeting tomorrow {time}: {compound}' },
      body: { 'zh-CN': '{compound}三方联席会议定于{date} {time}在{place}召开，请准时参加。', en: 'The {compound} joint meeting is on {date} at {time}, {place}. Please attend.' },
    },
    defaultChannels: ['wecom', 'sms', 'email'],
  },
];

const DAY = 24 * 3_600_000;

/**
 * The day before a meeting, everyone holding a role at the office's parties
 * (residents' committee, property company, owners' committee, the party
 * committee) is reminded. The job queue keeps the reminder; the key names
 * the meeting and its time, so a meeting moved to another day gets its own.
 */
export async function remindMeetingEve(env: Env, office: Office, meeting: MeetingRow): Promise<void> {
  const orgIds = [...Object.values(office.parties), ...(office.partyCommittee ? [office.partyCommittee] : [])].map((o) => Number(o.id));
  const to = await peopleHolding(env.trx, { orgIds });
  if (to.length === 0) return;
  const at = new Date(meeting.scheduled_at.getTime() - DAY);
  await env.ctx.notify(env.trx, {
    kind: MEETING_EVE,
    key: eveKey(meeting),
    to,
    vars: { compound: office.compound.name, date: meeting.meeting_date, time: meeting.meeting_time, place: meeting.place ?? office.compound.name },
    at,
  });
}

const eveKey = (meeting: MeetingRow) => `meeting:${meeting.id}:${meeting.scheduled_at.toISOString()}`;

/** A meeting cancelled (by hand, or superseded by the next one scheduled) before its eve: nobody is reminded of it. */
export async function cancelMeetingEve(env: Env, meeting: MeetingRow): Promise<void> {
  await env.ctx.cancelNotice(env.trx, { kind: MEETING_EVE, key: eveKey(meeting) });
}
