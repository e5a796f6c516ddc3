import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

/**
 * The example city draws three grids' boundaries (examples/tianchang): 永福
 * first grid (河畔家园, 天岛小区) west of 119.005°E, the second (锦绣) east of
 * it, both between 32.690 and 32.698°N; 曙光 first grid south of 32.690°N.
 */
for (const backend of testBackends()) {
  describe(`a report's point files it in the grid containing it, on ${backend.name}`, () => {
    let server: TestServer;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
      for (const key of ['hepan', 'tiandao', 'jinxiu', 'shuguang-xincun']) ids[key] = await orgId(server, key);
    });
    afterAll(() => server?.close());

    const file = async (orgKey: string, point?: { lat: number; lng: number }, who = 'resident.hepan') => {
      const res = await (await server.login(who)).post('/api/tickets', { workflow: 'grid-request', orgId: ids[orgKey], data: requestData(), ...(point ? { point } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; orgId: string; point: { lat: number; lng: number } | null };
    };

    it('keeps the chosen compound when the grid containing the point covers it', async () => {
      expect((await file('hepan', { lat: 32.694, lng: 119.0 })).orgId).toBe(ids.hepan);
    });

    it("files it at the containing grid's first compound when the chosen one is elsewhere", async () => {
      // A 河畔家园 resident reports a problem they saw in the second grid (锦绣) and in 曙光.
      expect((await file('hepan', { lat: 32.694, lng: 119.01 })).orgId).toBe(ids.jinxiu);
      const there = await file('hepan', { lat: 32.685, lng: 119.0 });
      expect(there.orgId).toBe(ids['shuguang-xincun']);
      // The reporter follows it as their own request; the grid worker of that grid sees it, the other grid's does not.
      expect((await (await server.login('resident.hepan')).get(`/api/tickets/${there.id}`)).status).toBe(200);
      expect((await (await server.login('grid.shuguang1')).get(`/api/tickets/${there.id}`)).status).toBe(200);
      expect((await (await server.login('grid.yongfu1')).get(`/api/tickets/${there.id}`)).status).toBe(404);
    });

    it('falls back to the chosen compound outside every boundary, or without a point', async () => {
      expect((await file('hepan', { lat: 31.0, lng: 118.0 })).orgId).toBe(ids.hepan);
      const none = await file('hepan');
      expect(none).toMatchObject({ orgId: ids.hepan, point: null });
    });

    it('lists the open tickets with a point for the staff map, and tells the web app how to draw maps', async () => {
      const grid = await server.login('grid.yongfu1');
      const located = (await grid.get('/api/tickets?located=true&open=true&limit=200')).body.items as { point: unknown }[];
      expect(located.length).toBeGreaterThan(0);
      expect(located.every((t) => t.point !== null)).toBe(true);
      const all = (await grid.get('/api/tickets?limit=200')).body.items as { point: unknown }[];
      expect(all.some((t) => t.point === null)).toBe(true);
      const config = await server.anonymous().get('/api/config');
      // The example city names a centre and no tiles: maps draw pins on a blank canvas and fetch nothing.
      expect(config.body.map).toEqual({ center: { lat: 32.69, lng: 119.005 }, zoom: 15 });
    });
  });
}
