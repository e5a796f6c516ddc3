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
