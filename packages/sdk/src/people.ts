import type { Kysely } from 'kysely';
import type { CoreReadTables } from './schemas.js';

/** '/1/4/17/' → ['/1/', '/1/4/', '/1/4/17/']: the org at a path and every org above it, by path (the tree's materialized paths). */
export function pathsAtAndAbove(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Whose roles to find: at these orgs, or at an org and every org above it; any role unless `roles` says. */
export interface HoldersQuery {
  /** Only these roles (e.g. a step's `allow` list, by role id). */
  roles?: readonly string[];
  /** At these orgs (ids as a plugin's rows or the API give them). */
  orgIds?: readonly (number | string)[];
  /** At the org with this path or any org above it: a compound's community, street and city desks. */
  atOrAbove?: string;
  /** Only orgs of this type (with `atOrAbove`: the community above a compound). */
  orgType?: string;
}

/**
 * The people who hold a role where a plugin needs someone to act or hear
 * (the desk of a community, the staff of a property company, whoever may take
 * a topic's next step), each once, as person ids in the form `ctx.notify`'s
 * `to` takes, in id order; accounts an administrator disabled are left out
 * (nobody is told to act who can no longer log in). Reads the core's role grants (`linli_role_assignments`),
 * which plugins may read, never write. One of `orgIds` or `atOrAbove` is
 * required: "everyone holding a role anywhere" is never what a notice means.
 *
 * @example
 * const desk = await peopleHolding(trx, { roles: ['community_secretary', 'community_staff'], atOrAbove: compound.path });
 * await ctx.notify(trx, { kind, key, to: desk, vars });
 */
export async function peopleHolding(db: Kysely<any>, q: HoldersQuery): Promise<string[]> {
  if (!q.orgIds && q.atOrAbove === undefined) throw new Error('peopleHolding needs orgIds or atOrAbove');
  const orgIds = (q.orgIds ?? []).map(Number).filter((n) => Number.isSafeInteger(n));
  if (q.orgIds && !orgIds.length) return [];
  if (q.roles && !q.roles.length) return [];
  const above = q.atOrAbove === undefined ? undefined : pathsAtAndAbove(q.atOrAbove);
  if (above && !above.length) return [];
  let query = (db as Kysely<CoreReadTables & { linli_people: { disabled_at: Date | null } }>)
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .innerJoin('linli_people as p', 'p.id', 'r.person_id')
    .select('r.person_id')
    .distinct()
    .where('p.disabled_at', 'is', null);
  if (q.orgIds) query = query.where('r.org_id', 'in', orgIds);
  if (above) query = query.where('o.path', 'in', above);
  if (q.roles) query = query.where('r.role', 'in', [...q.roles]);
  if (q.orgType !== undefined) query = query.where('o.type', '=', q.orgType);
  const rows = await query.orderBy('r.person_id').execute();
  return rows.map((r) => String(r.person_id));
}
