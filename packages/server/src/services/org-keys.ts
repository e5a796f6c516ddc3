import type { CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';

/**
 * A stable key for an org or grid made on a page, where nobody types one:
 * the parent's key and the next free number (`yongfu-4`, `yongfu-g3`). Keys
 * are what the spreadsheet import and export match rows by, so they never
 * change once given; a name can.
 */
export async function freeKey(db: Kysely<CoreTables>, table: 'linli_orgs' | 'linli_grids', base: string): Promise<string> {
  const taken = new Set((await db.selectFrom(table).select('key').where('key', 'like', `${base.replace(/[%_\\]/g, '\\$&')}%`).execute()).map((r) => r.key));
  for (let n = 1; ; n++) {
    const key = `${base}${n}`;
    if (!taken.has(key)) return key;
  }
}
