import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, as, orgId, start } from './test-support.js';

/**
 * The reminder the day before a meeting (`ctx.notify` with `at`) follows the
 * meeting: one cancelled, or moved to a later week (the later one scheduled
 * ends the earlier), reminds nobody; the one that stands reminds the parties
 * once.
 */
for (const backend of testBackends()) {
  describe(`three-linked office meeting reminders on ${backend.name}`, () => {
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
    /** The meeting reminders in the property company's inbox, by title. */
    const reminders = async () =>
      (await (await as(server, 'property.hepan')).get('/api/notifications?limit=50')).body.items
        .filter((n: { kind: string }) => n.kind === 'three-linked-office.meeting-eve')
        .map((n: { title: { 'zh-CN': string }; data: { vars: { date: string } } }) => `${n.data.vars.date} ${n.title['zh-CN']}`);

    it('reminds nobody of a cancelled meeting', async () => {
      server.clock.set('2026-11-24T01:00:00Z'); // Tuesday 09:00
      const staff = await as(server, 'staff.yongfu');
      const meeting = await staff.post(`${api}/meetings`, { compoundOrgId: hepan });
      expect(meeting.body).toMatchObject({ date: '2026-11-25', time: '15:00' });
      expect((await staff.post(`${api}/meetings/${meeting.body.id}/cancel`)).body.status).toBe('cancelled');
      // Tuesday 15:00, when the reminder was due, and later.
      await runAt('2026-11-24T07:00:00Z');
      await runAt('2026-11-25T07:00:00Z');
      expect(await reminders()).toEqual([]);
    });

    it('reminds of the meeting moved to the next week, not of the one it replaced, once', async () => {
      server.clock.set('2026-11-30T01:00:00Z'); // Monday
      const staff = await as(server, 'staff.yongfu');
      const planned = await staff.post(`${api}/meetings`, { compoundOrgId: hepan, date: '2026-12-02' });
      expect(planned.status, JSON.stringify(planned.body)).toBe(201);
      // Moved a week on: scheduling the later one cancels the earlier.
      const moved = await staff.post(`${api}/meetings`, { compoundOrgId: hepan, date: '2026-12-09' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(201);
      expect((await staff.get(`${api}/meetings/${planned.body.id}`)).body.meeting.status).toBe('cancelled');

      await runAt('2026-12-01T07:00:00Z'); // the eve of the cancelled one
      expect(await reminders()).toEqual([]);
      await runAt('2026-12-08T07:00:00Z'); // the eve of the moved one
      await runAt('2026-12-08T07:01:00Z');
      expect(await reminders()).toEqual(['2026-12-09 明天15:00三方联席会议：河畔家园']);
    });
  });
}
