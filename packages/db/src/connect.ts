import type { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import { LinliError } from '@linli/core';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { CoreTables } from './schema.js';
import { PostgresDialect } from 'kysely';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string | undefined;
  /**
   * A tarball of an initialized PGlite data directory to start from (PGlite's
   * `loadDataDir`), instead of running initdb: tests open many databases and
   * initdb is most of the time each takes (see `@linli/db/testing`).
   */
  pgliteTemplate?: Blob | undefined;
  /** PostgreSQL schema to work in (tests use one per file). Created if missing. */
  schema?: string | undefined;
  /** pg pool size; 10 was the measured sweet spot on 2 cores (shared/MEASUREMENTS.md). */
  poolSize?: number;
}

/**
 * What differs between the backends, as capabilities rather than
 * `if (kind === …)` scattered through the code.
 */
export interface DatabaseCapabilities {
  kind: DatabaseKind;
  /** PGlite runs one transaction at a time; PostgreSQL runs many. */
  concurrentTransactions: boolean;
  /** PGlite has no autovacuum: the application vacuums. */
  needsManualVacuum: boolean;
}

export interface Database<T = CoreTables> {
  db: Kysely<T>;
  capabilities: DatabaseCapabilities;
  /**
   * Hears NOTIFY on a channel from every instance on this database, on a
   * connection of its own; `onLost` runs if that connection fails, after
   * which nothing more is heard. Returns a function that stops listening.
   * Only on PostgreSQL: a PGlite directory has one instance, which needs no
   * telling.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onLost: (error: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// int8 (20) as a JS number and date (1082) as 'YYYY-MM-DD' on both backends,
// so responses never differ by database.
const INT8 = 20;
const DATE = 1082;

export async function openDatabase<T = CoreTables>(opts: DatabaseOptions = {}): Promise<Database<T>> {
  if (opts.url) {
    const schema = opts.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    if (schema) {
      const client = new pg.Client({ connectionString: opts.url });
      await client.connect();
      await client.query(`create schema if not exists ${schema}`);
      await client.end();
    }
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? (v: string) => Number(v) : oid === DATE ? (v: string) => v : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // Set on every new connection rather than through the `options` startup
    // parameter, which `?options=` in DATABASE_URL would silently replace.
    if (schema) pool.on('connect', (client) => void client.query(`set search_path to ${schema}`));
    const db = new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
    const url = opts.url;
    return {
      db,
      capabilities: { kind: 'postgres', concurrentTransactions: true, needsManualVacuum: false },
      async listen(channel, onMessage, onLost) {
        if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
        const client = new pg.Client({ connectionString: url });
        let stopping = false;
        const lost = (e: Error) => {
          if (!stopping) onLost(e);
          stopping = true;
        };
        client.on('notification', (n) => {
          if (n.channel === channel) onMessage(n.payload ?? '');
        });
        client.on('error', lost);
        client.on('end', () => lost(new Error('the listening connection closed')));
        await client.connect();
        await client.query(`listen ${channel}`);
        return async () => {
          stopping = true;
          await client.end().catch(() => {});
        };
      },
      close: () => db.destroy(),
    };
  }

  const unlock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let pglite: PGlite;
  try {
    // Loaded only for the embedded database: a server on PostgreSQL does not hold PGlite's code.
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {}),
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
    });
    // A damaged directory can open and fail on first use: ask it something now.
    await pglite.query('select 1');
  } catch (e) {
    unlock();
    if (!opts.dataDir) throw e;
    throw new LinliError('LINLI_ERR_DATA_DIR_DAMAGED', [opts.dataDir, (e as Error).message ?? String(e)]);
  }
  const db = new Kysely<T>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    capabilities: { kind: 'pglite', concurrentTransactions: false, needsManualVacuum: true },
    close: async () => {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}
