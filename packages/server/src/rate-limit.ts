import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateLimited } from './auth/login-limit.js';

/** Requests per minute: anonymous ones per client address, authenticated ones per session. 0 switches a limit off. */
export interface RateLimitOptions {
  anonymousPerMinute: number;
  sessionPerMinute: number;
}

/** Generous for a person at a phone or a desk, low enough that one script cannot take an instance's time from everyone else. */
export const defaultRateLimit: RateLimitOptions = { anonymousPerMinute: 300, sessionPerMinute: 1200 };

/**
 * A general limit on /api traffic with @fastify/rate-limit, counted in each
 * instance's memory (login guessing has its own limit, shared through the
 * database: auth/login-limit.ts). It runs after authentication, so a request
 * with a valid session counts against that session and anything else against
 * its address — made-up tokens do not buy a fresh allowance. The client
 * address is the socket's, or the one the city's reverse proxy reports when
 * `trustProxy` (LINLI_TRUST_PROXY) says to believe it.
 */
export async function registerRateLimit(app: FastifyInstance, limits: RateLimitOptions): Promise<void> {
  // Public pages count as anonymous traffic by address even for someone signed in: reading the board is not a session's work.
  const asSession = (req: FastifyRequest) => req.session !== null && !req.url.startsWith('/api/public/');
  const perMinute = (req: FastifyRequest) => (asSession(req) ? limits.sessionPerMinute : limits.anonymousPerMinute);
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: 60_000,
    max: (req) => perMinute(req) || Number.MAX_SAFE_INTEGER,
    keyGenerator: (req) => (asSession(req) ? `session:${req.session!.id}` : `address:${req.ip}`),
    allowList: (req) => !req.url.startsWith('/api/') || perMinute(req) === 0,
    errorResponseBuilder: (_req, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
