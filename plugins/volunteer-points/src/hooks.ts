import type { AfterTransitionHookEvent, CreateHookEvent, PluginHooks, TransitionHookEvent } from '@linli/sdk';
import { tellWishMoved } from './notices.js';
import { envOf } from './service/env.js';
import { checkClaimant, checkVerifier, wishCreated, wishMoved } from './service/wishes.js';
import { WISH_WORKFLOW } from './workflows/wish.js';

/**
 * Hooks of the wish workflow, inside the step's transaction. Rules live here, not
 * in routes, so they hold however the step is taken (the web app's ticket
 * page, the API, the seed).
 */

/** A wish is posted at a compound that takes part; otherwise the creation rolls back with a coded error. */
async function afterCreate({ ticket, trx, ctx }: CreateHookEvent): Promise<void> {
  await wishCreated(envOf(ctx, trx), ticket);
}

/** Nobody verifies their own fulfilment; a claim is taken on the wish board, which records the claimant first. */
async function beforeTransition({ ticket, change, actor, trx, ctx }: TransitionHookEvent): Promise<void> {
  if (change.action === 'verify') await checkVerifier(envOf(ctx, trx), actor, ticket);
  if (change.action === 'claim') await checkClaimant(envOf(ctx, trx), actor, ticket);
}

/** The read model follows the ticket, and a verified wish writes its points, in the step's transaction. */
async function afterTransition(e: AfterTransitionHookEvent): Promise<void> {
  const { change, actor, updated, trx, ctx } = e;
  await wishMoved(envOf(ctx, trx), actor, change.action, updated);
  await tellWishMoved(e);
}

export const hooks: PluginHooks = { [WISH_WORKFLOW]: { afterCreate, beforeTransition, afterTransition } };
