import type { LocalizedText, noticeKinds, Ticket } from '@linli/core';
import { insertNotifications } from '@linli/db';
import type { Kysely } from 'kysely';

export type NoticeKind = (typeof noticeKinds)[number];

/** Something people (and webhooks) are told about: always one step of a ticket's history. */
export interface Notice {
  kind: NoticeKind;
  ticket: Ticket;
  /** The history event (seq) the notice is about; with the ticket id it names the notice uniquely. */
  eventSeq: number;
  /** Who is told in the app. */
  personIds: readonly number[];
  title: LocalizedText;
  data: Record<string, unknown>;
  now: Date;
}

/**
 * A way of telling people. `dispatch` runs inside the transaction of the step
 * that caused the notice, so a notice exists exactly when its step commits;
 * it may only write rows (an inbox row, a delivery job) — a channel that
 * talks to the network does it from a job, never here, so a slow receiver
 * never holds up a request.
 */
export interface NotificationChannel {
  id: string;
  dispatch(trx: Kysely<any>, notice: Notice): Promise<void>;
}

/** The in-app inbox: GET /api/notifications. */
export const inAppChannel: NotificationChannel = {
  id: 'in-app',
  async dispatch(trx, n) {
    await insertNotifications(trx, {
      personIds: n.personIds,
      kind: n.kind,
      ticketId: Number(n.ticket.id),
      title: n.title,
      data: { ...n.data, ticketTitle: n.ticket.title, eventSeq: n.eventSeq },
      now: n.now,
    });
  },
};

export class Notifier {
  constructor(readonly channels: readonly NotificationChannel[]) {}

  async notify(trx: Kysely<any>, notice: Notice): Promise<void> {
    for (const c of this.channels) await c.dispatch(trx, notice);
  }
}
