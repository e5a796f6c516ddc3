import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from './test-support.js';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

/** The spreadsheet import through HTTP, as a community administrator: within their subtree only, previewed, then applied. */
for (const backend of testBackends()) {
  describe(`roster import by an administrator on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
    }, 120_000);
    afterAll(() => server?.close());

    it('previews, then applies a roster within the subtree; refuses rows outside it, in the reader’s language', async () => {
      const secretary = await server.login('secretary.yongfu');
      const orgs = csv([['编码', '上级编码', '类型', '名称'], ['hepan-b7', 'hepan', 'building', '河畔家园7栋']]);
      const dry = await secretary.request('POST', '/api/admin/import?dryRun=true', orgs, { 'content-type': 'text/csv' });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, preview: ['新增组织 河畔家园7栋（hepan-b7）'] });
      expect(await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', 'hepan-b7').execute()).toHaveLength(0);
      const real = await secretary.request('POST', '/api/admin/import', orgs, { 'content-type': 'text/csv' });
      expect(real.body.counts.orgs.created).toBe(1);
      const audit = await server.database.db.selectFrom('linli_audit_log').select(['action', 'after']).where('action', '=', 'city.import').execute();
      expect(audit).toHaveLength(1);

      const outside = csv([['编码', '上级编码', '类型', '名称'], ['binhe-b9', 'binhe', 'building', '滨河9栋'], ['hepan', 'shuguang', 'compound', '河畔家园']]);
      const refused = await secretary.request('POST', '/api/admin/import', outside, { 'content-type': 'text/csv', 'accept-language': 'zh-CN' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('LINLI_ERR_IMPORT_INVALID');
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['roster.csv!B2', 'roster.csv!B3']);
      expect(refused.body.details[0].message).toBe('不在您管理的组织范围内');

      const people = csv([['用户名', '姓名', '状态'], ['admin', '管理员', '停用']]);
      const notTheirs = await secretary.request('POST', '/api/admin/import', people, { 'content-type': 'text/csv' });
      expect(notTheirs.body.details[0]).toMatchObject({ path: 'roster.csv!A2', message: 'admin holds roles outside the organizations you administer' });
      expect((await secretary.request('POST', '/api/admin/import', 'not,a,roster', { 'content-type': 'application/pdf' })).status).toBe(415);
    });
  });
}
