import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, PGliteDialect, type CoreTables, type Database } from '@linli/db';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { DB_APP, urlWithApp } from './cpu.js';
import type { Backend } from './options.js';

export type Row = Record<string, unknown>;

/** One connection inside a transaction, spoken to with the driver itself. */
export interface RawSession {
  query(text: string, params: readonly unknown[]): Promise<Row[]>;
}

/**
 * The database under test, opened by the bench process. `database` is the
 * kysely the server's own functions run on (migrations, seeding, capturing
 * SQL); `transaction`/`query` skip kysely and talk to the driver (pg, or the
 * PGlite instance): that is the "raw" side of every comparison.
 */
export interface BenchTarget {
  backend: Backend;
  database: Database<CoreTables>;
  transaction<T>(fn: (s: RawSession) => Promise<T>): Promise<T>;
  query(text: string, params: readonly unknown[]): Promise<Row[]>;
  /** A kysely on the same connections that reports every statement it runs. Never destroyed: it shares the pool. */
  recording(onQuery: (q: CompiledQuery) => void): Kysely<CoreTables>;
  /** Environment that points `linli serve` at the same data. */
  serverEnv: Record<string, string>;
  serverVersion: string;
  close(): Promise<void>;
}

// Same parsers as @linli/db's openDatabase: int8 as a number, date as text.
const INT8 = 20;
const DATE = 1082;

export async function openPostgres(url: string, schema: string, reset: boolean): Promise<BenchTarget> {
  // The schema name is ours (a constant), checked anyway because it goes into DDL.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (reset) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`create schema if not exists ${schema}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    // Names its connections, so the bench can tell their CPU from the server's (cpu.ts).
    application_name: DB_APP.raw,
    // The server's pool size (shared/MEASUREMENTS.md: 10 was the sweet spot), so raw and API queue alike.
    max: 10,
    options: `-c search_path=${schema}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (v: string) => Number(v) : oid === DATE ? (v: string) => v : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) });
  const serverVersion = String((await pool.query('show server_version')).rows[0]?.server_version ?? '?');
  return {
    backend: 'postgres',
    database: { db, capabilities: { kind: 'postgres', concurrentTransactions: true, needsManualVacuum: false }, close: () => db.destroy() },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: async (text, params) => (await client.query(text, params as unknown[])).rows });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    recording: (onQuery) => new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }), log: (e) => {
        if (e.level === 'query') onQuery(e.query);
      },
    }),
    serverEnv: { DATABASE_URL: urlWithApp(url, DB_APP.server), LINLI_DB_SCHEMA: schema },
    serverVersion,
    close: () => db.destroy(),
  };
}

export async function openPglite(dataDir: string, reset: boolean): Promise<BenchTarget> {
  if (reset) rmSync(dataDir, { recursive: true, force: true });
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v } });
  } catch (e) {
    unlock();
    throw e;
  }
  const db = new Kysely<CoreTables>({ dialect: new PGliteDialect(pglite) });
  const serverVersion = String((await pglite.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?');
  const close = async () => {
    await db.destroy();
    await pglite.close();
    unlock();
  };
  return {
    backend: 'pglite',
    database: { db, capabilities: { kind: 'pglite', concurrentTransactions: false, needsManualVacuum: true }, close },
    // PGlite's own transaction() queues callers: one backend, one transaction at a time.
    transaction: (fn) => pglite.transaction((tx) => fn({ query: async (text, params) => (await tx.query<Row>(text, params as unknown[])).rows })),
    query: async (text, params) => (await pglite.query<Row>(text, params as unknown[])).rows,
    recording: (onQuery) => new Kysely<CoreTables>({ dialect: new PGliteDialect(pglite), log: (e) => {
        if (e.level === 'query') onQuery(e.query);
      },
    }),
    serverEnv: { LINLI_DATA_DIR: dataDir },
    serverVersion,
    close,
  };
}

/** The installed PGlite package's version (its package.json is not exported, so it is found beside the entry point). */
export function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
    } catch {
      // not this directory
    }
  }
  return '?';
}
