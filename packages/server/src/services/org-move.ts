import type { Deployment, OrgPathColumn } from '@linli/core';
import type { CoreTables } from '@linli/db';
import { sql, type Kysely } from 'kysely';

/** An org as a move reads it: where it hangs now. */
export interface OrgPlace {
  id: number;
  path: string;
  depth: number;
}

const identifier = /^[a-z][a-z0-9_]*$/;

/**
 * The plugin columns that copy org paths (`orgPathColumns`), of the enabled
 * plugins. Plain identifiers outside the core's own tables only: a mistake
 * stops the start, not a move.
 */
export function orgPathColumns(deployment: Pick<Deployment, 'plugins'>): OrgPathColumn[] {
  return deployment.plugins.flatMap((p) =>
    (p.orgPathColumns ?? []).map((c) => {
      if (!identifier.test(c.table) || !identifier.test(c.column) || c.table.startsWith('linli_')) {
        throw new Error(`Plugin ${p.name}: orgPathColumns must name one of the plugin's own tables and a column by plain names, not ${c.table}.${c.column}.`);
      }
      return c;
    }),
  );
}

/**
 * Hangs `org` (with its whole subtree) under `parent`, in the caller's
 * transaction: rewrites the subtree's paths and depths, the scope of every
 * ticket and escalation filed in it or assigned to it, and the plugin columns
 * that copy paths (`columns`, from `orgPathColumns`), so a compound moved to
 * another community takes its tickets and records along (the new community
 * sees them, the old one no longer does). Shared by the spreadsheet import
 * and the org-tree administration page. Returns how many tickets changed
 * scope. The caller checks that the move is allowed (not under its own subtree).
 */
export async function moveOrgSubtree(trx: Kysely<CoreTables>, org: OrgPlace, parent: OrgPlace | null, columns: readonly OrgPathColumn[] = []): Promise<number> {
  const newPath = `${parent?.path ?? '/'}${org.id}/`;
  const shift = (parent ? parent.depth + 1 : 0) - org.depth;
  const len = org.path.length;
  const like = `${org.path}%`;
  await trx.updateTable('linli_orgs').set({ parent_id: parent?.id ?? null }).where('id', '=', org.id).execute();
  await sql`update linli_orgs set path = ${newPath} || substr(path, ${len + 1}), depth = depth + ${shift} where path like ${like}`.execute(trx);
  const moved = await sql`update linli_tickets set org_path = ${newPath} || substr(org_path, ${len + 1}) where org_path like ${like}`.execute(trx);
  await sql`update linli_tickets set assignee_org_path = ${newPath} || substr(assignee_org_path, ${len + 1}) where assignee_org_path like ${like}`.execute(trx);
  await sql`update linli_ticket_escalations set org_path = ${newPath} || substr(org_path, ${len + 1}) where org_path like ${like}`.execute(trx);
  // kysely quotes the declared identifiers; the paths are bound values.
  for (const c of columns) {
    await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${newPath} || substr(${sql.ref(c.column)}, ${len + 1}) where ${sql.ref(c.column)} like ${like}`.execute(trx);
  }
  return Number(moved.numAffectedRows ?? 0n);
}
