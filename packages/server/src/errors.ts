import { isLinliError, LinliError, type ErrorDetail, type Locale } from '@linli/core';
import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Maps every error to one JSON shape `{ code, message, details? }` with the
 * right status. Unknown errors are logged with their stack and answered as a
 * 500 that names only the request id: a stack trace never reaches a user.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | LinliError | Error, req, reply) => {
    const e = toLinliError(err, req.id);
    if (e.statusCode >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: e.code }, e.message);
    if (e.code === 'LINLI_ERR_RATE_LIMITED') reply.header('retry-after', '900');
    return reply.status(e.statusCode).type('application/json').send(e.toJSON(requestLocale(req.headers['accept-language'])));
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new LinliError('LINLI_ERR_ROUTE_NOT_FOUND', [`${req.method} ${req.url.split('?')[0]}`]);
    return reply.status(404).send(e.toJSON(requestLocale(req.headers['accept-language'])));
  });
}

function toLinliError(err: FastifyError | LinliError | Error, requestId: string): LinliError {
  if (isLinliError(err)) return err;
  const fe = err as FastifyError & { validation?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[]; validationContext?: string };
  if (fe.validation) {
    const details: ErrorDetail[] = fe.validation.map((v) => {
      let path = `/${fe.validationContext ?? 'body'}${v.instancePath}`;
      if (v.keyword === 'required') path += `/${String(v.params.missingProperty)}`;
      if (v.keyword === 'additionalProperties') path += `/${String(v.params.additionalProperty)}`;
      return { path, message: v.keyword === 'additionalProperties' ? 'is not a known field' : (v.message ?? 'is invalid') };
    });
    return new LinliError('LINLI_ERR_VALIDATION', [details.map((d) => `${d.path} ${d.message}`).join('; ')], details);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', [app_bodyLimit(fe)]);
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
  if (pgCode === '40001' || pgCode === '40P01') return new LinliError('LINLI_ERR_CONFLICT', ['The change collided with another one; try again.']);
  if (fe.statusCode === 400 || (err as SyntaxError).name === 'SyntaxError') {
    return new LinliError('LINLI_ERR_VALIDATION', [fe.message.slice(0, 200)]);
  }
  if (fe.statusCode === 413) return new LinliError('LINLI_ERR_PAYLOAD_TOO_LARGE', ['the configured']);
  if (fe.statusCode === 415) return new LinliError('LINLI_ERR_UNSUPPORTED_MEDIA_TYPE', [fe.message]);
  return new LinliError('LINLI_ERR_INTERNAL', [requestId]);
}

function app_bodyLimit(fe: FastifyError): string {
  return /(\d+)/.exec(fe.message)?.[1] ?? 'the configured';
}

/**
 * The language to answer errors in: Chinese when the client's first choice is
 * Chinese (the web app sends its chosen language), else English, which API
 * clients that send nothing get too.
 */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  return /^\s*zh\b/i.test(acceptLanguage ?? '') ? 'zh-CN' : 'en';
}
