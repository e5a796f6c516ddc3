import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, as, start } from './test-support.js';

/** The demo history goes through the same code as the routes, on each backend. */
for (const backend of testBackends()) {
  describe(`studios demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, true);
    });
    afterAll(() => server?.close());

    it('gives the studios a month of meetings, ratings, a follow-up, a missed appointment and a booking waiting', async () => {
      const secretary = await as(server, 'secretary.yongfu');
      const items = (await secretary.get(`${api}/bookings`)).body.items as { studioName: string; status: string; rating: number | null; followUpTicketId: string | null; residentName: string }[];
      const of = (studio: string) => items.filter((b) => b.studioName === studio).map((b) => b.status).sort();
      expect(of('李秀兰书记工作室')).toEqual(['held', 'held', 'requested']);
      expect(of('永福社区法律援助工作室')).toEqual(['held', 'no_show']);
      expect(items.filter((b) => b.status === 'held').every((b) => b.rating !== null)).toBe(true);
      const followUp = items.find((b) => b.followUpTicketId);
      expect((await secretary.get(`/api/tickets/${followUp!.followUpTicketId}`)).body.ticket).toMatchObject({ workflow: 'studios.follow-up', title: '楼下餐馆油烟扰民' });
      // 曙光社区's secretary sees only their own studio's.
      const other = (await (await as(server, 'secretary.shuguang')).get(`${api}/bookings`)).body.items;
      expect(other.length).toBeGreaterThan(0);
      expect(other.every((b: { studioName: string }) => b.studioName === '钱红梅书记工作室')).toBe(true);
    });
  });
}
