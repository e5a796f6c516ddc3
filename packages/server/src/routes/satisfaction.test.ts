import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, TestClock, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from '../test-support.js';

/** 成效群众判 in the dashboards: ratings, closings without one, and reopenings, by month and org. */
for (const backend of testBackends()) {
  describe(`satisfaction in the dashboard on ${backend.name}`, () => {
    let server: TestServer;
    let ids: Record<string, string>;
    let resident: TestClient;
    let grid: TestClient;

    const step = async (who: TestClient, id: string, body: Record<string, unknown>) => {
      const { body: detail } = await who.get(`/api/tickets/${id}`);
      const res = await who.post(`/api/tickets/${id}/transitions`, { version: detail.ticket.version, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    const handled = async (title: string) => {
      const { body } = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: ids.hepan, data: requestData(title) });
      await step(grid, body.id, { action: 'sort', data: { category: '公共设施', urgency: '缓' } });
      await step(grid, body.id, { action: 'solve-in-grid', data: { result: '已处理' } });
      return body.id as string;
    };

    beforeAll(async () => {
      // 2026-03-31 20:00 UTC is already 1 April in Beijing: months are counted in the city's time.
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 90, clock: new TestClock('2026-03-20T02:00:00Z') });
      ids = Object.fromEntries(await Promise.all(['hepan', 'yongfu', 'guangling'].map(async (k) => [k, await orgId(server, k)] as const)));
      resident = await server.login('resident.hepan');
      grid = await server.login('grid.yongfu1');
    });
    afterAll(() => server?.close());

    it('counts ratings, the satisfied, closings without a rating and reopenings, by month and by the org below', async () => {
      const a = await handled('路灯不亮');
      await step(resident, a, { action: 'confirm', data: { rating: 5 } });
      const b = await handled('垃圾没清');
      await step(resident, b, { action: 'confirm', data: { rating: 2, remark: '没清干净' } });
      await step(resident, b, { action: 'reopen', comment: '还有垃圾' });
      await step(grid, b, { action: 'solve-in-grid', data: { result: '再次清运' } });
      await step(resident, b, { action: 'confirm', data: { rating: 4 } });
      const c = await handled('井盖松动');
      await step(grid, c, { action: 'close-unrated', comment: '电话未接通' });
      server.clock.set(new Date('2026-03-31T20:00:00Z'));
      const d = await handled('树枝挡路');
      await step(resident, d, { action: 'confirm', data: { rating: 3 } });

      const secretary = await server.login('secretary.yongfu');
      const res = await secretary.get(`/api/dashboard/satisfaction?orgId=${ids.yongfu}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Grouped by the compound below the community; March then April (Beijing time).
      expect(res.body.rows).toEqual([
        expect.objectContaining({ orgId: ids.hepan, orgName: '河畔家园', month: '2026-04', closed: 1, rated: 1, satisfied: 0, unrated: 0, reopened: 0, avgRating: 3 }),
        expect.objectContaining({ orgId: ids.hepan, month: '2026-03', closed: 3, rated: 2, satisfied: 2, unrated: 1, reopened: 1, avgRating: 4.5, satisfactionPct: 100, reopenPct: 33.3 }),
      ]);
      expect(res.body.totals).toMatchObject({ closed: 4, rated: 3, satisfied: 2, unrated: 1, reopened: 1, satisfactionPct: 66.7, reopenPct: 25 });

      // From the street, grouped by community; out of scope, nothing; residents count only their own.
      const street = (await (await server.login('street.guangling')).get(`/api/dashboard/satisfaction?orgId=${ids.guangling}`)).body;
      expect(street.rows.map((r: { orgId: string }) => r.orgId)).toEqual([ids.yongfu, ids.yongfu]);
      const other = (await (await server.login('grid.shuguang1')).get(`/api/dashboard/satisfaction?orgId=${ids.yongfu}`)).body;
      expect(other.totals.closed).toBe(0);
      expect((await secretary.get('/api/dashboard/satisfaction?orgId=99999')).status).toBe(404);
      expect((await server.anonymous().get('/api/dashboard/satisfaction')).status).toBe(401);
    });
  });
}
