import { createHash, randomBytes } from 'node:crypto';
import { audit, insertOpen311Client, type CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';

/** How an api_key is stored and looked up: its SHA-256, so a leaked table files nothing. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * Issues an Open311 api_key: 32 random bytes shown once, stored only as a
 * SHA-256. The client files as a new service account (no password, the
 * resident role at `org`), so what it may file is what a resident there may.
 * Used by the admin route and `linli open311 issue`; audited either way.
 */
export async function issueOpen311Key(
  trx: Kysely<CoreTables>,
  o: { name: string; orgId: number; issuedBy: string | null; now: Date; requestId?: string },
): Promise<{ id: string; name: string; apiKey: string }> {
  const apiKey = randomBytes(32).toString('base64url');
  const created = await insertOpen311Client(trx, {
    name: o.name,
    keyHash: hashApiKey(apiKey),
    orgId: o.orgId,
    createdBy: o.issuedBy === null ? null : Number(o.issuedBy),
    now: o.now,
    username: `open311.${randomBytes(6).toString('hex')}`,
  });
  await audit(trx, { actorId: o.issuedBy, action: 'open311.client.issue', subjectType: 'open311_client', subjectId: created.id, after: { name: o.name, orgId: String(o.orgId), personId: String(created.personId) }, requestId: o.requestId ?? null });
  return { id: created.id, name: o.name, apiKey };
}
