import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, as, exampleConfig, plugins } from './test-support.js';

/**
 * The demo history `npm start` shows: 河畔家园's seventeen weekly meetings and
 * its fee collection rising from under 30% to 95%, told through the real
 * services with the clock moved back, so every event carries its own date.
 */
for (const backend of testBackends()) {
  describe(`three-linked office demo history on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins, backend, demoData: true });
    });
    afterAll(() => server?.close());

    it('tells the story of 河畔家园 in the indicators', async () => {
      const rows = (await (await as(server, 'admin')).get(`${api}/indicators`)).body.items as Record<string, unknown>[];
      const hepan = rows.find((r) => r.name === '河畔家园')!;
      expect(hepan).toMatchObject({ meetingsHeld: 17, problemsRaised: 15, feeRateFirst: 26.7, feeRate: 95.1, feeRateMonth: '2026-10' });
      expect(hepan.problemsSolved as number).toBeGreaterThanOrEqual(10);
      expect(hepan.avgDaysToSolve as number).toBeGreaterThan(3);
      expect(rows.map((r) => r.name)).toEqual(['天长市', '广陵街道', '永福社区', '河畔家园', '天岛小区', '锦绣花园']);
      const trend = (await (await as(server, 'admin')).get(`${api}/fee-rates/trend`)).body.items as { month: string; rate: number }[];
      expect(trend.map((t) => t.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    });

    it('has next week’s meeting scheduled with the open problems on its agenda, urgent and easy first', async () => {
      const staff = await as(server, 'staff.yongfu');
      const meetings = (await staff.get(`${api}/meetings?status=scheduled`)).body.items as { id: string; compoundName: string; date: string; number: number }[];
      const next = meetings.find((m) => m.compoundName === '河畔家园')!;
      expect(next).toMatchObject({ date: '2026-11-25', title: '河畔家园三联办2026年11月25日会商' });
      const agenda = (await staff.get(`${api}/meetings/${next.id}/agenda`)).body.items as { title: string; urgency: string }[];
      expect(agenda[0]).toMatchObject({ title: '快递柜占用消防通道', urgency: '急' });
      const held = (await staff.get(`${api}/meetings?status=closed&limit=500`)).body.items as { compoundName: string; quorum: boolean; decided: number }[];
      const hepanHeld = held.filter((m) => m.compoundName === '河畔家园');
      expect(hepanHeld).toHaveLength(17);
      expect(hepanHeld.filter((m) => !m.quorum).map((m) => m.decided)).toEqual([0, 0]);
    });

    it('names a meeting by its date, so scheduling an earlier one renames nothing', async () => {
      const staff = await as(server, 'staff.yongfu');
      const hepan = (await staff.get(`${api}/offices`)).body.items.find((o: { compoundName: string }) => o.compoundName === '河畔家园').compoundOrgId as string;
      const later = await staff.post(`${api}/meetings`, { compoundOrgId: hepan, date: '2026-12-09' });
      expect(later.status, JSON.stringify(later.body)).toBe(201);
      expect(later.body.title).toBe('河畔家园三联办2026年12月9日会商');
      expect((await staff.post(`${api}/meetings`, { compoundOrgId: hepan, date: '2026-12-02' })).status).toBe(201);
      const listed = (await staff.get(`${api}/meetings?status=scheduled`)).body.items as { id: string; title: string }[];
      expect(listed.find((m) => m.id === later.body.id)?.title).toBe('河畔家园三联办2026年12月9日会商');
      expect(listed.map((m) => m.title)).toContain('河畔家园三联办2026年12月2日会商');
    });

    it('dates each step of a problem when it happened', async () => {
      const staff = await as(server, 'staff.yongfu');
      const list = (await staff.get('/api/tickets?workflow=three-linked-office.problem&state=closed&limit=200')).body.items as { id: string; title: string }[];
      const gate = list.find((t) => t.title === '小区大门道闸损坏，外来车辆随意进出')!;
      const events = (await staff.get(`/api/tickets/${gate.id}`)).body.events as { action: string; createdAt: string }[];
      expect(events.map((e) => e.action)).toEqual(['create', 'decide', 'report-done', 'verify']);
      expect(events[0]!.createdAt.slice(0, 7)).toBe('2026-07');
      const times = events.map((e) => new Date(e.createdAt).getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });
  });
}
