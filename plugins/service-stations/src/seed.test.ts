import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './test-support.js';
import { start } from './test-support.js';

/** The demo history `npm start` shows: last month inspected (passed, fixed and closed, still being fixed), this month open, one full team. */
for (const backend of testBackends()) {
  describe(`service-stations demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds last period’s inspections, their tickets, this period’s due ones and the first station’s 1 + 3 + N team', async () => {
      const city = await server.login('admin');
      const stations = (await city.get(`${api}/stations`)).body.items as { name: string; standing: string; periodTitle: string | null; team: string; onDuty: string; due: number }[];
      expect(stations.map((s) => [s.name, s.standing, s.periodTitle])).toEqual([
        ['永福社区党群服务中心', 'uninspected', null],
        ['河畔家园党群服务站', 'compliant', '2026年10月'],
        ['天岛小区党群服务站', 'compliant', '2026年10月'],
        ['锦绣花园党群服务站', 'rectifying', '2026年10月'],
        ['曙光新村党群服务站', 'uninspected', null],
        ['千秋苑党群服务站', 'uninspected', null],
      ]);
      expect(stations.every((s) => s.due === 1)).toBe(true);
      // The test clock is Tuesday 24 November: the grid worker sits at 河畔家园's station.
      expect(stations.find((s) => s.name === '河畔家园党群服务站')).toMatchObject({ team: '1+3+2', onDuty: '刘洋' });

      const tickets = (await city.get('/api/tickets?workflow=service-stations.rectification')).body.items as { state: string; title: string }[];
      expect(tickets.map((t) => [t.title, t.state]).sort()).toEqual([
        ['天岛小区党群服务站：有工作台账不合格', 'closed'],
        ['锦绣花园党群服务站：有工作制度不合格', 'open'],
      ]);
    });
  });
}
