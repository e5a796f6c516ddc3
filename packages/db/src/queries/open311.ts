import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';

/**
 * Open311 clients and the tickets they filed (migrations/0015-open311.ts).
 * A client files as its own service account: a person without a password
 * holding the resident role at the client's org.
 */

export interface Open311Client {
  id: string;
  name: string;
  personId: number;
  orgId: string;
  orgName: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function insertOpen311Client(
  trx: Kysely<CoreTables>,
  c: { name: string; keyHash: string; orgId: number; createdBy: number | null; now: Date; username: string },
): Promise<{ id: string; personId: number }> {
  const person = await trx.insertInto('linli_people').values({ username: c.username, display_name: c.name, phone: null, password_hash: null, created_at: c.now }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('linli_role_assignments').values({ person_id: person.id, role: 'resident', org_id: c.orgId, grid_id: null, created_at: c.now }).execute();
  const row = await trx
    .insertInto('linli_open311_clients')
    .values({ name: c.name, key_hash: c.keyHash, person_id: person.id, org_id: c.orgId, created_by: c.createdBy, created_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: String(row.id), personId: person.id };
}

function clientQuery(db: Kysely<CoreTables>) {
  return db
    .selectFrom('linli_open311_clients as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.person_id', 'c.org_id', 'o.name as org_name', 'o.path as org_path', 'c.created_at', 'c.revoked_at']);
}

const toClient = (r: { id: number; name: string; person_id: number; org_id: number; org_name: string; created_at: Date; revoked_at: Date | null }): Open311Client => ({
  id: String(r.id),
  name: r.name,
  personId: r.person_id,
  orgId: String(r.org_id),
  orgName: r.org_name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** The client holding this key hash, unless it was revoked. */
export async function findOpen311Client(db: Kysely<CoreTables>, keyHash: string): Promise<Open311Client | null> {
  const r = await clientQuery(db).where('c.key_hash', '=', keyHash).where('c.revoked_at', 'is', null).executeTakeFirst();
  return r ? toClient(r) : null;
}

/** Clients whose org lies in one of these subtrees (an administrator's scopes). */
export async function listOpen311Clients(db: Kysely<CoreTables>, paths: string[]): Promise<Open311Client[]> {
  if (!paths.length) return [];
  const rows = await clientQuery(db)
    .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))))
    .orderBy('c.id')
    .execute();
  return rows.map(toClient);
}

export async function getOpen311Client(db: Kysely<CoreTables>, id: number): Promise<(Open311Client & { orgPath: string }) | null> {
  const r = await clientQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r ? { ...toClient(r), orgPath: r.org_path } : null;
}

export async function revokeOpen311Client(db: Kysely<CoreTables>, id: number, now: Date): Promise<void> {
  await db.updateTable('linli_open311_clients').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function insertOpen311Request(
  trx: Kysely<CoreTables>,
  r: { ticketId: number; clientId: number; token: string; addressString: string | null; deviceId: string | null; accountId: string | null; contact: Record<string, string>; now: Date },
): Promise<void> {
  await trx
    .insertInto('linli_open311_requests')
    .values({
      ticket_id: r.ticketId,
      client_id: r.clientId,
      token: r.token,
      address_string: r.addressString,
      device_id: r.deviceId,
      account_id: r.accountId,
      contact: JSON.stringify(r.contact),
      created_at: r.now,
    })
    .execute();
}

export async function open311Token(db: Kysely<CoreTables>, token: string): Promise<{ ticketId: string } | null> {
  const r = await db.selectFrom('linli_open311_requests').select('ticket_id').where('token', '=', token).executeTakeFirst();
  return r ? { ticketId: String(r.ticket_id) } : null;
}

export interface Open311RequestRow {
  id: string;
  workflow: string;
  state: string;
  title: string;
  orgKey: string;
  orgName: string;
  agency: string | null;
  /** The ticket's point (WGS-84), however it was filed. */
  lat: number | null;
  long: number | null;
  /** The latest public note of the handlers (never an internal one, nor the reporter's own words). */
  statusNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
  deadline: Date | null;
  closedAt: Date | null;
}

export interface Open311RequestFilter {
  workflows: string[];
  ids?: number[];
  start?: Date;
  end?: Date;
  /** closed: the ticket reached a terminal state (closed_at is set); open: not yet. */
  status?: 'open' | 'closed';
  limit: number;
}

/**
 * Tickets of the service workflows, newest first, with only what GeoReport
 * shows: no reporter, no form data, and of the history only the latest note
 * the handlers made public (visibility 'public', 0013) — internal notes never.
 */
export async function open311Requests(db: Kysely<CoreTables>, f: Open311RequestFilter): Promise<Open311RequestRow[]> {
  if (!f.workflows.length || (f.ids && !f.ids.length)) return [];
  let q = db
    .selectFrom('linli_tickets as t')
    .innerJoin('linli_orgs as o', 'o.id', 't.org_id')
    .leftJoin('linli_orgs as a', 'a.id', 't.assignee_org_id')
    .select(['t.id', 't.workflow', 't.state', 't.title', 'o.key as org_key', 'o.name as org_name', 'a.name as agency', 't.lat', 't.lng', 't.created_at', 't.updated_at', 't.deadline', 't.closed_at'])
    .select((eb) =>
      eb
        .selectFrom('linli_ticket_events as e')
        .select('e.comment')
        .whereRef('e.ticket_id', '=', 't.id')
        .where('e.visibility', '=', 'public')
        .where('e.comment', 'is not', null)
        .where('e.comment', '<>', '')
        .where(sql<boolean>`e.actor_id is distinct from t.reporter_id`)
        .orderBy('e.seq', 'desc')
        .limit(1)
        .as('status_notes'),
    )
    .where('t.workflow', 'in', f.workflows);
  if (f.ids) q = q.where('t.id', 'in', f.ids);
  if (f.start) q = q.where('t.created_at', '>=', f.start);
  if (f.end) q = q.where('t.created_at', '<=', f.end);
  if (f.status === 'open') q = q.where('t.closed_at', 'is', null);
  if (f.status === 'closed') q = q.where('t.closed_at', 'is not', null);
  const rows = await q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    workflow: r.workflow,
    state: r.state,
    title: r.title,
    orgKey: r.org_key,
    orgName: r.org_name,
    agency: r.agency,
    lat: r.lat === null ? null : Number(r.lat),
    long: r.lng === null ? null : Number(r.lng),
    statusNotes: r.status_notes ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deadline: r.deadline,
    closedAt: r.closed_at,
  }));
}
