import { sql, type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 clients and what they filed. A client application
 * (a city app, a hotline's system) gets an api_key from an administrator; it
 * files as a service account of its own (a person with no password, holding
 * the resident role where the client may file), so every ticket still has a
 * reporter and the ordinary rules decide what it may file. Keys are stored
 * only as SHA-256. The reporter's contact fields (email, name, phone) are
 * personal data: kept beside the ticket for staff, never served publicly.
 * The point a client sends is the ticket's own (linli_tickets lat/lng, 0013),
 * not stored again here.
 */
const statements = [
  `create table linli_open311_clients (
     id integer generated always as identity primary key,
     name text not null,
     key_hash text not null unique,
     person_id integer not null unique references linli_people(id),
     org_id integer not null references linli_orgs(id),
     created_by integer references linli_people(id),
     created_at timestamptz not null,
     revoked_at timestamptz)`,
  `create table linli_open311_requests (
     ticket_id integer primary key references linli_tickets(id),
     client_id integer not null references linli_open311_clients(id),
     token text not null unique,
     address_string text,
     device_id text,
     account_id text,
     contact jsonb not null default '{}',
     created_at timestamptz not null)`,
  `create index linli_open311_requests_client_idx on linli_open311_requests (client_id, ticket_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
