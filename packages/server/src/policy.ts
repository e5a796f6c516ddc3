import { LinliError } from '@linli/core';
import { toActor } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mintActor, type MintedActor } from './actor-mint.js';
import type { CachedSession } from './auth/session-cache.js';
import { findSession, sessionCookie } from './auth/sessions.js';
import type { RouteInfo, RoutePolicy } from './types.js';

/**
 * The one place that decides who may do what. Routes declare a coarse policy
 * (`config.policy`), enforced here before anything else runs; handlers ask
 * the helpers below for resource-level decisions and never check roles by
 * hand. For lists, the db layer's `visibleTo(actor)` turns the same rules into
 * SQL.
 */
const policies: readonly RoutePolicy[] = ['public', 'authenticated', 'admin'];
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerPolicy(app: FastifyInstance): void {
  // A route under /api or /open311 without a declared policy is a bug: refuse to start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') && !route.url.startsWith('/open311/')) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy || !policies.includes(policy)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no policy (config.policy: ${policies.join(' | ')}).`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.linli.routes.push({ method, url: route.url, policy, schema: route.schema as RouteInfo['schema'] });
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    await authenticate(app, req);
    const policy = req.routeOptions.config.policy;
    if (!req.routeOptions.url?.startsWith('/api') || policy === 'public' || policy === undefined) return;
    if (!req.actor || !req.session) throw new LinliError('LINLI_ERR_UNAUTHENTICATED');
    if (req.session.via === 'cookie' && unsafeMethods.has(req.method) && req.headers['x-linli-csrf'] !== req.session.csrfToken) {
      throw new LinliError('LINLI_ERR_CSRF');
    }
    if (policy === 'admin' && !req.actor.grants.some((g) => g.admin)) throw new LinliError('LINLI_ERR_FORBIDDEN', ['this needs an administrator role']);
  });
}

async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const cookie = req.cookies?.[sessionCookie];
  const token = bearer ?? cookie;
  if (!token) return;
  const { db, deployment, now, sessions } = app.linli;
  const s = await findSession(db, token, now(), sessions);
  if (!s) return;
  req.session = { id: s.id, personId: s.personId, csrfToken: s.csrfToken, via: bearer ? 'bearer' : 'cookie' };
  let actor = actors.get(s);
  if (!actor) {
    actor = mintActor(toActor(s.personId, s.grants, deployment.roles));
    actors.set(s, actor);
  }
  req.actor = actor;
}

/**
 * The actor of a cached session, minted once per cache entry instead of on
 * every request: the grants it is built from are the entry's, and a role or
 * session change drops the entry (session-cache.ts), so its actor goes with
 * it. Actors are frozen, so sharing one between requests is safe.
 */
const actors = new WeakMap<CachedSession, MintedActor>();

export { requireActor, assertCanSeeTicket, assertAdminFor, peopleScope } from './access.js';
