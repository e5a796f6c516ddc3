import { localDate } from '@linli/sdk';
import { findOrg, notFound, type CoreOrgRow, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { readSettings, type Settings } from '../settings.js';
import { typed, type Db } from '../store/tables.js';

/** What a request (or a hook, or the seed) works with: the transaction, the clock, the settings. */
export interface Env {
  ctx: PluginContext;
  trx: Kysely<any>;
  db: Db;
  now: Date;
  settings: Settings;
  offsetHours: number;
}

export function envOf(ctx: PluginContext, trx: Kysely<any>): Env {
  return { ctx, trx, db: typed(trx), now: ctx.now(), settings: readSettings(ctx.options), offsetHours: ctx.deployment.calendar.utcOffsetHours };
}

export type OrgRow = CoreOrgRow;

/** An org named by a request, or 404 exactly as if it did not exist. */
export async function orgOr404(env: Env, id: string): Promise<OrgRow> {
  const org = await findOrg(env.db, id);
  if (!org) throw notFound(`Organization ${id}`);
  return org;
}

/** The parent's path: for a compound `/1/2/3/4/`, its community `/1/2/3/`. */
export const parentPath = (path: string): string => path.replace(/[0-9]+\/$/, '');

/** Paths of the orgs the city named in `orgs` (null: the whole city takes part). */
export async function participatingPaths(env: Env): Promise<string[] | null> {
  if (!env.settings.orgs) return null;
  const rows = await env.db.selectFrom('linli_orgs').select('path').where('key', 'in', env.settings.orgs).execute();
  return rows.map((r) => r.path);
}

export async function assertParticipating(env: Env, org: OrgRow, field: string): Promise<void> {
  const paths = await participatingPaths(env);
  if (paths && !paths.some((p) => org.path.startsWith(p))) throw fail('VP_ERR_NOT_PARTICIPATING', [org.name, org.name], [{ path: field, message: 'not a participating org' }]);
}

/** A compound named by a request: 404 if unknown, 422 if not a compound or not taking part. */
export async function compoundOf(env: Env, id: string, field: string): Promise<OrgRow> {
  const org = await orgOr404(env, id);
  if (org.type !== 'compound') throw fail('VP_ERR_NOT_COMPOUND', [org.name, org.name], [{ path: field, message: 'not a compound (小区)' }]);
  await assertParticipating(env, org, field);
  return org;
}

/** Local calendar date (`YYYY-MM-DD`) of an instant in the city. */
export { localDate };

/** The instant a local date begins in the city. */
export const startOfLocalDate = (date: string, offsetHours: number): Date => new Date(Date.parse(`${date}T00:00:00Z`) - offsetHours * 3_600_000);

/** Turns a period of local dates into instants [start, end); defaults to the current local year. */
export function periodOf(env: Env, from?: string, to?: string): { from: string; to: string; start: Date; end: Date } {
  const year = localDate(env.now, env.offsetHours).slice(0, 4);
  const f = from ?? `${year}-01-01`;
  const t = to ?? `${year}-12-31`;
  if (f > t) throw fail('VP_ERR_BAD_PERIOD', [f, t], [{ path: '/from', message: 'after /to' }]);
  return { from: f, to: t, start: startOfLocalDate(f, env.offsetHours), end: new Date(startOfLocalDate(t, env.offsetHours).getTime() + 86_400_000) };
}
