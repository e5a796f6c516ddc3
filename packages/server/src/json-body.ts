import { LinliError } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';

/**
 * JSON bodies, query strings and path params are checked for the NUL
 * character before any handler runs: PostgreSQL text and jsonb cannot hold
 * it, so it would otherwise surface as a 500 deep inside a query. Bodies keep
 * fastify's protection against `__proto__` and `constructor.prototype` keys.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '' || body === undefined) return done(new LinliError('LINLI_ERR_VALIDATION', ['the body is empty; send a JSON object']));
    let parsed: unknown;
    try {
      parsed = sjson.parse(body as string, null, { protoAction: 'error', constructorAction: 'error' });
    } catch (e) {
      return done(new LinliError('LINLI_ERR_VALIDATION', [(e as Error).message.includes('prototype') ? 'the body contains a forbidden key (__proto__ or constructor.prototype)' : 'the body is not valid JSON']));
    }
    const where = findNul(parsed, '');
    if (where !== null) return done(new LinliError('LINLI_ERR_VALIDATION', [`text at ${where || '/'} contains the NUL character`], [{ path: `/body${where}`, message: 'contains the NUL character (\\u0000)' }]));
    done(null, parsed);
  });

  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['querystring', req.query], ['params', req.params]] as const) {
      const where = findNul(value, '');
      if (where !== null) throw new LinliError('LINLI_ERR_VALIDATION', [`${part} ${where} contains the NUL character`], [{ path: `/${part}${where}`, message: 'contains the NUL character (\\u0000)' }]);
    }
  });
}

/** The JSON pointer of the first string (or key) holding U+0000, or null. Depth-bounded by the body limit. */
function findNul(v: unknown, path: string): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findNul(v[i], `${path}/${i}`);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000')) return `${path}/${k.replace(/\u0000/g, '\\u0000')}`;
      const hit = findNul(child, `${path}/${k}`);
      if (hit !== null) return hit;
    }
  }
  return null;
}
