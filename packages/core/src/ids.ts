/**
 * Parses an id from a URL or a body: anything that is not a positive 32-bit
 * integer cannot exist, so callers treat `null` as "not found" (404), never
 * as a bad request that would tell ids apart.
 */
export function parseId(id: string | number | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const s = String(id);
  if (!/^[1-9][0-9]{0,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= 2_147_483_647 ? n : null;
}
