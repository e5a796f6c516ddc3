import { LinliError } from '@linli/core';
import { audit } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { liveAccountToken } from '../auth/account-tokens.js';
import { recordSuccessfulLogin, reserveLoginAttempt } from '../auth/login-limit.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { announceAuthChange } from '../auth/sessions.js';
import { assertStrongPassword, passwordPolicy } from '../auth/password-policy.js';
import { endAllSessions } from '../services/accounts.js';
import { requireActor } from '../policy.js';
import { errorResponses } from './schemas.js';

const tokenBody = { token: { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } } as const;
const newPassword = { type: 'string', minLength: 1, maxLength: passwordPolicy.maxLength } as const;
const linkError = { 410: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

/**
 * A person's own account: opening a setup or reset link and choosing a
 * password (public: the link is the credential), changing the password, and
 * seeing and ending one's sessions. Administrators' side: admin-people.ts.
 */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.post<{ Body: { token: string } }>(
    '/api/account/link',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['account'],
        summary: 'What a setup or reset link is for: whose account, until when (nothing changes)',
        body: { type: 'object', properties: tokenBody, required: ['token'], additionalProperties: false },
        response: {
          200: { type: 'object', properties: { username: { type: 'string' }, name: { type: 'string' }, purpose: { type: 'string', enum: ['setup', 'reset'] }, expiresAt: { type: 'string' }, minLength: { type: 'integer' } }, required: ['username', 'name', 'purpose', 'expiresAt', 'minLength'] },
          ...linkError,
        },
      },
    },
    async (req) => {
      const t = await liveAccountToken(linli.db, req.body.token, linli.now());
      return { username: t.username, name: t.name, purpose: t.purpose, expiresAt: t.expiresAt.toISOString(), minLength: passwordPolicy.minLength };
    },
  );

  app.post<{ Body: { token: string; password: string } }>(
    '/api/account/password/set',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['account'],
        summary: 'Choose a password with a one-time setup or reset link; every earlier session of the account ends',
        body: { type: 'object', properties: { ...tokenBody, password: newPassword }, required: ['token', 'password'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { username: { type: 'string' } }, required: ['username'] }, ...linkError },
      },
    },
    async (req) => {
      const now = linli.now();
      // Validate before hashing and before the transaction: a weak password leaves the link usable.
      const peek = await liveAccountToken(linli.db, req.body.token, now);
      assertStrongPassword(req.body.password, peek.username);
      const hash = await hashPassword(req.body.password);
      const username = await linli.db.transaction().execute(async (trx) => {
        const t = await liveAccountToken(trx, req.body.token, now, true);
        await trx.updateTable('linli_account_tokens').set({ used_at: now }).where('id', '=', t.id).execute();
        await trx.updateTable('linli_people').set({ password_hash: hash }).where('id', '=', t.personId).execute();
        await endAllSessions(trx, t.personId, now);
        await audit(trx, { actorId: String(t.personId), action: `account.password.${t.purpose}`, subjectType: 'person', subjectId: String(t.personId), requestId: req.id });
        return t.username;
      });
      linli.sessions.apply({ kind: 'all' });
      return { username };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/account/password',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['account'],
        summary: 'Change my password (the current one is required); my other sessions end',
        body: { type: 'object', properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 256 }, newPassword }, required: ['currentPassword', 'newPassword'], additionalProperties: false },
        response: { 204: { type: 'null' }, ...errorResponses, 422: { $ref: 'LinliError#' }, 429: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = linli.now();
      const me = await linli.db.selectFrom('linli_people').select(['id', 'username', 'password_hash']).where('id', '=', Number(actor.personId)).executeTakeFirstOrThrow();
      // Guessing the current password from a stolen session is throttled like guessing it at the login.
      await reserveLoginAttempt(linli.db, me.username, req.ip, now, linli.options.loginLimit);
      if (!(await verifyPassword(me.password_hash, req.body.currentPassword))) throw new LinliError('LINLI_ERR_WRONG_PASSWORD');
      await recordSuccessfulLogin(linli.db, me.username, req.ip, now);
      assertStrongPassword(req.body.newPassword, me.username, '/body/newPassword');
      const hash = await hashPassword(req.body.newPassword);
      await linli.db.transaction().execute(async (trx) => {
        await trx.updateTable('linli_people').set({ password_hash: hash }).where('id', '=', me.id).execute();
        await endAllSessions(trx, me.id, now, req.session?.id);
        await audit(trx, { actorId: actor.personId, action: 'account.password.change', subjectType: 'person', subjectId: actor.personId, requestId: req.id });
      });
      linli.sessions.apply({ kind: 'all' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/account/sessions',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['account'],
        summary: 'My live sessions (the current one is marked)',
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, createdAt: { type: 'string' }, expiresAt: { type: 'string' }, current: { type: 'boolean' } }, required: ['id', 'createdAt', 'expiresAt', 'current'] },
              },
            },
            required: ['items'],
          },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const rows = await linli.db
        .selectFrom('linli_sessions')
        .select(['id', 'created_at', 'expires_at'])
        .where('person_id', '=', Number(actor.personId))
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', linli.now())
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      // The public id is a prefix of the token's digest: enough to name a session, useless to open one.
      return { items: rows.map((r) => ({ id: r.id.slice(0, 16), createdAt: new Date(r.created_at).toISOString(), expiresAt: new Date(r.expires_at).toISOString(), current: r.id === req.session?.id })) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/account/sessions/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['account'],
        summary: 'End one of my sessions (on every instance at once)',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{16}$' } }, required: ['id'] },
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = linli.now();
      const ended = await linli.db.transaction().execute(async (trx) => {
        const rows = await trx
          .updateTable('linli_sessions')
          .set({ revoked_at: now })
          .where('person_id', '=', Number(actor.personId))
          .where('id', 'like', `${req.params.id}%`)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute();
        for (const r of rows) await announceAuthChange(trx, { kind: 'session', sessionId: r.id });
        return rows;
      });
      if (ended.length === 0) throw new LinliError('LINLI_ERR_NOT_FOUND', [`Session ${req.params.id}`]);
      for (const r of ended) linli.sessions.apply({ kind: 'session', sessionId: r.id });
      return reply.status(204).send();
    },
  );
}
