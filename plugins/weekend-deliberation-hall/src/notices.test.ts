import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, orgId, raise, start, step, topic } from './test-support.js';

/**
 * The reminder the day before a session follows the topic: taken off the
 * agenda, or its session cancelled, its proposer is not reminded; put on
 * another session, they are reminded of that one, once.
 */
for (const backend of testBackends()) {
  describe(`weekend hall session reminders on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    beforeAll(async () => {
      server = await start(backend);
      hepan = await orgId(server, 'hepan');
    });
    afterAll(() => server?.close());

    const runAt = async (at: string) => {
      server.clock.set(at);
      await server.app.linli.jobs.runDueJobs(server.clock.now());
    };
    /** The proposer's inbox, as `kind date topic`. */
    const inbox = async () =>
      (await (await server.login('resident.hepan')).get('/api/notifications?limit=50')).body.items
        .filter((n: { kind: string }) => n.kind.startsWith('weekend-deliberation-hall.'))
        .map((n: { kind: string; data: { vars: { date: string; topic: string } } }) => `${n.kind.split('.')[1]} ${n.data.vars.date} ${n.data.vars.topic}`)
        .sort();

    it('reminds of the session a topic is on, not of one it was taken off or one cancelled', async () => {
      server.clock.set('2026-11-24T01:00:00Z'); // Tuesday 09:00
      const resident = await server.login('resident.hepan');
      const bridge = await raise(resident, hepan, topic('景观桥桥面腐朽'));
      const parking = await raise(resident, hepan, topic('访客车位不足'));
      const staff = await server.login('staff.yongfu');
      for (const t of [bridge, parking]) expect((await step(staff, t.id, 'accept', { data: { opinion: '属小区公共事务，纳入议事项目。' } })).state).toBe('accepted');

      // Saturday's session (09:30) gets both topics; the parking topic is then moved to the week after.
      const saturday = (await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-11-28' })).body;
      for (const t of [bridge, parking]) expect((await staff.post(`${api}/sessions/${saturday.id}/agenda`, { topicId: t.id })).status).toBe(201);
      const removed = await staff.request('DELETE', `${api}/sessions/${saturday.id}/agenda/${parking.id}`);
      expect(removed.status, JSON.stringify(removed.body)).toBeLessThan(300);
      const later = (await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-12-05' })).body;
      expect((await staff.post(`${api}/sessions/${later.id}/agenda`, { topicId: parking.id })).status).toBe(201);
      // Saturday's session is called off: the bridge topic waits for another.
      expect((await staff.post(`${api}/sessions/${saturday.id}/cancel`)).body.status).toBe('cancelled');

      await runAt('2026-11-27T01:30:00Z'); // Friday 09:30, the eve of the cancelled session
      await runAt('2026-11-28T01:30:00Z');
      await runAt('2026-12-04T01:30:00Z'); // the eve of the later session
      await runAt('2026-12-04T01:31:00Z');
      expect(await inbox()).toEqual([
        'session-eve 2026-12-05 访客车位不足',
        'topic-scheduled 2026-11-28 景观桥桥面腐朽',
        'topic-scheduled 2026-11-28 访客车位不足',
        'topic-scheduled 2026-12-05 访客车位不足',
      ]);
    });
  });
}
