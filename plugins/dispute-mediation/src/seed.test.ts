import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './test-support.js';

/** The demo history `npm start` shows, written through the same code as requests. */
for (const backend of testBackends()) {
  describe(`dispute-mediation demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds an agreement followed up, a referral answered, a case in mediation and one just taken in', async () => {
      const secretary = await server.login('secretary.yongfu');
      const cases = (await secretary.get(`${api}/cases`)).body.items as { title: string; state: string; sessions: number; outcomeTitle: string | null; team: string }[];
      expect(cases.map((c) => [c.state, c.outcomeTitle, c.sessions]).sort()).toEqual([
        ['accepted', null, 0],
        ['closed', '移交处理', 1],
        ['closed', '达成协议', 1],
        ['mediating', null, 1],
      ]);
      expect(cases.find((c) => c.state === 'mediating')!.team).toMatch(/（法官·主调）/);
      const hepan = (await secretary.get(`${api}/indicators?by=compound`)).body.items.find((r: { name: string }) => r.name === '河畔家园');
      expect(hepan).toMatchObject({ cases: 2, agreements: 1, referrals: 1, successRate: 50, closed: 2, recurrences: 1 });
      // The agreement's photo is a real attachment the case page shows.
      const agreed = (await secretary.get('/api/tickets?workflow=dispute-mediation.case&limit=20')).body.items.find((t: { title: string }) => t.title === '业主与物业欠缴物业费纠纷');
      const events = (await secretary.get(`/api/tickets/${agreed.id}`)).body.events as { action: string; data: { photos?: string[] } | null }[];
      const photo = events.find((e) => e.action === 'agree')!.data!.photos![0]!;
      expect((await secretary.get(`/api/attachments/${photo}`)).status).toBe(200);
    });
  });
}
