import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrateCore, migrateNamespace } from '@linli/db';
import { testBackends } from '@linli/testing';
import { sql, type Kysely } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundledPlugins } from './test-support.js';

/**
 * Each plugin declares its tables for kysely (`src/store/tables.ts`, the
 * interface `Tables`, used through the SDK's `withTables`) by hand, beside the
 * migrations that create them. Nothing ties the two together at compile time:
 * a column renamed in a migration but not in the interface compiles and fails
 * at run time. So this test reads the declared interface with the TypeScript
 * compiler, migrates a real database with every bundled plugin, and compares
 * table by table, column by column: names, nullability and the kind of value
 * (the core tables a plugin reads must exist with the columns it names).
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The plugin's folder under plugins/, found by its package name. */
function folderOf(plugin: string): string {
  for (const dir of readdirSync(`${root}plugins`)) {
    const file = `${root}plugins/${dir}/package.json`;
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === `@linli/plugin-${plugin}`) return `${root}plugins/${dir}`;
  }
  throw new Error(`no folder under plugins/ holds @linli/plugin-${plugin}`);
}

/** What a column holds, as both sides can say it. */
type Kind = 'string' | 'number' | 'boolean' | 'date' | 'json' | 'array';
interface Column {
  kinds: Set<Kind>;
  nullable: boolean;
}
type TableShape = Map<string, Column>;

/** The kinds a PostgreSQL column type may be declared as (the drivers give int8 as a number, `date` and `time` as text). */
function allowedKinds(dataType: string): Set<Kind> {
  if (['integer', 'smallint', 'real', 'double precision'].includes(dataType)) return new Set(['number']);
  if (['bigint', 'numeric'].includes(dataType)) return new Set(['number', 'string']);
  if (['text', 'character varying', 'character', 'date', 'time without time zone'].includes(dataType)) return new Set(['string']);
  if (dataType.startsWith('timestamp')) return new Set(['date']);
  if (dataType === 'boolean') return new Set(['boolean']);
  if (dataType === 'jsonb' || dataType === 'json') return new Set(['json', 'array']);
  if (dataType === 'ARRAY') return new Set(['array']);
  return new Set();
}

/** The declared `Tables` interface of each file, read with the compiler (one program for all plugins). */
function declaredTables(files: string[]): Map<string, Map<string, TableShape>> {
  const { config } = ts.readConfigFile(`${root}tsconfig.json`, (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();

  const kindsOf = (type: ts.Type, into: Column): void => {
    if (type.isUnion()) {
      for (const t of type.types) kindsOf(t, into);
      return;
    }
    const f = type.flags;
    if (f & ts.TypeFlags.Null) into.nullable = true;
    else if (f & ts.TypeFlags.Undefined) return;
    else if (f & ts.TypeFlags.StringLike) into.kinds.add('string');
    else if (f & ts.TypeFlags.NumberLike) into.kinds.add('number');
    else if (f & ts.TypeFlags.BooleanLike) into.kinds.add('boolean');
    else if (f & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) into.kinds.add('json');
    else if (checker.isArrayType(type)) into.kinds.add('array');
    else if (type.getSymbol()?.getName() === 'Date') into.kinds.add('date');
    else into.kinds.add('json');
  };

  const result = new Map<string, Map<string, TableShape>>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
    const symbol = exported.find((s) => s.getName() === 'Tables');
    if (!symbol) throw new Error(`${file} exports no interface Tables`);
    const tables = new Map<string, TableShape>();
    for (const table of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
      const shape: TableShape = new Map();
      for (const column of checker.getTypeOfSymbol(table).getProperties()) {
        let type = checker.getTypeOfSymbol(column);
        // kysely's Generated<T> and ColumnType<S, I, U>: what a select gives.
        const selected = type.getProperty('__select__');
        if (selected) type = checker.getTypeOfSymbol(selected);
        const col: Column = { kinds: new Set(), nullable: false };
        kindsOf(type, col);
        shape.set(column.getName(), col);
      }
      tables.set(table.getName(), shape);
    }
    result.set(file, tables);
  }
  return result;
}

async function tableNames(db: Kysely<any>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return new Set(rows.map((r) => r.name).filter((n) => !n.startsWith('linli_migrations')));
}

async function columnsOf(db: Kysely<any>, table: string): Promise<Map<string, { dataType: string; nullable: boolean }>> {
  const { rows } = await sql<{ name: string; data_type: string; is_nullable: string }>`
    select column_name as name, data_type, is_nullable from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return new Map(rows.map((r) => [r.name, { dataType: r.data_type, nullable: r.is_nullable === 'YES' }]));
}

/** Every difference between a declared table and the one in the database, as lines a person can act on. */
function differences(table: string, declared: TableShape, actual: Map<string, { dataType: string; nullable: boolean }>, whole: boolean): string[] {
  const out: string[] = [];
  for (const [name, col] of declared) {
    const real = actual.get(name);
    if (!real) {
      out.push(`${table}.${name} is declared but no migration creates it`);
      continue;
    }
    if (col.nullable !== real.nullable) out.push(`${table}.${name} is ${real.nullable ? 'nullable' : 'not null'} in the database but declared ${col.nullable ? 'with' : 'without'} | null`);
    const allowed = allowedKinds(real.dataType);
    const wrong = [...col.kinds].filter((k) => !allowed.has(k));
    if (col.kinds.size === 0 || wrong.length) out.push(`${table}.${name} is ${real.dataType} in the database but declared as ${[...col.kinds].join(' | ') || 'nothing'}`);
  }
  if (whole) for (const name of actual.keys()) if (!declared.has(name)) out.push(`${table}.${name} is in the database but not declared`);
  return out;
}

const withTables = bundledPlugins.filter((p) => p.migrations && Object.keys(p.migrations).length > 0);
const files = new Map(withTables.map((p) => [p.name, `${folderOf(p.name)}/src/store/tables.ts`]));

describe('plugin table declarations', () => {
  it('every bundled plugin with migrations declares its tables in src/store/tables.ts', () => {
    expect(withTables.length).toBeGreaterThan(0);
    for (const [name, file] of files) expect(existsSync(file), `${name}: ${file}`).toBe(true);
  });
});

for (const backend of testBackends()) {
  describe(`plugin table declarations match their migrations on ${backend.name}`, () => {
    it('each plugin: the tables its migrations create, column by column', async () => {
      const declared = declaredTables([...files.values()]);
      const database = await backend.open();
      try {
        const db = database.db as Kysely<any>;
        await migrateCore(db);
        const core = await tableNames(db);
        const problems: string[] = [];
        let checkedColumns = 0;
        for (const plugin of withTables) {
          const before = await tableNames(db);
          await migrateNamespace(db, plugin.name, plugin.migrations!);
          const created = [...(await tableNames(db))].filter((t) => !before.has(t));
          const tables = declared.get(files.get(plugin.name)!)!;
          for (const [table, shape] of tables) {
            const isCore = core.has(table);
            if (!isCore && !created.includes(table)) {
              problems.push(`${plugin.name}: ${table} is declared but its migrations create no such table`);
              continue;
            }
            problems.push(...differences(table, shape, await columnsOf(db, table), !isCore).map((p) => `${plugin.name}: ${p}`));
            checkedColumns += shape.size;
          }
          for (const table of created) if (!tables.has(table)) problems.push(`${plugin.name}: its migrations create ${table}, which Tables does not declare`);
        }
        expect(problems).toEqual([]);
        // The comparison really read columns on both sides (not two empty sets).
        expect(checkedColumns).toBeGreaterThan(100);
      } finally {
        await database.close();
      }
    });
  });
}
