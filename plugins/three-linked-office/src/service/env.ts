import { findOrg, personIdOf, notFound, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { canSeeOffice } from '../permissions.js';
import { localDate } from '../time.js';
import { getMeeting, type MeetingRow } from '../store/meetings.js';
import { loadOffices, type Office } from '../store/offices.js';
import { typed, type Db } from '../store/tables.js';

/** What one operation works with: the transaction, the clock read once, and the city's UTC offset. */
export interface Env {
  db: Db;
  /** The same transaction, untyped, for the core's ticket service. */
  trx: Kysely<any>;
  ctx: PluginContext;
  now: Date;
  /** Today's local date in the city. */
  today: string;
  offsetHours: number;
}

export function envOf(ctx: PluginContext, trx: Kysely<any>): Env {
  const now = ctx.now();
  const offsetHours = ctx.deployment.calendar.utcOffsetHours;
  return { db: typed(trx), trx, ctx, now, today: localDate(now, offsetHours), offsetHours };
}

export { notFound };

/** The meeting and its office, if the actor may see them; otherwise 404, exactly as if it did not exist. */
export async function meetingInScope(env: Env, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<{ meeting: MeetingRow; office: Office; offices: Office[] }> {
  const meeting = await getMeeting(env.db, id, opts);
  const offices = await loadOffices(env.db);
  const office = meeting && offices.find((o) => o.id === String(meeting.office_id));
  if (!meeting || !office || !canSeeOffice(actor, office)) throw notFound(`Meeting ${id}`);
  return { meeting, office, offices };
}

/**
 * The office of the compound with this org id, for a request that names the
 * compound (scheduling, fee rates): 404 for an unknown org or an office out
 * of the actor's scope, 422 TLO_ERR_NO_OFFICE for an org without an office.
 */
export async function officeOfCompound(env: Env, actor: Actor, compoundOrgId: string): Promise<Office> {
  const org = await findOrg(env.db, compoundOrgId);
  if (!org) throw notFound(`Organization ${compoundOrgId}`);
  const office = (await loadOffices(env.db)).find((o) => o.compound.id === String(org.id));
  if (!office) throw fail('TLO_ERR_NO_OFFICE', [org.name], [{ path: '/compoundOrgId', message: 'this org has no three-linked office' }]);
  if (!canSeeOffice(actor, office)) throw notFound(`Organization ${compoundOrgId}`);
  return office;
}

/** The person id of an actor, as the plugin's tables store it. */
export const personOf = (actor: Actor): number => personIdOf(actor);
