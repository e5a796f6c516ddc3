import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Deployment } from '@linli/core';
import type { CoreTables, Database } from '@linli/db';
import type { LinliPlugin } from '@linli/sdk';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { decodeAuthChange, authChannel, SessionCache } from './auth/session-cache.js';
import { registerErrorHandling } from './errors.js';
import { registerInputGuards } from './json-body.js';
import { openApiOptions } from './openapi.js';
import { FailedRequestsLog } from './request-log.js';
import { tileImageSources } from './tile-sources.js';
import { registrationView } from './plugin-phases.js';
import { registerPolicy } from './policy.js';
import { registerSecurityHeaders } from './security-headers.js';
import { defaultRateLimit, registerRateLimit } from './rate-limit.js';
import { defaultLoginLimit } from './auth/login-limit.js';
import { authRoutes } from './routes/auth.js';
import { ssoRoutes } from './routes/sso.js';
import { metaRoutes } from './routes/meta.js';
import { orgRoutes } from './routes/orgs.js';
import { peopleRoutes } from './routes/people.js';
import { sharedSchemas } from './routes/schemas.js';
import { ticketRoutes } from './routes/tickets.js';
import { createLinliServices, type CoreServices } from './services/linli-services.js';
import { nextDigestJob } from './services/delivery/digest.js';
import { escalationRoutes } from './routes/escalations.js';
import { notificationRoutes } from './routes/notifications.js';
import { notificationPreferenceRoutes } from './routes/notification-preferences.js';
import { registrationRoutes } from './routes/registration.js';
import { attachmentRoutes } from './routes/attachments.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { formValidatorRoutes } from './routes/form-validators.js';
import { deadJobRoutes } from './routes/dead-jobs.js';
import { effectiveConfigRoutes } from './routes/effective-config.js';
import { accountRoutes } from './routes/accounts.js';
import { adminPeopleRoutes } from './routes/admin-people.js';
import { adminImportRoutes } from './routes/admin-import.js';
import { adminOrgRoutes } from './routes/admin-orgs.js';
import { adminGridRoutes } from './routes/admin-grids.js';
import { publicBoardRoutes } from './routes/public-board.js';
import { adminOpen311Routes } from './routes/admin-open311.js';
import { open311Prefix, open311Routes } from './routes/open311.js';
import type { LinliServices, ServerOptions } from './types.js';
import { lazyRouteCompilers } from './lazy-route-compilers.js';

export interface BuildAppOptions extends ServerOptions {
  deployment: Deployment;
  database: Database<CoreTables>;
  /** The plugins the deployment enables (deployment.plugins resolved to their full definitions). */
  plugins: LinliPlugin[];
  /** Injectable clock: tests move time instead of sleeping. */
  now?: () => Date;
  /** Services already built (createLinliServices); built here from the options otherwise. */
  services?: CoreServices;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the fastify app for a deployment: core routes, each enabled plugin's
 * routes encapsulated under /api/plugins/<name>, OpenAPI at /api/openapi.json
 * with a docs UI at /docs, and the web app at / when it has been built.
 */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? 1_048_576;
  const compilers = lazyRouteCompilers();
  const app = Fastify({
    schemaController: { compilersFactory: { buildValidator: compilers.buildValidator as never, buildSerializer: compilers.buildSerializer as never } },
    logger: opts.logger ?? false,
    bodyLimit,
    // Reject "__proto__" and "constructor.prototype" in JSON bodies outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    // A client's own request id is kept only when it is a plain token; anything else is replaced, never echoed.
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : crypto.randomUUID()),
    // Whose address a request comes from: the socket's, unless the city's reverse proxy is trusted to say (LINLI_TRUST_PROXY).
    trustProxy: (opts.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    return503OnClosing: true,
    ...(opts.requestLog === 'failed' ? { logController: new FailedRequestsLog() } : {}),
  });

  const core = opts.services ?? createLinliServices({ deployment: opts.deployment, database: opts.database, plugins: opts.plugins, ...(opts.now ? { now: opts.now } : {}), ...(opts.env ? { env: opts.env } : {}), jobs: { ...opts.jobs, logger: app.log } });
  // The worker stops before the app (and then the database) closes; a no-op if it never started.
  app.addHook('onClose', () => core.jobs.stop());
  app.addHook('onClose', () => core.channels.close());
  // The leaders' daily digest keeps itself going; this schedules the first one (once, by its key, whichever instance starts first).
  app.addHook('onReady', async () => {
    const digest = nextDigestJob(core.deployment, core.now());
    if (digest) await core.jobs.enqueue(core.db, [digest]);
  });
  const services: LinliServices = {
    ...core,
    routes: [],
    sessions: new SessionCache({ ttlMs: opts.sessionCacheMs ?? 5000 }),
    options: { ...opts, sessionHours: opts.sessionHours ?? 12, loginLimit: opts.loginLimit ?? defaultLoginLimit, bodyLimit },
  };
  app.decorate('linli', services);
  app.decorate('compileRouteSchemas', compilers.compileAll);
  // On ready, not now: an app that fails to build must not leave a listening connection open.
  app.addHook('onReady', () => listenForAuthChanges(app, services));

  for (const s of sharedSchemas) app.addSchema(s);
  registerErrorHandling(app);
  registerInputGuards(app);
  registerSecurityHeaders(app, {
    // HSTS only over HTTPS (below): sent over plain HTTP it is meaningless at best, and wrong for a LAN served without TLS.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: a city may serve staff on a LAN over plain HTTP, where it would break every script.
      // Map tiles come from the tile server the city config names (map.tiles), and from nowhere else.
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:', ...tileImageSources(opts.deployment.config.map?.tiles?.url)], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], upgradeInsecureRequests: null },
    },
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });
  await app.register(cookie);
  await app.register(swagger, openApiOptions(opts.deployment));
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerPolicy(app);
  await registerRateLimit(app, opts.rateLimit ?? defaultRateLimit);

  app.get('/healthz', { config: { policy: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/config', { config: { policy: 'public' }, schema: { tags: ['meta'], summary: 'What the login page needs: the city, the languages, demo accounts in demo mode' } }, async () => ({
    name: opts.deployment.config.name,
    title: opts.deployment.config.title,
    plugins: opts.plugins.map((p) => ({ name: p.name, title: p.title, web: p.web ?? null })),
    demo: opts.demo ? { password: opts.demo.password, usernames: opts.demo.usernames } : null,
    // Where maps open and which tiles they draw (none: a blank map with pins still works).
    map: opts.deployment.config.map ?? null,
    // Single sign-on (config sso): the login page offers its button, with the city's label.
    sso: opts.deployment.config.sso ? { label: opts.deployment.config.sso.label, start: '/api/auth/sso/start' } : null,
  }));

  await app.register(authRoutes);
  await app.register(ssoRoutes);
  await app.register(orgRoutes);
  await app.register(peopleRoutes);
  await app.register(metaRoutes);
  await app.register(ticketRoutes);
  await app.register(escalationRoutes);
  await app.register(notificationRoutes);
  await app.register(notificationPreferenceRoutes);
  await app.register(registrationRoutes);
  await app.register(attachmentRoutes);
  await app.register(dashboardRoutes);
  await app.register(formValidatorRoutes);
  await app.register(deadJobRoutes);
  await app.register(effectiveConfigRoutes);
  await app.register(accountRoutes);
  await app.register(adminPeopleRoutes);
  await app.register(adminImportRoutes);
  await app.register(adminOrgRoutes);
  await app.register(adminGridRoutes);
  await app.register(publicBoardRoutes);
  await app.register(adminOpen311Routes);
  // Encapsulated: its urlencoded body parser and its error list (the GeoReport format) stay under its prefix.
  await app.register(open311Routes, { prefix: open311Prefix });

  // Plugins' I/O phase (after migrations, which the caller ran), then their declarations.
  await core.init();
  for (const plugin of core.plugins) {
    if (!plugin.routes) continue;
    const { view, done } = registrationView(plugin.name, core.pluginContext(plugin.name));
    // Encapsulated: what a plugin decorates stays inside its own prefix.
    await app.register(async (child) => plugin.routes!(child, view), { prefix: `/api/plugins/${plugin.name}` });
    done();
  }

  if (opts.webDir && existsSync(opts.webDir)) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app shell.
    app.get('/*', { config: { policy: 'public' }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}

/**
 * Other instances on the same PostgreSQL announce revoked sessions and role
 * changes (auth/sessions.ts announceAuthChange); this one drops what it
 * cached. Should the listening connection fail, caching stops: every request
 * asks the database again, which is slower but never stale.
 */
async function listenForAuthChanges(app: FastifyInstance, services: LinliServices): Promise<void> {
  const { database, sessions } = services;
  if (!sessions.enabled || !database.listen) return;
  const stop = await database.listen(
    authChannel,
    (payload) => sessions.apply(decodeAuthChange(payload)),
    (e) => {
      sessions.disable();
      app.log.warn({ err: e }, 'stopped hearing session and role changes from other instances; sessions are no longer cached');
    },
  );
  app.addHook('onClose', stop);
}
