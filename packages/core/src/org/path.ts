/**
 * Organizations are addressed by a materialized path of their ids: `/1/4/17/`.
 * Chosen over a closure table because a subtree is then one indexed range scan
 * (`path LIKE '/1/4/%'` on a `text_pattern_ops` btree index) that runs the same
 * on PostgreSQL and PGlite without the ltree extension, and tickets can carry
 * their org's path so scope filters never join. Trees here are shallow (≤ 8
 * levels) and orgs rarely move, so rewriting paths on a move is cheap.
 */
export function childPath(parentPath: string | null, id: number | string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The LIKE pattern that selects a subtree; paths hold only digits and `/`, so nothing needs escaping. */
export function subtreePattern(path: string): string {
  if (!/^\/(\d+\/)*$/.test(path)) throw new Error(`Not an org path: ${path}`);
  return `${path}%`;
}

/** The path of the org a path's org hangs under (`/1/4/17/` → `/1/4/`); the root's is itself. */
export function parentPath(path: string): string {
  const ids = pathIds(path);
  return ids.length <= 1 ? path : `/${ids.slice(0, -1).join('/')}/`;
}

/** Ids along a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
