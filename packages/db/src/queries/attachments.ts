import type { Actor } from '@linli/core';
import { sql, type Kysely } from 'kysely';
import type { AttachmentsTable, CoreTables } from '../schema.js';
import { jsonb, parseId } from './json.js';
import { visibleTo } from './tickets.js';

export type AttachmentType = AttachmentsTable['content_type'];

export interface AttachmentInfo {
  id: string;
  uploaderId: string;
  contentType: AttachmentType;
  size: number;
  createdAt: Date;
}

export interface NewAttachment {
  uploaderId: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
  now: Date;
}

export async function insertAttachment(db: Kysely<CoreTables>, a: NewAttachment): Promise<AttachmentInfo> {
  const row = await db
    .insertInto('linli_attachments')
    .values({ uploader_id: Number(a.uploaderId), content_type: a.contentType, size: a.bytes.byteLength, bytes: a.bytes, created_at: a.now })
    .returning(['id', 'uploader_id', 'content_type', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: String(row.id), uploaderId: String(row.uploader_id), contentType: row.content_type, size: row.size, createdAt: row.created_at };
}

/** How many photos, and how many bytes, a person uploaded since `since` (the upload quota). */
export async function uploadedSince(db: Kysely<CoreTables>, uploaderId: string, since: Date): Promise<{ photos: number; bytes: number }> {
  const row = await db
    .selectFrom('linli_attachments')
    .select((eb) => [eb.fn.countAll<number>().as('photos'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes')])
    .where('uploader_id', '=', Number(uploaderId))
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { photos: Number(row.photos), bytes: Number(row.bytes) };
}

/**
 * The photo if the actor may see it, else null (the caller answers 404 either
 * way, so ids leak nothing). Allowed: the uploader, and whoever may see a
 * ticket one of whose steps the uploader took with the photo in `data.photos`.
 * Requiring the uploader's own step means nobody gains a stranger's photo by
 * listing its id in a ticket of their own.
 */
export async function getAttachmentFor(db: Kysely<CoreTables>, actor: Actor, id: string): Promise<(AttachmentInfo & { bytes: Buffer }) | null> {
  const n = parseId(id);
  if (n === null) return null;
  const me = parseId(actor.personId) ?? -1;
  const row = await db
    .selectFrom('linli_attachments as a')
    .select(['a.id', 'a.uploader_id', 'a.content_type', 'a.size', 'a.bytes', 'a.created_at'])
    .where('a.id', '=', n)
    .where((eb) =>
      eb.or([
        eb('a.uploader_id', '=', me),
        eb.exists(
          eb
            .selectFrom('linli_ticket_events as e')
            .innerJoin('linli_tickets', 'linli_tickets.id', 'e.ticket_id')
            .select(sql.lit(1).as('one'))
            .whereRef('e.actor_id', '=', 'a.uploader_id')
            .where(sql<boolean>`${sql.ref('e.data')} -> 'photos' @> ${jsonb([String(n)])}`)
            .where(visibleTo(actor)),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!row) return null;
  // pg returns a Buffer, PGlite a Uint8Array: hand out one type.
  const bytes = Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  return { id: String(row.id), uploaderId: String(row.uploader_id), contentType: row.content_type, size: row.size, createdAt: row.created_at, bytes };
}
