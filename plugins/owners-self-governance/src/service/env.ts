import { notFound, parseId, personIdOf, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { readSettings, type Settings } from '../settings.js';
import { typed, type Db } from '../store/tables.js';

/** What one operation works with: the transaction (typed), the clock read once, the settings. */
export interface Env {
  db: Db;
  /** The same transaction, untyped, for the core's jobs and notices. */
  trx: Kysely<any>;
  ctx: PluginContext;
  now: Date;
  settings: Settings;
}

export const envOf = (ctx: PluginContext, trx: Kysely<any>): Env => ({ db: typed(trx), trx, ctx, now: ctx.now(), settings: readSettings(ctx.options) });

/** Reads outside a transaction. */
export const reading = (ctx: PluginContext): Env => envOf(ctx, ctx.db);

/** One transaction per write: everything a request changes commits together or not at all. */
export const writing = <T>(ctx: PluginContext, fn: (env: Env) => Promise<T>): Promise<T> => ctx.transaction((trx) => fn(envOf(ctx, trx)));

export const personOf = (actor: Actor): number => personIdOf(actor);

/** An org by its API id (a string), or 404 naming `field`. */
export async function orgById(env: Env, id: string): Promise<{ id: number; name: string; type: string; path: string }> {
  const n = parseId(id);
  const org = n === null ? undefined : await env.db.selectFrom('linli_orgs').select(['id', 'name', 'type', 'path']).where('id', '=', n).executeTakeFirst();
  if (!org) throw notFound(`Organization ${id}`);
  return org;
}
