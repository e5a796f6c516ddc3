import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './connect.js';

/**
 * The databases every database test runs on: PGlite always, and PostgreSQL
 * too when DATABASE_URL is set (CI sets it). Each opened database is isolated:
 * a fresh in-memory PGlite, or a fresh schema on PostgreSQL dropped on close.
 */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database<any>>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: () => openDatabase({}) }];
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
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            await client.query(`drop schema if exists ${schema} cascade`);
            await client.end();
          },
        };
      },
    });
  }
  return backends;
}
