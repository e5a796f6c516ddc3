import type { Locale } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { jsonb } from './json.js';

/** Where and how one person is told: their addresses, language and own preferences (null: the city's defaults). */
export interface Recipient {
  id: number;
  email: string | null;
  phone: string | null;
  wecomUserId: string | null;
  locale: Locale;
  disabled: boolean;
  prefs: NotificationPrefs | null;
}

export interface NotificationPrefs {
  /** Per notice kind, the channels chosen; a kind not listed follows the city's defaults. */
  channels: Record<string, string[]>;
  quietHours: { start: string; end: string } | null;
}

/** The recipients of a notice, in one query (it runs in the step's transaction). */
export async function loadRecipients(db: Kysely<CoreTables>, personIds: readonly number[]): Promise<Recipient[]> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('linli_people as p')
    .leftJoin('linli_notification_prefs as n', 'n.person_id', 'p.id')
    .select(['p.id', 'p.email', 'p.phone', 'p.wecom_user_id', 'p.locale', 'p.disabled_at', 'n.channels', 'n.quiet_start', 'n.quiet_end', 'n.person_id as prefs_of'])
    .where('p.id', 'in', ids)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    phone: r.phone,
    wecomUserId: r.wecom_user_id,
    locale: r.locale,
    disabled: r.disabled_at !== null,
    prefs: r.prefs_of === null ? null : { channels: (r.channels ?? {}) as Record<string, string[]>, quietHours: r.quiet_start && r.quiet_end ? { start: r.quiet_start, end: r.quiet_end } : null },
  }));
}

export async function getRecipient(db: Kysely<CoreTables>, personId: number): Promise<Recipient | null> {
  return (await loadRecipients(db, [personId]))[0] ?? null;
}

/** Replaces a person's preferences. */
export async function saveNotificationPrefs(db: Kysely<CoreTables>, personId: number, prefs: NotificationPrefs, now: Date): Promise<void> {
  const row = { channels: jsonb(prefs.channels), quiet_start: prefs.quietHours?.start ?? null, quiet_end: prefs.quietHours?.end ?? null, updated_at: now };
  await db
    .insertInto('linli_notification_prefs')
    .values({ person_id: personId, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
}

/** A person's own contact details and language, as they change them. */
export async function updateContact(db: Kysely<CoreTables>, personId: number, c: { email?: string | null; locale?: Locale }): Promise<void> {
  const set = { ...(c.email !== undefined ? { email: c.email } : {}), ...(c.locale ? { locale: c.locale } : {}) };
  if (Object.keys(set).length) await db.updateTable('linli_people').set(set).where('id', '=', personId).execute();
}
