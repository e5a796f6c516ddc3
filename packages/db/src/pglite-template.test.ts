import { statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetPgliteTemplate, pgliteTemplateFile } from './pglite-template.js';
import { testBackends } from './testing.js';

describe('fresh PGlite databases from the initialized template', () => {
  const pglite = testBackends().find((b) => b.name === 'pglite')!;
  const tables = async (d: Awaited<ReturnType<typeof pglite.open>>) =>
    (await d.db.selectFrom('information_schema.tables').select('table_name').where('table_schema', '=', 'public').execute()).length;

  it('are empty and separate from each other', async () => {
    const a = await pglite.open();
    const b = await pglite.open();
    try {
      await a.db.schema.createTable('only_in_a').addColumn('x', 'integer').execute();
      expect(await tables(a)).toBe(1);
      expect(await tables(b)).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('come from a template made again when the kept one is damaged', async () => {
    writeFileSync(pgliteTemplateFile(), 'not a tarball');
    await forgetPgliteTemplate({ keepFile: true });
    const d = await pglite.open();
    try {
      expect(await tables(d)).toBe(0);
    } finally {
      await d.close();
    }
    expect(statSync(pgliteTemplateFile()).size).toBeGreaterThan(1_000_000);
  });
});
