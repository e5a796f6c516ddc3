import { sql, type Kysely } from 'kysely';

/**
 * Photos attached to tickets (随手拍). Stored in the database next to the
 * tickets they document so a backup of one is a backup of both; at ≤ 5 MB per
 * photo and a few per ticket this stays far below what PostgreSQL handles well.
 */
const statements = [
  `create table linli_attachments (
     id integer generated always as identity primary key,
     uploader_id integer not null references linli_people(id),
     content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
     size integer not null check (size > 0 and size <= 5242880),
     bytes bytea not null,
     created_at timestamptz not null)`,
  `create index linli_attachments_uploader_idx on linli_attachments (uploader_id, id)`,
  // "Which step referenced this photo?" is a containment test on the photos array of a step's data.
  `create index linli_ticket_events_photos_idx on linli_ticket_events using gin ((data -> 'photos'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
