import { Migrator, sql, type DatabaseIntrospector, type Kysely, type Migration, type SchemaMetadata, type TableMetadata } from 'kysely';
import { LinliError } from '@linli/core';
import * as core0001 from './migrations/0001-core.js';
import * as core0002 from './migrations/0002-attachments.js';
import * as core0003 from './migrations/0003-jobs-escalations.js';
import * as core0004 from './migrations/0004-bench-indexes.js';
import * as core0005 from './migrations/0005-attachment-quota.js';
import * as core0006 from './migrations/0006-login-throttle.js';
import * as core0007 from './migrations/0007-accounts.js';
import * as core0010 from './migrations/0010-notification-channels.js';
import * as core0011 from './migrations/0011-resident-registration.js';
import * as core0013 from './migrations/0013-resident-loop.js';
import * as core0015 from './migrations/0015-open311.js';
import * as core0016 from './migrations/0016-public-indexes.js';
import * as core0018 from './migrations/0018-grid-boundaries.js';

export const coreMigrations: Record<string, Migration> = {
  '0001-core': core0001,
  '0002-attachments': core0002,
  '0003-jobs-escalations': core0003,
  '0004-bench-indexes': core0004,
  '0005-attachment-quota': core0005,
  '0006-login-throttle': core0006,
  '0007-accounts': core0007,
  '0010-notification-channels': core0010,
  '0011-resident-registration': core0011,
  '0013-resident-loop': core0013,
  '0015-open311': core0015,
  '0016-public-indexes': core0016,
  '0018-grid-boundaries': core0018,
};

/** The migration table of a namespace: `linli_migrations` for the core, `linli_migrations__<plugin>` for a plugin. Never renamed. */
export function migrationTable(namespace: string): string {
  return namespace === 'core' ? 'linli_migrations' : `linli_migrations__${namespace.replace(/[^a-z0-9]/g, '_')}`;
}

/**
 * Runs the pending migrations of one namespace, one transaction per
 * migration: a failing migration is rolled back whole, those before it stay.
 * Returns the names applied.
 */
export async function migrateNamespace(db: Kysely<any>, namespace: string, migrations: Record<string, Migration>): Promise<string[]> {
  const table = migrationTable(namespace);
  // Name the schema: kysely otherwise finds a same-named table in any schema
  // (another deployment's on a shared PostgreSQL) and skips creating its own.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db: withCurrentSchemaIntrospection(db),
    migrationTableSchema: rows[0]!.schema,
    provider: { getMigrations: async () => migrations },
    migrationTableName: table,
    migrationLockTableName: `${table}_lock`,
    // Migrations added on parallel branches may land out of name order; apply what is missing.
    allowUnorderedMigrations: true,
  });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
      throw new LinliError('LINLI_ERR_MIGRATION_FAILED', [`${namespace}/${failed?.migrationName ?? '?'}`, (error as Error | undefined)?.message ?? 'unknown error']);
    }
    const done = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    if (done.length === 0) return applied;
    applied.push(...done.map((n) => `${namespace}/${n}`));
  }
}

/**
 * kysely's Migrator looks for its tables with the dialect's introspector,
 * which reads every table of every schema and resolves each name with
 * pg_get_serial_sequence(). When another schema is dropped meanwhile (another
 * deployment on a shared PostgreSQL, or a parallel test), that lookup fails
 * with "schema … does not exist". The Migrator only needs to know whether its
 * own schema and tables exist, so it gets an introspector that reads only
 * the current schema and resolves no names.
 */
function withCurrentSchemaIntrospection(db: Kysely<any>): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace where nspname = current_schema()`.execute(db);
      return rows;
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; schema: string }>`
        select c.relname as name, n.nspname as schema
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(db);
      return rows.map((r) => ({ ...r, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  // Kysely keeps its state in private fields: bind methods to the real instance.
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function migrateCore(db: Kysely<any>): Promise<string[]> {
  return migrateNamespace(db, 'core', coreMigrations);
}
