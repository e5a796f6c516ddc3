import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationCity } from './test-escalation-city.js';
import { orgId, requestData } from './test-support.js';

/**
 * Leaders' daily digest (issue 16): community and street secretaries get, at
 * 08:00 local time, the counts of their own subtree for the last day: tickets
 * filed, tickets overdue now, whistles blown; once a day, however often the
 * job runner passes, and nobody else's numbers.
 */
for (const backend of testBackends()) {
  describe(`the leaders' daily digest on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      const city = escalationCity();
      city.notifications = { ...city.notifications, digest: { roles: ['community_secretary', 'street_secretary'], at: '08:00' } };
      server = await startTestServer({ config: city, plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 365 });
    });
    afterAll(async () => server?.close());

    /** Every digest in every inbox, as `username orgName date new/overdue/whistles`. */
    async function digests(): Promise<string[]> {
      const rows = await server.database.db
        .selectFrom('linli_notifications as n')
        .innerJoin('linli_people as p', 'p.id', 'n.person_id')
        .select(['p.username', 'n.data'])
        .where('n.kind', '=', 'digest.daily')
        .orderBy('n.id')
        .execute();
      return rows.map((r: { username: string; data: Record<string, unknown> }) => `${r.username} ${r.data.orgName} ${r.data.date} ${r.data.newCount}/${r.data.overdueCount}/${r.data.whistleCount}`).sort();
    }
    const run = async (at: string) => {
      server.clock.set(at);
      await server.app.linli.jobs.runDueJobs(server.clock.now());
    };

    it('tells each leader the counts of their own subtree, once a day', async () => {
      // Tuesday 09:00 in Tianchang: the server scheduled the first digest for Wednesday 08:00.
      expect(server.clock.now().toISOString()).toBe('2026-11-24T01:00:00.000Z');
      const hepan = await orgId(server, 'hepan');
      const shuguangXincun = await orgId(server, 'shuguang-xincun');
      // A snap report in Hepan (Yongfu community) and one in Shuguang Xincun (Shuguang community), both 4-hour limits.
      const inHepan = await (await server.login('resident.hepan')).post('/api/tickets', { workflow: 'tianchang.snap-report', orgId: hepan, data: requestData('河畔路灯不亮') });
      expect(inHepan.status, JSON.stringify(inHepan.body)).toBe(201);
      const inShuguang = await (await server.login('resident.shuguang')).post('/api/tickets', { workflow: 'tianchang.snap-report', orgId: shuguangXincun, data: requestData('曙光新村积水') });
      expect(inShuguang.status, JSON.stringify(inShuguang.body)).toBe(201);
      // Hepan's branch secretary whistles on the Hepan ticket.
      const whistle = await (await server.login('branch.hepan')).post(`/api/tickets/${inHepan.body.id}/whistle`, { reason: '需要多部门联合处置' });
      expect(whistle.status, JSON.stringify(whistle.body)).toBe(201);

      await run('2026-11-24T23:59:00Z'); // Tuesday 07:59: not yet
      expect(await digests()).toEqual([]);

      await run('2026-11-25T00:00:00Z'); // Wednesday 08:00
      // Yongfu's secretary (also Yongfu's administrator: one digest, for the role the city named), Shuguang's, and the street's
      // over both; nobody else, and no community sees the other's ticket or whistle.
      expect(await digests()).toEqual([
        'secretary.shuguang 曙光社区 2026-11-25 1/1/0',
        'secretary.yongfu 永福社区 2026-11-25 1/1/1',
        'street.guangling 广陵街道 2026-11-25 2/2/1',
      ]);
      // It reads as the template says, in the inbox.
      const inbox = (await (await server.login('secretary.yongfu')).get('/api/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'digest.daily');
      expect(inbox.map((n: { title: { 'zh-CN': string } }) => n.title['zh-CN'])).toEqual(['永福社区每日汇总 2026-11-25']);
      expect(inbox[0].ticketId).toBeNull();

      // The runner passing again the same day sends nothing more.
      await run('2026-11-25T00:00:30Z');
      await run('2026-11-25T09:00:00Z');
      expect(await digests()).toHaveLength(3);

      // Wednesday 08:30, just after the digest: two more reports in Hepan — Thursday's news.
      server.clock.set('2026-11-25T00:30:00Z');
      for (const title of ['河畔垃圾桶满溢', '河畔路面破损']) {
        expect((await (await server.login('resident.hepan')).post('/api/tickets', { workflow: 'tianchang.snap-report', orgId: hepan, data: requestData(title) })).status).toBe(201);
      }
      // Thursday the runner is late (08:45); a report at 08:15 came before it ran, but after the digest's time: Friday's news.
      server.clock.set('2026-11-26T00:15:00Z');
      expect((await (await server.login('resident.hepan')).post('/api/tickets', { workflow: 'tianchang.snap-report', orgId: hepan, data: requestData('河畔井盖松动') })).status).toBe(201);
      await run('2026-11-26T00:45:00Z');
      // The day up to Thursday 08:00: Wednesday's two reports, no whistle; the 08:15 one is neither new nor overdue yet.
      expect((await digests()).filter((d) => d.includes('2026-11-26'))).toEqual([
        'secretary.shuguang 曙光社区 2026-11-26 0/1/0',
        'secretary.yongfu 永福社区 2026-11-26 2/3/0',
        'street.guangling 广陵街道 2026-11-26 2/4/0',
      ]);
      await run('2026-11-26T01:00:00Z');
      expect(await digests()).toHaveLength(6);
      // Friday: the 08:15 report is counted there, once.
      await run('2026-11-27T00:00:00Z');
      expect((await digests()).filter((d) => d.includes('2026-11-27') && d.startsWith('secretary.yongfu'))).toEqual(['secretary.yongfu 永福社区 2026-11-27 1/4/0']);
    });
  });
}
