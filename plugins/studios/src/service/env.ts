import { parseId, type Kysely, type PluginContext } from '@linli/sdk';
import { readSettings, type Settings } from '../settings.js';
import { typed, type Db } from '../store/tables.js';
import { localDate } from '../time.js';

/** What one operation works with: the transaction, the clock read once, the settings. */
export interface Env {
  db: Db;
  /** The same transaction, untyped, for the core's ticket service and notices. */
  trx: Kysely<any>;
  ctx: PluginContext;
  now: Date;
  /** Today's local date in the city. */
  today: string;
  offsetHours: number;
  settings: Settings;
}

export function envOf(ctx: PluginContext, trx: Kysely<any>): Env {
  const now = ctx.now();
  const offsetHours = ctx.deployment.calendar.utcOffsetHours;
  return { db: typed(trx), trx, ctx, now, today: localDate(now, offsetHours), offsetHours, settings: readSettings(ctx.options) };
}

/** Reads outside a transaction. */
export const reading = (ctx: PluginContext): Env => envOf(ctx, ctx.db);

/** One transaction per write: everything a request changes commits together or not at all. */
export const writing = <T>(ctx: PluginContext, fn: (env: Env) => Promise<T>): Promise<T> => ctx.transaction((trx) => fn(envOf(ctx, trx)));

/** Paths of orgs by id (an unknown id is left out). */
export async function pathsOf(env: Env, ids: readonly string[]): Promise<string[]> {
  const nums = ids.map(parseId).filter((n): n is number => n !== null);
  if (!nums.length) return [];
  const rows = await env.db.selectFrom('linli_orgs').select('path').where('id', 'in', nums).execute();
  return rows.map((r) => r.path);
}
