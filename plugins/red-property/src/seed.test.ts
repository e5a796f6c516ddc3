import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './test-support.js';

/** The demo data goes through the same code as requests, and shows every page with content. */
for (const backend of testBackends()) {
  describe(`red-property demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds two periods of evaluations with one company on the red list and one on the black list, ledgers and a closed complaint', async () => {
      const s = await server.login('secretary.yongfu');
      const list = (await s.get(`${api}/red-black-list`)).body.items;
      expect(list.map((c: { name: string; standingTitle: string }) => `${c.standingTitle} ${c.name}`)).toEqual(['红榜 天长市安居物业服务有限公司', '黑榜 天长市锦绣物业服务有限公司']);
      expect((await s.get(`${api}/evaluations`)).body.items).toHaveLength(6);
      const compounds = (await s.get(`${api}/compounds`)).body.items;
      expect(compounds.map((c: { balanceYuan: string; openMatters: number }) => [c.balanceYuan, c.openMatters])).toEqual([['11350.00', 2], ['11350.00', 2], ['11350.00', 2]]);
      expect((await s.get(`${api}/meetings`)).body.items).toHaveLength(3);
      const stats = (await s.get(`${api}/stats/response-hours`)).body.items;
      expect(stats).toEqual([{ company: '天长市安居物业服务有限公司', avgResponseHours: 18, complaints: 1 }]);
    });

    it('declares web pages whose sources answer', async () => {
      const config = (await server.anonymous().get('/api/config')).body;
      const mine = config.plugins.find((p: { name: string }) => p.name === 'red-property');
      const s = await server.login('secretary.yongfu');
      const company = (await s.get(`${api}/companies`)).body.items[0].id;
      for (const page of mine.web.pages) {
        const url = page.kind === 'form' ? `/api/forms/${page.form}` : api + page.source.replace('{id}', company).replace('{compoundOrgId}', '');
        expect((await s.get(url)).status, page.id).toBe(200);
      }
    });
  });
}
