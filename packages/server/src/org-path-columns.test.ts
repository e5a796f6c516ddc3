import { testBackends } from '@linli/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateAll } from './start.js';
import { bundledPlugins } from './test-support.js';

/**
 * A plugin that copies an org's path into its own table must declare the
 * column (`orgPathColumns`), or moving that org (org-tree page, import)
 * leaves the plugin's rows under the old parent, out of everyone's scope.
 * Every `*_path` column outside the core's tables must be declared by some
 * bundled plugin, and every declaration must name a real column.
 */
// Paths kept on purpose when an org moves: a 双报到 member stays with the community
// they registered with (docs/implementer-guide.md, "The tree and the grids").
const keptOnMove = ['volunteer_points_members.community_path'];

describe('copied org paths are declared', () => {
  it('every *_path column of a plugin table is in some plugin’s orgPathColumns', async () => {
    const database = await testBackends()[0]!.open();
    try {
      await migrateAll(database, bundledPlugins);
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and column_name like '%\\_path' and table_name not like 'linli\\_%'`.execute(database.db);
      const found = rows.map((r) => `${r.table_name}.${r.column_name}`).filter((c) => !keptOnMove.includes(c)).sort();
      const declared = bundledPlugins.flatMap((p) => (p.orgPathColumns ?? []).map((c) => `${c.table}.${c.column}`)).sort();
      expect(found.length).toBeGreaterThan(10);
      expect(declared).toEqual(found);
    } finally {
      await database.close();
    }
  });
});
