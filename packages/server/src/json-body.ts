import { LinliError, type ErrorDetail } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';

/** Deepest nesting of objects and arrays a JSON body may have. Real forms stay below 10; 10,000 levels would blow the stack. */
export const maxJsonDepth = 32;

/**
 * Input the database or the JavaScript runtime cannot hold is refused before
 * any handler runs, each with a 400 and the JSON pointer of the offending
 * value, instead of surfacing as a 500 deep inside a query:
 * - bodies nested deeper than `maxJsonDepth`, measured on the raw text before
 *   it is parsed (parsing a 500,000-deep body is itself the cost);
 * - the NUL character and lone UTF-16 surrogates (PostgreSQL text and jsonb
 *   refuse both);
 * - numbers that are not finite (`1e309`, a 400-digit literal, or a string
 *   such as "1e309" that validation coerced into a number) or integers beyond
 *   2^53, which no longer round-trip.
 * Bodies keep fastify's protection against `__proto__` and
 * `constructor.prototype` keys.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '' || body === undefined) return done(new LinliError('LINLI_ERR_VALIDATION', ['the body is empty; send a JSON object']));
    const depth = jsonDepthExceeds(body as string, maxJsonDepth);
    if (depth) return done(new LinliError('LINLI_ERR_VALIDATION', [`the body is nested deeper than ${maxJsonDepth} levels`], [{ path: `/body${depth}`, message: `is nested deeper than ${maxJsonDepth} levels` }]));
    let parsed: unknown;
    try {
      parsed = sjson.parse(body as string, null, { protoAction: 'error', constructorAction: 'error' });
    } catch (e) {
      return done(new LinliError('LINLI_ERR_VALIDATION', [(e as Error).message.includes('prototype') ? 'the body contains a forbidden key (__proto__ or constructor.prototype)' : 'the body is not valid JSON']));
    }
    const bad = findUnstorable(parsed, '');
    if (bad) return done(refuse('body', bad));
    done(null, parsed);
  });

  // Query strings and path params are strings here: text checks only.
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['querystring', req.query], ['params', req.params]] as const) {
      const bad = findUnstorable(value, '');
      if (bad) throw refuse(part, bad);
    }
  });
  // After validation, which may have coerced "1e309" into Infinity.
  app.addHook('preHandler', async (req) => {
    for (const [part, value] of [['body', req.body], ['querystring', req.query], ['params', req.params]] as const) {
      const bad = findUnstorable(value, '');
      if (bad) throw refuse(part, bad);
    }
  });
}

function refuse(part: string, bad: ErrorDetail): LinliError {
  const path = `/${part}${bad.path}`;
  return new LinliError('LINLI_ERR_VALIDATION', [`${path} ${bad.message}`], [{ path, message: bad.message }]);
}

/**
 * Scans raw JSON text for nesting deeper than `max`, without parsing it. Returns
 * an approximate pointer (`/0/a/…`, one segment per level) of where it went too deep, or null.
 */
export function jsonDepthExceeds(text: string, max: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return '/…'.repeat(max);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains the NUL character (\\u0000)';
  if (loneSurrogate.test(s)) return 'contains a lone UTF-16 surrogate (broken Unicode text)';
  return null;
}

/** The first value (or key) PostgreSQL or JavaScript cannot faithfully store, with its JSON pointer, or null. */
export function findUnstorable(v: unknown, path: string): ErrorDetail | null {
  if (typeof v === 'string') {
    const problem = textProblem(v);
    return problem ? { path, message: problem } : null;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { path, message: 'is a number too large to store (it overflows to infinity)' };
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) return { path, message: `is an integer beyond ±${Number.MAX_SAFE_INTEGER}` };
    return null;
  }
  // Raw uploads (photos) are bytes, not data to walk.
  if (!v || typeof v !== 'object' || ArrayBuffer.isView(v)) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findUnstorable(v[i], `${path}/${i}`);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, child] of Object.entries(v)) {
    const keyProblem = textProblem(k);
    if (keyProblem) return { path: `${path}/${escapeKey(k)}`, message: `has a key that ${keyProblem}` };
    const hit = findUnstorable(child, `${path}/${k}`);
    if (hit) return hit;
  }
  return null;
}

const escapeKey = (k: string) => k.replace(/\u0000/g, '\\u0000').replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
