import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateLimited } from './auth/login-limit.js';
import { hashApiKey } from './services/open311-clients.js';

/** Requests per minute: anonymous ones per client address, authenticated ones per session. 0 switches a limit off. */
export interface RateLimitOptions {
  anonymousPerMinute: number;
  sessionPerMinute: number;
  /** Open311 requests filed per api_key per minute (default 60; 0: off); reading Open311 counts as anonymous traffic. */
  apiKeyPerMinute?: number;
}

/** Generous for a person at a phone or a desk, low enough that one script cannot take an instance's time from everyone else. */
export const defaultRateLimit: RateLimitOptions = { anonymousPerMinute: 300, sessionPerMinute: 1200, apiKeyPerMinute: 60 };

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
  // An Open311 client filing requests counts against its api_key (hashed, so the key never sits in memory as a map key).
  const apiKey = (req: FastifyRequest) => {
    const key = req.method === 'POST' && req.url.startsWith('/open311/') ? (req.body as { api_key?: unknown } | undefined)?.api_key : undefined;
    return typeof key === 'string' ? hashApiKey(key) : null;
  };
  const perMinute = (req: FastifyRequest) => (apiKey(req) ? (limits.apiKeyPerMinute ?? 60) : asSession(req) ? limits.sessionPerMinute : limits.anonymousPerMinute);
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: 60_000,
    max: (req) => perMinute(req) || Number.MAX_SAFE_INTEGER,
    keyGenerator: (req) => {
      const key = apiKey(req);
      return key ? `api-key:${key}` : asSession(req) ? `session:${req.session!.id}` : `address:${req.ip}`;
    },
    allowList: (req) => !(req.url.startsWith('/api/') || req.url.startsWith('/open311/')) || perMinute(req) === 0,
    errorResponseBuilder: (_req, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
