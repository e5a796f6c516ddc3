import { sql, type Kysely } from 'kysely';

/** What one person uploaded in the last 24 hours is read on every upload (the per-person quota): an index, not a scan of their history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index linli_attachments_uploader_time_idx on linli_attachments (uploader_id, created_at)`.execute(db);
}
