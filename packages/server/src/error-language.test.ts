import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { volunteerPointsPlugin } from '@linli/plugin-volunteer-points';
import { cityWithPlugins, startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfigFile, orgId } from './test-support.js';

/**
 * A person reads every error in their language, schema messages included:
 * ajv's through ajv-i18n (never by matching English text), a plugin's from
 * its own zh-CN/en table.
 */
for (const backend of testBackends()) {
  describe(`errors in the reader's language on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: cityWithPlugins(exampleConfigFile, ['grid-requests', 'volunteer-points']), plugins: [gridRequestsPlugin, volunteerPointsPlugin], backend });
    });
    afterAll(() => server?.close());

    const post = async (lang: string, url: string, body: unknown) => (await server.login('staff.yongfu')).request('POST', url, body, { 'accept-language': lang });

    it("a request body's schema errors: each detail and the summary", async () => {
      const zh = await post('zh-CN', '/api/tickets', { orgId: '1', data: {}, colour: 'red' });
      expect(zh.body.code).toBe('LINLI_ERR_VALIDATION');
      expect(zh.body.details).toEqual(expect.arrayContaining([{ path: '/body/workflow', message: '此项必填' }]));
      expect(zh.body.message).toBe(`请求内容有误：${zh.body.details.map((d: { path: string; message: string }) => `${d.path} ${d.message}`).join('; ')}`);
      const en = await post('en', '/api/tickets', { orgId: '1', data: {}, colour: 'red' });
      expect(en.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/workflow', message: expect.stringContaining('required') })]));
      expect(en.body.message).not.toMatch(/[\u4e00-\u9fff]/);
    });

    it("a form's field errors", async () => {
      const hepan = await orgId(server, 'hepan');
      const long = '很'.repeat(500);
      const zh = await post('zh-CN', '/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { title: long, category: '不存在的类别', description: '说明' } });
      expect(zh.body.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(zh.body.details).toEqual(expect.arrayContaining([{ path: '/category', message: '应当是预设定的枚举值之一', expected: expect.any(String) }]));
      const en = await post('en', '/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { title: long, category: '不存在的类别', description: '说明' } });
      expect(en.body.details).toEqual(expect.arrayContaining([{ path: '/category', message: 'must be equal to one of the allowed values', expected: expect.any(String) }]));
    });

    it("a plugin's error, from its table: volunteer points at an org that is not a compound", async () => {
      const yongfu = await orgId(server, 'yongfu');
      const body = { compoundOrgId: yongfu, kind: '在职党员', workUnit: '天长市直机关' };
      const zh = await post('zh-CN', '/api/plugins/volunteer-points/members', body);
      expect(zh.body.code).toBe('VP_ERR_NOT_COMPOUND');
      expect(zh.body.message).toBe('永福社区 不是小区：报到、微心愿和积分都按小区登记，请选择一个小区。');
      const en = await post('en', '/api/plugins/volunteer-points/members', body);
      expect(en.body.message).toBe('永福社区 is not a compound: registrations, wishes and points are kept per compound; choose a compound.');
    });
  });
}
