import type { CoreTables } from '@linli/db';
import type { CompiledQuery, Kysely } from 'kysely';
import type { BenchTarget } from './target.js';

/**
 * The SQL a query function of @linli/db really sends: it runs once on a
 * kysely that records what it compiles. The server builds its queries with
 * the same functions, so what --explain shows and what the raw side of a
 * read replays is the server's SQL, not a copy of it.
 */
export async function captureQueries(target: BenchTarget, fn: (db: Kysely<CoreTables>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const seen: CompiledQuery[] = [];
  await fn(target.recording((q) => seen.push(q)));
  return seen;
}

/** Replays captured statements one after another through the driver. */
export function replay(target: BenchTarget, queries: readonly CompiledQuery[]) {
  return async () => {
    for (const q of queries) await target.query(q.sql, q.parameters);
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, as text. */
export async function explain(target: BenchTarget, queries: readonly CompiledQuery[]): Promise<string> {
  const out: string[] = [];
  for (const q of queries) {
    const rows = await target.query(`explain (analyze, buffers) ${q.sql}`, q.parameters);
    out.push(`-- ${q.sql.replace(/\s+/g, ' ')}`);
    out.push(`-- parameters: ${JSON.stringify(q.parameters)}`);
    out.push(...rows.map((r) => String(r['QUERY PLAN'])));
  }
  return out.join('\n');
}
