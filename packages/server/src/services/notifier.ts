import type { LocalizedText, NoticeVars, Ticket } from '@linli/core';
import { insertNotifications } from '@linli/db';
import type { Kysely } from 'kysely';

/** Something people (and webhooks) are told about: one step of a ticket's history, or a plugin's notice. */
export interface Notice {
  /** A kind from the deployment's catalog (`deployment.notices`): a core kind or a plugin's `<plugin>.<name>`. */
  kind: string;
  /** The ticket the notice is about; null for a plugin's notice about something else (a meeting). */
  ticket: Ticket | null;
  /** The history event (seq) the notice is about; with the ticket id it names the notice uniquely. */
  eventSeq?: number;
  /** Names a notice that is not a ticket step (`<plugin>:<its key>`); deliveries are keyed by it. */
  key?: string;
  /** Who is told. */
  personIds: readonly number[];
  /** The inbox line, in both languages. */
  title: LocalizedText;
  /** Kept with the inbox row and sent to webhooks. */
  data: Record<string, unknown>;
  /** What the kind's templates may say (e-mail, SMS, WeCom). The ticket's id and title are added. */
  vars?: NoticeVars;
  now: Date;
}

/** The key naming a notice: the plugin's, or the ticket step's. */
export function noticeKey(n: Notice): string {
  if (n.key) return n.key;
  if (!n.ticket) throw new Error(`a notice of kind "${n.kind}" needs a ticket or a key`);
  return `${n.ticket.id}:${n.eventSeq ?? n.ticket.version}`;
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
      ticketId: n.ticket ? Number(n.ticket.id) : null,
      title: n.title,
      data: n.ticket ? { ...n.data, ticketTitle: n.ticket.title, eventSeq: n.eventSeq } : n.data,
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
