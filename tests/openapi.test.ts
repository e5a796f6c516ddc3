import { readdirSync, readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { LinliPlugin } from '@linli/sdk';
import { startTestServer, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, root } from './support.js';

/**
 * The example city as `npm start` serves it, with every plugin under plugins/
 * enabled: what a client generator or an API gateway would read at
 * /api/openapi.json, and what the web app asks for by workflow and form id.
 */
describe('the API of the example city with every bundled plugin', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Single sign-on named too (on a loopback port nothing listens on), so its routes are in the document.
    const sso = { issuer: 'http://127.0.0.1:9/oidc', clientId: 'linli', claim: 'sub', matchField: 'username' as const, label: { 'zh-CN': '统一身份认证登录' } };
    server = await startTestServer({ config: { ...JSON.parse(readFileSync(exampleConfig, 'utf8')), sso }, plugins: await bundledPlugins() });
  });
  afterAll(() => server?.close());

  it('is described by a valid OpenAPI 3.1 document', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/sso/callback'].get.parameters.map((p: { name: string }) => p.name)).toContain('state');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    // Draft-07 keywords of the forms are published in their 2020-12 spelling, not dropped.
    const visit = doc.paths['/api/plugins/door-knocking/visits'].post.requestBody.content['application/json'].schema;
    expect(visit.dependencies).toBeUndefined();
    expect(visit.dependentRequired).toEqual({ problemTitle: ['problemDescription'] });
  });

  it('lists the JSON behind the public notice board under the tag public, with no security', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    const publicPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/'));
    const declared = server.deployment.plugins.flatMap((p) => (p.publicData ?? []).map((d) => `/api/public/plugins/${p.name}/${d.id}`));
    expect(declared.length).toBeGreaterThan(4);
    expect(publicPaths).toEqual(expect.arrayContaining(['/api/public/board', '/api/public/tickets/monthly', ...declared]));
    for (const path of publicPaths) {
      expect(doc.paths[path].get.tags, path).toEqual(['public']);
      expect(doc.paths[path].get.security, path).toEqual([]);
    }
  });

  it('describes Open311 GeoReport v2 under the tag open311', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body;
    for (const [path, method] of [
      ['/open311/v2/services.{format}', 'get'],
      ['/open311/v2/services/{file}', 'get'],
      ['/open311/v2/requests.{format}', 'get'],
      ['/open311/v2/requests.{format}', 'post'],
      ['/open311/v2/requests/{file}', 'get'],
      ['/open311/v2/tokens/{file}', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['open311']);
    }
    expect(Object.keys(doc.paths['/open311/v2/requests.{format}'].post.requestBody.content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
  });

  it('serves every workflow and form by its id', async () => {
    expect(server.deployment.plugins.map((p) => p.name).sort()).toEqual(bundledPluginNames().sort());
    const admin = await server.login('admin');
    const workflows = (await admin.get('/api/workflows')).body.items as { id: string; intakeForm: string; transitions: { form?: string }[] }[];
    expect(workflows.map((w) => w.id)).toContain('three-linked-office.problem');
    const forms = new Set(workflows.flatMap((w) => [w.intakeForm, ...w.transitions.flatMap((t) => (t.form ? [t.form] : []))]));
    for (const w of workflows) {
      const res = await admin.get(`/api/workflows/${w.id}`);
      expect(res.status, `${w.id}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.id).toBe(w.id);
    }
    for (const id of forms) {
      const res = await admin.get(`/api/forms/${id}`);
      expect(res.status, `${id}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    expect((await admin.get('/api/workflows/no-such.workflow')).body.code).toBe('LINLI_ERR_NOT_FOUND');
  });
});

function bundledPluginNames(): string[] {
  return readdirSync(`${root}plugins`).map((dir) => JSON.parse(readFileSync(`${root}plugins/${dir}/package.json`, 'utf8')).name.replace('@linli/plugin-', ''));
}

/** Every plugin under plugins/, imported through vitest (from source, like every other test). */
async function bundledPlugins(): Promise<LinliPlugin[]> {
  const modules = await Promise.all(bundledPluginNames().map((name) => import(`@linli/plugin-${name}`) as Promise<Record<string, unknown>>));
  return modules.map((m) => Object.values(m).find((v): v is LinliPlugin => typeof v === 'object' && v !== null && 'sdk' in v && 'name' in v)!);
}
