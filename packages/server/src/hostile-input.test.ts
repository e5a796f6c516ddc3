import fc from 'fast-check';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from './types.js';
import { bundledPlugins, exampleConfigFile, orgId, requestData } from './test-support.js';

/**
 * Property-based hostile input: for every route of the example city with all
 * its bundled plugins, bodies, queries and path
 * params generated from its JSON Schema and far outside it (wrong types, huge
 * and odd strings, deep nesting, SQL and HTML metacharacters,
 * prototype-pollution keys), and raw JSON text no serializer would write:
 * 10,000-deep nesting, lone UTF-16 surrogates, numbers that overflow to
 * infinity. Every answer must be a correct 2xx or a 4xx with
 * a code — never a 5xx — and the server must keep serving.
 * Runs: LINLI_FUZZ_RUNS per route (default 25; CI's long variant sets more).
 */
const runs = Number(process.env.LINLI_FUZZ_RUNS ?? 25);

const nasty = fc.constantFrom(
  "' OR 1=1 --",
  "'); DROP TABLE linli_tickets; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  '\uD800',
  '\u202E\u0645\u0631\u062D\u0628\u0627',
  '𠮷野家🧧',
  '../../../../etc/passwd',
  '%00',
  '${7*7}',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  ' ',
  '',
);
const oddString = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ maxLength: 5000 }));
const leaf = fc.oneof(oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const deep = fc.integer({ min: 50, max: 400 }).map((n) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
});
const anyJson = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.oneof(nasty, fc.string()), leaf) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')) },
);

/** Raw JSON text: what JSON.stringify cannot produce but an attacker can send. */
const hostileText = fc.constantFrom(
  '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"title":"\\ud800","note":"x\\udfff","data":{"title":"\\ud83d"}}',
  '{"points":1e309,"hours":-1e309,"n":' + '9'.repeat(400) + '}',
  '{"points":"1e309","hours":"' + '9'.repeat(400) + '","limit":"1e309"}',
  '{"data":{"points":1e309,"score":' + '9'.repeat(400) + '}}',
);

/** A value that fits `schema` loosely, with odd strings where strings go. */
function fromSchema(schema: any, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 4) return anyJson;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return oddString;
    case 'integer':
      return fc.oneof(fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-1));
    case 'number':
      return fc.double();
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 5 });
    case 'object': {
      const props = Object.entries(schema.properties ?? {}) as [string, unknown][];
      const shape = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: [] });
    }
    default:
      return anyJson;
  }
}

/** A query string from a querystring schema, values stringified as a client would. */
function queryFrom(schema: any): fc.Arbitrary<string> {
  return fc.oneof(fromSchema(schema), fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 10 })), oddString)).map((q) => {
    if (!q || typeof q !== 'object') return '';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q as Record<string, unknown>)) params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    return params.toString();
  });
}

for (const backend of testBackends()) {
  describe(`hostile input on ${backend.name}`, () => {
    let server: TestServer;
    let admin: TestClient;
    let grid: TestClient;
    let ticketId: string;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfigFile, plugins: bundledPlugins, backend, loginLimit: { perAccountAndAddress: 1_000_000, perAccount: 1_000_000, perAddress: 1_000_000, windowMinutes: 1 } });
      admin = await server.login('admin');
      grid = await server.login('grid.yongfu1');
      ticketId = (await grid.post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: requestData() })).body.id;
    });
    afterAll(() => server?.close());

    it('never answers 5xx, and every 4xx carries a code', async () => {
      const routes = server.app.linli.routes.filter((r) => r.url !== '/api/auth/logout');
      const failures: string[] = [];
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(
            fromSchema(route.schema?.body),
            anyJson,
            queryFrom(route.schema?.querystring),
            fc.oneof(fc.constant(ticketId), oddString),
            fc.boolean(),
            fc.option(hostileText, { freq: 3 }),
            async (fitted, wild, query, param, useWild, raw) => {
              const url = fill(route, param) + (query ? `?${query}` : '');
              const client = route.policy === 'admin' ? admin : grid;
              const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : raw ?? JSON.stringify(useWild ? wild : fitted);
              let res;
              try {
                res = await client.request(route.method as 'GET', url, body, body === undefined ? {} : { 'content-type': 'application/json' });
              } catch (e) {
                failures.push(`${route.method} ${url}: threw ${(e as Error).message}`);
                return false;
              }
              const ok = res.status < 500 && (res.status < 400 || typeof res.body?.code === 'string' || (route.url.startsWith('/open311/') && isGeoReportError(res.body)));
              if (!ok) failures.push(`${route.method} ${url.slice(0, 120)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
              return ok;
            },
          ),
          { numRuns: runs, seed: 20261124, endOnFailure: true },
        ).catch(() => undefined);
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Still serving, and nothing was polluted.
      expect((await grid.get('/api/me')).status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}

/** Open311 answers errors in the GeoReport format: a list of { code: the HTTP status, description }, or its XML form. */
function isGeoReportError(body: unknown): boolean {
  if (typeof body === 'string') return body.includes('<errors>');
  return Array.isArray(body) && body.length > 0 && body.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string');
}

function fill(route: RouteInfo, param: string): string {
  return route.url.replace(/:(\w+)/g, () => encodeURIComponent(param));
}
