import type { Actor } from '@linli/sdk';
import type { BookingRow } from '../store/bookings.js';
import { FOLLOW_UP_WORKFLOW } from '../workflows/follow-up.js';
import type { Env } from './env.js';

/**
 * Files the follow-up ticket of a meeting through the core's ticket service
 * (the same checks, routing and deadlines as any ticket), at the resident's
 * home when it lies in the studio's community, else at the community.
 */
export async function fileFollowUp(env: Env, actor: Actor, b: BookingRow, title: string, description: string): Promise<number> {
  const home = await env.db
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .select(['o.id'])
    .where('r.person_id', '=', b.personId)
    .where('r.role', '=', 'resident')
    .where('o.path', 'like', `${b.communityPath}%`)
    .orderBy('o.id')
    .executeTakeFirst();
  const ticket = await env.ctx.tickets.create(env.trx, actor, {
    workflow: FOLLOW_UP_WORKFLOW,
    orgId: String(home?.id ?? b.communityOrgId),
    data: { title, description, studio: b.studioName },
  });
  return Number(ticket.id);
}
