import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPresent, api, as, orgId, problem, raise, start } from './test-support.js';

/**
 * A weekly meeting nobody closes finishes by itself `finishAfterDays` (3)
 * after its day, through a job the plugin schedules with the meeting; closing
 * it by hand cancels that job. 锦绣花园 meets on Wednesdays.
 */
for (const backend of testBackends()) {
  describe(`three-linked office finishes forgotten meetings on ${backend.name}`, () => {
    let server: TestServer;
    let jinxiu: string;
    beforeAll(async () => {
      server = await start(backend);
      jinxiu = await orgId(server, 'jinxiu');
    });
    afterAll(() => server?.close());

    const finishJob = (meetingId: string) =>
      server.database.db.selectFrom('linli_jobs').select(['kind', 'status', 'run_at']).where('key', '=', `plugin:three-linked-office:finish-meeting:${meetingId}`).executeTakeFirst();
    const meeting = async (id: string) => (await (await as(server, 'staff.yongfu')).get(`${api}/meetings/${id}`)).body;
    const runJobs = () => server.app.linli.jobs.runDueJobs(server.clock.now());

    it('a held meeting left open is closed three days later, its undecided problem carried to the next meeting', async () => {
      server.clock.set('2026-11-18T02:00:00Z'); // Wednesday 10:00 in Tianchang
      const staff = await as(server, 'staff.yongfu');
      const ticket = await raise(staff, jinxiu, problem('车库积水', '急', '易', '居委会'));
      const held = (await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-11-18' })).body;
      expect((await meeting(held.id)).agenda.map((i: { ticketId: string }) => i.ticketId)).toContain(ticket);
      expect((await staff.post(`${api}/meetings/${held.id}/attendance`, allPresent)).status).toBe(200);
      // Due at local midnight three days after the meeting's day.
      expect(await finishJob(held.id)).toMatchObject({ kind: 'three-linked-office.finish-meeting', status: 'pending', run_at: new Date('2026-11-20T16:00:00Z') });

      server.clock.set('2026-11-20T15:59:00Z');
      await runJobs();
      expect((await meeting(held.id)).meeting.status).toBe('held');

      server.clock.set('2026-11-20T16:00:00Z');
      expect((await runJobs()).done).toBe(1);
      expect((await meeting(held.id)).meeting.status).toBe('closed');
      expect(await finishJob(held.id)).toMatchObject({ status: 'done' });

      // The problem waits for the next meeting: it is on its agenda when one is scheduled.
      server.clock.set('2026-11-25T02:00:00Z');
      const next = (await (await as(server, 'staff.yongfu')).post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-11-25' })).body;
      expect((await meeting(next.id)).agenda.map((i: { ticketId: string }) => i.ticketId)).toContain(ticket);
    });

    it('a meeting never held is cancelled; one closed by hand keeps its state and its job is cancelled', async () => {
      server.clock.set('2026-11-25T03:00:00Z');
      const staff = await as(server, 'staff.yongfu');
      const open = (await staff.get(`${api}/meetings`)).body.items.find((m: { compoundName: string; date: string }) => m.compoundName === '锦绣花园' && m.date === '2026-11-25');
      expect(await finishJob(open.id)).toMatchObject({ status: 'pending' });
      const later = (await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-12-02' })).body;
      // Scheduling the next meeting finished this one by hand: its job is gone, the new one has its own.
      expect((await meeting(open.id)).meeting.status).toBe('cancelled');
      expect(await finishJob(open.id)).toBeUndefined();
      expect(await finishJob(later.id)).toMatchObject({ status: 'pending', run_at: new Date('2026-12-04T16:00:00Z') });

      // The reminder the day before is a job of its own: let it go first.
      server.clock.set('2026-12-04T00:00:00Z');
      expect((await runJobs()).done).toBe(1);
      server.clock.set('2026-12-05T00:00:00Z');
      expect((await runJobs()).done).toBe(1);
      expect((await meeting(later.id)).meeting.status).toBe('cancelled');
    });
  });
}
