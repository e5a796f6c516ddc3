import { sql, type RawBuilder } from 'kysely';

/** A jsonb parameter. Passing objects raw differs by driver (pg turns arrays into PG arrays), so always send text. */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value ?? null)} as jsonb)`;
}

export const idStr = (id: number | null | undefined): string | null => (id === null || id === undefined ? null : String(id));

import { parseId } from '@linli/core';

export { parseId };

/** Keyset cursors are opaque to clients: base64url of the last id seen. */
export function encodeCursor(id: number): string {
  return Buffer.from(String(id)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  return parseId(Buffer.from(cursor, 'base64url').toString('utf8'));
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` rows fetched in id order. */
export function toPage<R extends { id: number }, T>(rows: R[], limit: number, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return { items: slice.map(map), nextCursor: more && last ? encodeCursor(last.id) : null };
}
