import type { Deployment, LocalizedText } from '@linli/core';
import type { Kysely } from 'kysely';

/**
 * The public side of a plugin: what anyone may read without logging in (the
 * notice board 公示栏). Declared as data and served by the server, never as
 * routes of the plugin's own, so a public answer can be nothing but what was
 * declared:
 *
 * - a loader gets no request and no actor, only a read-only view of the
 *   database (a `READ ONLY` transaction: a write fails) and the place the
 *   board is for;
 * - each item is validated against the declared `item` schema (no field may
 *   be `x-linli-sensitive`; every object closed with `additionalProperties:
 *   false`), and the server masks, in every string, what looks like a phone
 *   or ID-card number and the name of anyone with an account, before it is
 *   sent;
 * - it is served at `GET /api/public/plugins/<name>/<id>?orgId=`, counted as
 *   anonymous traffic by the rate limit, and listed in the OpenAPI document
 *   under the tag `public`.
 */

/** The place a public answer is about: the city (its root org) or one community. */
export interface PublicPlace {
  id: string;
  /** Materialized path (`/1/4/`): the place and everything under it is `path like '<path>%'`. */
  path: string;
  name: string;
  type: string;
}

/** What a public loader may use: a read-only database and the city, nothing about who asks. */
export interface PublicView {
  /** A read-only transaction: select from the plugin's tables and the core's org tree; a write fails. */
  db: Kysely<any>;
  deployment: Deployment;
  /** The plugin's validated options. */
  options: Record<string, unknown>;
  now(): Date;
  place: PublicPlace;
}

/**
 * One public data source of a plugin: a list of items about a place.
 *
 * @example
 * { id: 'resolutions', title: { 'zh-CN': '议事决议', en: 'Resolutions' },
 *   item: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false },
 *   load: async ({ db, place }) => db.selectFrom('wdh_votes').select('resolution as title').where('compound_path', 'like', `${place.path}%`).execute() }
 */
export interface PublicDataSource {
  /** kebab-case; the URL segment after `/api/public/plugins/<name>/`. */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** JSON Schema of one item (draft-07, closed: `additionalProperties: false`). */
  item: Record<string, unknown>;
  /** The items about `view.place` (the city or one community), newest first, at most `limit` (the server asks for 100). */
  load(view: PublicView, limit: number): Promise<Record<string, unknown>[]>;
}

/** One field shown on a board card. */
export interface PublicField {
  field: string;
  title: LocalizedText;
  format?: 'text' | 'number' | 'percent' | 'date' | 'month' | 'money' | 'badge';
}

/**
 * A section of the public notice board showing one public data source: each
 * item as a card (phone first) with the listed fields.
 */
export interface PublicPage {
  id: string;
  title: LocalizedText;
  /** The id of one of the plugin's `publicData` sources. */
  source: string;
  /** The field shown as each card's heading. */
  heading: string;
  /** The other fields shown on each card. */
  fields: PublicField[];
  /** Where on the board it goes: smaller first (the core's figures are 0). */
  order?: number;
  /** Shown when there is nothing to show. */
  empty?: LocalizedText;
}

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks a plugin's public declarations without a deployment: ids, pages
 * naming a declared source, item schemas closed and free of fields marked
 * sensitive. Returns each problem as a sentence (empty: fine).
 */
export function publicDeclarationProblems(plugin: { name: string; publicData?: PublicDataSource[]; web?: { publicPages?: PublicPage[] } }): string[] {
  const problems: string[] = [];
  const sources = new Set<string>();
  for (const s of plugin.publicData ?? []) {
    if (!idPattern.test(s.id)) problems.push(`public data "${s.id}" of plugin "${plugin.name}" needs a kebab-case id`);
    if (sources.has(s.id)) problems.push(`public data "${s.id}" of plugin "${plugin.name}" is declared twice`);
    sources.add(s.id);
    for (const p of openOrSensitive(s.item, '')) problems.push(`public data "${s.id}" of plugin "${plugin.name}": ${p}`);
  }
  for (const page of plugin.web?.publicPages ?? []) {
    if (!sources.has(page.source)) problems.push(`public page "${page.id}" of plugin "${plugin.name}" shows "${page.source}", which is no public data source of the plugin`);
  }
  return problems;
}

/** Objects that are not closed, and fields marked sensitive, anywhere in a schema. */
function openOrSensitive(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  if (s['x-linli-sensitive']) out.push(`field ${path || '/'} is marked x-linli-sensitive and can never be public`);
  if (s.type === 'object' && s.additionalProperties !== false) out.push(`object ${path || '/'} must say additionalProperties: false`);
  for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) out.push(...openOrSensitive(v, `${path}/${k}`));
  if (s.items) out.push(...openOrSensitive(s.items, `${path}/items`));
  return out;
}
