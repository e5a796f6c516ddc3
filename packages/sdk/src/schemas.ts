import type { Kysely } from 'kysely';

/**
 * Small pieces every plugin's routes and queries need, so each plugin does not
 * write its own copy.
 */

/** A field of a response record: a JSON type, a nullable one (`['string', 'null']`), or a whole JSON Schema. */
export type ResponseField =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | readonly ['string' | 'integer' | 'number' | 'boolean', 'null']
  | Record<string, unknown>;

/**
 * An object schema whose every listed field is present in each response.
 * fastify serializes with it, so a field not listed is never sent.
 *
 * @example
 * export const visitItem = responseRecord({ id: 'string', household: 'string', note: ['string', 'null'] });
 */
export function responseRecord(fields: Record<string, ResponseField>) {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, typeof t === 'object' && !Array.isArray(t) ? t : { type: t }])),
    required: Object.keys(fields),
  } as const;
}

/**
 * The core tables a plugin may read (never write: it changes tickets through
 * `ctx.tickets`), for typing its kysely queries next to its own tables.
 */
export interface CoreReadTables {
  linli_orgs: { id: number; key: string; parent_id: number | null; type: string; kind: 'level' | 'side'; name: string; path: string };
  linli_people: { id: number; username: string; display_name: string };
  linli_role_assignments: { id: number; person_id: number; role: string; org_id: number; grid_id: number | null };
  /** Uploaded photos (随手拍): a plugin checks that an id a form names exists and who uploaded it, never reads the bytes. */
  linli_attachments: { id: number; uploader_id: number };
}

/**
 * A plugin's view of a connection or transaction (`ctx.db`, a hook's or
 * `ctx.transaction`'s `trx`, which the contract types as `Kysely<any>`), typed
 * for its own tables next to the core tables it may read. It is kysely's own
 * `withTables<T>()`: the same connection or transaction, so queries through it
 * stay inside the caller's transaction.
 *
 * Declare the tables once, beside the migrations that create them
 * (`src/store/tables.ts`, exported as `Tables`); the test
 * `plugin-tables.test.ts` of the server migrates a database and checks every
 * bundled plugin's declared columns against it.
 *
 * @example
 * export interface Tables extends CoreReadTables { door_knocking_visits: VisitsTable }
 * export const typed = withTables<Tables>;   // typed(trx).selectFrom('door_knocking_visits')…
 */
export function withTables<T extends object>(db: Kysely<any>): Kysely<CoreReadTables & T> {
  return db.withTables<Record<string, Record<string, unknown>>>() as unknown as Kysely<CoreReadTables & T>;
}
