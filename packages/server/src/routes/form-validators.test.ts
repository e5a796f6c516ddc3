import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, type TestClient, type TestServer } from '@linli/testing';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../test-support.js';

type ValidatorModule = { default: (require: (id: string) => unknown, exports: Record<string, unknown>) => void };

describe('precompiled form validators', () => {
  let server: TestServer;
  let staff: TestClient;
  const dir = mkdtempSync(join(tmpdir(), 'linli-validators-'));
  beforeAll(async () => {
    server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin] });
    staff = await server.login('grid.yongfu1');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Imports the served module the way the browser does, then builds RJSF's validator from it. */
  async function validatorFor(formId: string) {
    const res = await staff.get(`/api/forms/${formId}/validator.js`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const file = join(dir, `${formId}.mjs`);
    writeFileSync(file, res.body as string);
    const mod = (await import(pathToFileURL(file).href)) as ValidatorModule;
    const fns: Record<string, unknown> = {};
    mod.default(createRequire(import.meta.url), fns);
    const { body: form } = await staff.get(`/api/forms/${formId}`);
    return { validator: createPrecompiledValidator(fns as never, form.schema as RJSFSchema), schema: form.schema as RJSFSchema };
  }

  it('serves an ES module that validates a form exactly as its schema says, without eval in the browser', async () => {
    const { validator, schema } = await validatorFor('grid-request.intake');
    const bad = validator.validateFormData({ title: 'x', category: '不存在', photos: ['abc'] }, schema);
    expect(bad.errors.map((e) => `${e.property} ${e.name}`).sort()).toEqual(['.category enum', '.photos.0 pattern', '.title minLength', 'description required']);
    expect(validator.validateFormData({ title: '路灯不亮', category: '公共设施', description: '东门两盏路灯不亮了', photos: ['12'] }, schema).errors).toEqual([]);
  });

  it('answers 304 to a cached copy, 404 for an unknown form and 401 without a session', async () => {
    const first = await staff.get('/api/forms/grid-request.sort/validator.js');
    const again = await staff.request('GET', '/api/forms/grid-request.sort/validator.js', undefined, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect((await staff.get('/api/forms/nope/validator.js')).status).toBe(404);
    expect((await server.anonymous().get('/api/forms/grid-request.sort/validator.js')).status).toBe(401);
  });
});
