import type { MintedActor } from './actor-mint.js';
import type { SessionCache } from './auth/session-cache.js';
import type { CoreServices } from './services/linli-services.js';
import type { LoginLimit } from './auth/login-limit.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { JobOptions } from './services/workflow-services.js';

/** Who may call a route. Every route under /api declares one; the server refuses to start otherwise. */
export type RoutePolicy = 'public' | 'authenticated' | 'admin';

export interface SessionInfo {
  id: string;
  personId: number;
  csrfToken: string;
  /** How the request authenticated: a cookie needs a CSRF header on writes, a bearer token does not. */
  via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: MintedActor | null;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    linli: LinliServices;
    /** Compiles every route's validators and response serializers now (they are compiled on first use: lazy-route-compilers.ts); returns how many. */
    compileRouteSchemas(): number;
  }
}

export interface ServerOptions {
  /** Length of a session, in hours. */
  sessionHours?: number;
  /** Login attempts allowed per account and address, per account, and per address within `windowMinutes` before 429 (auth/login-limit.ts). */
  loginLimit?: LoginLimit;
  /** General requests per minute, anonymous per address and authenticated per session (rate-limit.ts); 0 turns one off. */
  rateLimit?: RateLimitOptions;
  /**
   * Believe the client address a reverse proxy reports in X-Forwarded-For
   * (fastify's `trustProxy`: true, a hop count, or the proxies' addresses).
   * Off by default; behind a proxy, set it, or every user shares the proxy's
   * address for rate limits and login throttling.
   */
  trustProxy?: boolean | number | string | string[];
  /** Where the built web app is; served at `/` when it exists. */
  webDir?: string | undefined;
  /**
   * The address people open the web app at (LINLI_PUBLIC_URL), for setup and
   * reset links; default: the address the administrator's request came to.
   */
  publicUrl?: string | undefined;
  /** Demo mode: the login page shows the demo accounts. */
  demo?: { password: string; usernames: string[] } | undefined;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** The durable job worker (deadlines, reminders, escalations, webhooks). */
  jobs?: JobOptions;
  /**
   * Where the notification channels' secrets are read (LINLI_SMTP_URL,
   * LINLI_SMS_ACCESS_KEY_ID/SECRET, LINLI_WECOM_APP_SECRET,
   * LINLI_WECOM_ROBOT_KEY); default process.env. Tests pass their fakes'.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * How long a session and its role grants are reused without asking the
   * database, in ms (default 5000; 0: ask on every request). Revocations and
   * role changes reach every instance at once regardless (auth/session-cache.ts).
   */
  sessionCacheMs?: number;
  /**
   * Photos one person may upload in 24 hours (default 200 photos, 500 MB):
   * enough for a day of 随手拍, not enough for a stolen account to fill the
   * database. A soft limit: uploads already in flight may pass it.
   */
  uploadQuota?: { photosPerDay: number; megabytesPerDay: number };
  /** Which requests get log lines: every one (default) or only those that failed (request-log.ts). */
  requestLog?: 'all' | 'failed';
}

export interface RouteInfo {
  method: string;
  url: string;
  policy: RoutePolicy;
  /** The route's JSON Schemas (body, querystring, params), for tests that generate input from them. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

/** The services of createLinliServices, and what only the HTTP app has. */
export interface LinliServices extends CoreServices {
  /** Every /api route with its policy, as registered: the authorization matrix test is generated from it. */
  routes: RouteInfo[];
  /** Recently authenticated sessions (auth/session-cache.ts). */
  sessions: SessionCache;
  options: Required<Pick<ServerOptions, 'sessionHours' | 'loginLimit' | 'bodyLimit'>> & ServerOptions;
}
