import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyRouteCompilers } from './lazy-route-compilers.js';

function appWith(compilers: ReturnType<typeof lazyRouteCompilers>) {
  const app = Fastify({ schemaController: { compilersFactory: { buildValidator: compilers.buildValidator as never, buildSerializer: compilers.buildSerializer as never } } });
  app.addSchema({ $id: 'Item', type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
  app.post('/items', { schema: { body: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'], additionalProperties: false }, response: { 200: { $ref: 'Item#' } } } }, async (req) => ({
    name: `#${(req.body as { n: number }).n}`,
    secret: 'not in the schema',
  }));
  return app;
}

describe('route validators and serializers compiled on first use', () => {
  it('validate and serialize exactly as fastify’s own: refusals carry ajv’s errors, responses keep only the schema’s fields', async () => {
    const compilers = lazyRouteCompilers();
    const app = appWith(compilers);
    await app.ready();
    const bad = await app.inject({ method: 'POST', url: '/items', payload: { n: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('must be >= 1');
    const good = await app.inject({ method: 'POST', url: '/items', payload: { n: 2 } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ name: '#2' });
    // The body validator and the 200 serializer of the one route.
    expect(compilers.compileAll()).toBe(2);
    await app.close();
  });

  it('start without compiling, and compileAll throws on a schema that cannot be compiled', async () => {
    const compilers = lazyRouteCompilers();
    const app = Fastify({ schemaController: { compilersFactory: { buildValidator: compilers.buildValidator as never, buildSerializer: compilers.buildSerializer as never } } });
    app.get('/broken', { schema: { response: { 200: { $ref: 'Nowhere#' } } } }, async () => ({}));
    await app.ready();
    expect(() => compilers.compileAll()).toThrow();
    await app.close();
  });
});
