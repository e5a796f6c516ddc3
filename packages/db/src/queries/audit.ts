import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { jsonb, parseId } from './json.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Records an administrative change (who, what, when, before/after). The table is append-only. Run in the change's transaction. */
export async function audit(db: Kysely<CoreTables>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('linli_audit_log')
    .values({
      actor_id: parseId(e.actorId),
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      before: e.before === undefined ? null : jsonb(e.before),
      after: e.after === undefined ? null : jsonb(e.after),
      request_id: e.requestId ?? null,
    })
    .execute();
}
