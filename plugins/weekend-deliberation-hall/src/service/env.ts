import { findOrg, personIdOf, notFound, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { canSeeHall } from '../permissions.js';
import { readSettings, type Settings } from '../settings.js';
import { hallAt, loadHalls, type Hall } from '../store/halls.js';
import { getSession, type SessionRow } from '../store/sessions.js';
import { typed, type Db } from '../store/tables.js';
import { localDate } from '../time.js';

/** What one operation works with: the transaction, the clock read once, the settings and the halls. */
export interface Env {
  db: Db;
  /** The same transaction, untyped, for the core's ticket service. */
  trx: Kysely<any>;
  ctx: PluginContext;
  now: Date;
  /** Today's local date in the city. */
  today: string;
  offsetHours: number;
  settings: Settings;
  halls: Hall[];
}

export async function envOf(ctx: PluginContext, trx: Kysely<any>): Promise<Env> {
  const now = ctx.now();
  const offsetHours = ctx.deployment.calendar.utcOffsetHours;
  const settings = readSettings(ctx.options);
  const db = typed(trx);
  return { db, trx, ctx, now, today: localDate(now, offsetHours), offsetHours, settings, halls: await loadHalls(db, settings) };
}

export const hallOfSession = (env: Env, s: SessionRow): Hall | undefined => env.halls.find((h) => h.compound.id === String(s.compound_org_id));

/** The session and its hall, if the actor may see them; otherwise 404, exactly as if it did not exist. */
export async function sessionInScope(env: Env, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<{ session: SessionRow; hall: Hall }> {
  const session = await getSession(env.db, id, opts);
  const hall = session && hallOfSession(env, session);
  if (!session || !hall || !canSeeHall(actor, hall.compound.path)) throw notFound(`Session ${id}`);
  return { session, hall };
}

/**
 * The hall of the compound with this org id, for a request that names the
 * compound: 404 for an unknown org or one out of the actor's scope, 422
 * WDH_ERR_NO_HALL for a compound without a hall.
 */
export async function hallOfCompound(env: Env, actor: Actor, compoundOrgId: string): Promise<Hall> {
  const org = await findOrg(env.db, compoundOrgId);
  if (!org || !canSeeHall(actor, org.path)) throw notFound(`Organization ${compoundOrgId}`);
  const hall = hallAt(env.halls, org.path);
  if (!hall || hall.compound.id !== String(org.id)) throw fail('WDH_ERR_NO_HALL', [org.name, org.name], [{ path: '/compoundOrgId', message: 'this org has no weekend deliberation hall' }]);
  return hall;
}

/** The halls the actor may see, narrowed to those at or under `orgId` when given (an unknown org narrows to nothing). */
export async function hallsInScope(env: Env, actor: Actor, orgId?: string): Promise<{ halls: Hall[]; within?: string }> {
  const visible = env.halls.filter((h) => canSeeHall(actor, h.compound.path));
  if (!orgId) return { halls: visible };
  const org = await findOrg(env.db, orgId);
  if (!org) return { halls: [] };
  return { halls: visible.filter((h) => h.compound.path.startsWith(org.path) || org.path.startsWith(h.compound.path)), within: org.path };
}

/** The person id of an actor, as the plugin's tables store it. */
export const personOf = (actor: Actor): number => personIdOf(actor);
