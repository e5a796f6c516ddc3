import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './connect.js';
import { forgetPgliteTemplate, pgliteTemplate } from './pglite-template.js';

/**
 * The databases every database test runs on: PGlite always, and PostgreSQL
 * too when DATABASE_URL is set (CI sets it). Each opened database is isolated:
 * a fresh in-memory PGlite (loaded from an initialized template rather than
 * running initdb each time), or a fresh schema on PostgreSQL dropped on close.
 */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database<any>>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: openFreshPglite }];
  const url = process.env.DATABASE_URL;
  if (url) {
    backends.push({
      name: 'postgres',
      open: async () => {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const database = await openDatabase({ url, schema, poolSize: 10 });
        return {
          ...database,
          close: async () => {
            await database.close();
            await dropTestSchema(url, schema);
          },
        };
      },
    });
  }
  return backends;
}

/** Drops a test's PostgreSQL schema (a server or CLI the test started ran in it), through a connection of its own. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

async function openFreshPglite(): Promise<Database<any>> {
  try {
    return await openDatabase({ pgliteTemplate: await pgliteTemplate() });
  } catch {
    // A template that does not load (damaged, or from a PGlite that reports the same version
    // but differs) is made again once; a second failure is a real one and is thrown.
    await forgetPgliteTemplate();
    return openDatabase({ pgliteTemplate: await pgliteTemplate() });
  }
}

/**
 * Makes `dir` an initialized PGlite data directory from the template, for a
 * test that starts a whole server on a directory (the browser stories): the
 * server then opens an existing database instead of running initdb.
 */
export async function initPgliteDir(dir: string): Promise<void> {
  const database = await openDatabase({ dataDir: dir, pgliteTemplate: await pgliteTemplate() });
  await database.close();
}
