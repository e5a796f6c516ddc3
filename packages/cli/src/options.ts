import { resolve } from 'node:path';

/** Settings shared by every command, from flags first, then the environment, then defaults. */
export interface CommonOptions {
  config: string;
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use (LINLI_DB_SCHEMA), so several deployments or a benchmark can share one database. */
  databaseSchema: string | undefined;
  dataDir: string;
}

export const defaultConfig = 'examples/tianchang/linli.config.json';

export function commonOptions(flags: { config?: string | undefined; 'data-dir'?: string | undefined }, positional?: string): CommonOptions {
  return {
    config: resolve(positional ?? flags.config ?? process.env.LINLI_CONFIG ?? defaultConfig),
    databaseUrl: process.env.DATABASE_URL || undefined,
    databaseSchema: process.env.LINLI_DB_SCHEMA || undefined,
    dataDir: resolve(flags['data-dir'] ?? process.env.LINLI_DATA_DIR ?? '.linli/data'),
  };
}
