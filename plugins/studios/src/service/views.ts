import type { BookingRow } from '../store/bookings.js';
import type { Studio } from '../store/studios.js';
import { weekdayNames } from '../time.js';
import { statusTitles } from './bookings.js';
import type { Opening } from './sessions.js';
import { timeLabel } from './sessions.js';

/** What the routes send: ids as strings, times as the city reads them, statuses with their Chinese titles (the staff app's language). */

export const slotText = (s: Studio['slots'][number]): string => `${weekdayNames[s.weekday]} ${s.start}–${s.end}（${s.capacity}人）`;

export function studioView(s: Studio, next: Opening | undefined) {
  return {
    id: String(s.id),
    key: s.key,
    name: s.name,
    kind: s.kind,
    host: s.host,
    place: s.place,
    description: s.description,
    communityName: s.communityName,
    slots: s.slots.map(slotText).join('；') || '暂无接待时段',
    nextOpening: next ? `${next.day} ${next.time}（余${next.left}）` : null,
  };
}

export function openingView(o: Opening) {
  return {
    id: o.id,
    studioId: String(o.studioId),
    studioName: o.studioName,
    kind: o.kind,
    host: o.host,
    place: o.place,
    date: o.date,
    day: o.day,
    time: o.time,
    capacity: o.capacity,
    left: o.left,
    open: o.left > 0 ? 'yes' : 'no',
    places: o.left > 0 ? `余${o.left}/${o.capacity}` : '已约满',
  };
}

/** A booking as its resident sees it. */
export function myBookingView(b: BookingRow) {
  return {
    id: String(b.id),
    studioId: String(b.studioId),
    studioName: b.studioName,
    kind: b.studioKind,
    time: timeLabel(b.sessionDate, { start: b.startTime, end: b.endTime }),
    startsAt: b.startsAt.toISOString(),
    place: b.place,
    topic: b.topic,
    status: b.status,
    statusTitle: statusTitles[b.status]['zh-CN'],
    staffNote: b.staffNote,
    outcome: b.outcome,
    rated: b.rating === null ? 'no' : 'yes',
    rating: b.rating,
    followUpTicketId: b.followUpTicketId === null ? null : String(b.followUpTicketId),
  };
}

/** A booking as the studio's staff see it: who booked (staff of that community only), what for, how many appointments they missed lately. */
export function staffBookingView(b: BookingRow, noShows: number) {
  return {
    ...myBookingView(b),
    residentName: b.personName,
    noShows,
    record: b.record,
    ratingComment: b.ratingComment,
  };
}
