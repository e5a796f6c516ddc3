import type { LocalizedText } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { decodeCursor, idStr, jsonb, parseId, toPage, type Page } from './json.js';

export interface Notification {
  id: string;
  kind: string;
  ticketId: string | null;
  title: LocalizedText;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  personIds: readonly number[];
  kind: string;
  ticketId: number | null;
  title: LocalizedText;
  data: Record<string, unknown>;
  now: Date;
}

/** One inbox row per person; in the caller's transaction, so a notice exists exactly when its step does. */
export async function insertNotifications(db: Kysely<CoreTables>, n: NewNotification): Promise<number> {
  const people = [...new Set(n.personIds)];
  if (people.length === 0) return 0;
  await db
    .insertInto('linli_notifications')
    .values(people.map((p) => ({ person_id: p, kind: n.kind, ticket_id: n.ticketId, title: jsonb(n.title), data: jsonb(n.data), created_at: n.now })))
    .execute();
  return people.length;
}

/** A person's notifications, newest first, keyset-paginated on id. */
export async function listNotifications(db: Kysely<CoreTables>, personId: number, f: { unread?: boolean | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Notification>> {
  let q = db.selectFrom('linli_notifications').selectAll().where('person_id', '=', personId).orderBy('id', 'desc').limit(f.limit + 1);
  if (f.unread) q = q.where('read_at', 'is', null);
  const before = decodeCursor(f.cursor);
  if (before !== null) q = q.where('id', '<', before);
  return toPage(await q.execute(), f.limit, (r) => ({
    id: String(r.id),
    kind: r.kind,
    ticketId: idStr(r.ticket_id),
    title: r.title as LocalizedText,
    data: r.data as Record<string, unknown>,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function unreadCount(db: Kysely<CoreTables>, personId: number): Promise<number> {
  const row = await db.selectFrom('linli_notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's notifications read; null when it is not theirs (or does not exist). Reading twice keeps the first time. */
export async function markNotificationRead(db: Kysely<CoreTables>, personId: number, id: string, now: Date): Promise<Date | null> {
  const n = parseId(id);
  if (n === null) return null;
  await db.updateTable('linli_notifications').set({ read_at: now }).where('id', '=', n).where('person_id', '=', personId).where('read_at', 'is', null).execute();
  const row = await db.selectFrom('linli_notifications').select('read_at').where('id', '=', n).where('person_id', '=', personId).executeTakeFirst();
  return row?.read_at ?? null;
}
