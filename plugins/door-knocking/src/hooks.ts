import type { AfterTransitionHookEvent, CreateHookEvent, PluginHooks, TransitionHookEvent, TransitionVerdict } from '@linli/sdk';
import { fail } from './errors.js';
import { returnVisited, setProblemState } from './store/visits.js';
import { typed } from './store/tables.js';
import { PROBLEM_WORKFLOW } from './workflows/problem.js';

/** Hooks of the problem workflow, run inside the step's transaction. */

/**
 * A problem belongs to a building: the return visit that closes it is a visit
 * to a household of that building. The visit route files problems there;
 * this refuses one filed elsewhere through the core's ticket route (the web
 * app's 上报 page offers compounds). Throwing here rolls the creation back.
 */
async function afterCreate({ ticket, trx }: CreateHookEvent): Promise<void> {
  const org = await typed(trx).selectFrom('linli_orgs').select(['name', 'type']).where('id', '=', Number(ticket.orgId)).executeTakeFirstOrThrow();
  if (org.type !== 'building') throw fail('DK_ERR_PROBLEM_NOT_AT_BUILDING', [org.name, org.name, org.type], [{ path: '/orgId', message: 'not a building (楼栋)' }]);
}

/**
 * 回访销号: a problem is closed only after someone has knocked on the
 * household's door again since it was handled. A veto (a coded error) stops
 * the step; nothing of it is saved. The rule holds whichever way the step
 * comes (the web app's ticket page, the API, a seed), because it lives here
 * and not in a route.
 */
async function beforeTransition({ ticket, change, trx, ctx }: TransitionHookEvent): Promise<TransitionVerdict> {
  if (change.action !== 'confirm') return;
  const household = String(ticket.data.household);
  // The ticket last changed when it was handled: `handled` has no step that stays in it.
  const handledAt = ticket.updatedAt;
  if (await returnVisited(typed(trx), Number(ticket.orgId), household, handledAt, Number(ticket.id))) return;
  const building = await typed(trx).selectFrom('linli_orgs').select('name').where('id', '=', Number(ticket.orgId)).executeTakeFirst();
  const local = new Date(handledAt.getTime() + ctx.deployment.calendar.utcOffsetHours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return {
    veto: fail('DK_ERR_NO_RETURN_VISIT', [household, building?.name ?? `building ${ticket.orgId}`, local], [
      // The detail in both languages: a Chinese page shows no English under the Chinese message.
      { path: '/action', message: 'record a return visit first', localized: { 'zh-CN': '请先登记回访', en: 'record a return visit first' } },
    ]),
  };
}

/** Keeps the visit's copy of its problem's state in step, in the same transaction: if the step rolls back, so does the copy. */
async function afterTransition({ ticket, updated, trx }: AfterTransitionHookEvent): Promise<void> {
  await setProblemState(typed(trx), Number(ticket.id), updated.state);
}

export const hooks: PluginHooks = { [PROBLEM_WORKFLOW]: { afterCreate, beforeTransition, afterTransition } };
