import { LinliError } from '@linli/core';
import type { Actor } from './actor.js';

/**
 * Who may call a route. Every route a plugin adds declares one in
 * `config: { policy }`; the server refuses to start on a route without it.
 * - `public`: anyone, logged in or not (rarely right for a plugin)
 * - `authenticated`: any logged-in person; the handler narrows by scope
 * - `admin`: a person holding an administrator role somewhere
 */
export type RoutePolicy = 'public' | 'authenticated' | 'admin';

/**
 * The person making a request to a plugin route, with every role they hold.
 * The server's policy layer has authenticated the request before the handler
 * runs (for `authenticated` and `admin` routes); this reads what it attached,
 * and answers 401 `LINLI_ERR_UNAUTHENTICATED` on a `public` route called
 * anonymously.
 *
 * @example
 * app.get('/visits', { config: { policy: 'authenticated' } }, async (req) => {
 *   const actor = requireActor(req);
 *   return { items: await listVisits(ctx.db, actor) };
 * });
 */
export function requireActor(req: object): Actor {
  const actor = (req as { actor?: Actor | null }).actor;
  if (!actor) throw new LinliError('LINLI_ERR_UNAUTHENTICATED');
  return actor;
}
