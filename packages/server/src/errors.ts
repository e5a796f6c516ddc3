import { isLinliError, LinliError, schemaMessage, type Locale } from '@linli/core';
import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Maps every error to one JSON shape `{ code, message, details? }` with the
 * right status. Unknown errors are logged with their stack and answered as a
 * 500 that names only the request id: a stack trace never reaches a user.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | LinliError | Error, req, reply) => {
    const e = toLinliError(err, req.id, req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit);
    if (e.statusCode >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: e.code }, e.message);
    // The seconds the limit that refused the request still has to run (auth/login-limit.ts, rate-limit.ts).
    const retryAfter = (e as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return reply.status(e.statusCode).type('application/json').send(e.toJSON(requestLocale(req.headers['accept-language'])));
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new LinliError('LINLI_ERR_ROUTE_NOT_FOUND', [`${req.method} ${req.url.split('?')[0]}`]);
    return reply.status(404).send(e.toJSON(requestLocale(req.headers['accept-language'])));
  });
}

export function toLinliError(err: FastifyError | LinliError | Error, requestId: string, bodyLimit: number | undefined): LinliError {
  if (isLinliError(err)) return err;
  const fe = err as FastifyError & { validation?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[]; validationContext?: string };
  if (fe.validation) {
    const details = fe.validation.map((v) => {
      let path = `/${fe.validationContext ?? 'body'}${v.instancePath}`;
      if (v.keyword === 'required') path += `/${String(v.params.missingProperty)}`;
      if (v.keyword === 'additionalProperties') path += `/${String(v.params.additionalProperty)}`;
      const message = v.keyword === 'additionalProperties' ? 'is not a known field' : (v.message ?? 'is invalid');
      return { path, message, localized: schemaMessage(v, message) };
    });
    // The summary in the reader's language too: each detail in theirs.
    const summary = (locale: 'zh-CN' | 'en') => details.map((d) => `${d.path} ${d.localized[locale]}`).join('; ');
    return new LinliError('LINLI_ERR_VALIDATION', [{ 'zh-CN': summary('zh-CN'), en: summary('en') }], details);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', [bodyLimit ?? 'the configured']);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new LinliError('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE', [fe.message]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new LinliError('LINLI_ERR_VALIDATION', ['the body is not valid JSON']);
  }
  // Two requests racing for the same unique row: the loser is told plainly, not given a 500.
  const pgCode = (err as { code?: unknown }).code;
  if (pgCode === '23505') return new LinliError('LINLI_ERR_CONFLICT', ['Someone else saved the same thing at the same moment; reload and check.']);
  // Input the guards (json-body.ts) did not foresee but the database refused: still the sender's problem, not a 500.
  if (typeof pgCode === 'string' && pgInputErrors.has(pgCode)) return new LinliError('LINLI_ERR_VALIDATION', ['a value is out of range or not valid text for the database']);
  if (pgCode === '40001' || pgCode === '40P01') return new LinliError('LINLI_ERR_CONFLICT', ['The change collided with another one; try again.']);
  if (fe.statusCode === 400 || (err as SyntaxError).name === 'SyntaxError') {
    return new LinliError('LINLI_ERR_VALIDATION', [fe.message.slice(0, 200)]);
  }
  if (fe.statusCode === 413) return new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', [bodyLimit ?? 'the configured']);
  if (fe.statusCode === 415) return new LinliError('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE', [fe.message]);
  return new LinliError('LINLI_ERR_INTERNAL', [requestId]);
}

/**
 * The language to answer errors in: Chinese when the client's first choice is
 * Chinese (the web app sends its chosen language), else English, which API
 * clients that send nothing get too.
 */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  return /^\s*zh\b/i.test(acceptLanguage ?? '') ? 'zh-CN' : 'en';
}
/** PostgreSQL data exceptions caused by a value sent: numeric out of range, invalid text representation, untranslatable or invalid characters. */
const pgInputErrors = new Set(['22003', '22P02', '22P05', '22021', '22001', '22008', '22007']);
