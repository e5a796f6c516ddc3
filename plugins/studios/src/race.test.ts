import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, as, openingsOf, racers, start, studioId } from './test-support.js';

/**
 * The last place booked by several residents at the same moment: exactly one
 * wins, every other is told plainly (409 STU_ERR_FULL, in their language),
 * and the count never passes the capacity. On PostgreSQL the requests run in
 * parallel transactions on separate connections; on PGlite they queue.
 */
for (const backend of testBackends()) {
  describe(`the last place of a studio on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend);
    });
    afterAll(() => server?.close());

    it('goes to exactly one of the residents who book it at once', async () => {
      const clients = await Promise.all(racers.map((u) => as(server, u)));
      const studio = await studioId(clients[0]!, '测试工作室');
      const [first, second] = await openingsOf(clients[0]!, studio);
      // One of the two places is taken; seven residents race for the other.
      expect((await clients[0]!.post(`${api}/bookings`, { session: first!.id, topic: '先约上的' })).status).toBe(201);
      const results = await Promise.all(
        clients.slice(1).map((c, i) => c.request('POST', `${api}/bookings`, { session: first!.id, topic: `抢最后一个名额 ${i}` }, { 'accept-language': i % 2 ? 'en' : 'zh-CN' })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(6);
      const losers = results.filter((r) => r.status === 409);
      expect(losers.every((r) => r.body.code === 'STU_ERR_FULL')).toBe(true);
      const zh = losers.find((r) => /[\u4e00-\u9fff]{4}/.test(r.body.message.replace('测试工作室', '')));
      expect(zh?.body.message).toContain('最后一个名额刚刚被其他居民约走了');
      expect(losers.some((r) => r.body.message.startsWith('Someone else has just taken the last place of 测试工作室'))).toBe(true);

      const after = await openingsOf(clients[0]!, studio);
      expect(after.find((o) => o.id === first!.id)).toMatchObject({ left: 0, capacity: 2 });
      const row = await server.database.db.selectFrom('studios_sessions' as any).select(['booked', 'capacity']).where('booked', '>', 0).execute();
      expect(row).toEqual([{ booked: 2, capacity: 2 }]);
      const live = await server.database.db.selectFrom('studios_bookings' as any).select((eb: any) => eb.fn.countAll().as('n')).where('status', '=', 'requested').executeTakeFirstOrThrow();
      expect(Number((live as { n: unknown }).n)).toBe(2);

      // A time nobody has booked yet, raced from its very first booking: the session is opened once, and both places go.
      const second8 = await Promise.all(clients.map((c, i) => c.post(`${api}/bookings`, { session: second!.id, topic: `第一次预约 ${i}` })));
      expect(second8.map((r) => r.status).filter((s) => s === 201)).toHaveLength(2);
      expect(second8.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'STU_ERR_FULL')).toBe(true);
    });
  });
}
