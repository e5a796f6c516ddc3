import { LinliError, type SsoConfig } from '@linli/core';
import { audit } from '@linli/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, sessionCookie } from '../auth/sessions.js';
import { decodePending, encodePending, normalizeMobile, OidcLogin, ssoCookie, ssoCookieSeconds, ssoSecretVariable } from '../auth/sso.js';
import { matchPerson } from '../auth/sso-match.js';
import { refusalPage } from '../auth/sso-refusal-page.js';
import { maskValue } from '../services/personal-data.js';

const cookiePath = '/api/auth/sso';

/** Only same-app paths: a crafted ?next= must not send people to another site after they log in. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]{0,500}$/.test(next) ? next : '/';
}

/**
 * Single sign-on through OpenID Connect (config `sso`): registered only when
 * the city configures it. `start` sends the browser to the identity service;
 * `callback` verifies its answer, finds the one enabled person whose
 * configured field equals the configured claim, and gives them the same
 * session cookie the password login gives. Nobody is ever created here: an
 * unknown or disabled person gets a page saying so, in Chinese and English.
 * Both routes answer a browser (redirects and a page), not an API client.
 */
export async function ssoRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  const sso = linli.deployment.config.sso;
  if (!sso) return;
  const client = new OidcLogin(sso, linli.options.env?.[ssoSecretVariable] ?? process.env[ssoSecretVariable]);
  const baseUrl = (req: FastifyRequest) => linli.options.publicUrl ?? `${req.protocol}://${req.host}`;
  const cookieOptions = (req: FastifyRequest) => ({ path: cookiePath, httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https' });

  const refuse = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    const err = e instanceof LinliError ? e : new LinliError('LINLI_ERR_SSO_FAILED', ['internal']);
    if (!(e instanceof LinliError)) req.log.error({ err: e }, 'single sign-on failed');
    else req.log.warn({ code: err.code, reason: err.message }, 'single sign-on refused');
    reply.clearCookie(ssoCookie, { path: cookiePath });
    return reply.status(err.statusCode).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(refusalPage(err, sso.label));
  };

  app.get<{ Querystring: { next?: string } }>(
    '/api/auth/sso/start',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Single sign-on: sends the browser to the city's identity service (config sso); it comes back to /api/auth/sso/callback",
        querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 500, description: 'Where in the app to land afterwards' } }, additionalProperties: false },
        response: { 302: { type: 'null', description: 'To the identity service' } },
      },
    },
    async (req, reply) => {
      try {
        const { url, pending } = await client.start(`${baseUrl(req)}/api/auth/sso/callback`, safeNext(req.query.next));
        reply.setCookie(ssoCookie, encodePending(pending), { ...cookieOptions(req), maxAge: ssoCookieSeconds });
        return reply.header('cache-control', 'no-store').redirect(url, 302);
      } catch (e) {
        return refuse(req, reply, e);
      }
    },
  );

  app.get<{ Querystring: { state?: string; error?: string } }>(
    '/api/auth/sso/callback',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Single sign-on: where the identity service returns the browser; logs the matched person in (same session as the password login) and goes on into the app',
        // The parameters an OpenID provider sends back (RFC 6749 §4.1.2, RFC 9207); others pass untouched to the client library, which reads the raw URL.
        querystring: {
          type: 'object',
          properties: Object.fromEntries(['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'].map((n) => [n, { type: 'string', maxLength: 4000 }])),
        },
        response: { 302: { type: 'null', description: 'Into the app, logged in' } },
      },
    },
    async (req, reply) => {
      try {
        const pending = decodePending(req.cookies[ssoCookie]);
        // Checked before anything is sent to the provider: a callback this browser did not start is refused outright.
        if (!pending || req.query.state !== pending.state) throw new LinliError('LINLI_ERR_SSO_FAILED', ['state']);
        if (req.query.error) throw new LinliError('LINLI_ERR_SSO_FAILED', [req.query.error.slice(0, 60)]);
        const query = new URL(req.url, 'http://callback').search;
        const { subject, value } = await client.finish(query, pending);
        const now = linli.now();
        const person = await linli.db.transaction().execute(async (trx) => {
          const found = await matchPerson(trx, sso, value);
          const refused = (code: 'LINLI_ERR_SSO_UNMATCHED' | 'LINLI_ERR_SSO_DISABLED', reason: string, personId: string | null) =>
            audit(trx, { actorId: null, action: 'person.login.sso.refused', subjectType: 'person', subjectId: personId, after: { reason, issuer: sso.issuer, claim: sso.claim, value: maskValue(value), subject: maskValue(subject) }, requestId: req.id }).then(() => code);
          if (found.kind !== 'one') return refused('LINLI_ERR_SSO_UNMATCHED', found.kind, null);
          if (found.disabled) return refused('LINLI_ERR_SSO_DISABLED', 'disabled', found.id);
          await audit(trx, { actorId: found.id, action: 'person.login.sso', subjectType: 'person', subjectId: found.id, after: { issuer: sso.issuer, claim: sso.claim }, requestId: req.id });
          return found;
        });
        if (person === 'LINLI_ERR_SSO_DISABLED') throw new LinliError(person);
        if (person === 'LINLI_ERR_SSO_UNMATCHED') throw unmatched(sso, value);
        const session = await createSession(linli.db, Number(person.id), now, linli.options.sessionHours);
        reply.clearCookie(ssoCookie, { path: cookiePath });
        reply.setCookie(sessionCookie, session.token, { ...cookieOptions(req), path: '/', maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)) });
        return reply.header('cache-control', 'no-store').redirect(pending.next, 302);
      } catch (e) {
        return refuse(req, reply, e);
      }
    },
  );
}

function unmatched(sso: SsoConfig, value: string | null): LinliError {
  const field = sso.matchField === 'phone' ? { 'zh-CN': '手机号', en: 'the mobile number' } : { 'zh-CN': '用户名', en: 'the username' };
  const shown = value === null ? `（${sso.claim}）` : sso.matchField === 'phone' ? String(maskValue(normalizeMobile(value))) : value;
  return new LinliError('LINLI_ERR_SSO_UNMATCHED', [field, shown, field]);
}
