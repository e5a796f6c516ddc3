import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateCore } from './migrate.js';
import { testBackends } from './testing.js';

/**
 * On a shared PostgreSQL other schemas come and go (parallel test files,
 * other deployments). Migrating one schema must not fail because another is
 * dropped at the same moment: kysely's stock introspector resolved every
 * table name of every schema and failed with `schema "…" does not exist`.
 */
const url = process.env.DATABASE_URL;
describe.skipIf(!url)('migrations on a PostgreSQL where other schemas are being dropped', () => {
  it('migrates regardless', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const others = Array.from({ length: 40 }, (_, i) => `race_${process.pid}_${i}`);
    try {
      for (const s of others) {
        await admin.query(`create schema ${s}`);
        await admin.query(`create table ${s}.t1 (id bigserial primary key, a int); create table ${s}.t2 (id serial primary key)`);
      }
      const backend = testBackends().find((b) => b.name === 'postgres')!;
      const databases = await Promise.all([1, 2, 3].map(() => backend.open()));
      try {
        const dropping = (async () => {
          for (const s of others) await admin.query(`drop schema ${s} cascade`);
        })();
        const applied = await Promise.all(databases.map((d) => migrateCore(d.db)));
        await dropping;
        for (const names of applied) expect(names).toContain('core/0001-core');
      } finally {
        await Promise.all(databases.map((d) => d.close()));
      }
    } finally {
      for (const s of others) await admin.query(`drop schema if exists ${s} cascade`);
      await admin.end();
    }
  });
});
