import { requireActor, type PluginApp } from '@linli/sdk';
import { claimSchema, fulfilSchema, type ClaimInput, type FulfilInput } from '../forms/wish.js';
import { claim, fulfil, listWishes, type WishView } from '../service/wishes.js';
import type { RouteKit } from './kit.js';
import { doc, errors, idParams, items, orgQuery, ticketItem, value, wishItem, wishQuery, writeErrors } from './schemas.js';

/**
 * Wishes are tickets (posted through the core's POST /api/tickets, verified
 * on the ticket page); these routes add the wish board and the two steps
 * that need the plugin's own checks: claiming and recording the fulfilment.
 */
export function wishRoutes(app: PluginApp, kit: RouteKit): void {
  app.get<{ Querystring: { orgId?: string; view: WishView; state?: string } }>(
    '/wishes',
    { config: { policy: 'authenticated' }, schema: { ...doc('Micro-wishes: the board (claimable), mine, or all in my scope'), querystring: wishQuery, response: { 200: items(wishItem), ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      if (within === null) return { items: [] };
      return { items: await listWishes(kit.read(), requireActor(req), req.query.view, within, req.query.state) };
    },
  );

  app.post<{ Params: { id: string }; Body: ClaimInput }>(
    '/wishes/:id/claim',
    { config: { policy: 'authenticated' }, schema: { ...doc('Claim a micro-wish, as a registered member or for a co-building unit; a second claim is 409'), params: idParams, body: claimSchema, response: { 200: ticketItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      const t = await kit.write((env) => claim(env, actor, req.params.id, req.body));
      return { id: t.id, state: t.state, version: t.version };
    },
  );

  app.post<{ Params: { id: string }; Body: FulfilInput }>(
    '/wishes/:id/fulfil',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record the fulfilment of a wish I claimed, with photos'), params: idParams, body: fulfilSchema, response: { 200: ticketItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      const t = await kit.write((env) => fulfil(env, actor, req.params.id, req.body));
      return { id: t.id, state: t.state, version: t.version };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/open-wishes',
    { config: { policy: 'authenticated' }, schema: { ...doc('Wishes waiting for a claim, in my scope'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      return { value: within === null ? 0 : (await listWishes(kit.read(), requireActor(req), 'scope', within, 'posted')).length };
    },
  );
}
