import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './test-support.js';

/** The demo history `npm start` shows: last round done, this round begun. */
for (const backend of testBackends()) {
  describe(`door-knocking demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds a finished round and a started one for each building leader', async () => {
      const secretary = await server.login('secretary.yongfu');
      const visits = (await secretary.get(`${api}/visits`)).body.items as { round: string; household: string; problemState: string | null; visitorName: string }[];
      // The test clock starts on 2026-11-24: the round before is the first half of November.
      expect(visits.filter((v) => v.round === '2026-11-r1')).toHaveLength(5);
      expect(visits.filter((v) => v.round === '2026-11-r2')).toHaveLength(1);
      expect(visits.map((v) => v.problemState).filter(Boolean).sort()).toEqual(['closed', 'reported']);
      expect(new Set(visits.map((v) => v.visitorName))).toEqual(new Set(['孙德明']));

      const tickets = (await secretary.get('/api/tickets?workflow=door-knocking.problem')).body.items as { state: string; closedAt: string | null }[];
      expect(tickets.map((t) => t.state).sort()).toEqual(['closed', 'reported']);
      // History in the past, where the seed put it.
      expect(tickets.find((t) => t.state === 'closed')!.closedAt! < '2026-11-16').toBe(true);
    });
  });
}
