import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Compilable } from 'kysely';
import type { CoreTables } from '../schema.js';

/**
 * The hot path's statements (a ticket's create, a step, the lookups they
 * need), compiled once per shape instead of built and compiled by kysely on
 * every request. Building a query allocates and freezes a tree of nodes and
 * compiling walks it: per request that is CPU and garbage the server spends
 * before the database sees anything. The statements are still written with
 * kysely's builder (typed, no SQL in strings); a value that changes per call
 * is a named `param` in the builder, bound by name when the statement runs.
 */

const MARK = '\u0000linli-param:';

/** A named value of a compiled statement: stands in the builder where the value goes, bound per call. */
export function param<T = never>(name: string): T {
  return `${MARK}${name}` as unknown as T;
}

export interface CompiledStatement<V extends Record<string, unknown>> {
  readonly sql: string;
  /** The statement's parameters in order, from the values by name; a name without a value is a bug, not a NULL. */
  bind(values: V): unknown[];
}

/** Every dialect Linli runs on (pg, PGlite) compiles with PostgreSQL's compiler: one compiler-only instance builds them all. */
export const statementBuilder = new Kysely<CoreTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export function compileStatement<V extends Record<string, unknown>>(query: Compilable): CompiledStatement<V> {
  const { sql, parameters } = query.compile();
  const slots = parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? { name: p.slice(MARK.length) } : { fixed: p }));
  return {
    sql,
    bind: (values) =>
      slots.map((s) => {
        if ('fixed' in s) return s.fixed;
        const v = values[s.name];
        if (v === undefined) throw new Error(`statement parameter "${s.name}" has no value`);
        return v;
      }),
  };
}

/** One compiled statement per shape (a string naming what varies), compiled the first time that shape runs. */
export function statementsByShape<S, V extends Record<string, unknown>>(key: (shape: S) => string, build: (shape: S) => Compilable): (shape: S) => CompiledStatement<V> {
  const cache = new Map<string, CompiledStatement<V>>();
  return (shape) => {
    const k = key(shape);
    let st = cache.get(k);
    if (!st) {
      st = compileStatement<V>(build(shape));
      cache.set(k, st);
    }
    return st;
  };
}

/** Runs a compiled statement on a connection or transaction; kysely's plugins still see its result. */
export async function runStatement<R, V extends Record<string, unknown>>(db: Kysely<any>, st: CompiledStatement<V>, values: V): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(st.sql, st.bind(values)))).rows;
}
