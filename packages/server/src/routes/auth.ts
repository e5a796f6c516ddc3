import { LinliError } from '@linli/core';
import { findLogin, getPerson } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { recordSuccessfulLogin, reserveLoginAttempt } from '../auth/login-limit.js';
import { dummyHash, verifyPassword } from '../auth/password.js';
import { announceAuthChange, createSession, revokeSession, sessionCookie } from '../auth/sessions.js';
import { requireActor } from '../policy.js';
import { menuHints } from '../services/menu.js';

const loginBody = {
  type: 'object',
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
  required: ['username', 'password'],
  additionalProperties: false,
} as const;

const meResponse = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'array', items: { $ref: 'RoleAssignment#' } },
    csrfToken: { type: 'string' },
  },
  required: ['id', 'username', 'name', 'roles'],
} as const;

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets an httpOnly session cookie and returns a bearer token',
        body: loginBody,
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, csrfToken: { type: 'string' }, expiresAt: { type: 'string' }, person: meResponse }, required: ['token', 'csrfToken', 'person'] },
          401: { $ref: 'LinliError#' },
          429: { $ref: 'LinliError#' },
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const now = linli.now();
      // Counted before the password is checked: parallel guesses cannot all slip under the limit.
      await reserveLoginAttempt(linli.db, username, req.ip, now, linli.options.loginLimit);
      const login = await findLogin(linli.db, username);
      const ok = login && !login.disabled_at ? await verifyPassword(login.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
      if (!ok || !login) throw new LinliError('LINLI_ERR_BAD_CREDENTIALS');
      await recordSuccessfulLogin(linli.db, username, req.ip, now);
      const session = await createSession(linli.db, login.id, now, linli.options.sessionHours);
      const person = await getPerson(linli.db, String(login.id));
      reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        // Relative, not an absolute date: a browser whose clock differs from the server's still keeps the cookie for the session's life.
        maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
      });
      return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString(), person: { ...person!, csrfToken: session.csrfToken } };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { policy: 'authenticated' }, schema: { tags: ['auth'], summary: 'Log out: the session is revoked on the server', response: { 204: { type: 'null' } } } },
    async (req, reply) => {
      const session = req.session;
      if (session) {
        await linli.db.transaction().execute(async (trx) => {
          await revokeSession(trx, session.id, linli.now());
          await announceAuthChange(trx, { kind: 'session', sessionId: session.id });
        });
        linli.sessions.apply({ kind: 'session', sessionId: session.id });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    { config: { policy: 'authenticated' }, schema: { tags: ['auth'], summary: 'Who I am and the roles I hold', response: { 200: meResponse, 401: { $ref: 'LinliError#' } } } },
    async (req) => {
      const actor = requireActor(req);
      const person = await getPerson(linli.db, actor.personId);
      return { ...person!, csrfToken: req.session?.csrfToken };
    },
  );

  app.get(
    '/api/me/menu',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: "Which of the app's own pages are for me: the web menu shows only these (each route still checks access)",
        response: {
          200: {
            type: 'object',
            properties: {
              staff: { type: 'boolean', description: "I hold a role that works a scope (not only a resident's or volunteer's own requests)" },
              reports: { type: 'boolean', description: 'I act for an org an escalation (吹哨报到) can call on' },
            },
            required: ['staff', 'reports'],
          },
          401: { $ref: 'LinliError#' },
        },
      },
    },
    async (req) => menuHints(linli.db, linli.deployment.config.escalation, requireActor(req)),
  );
}
