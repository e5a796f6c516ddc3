import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, as, openingsOf, start, studioId } from './test-support.js';

/**
 * The studios end to end through the API, on each backend: a resident books,
 * staff confirm, the resident is reminded the day before, the meeting is
 * recorded with a follow-up ticket, the resident rates it; another time
 * proposed and accepted or declined; a no-show counted; the month reported.
 * The clock starts Tuesday 2026-11-24 09:00 in Tianchang.
 */
for (const backend of testBackends()) {
  describe(`studios on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend);
    });
    afterAll(() => server?.close());

    const legal = '永福社区法律援助工作室';
    const runJobs = async () => server.app.linli.jobs.runDueJobs(server.clock.now());
    const inbox = async (username: string, kind: string) =>
      ((await (await as(server, username)).get('/api/notifications?limit=50')).body.items as { kind: string; title: { 'zh-CN': string } }[]).filter((n) => n.kind === kind).map((n) => n.title['zh-CN']);

    it('lists the studios of my community and their open times with places left', async () => {
      const resident = await as(server, 'resident.hepan');
      const studios = (await resident.get(`${api}/studios`)).body.items.map((s: { name: string }) => s.name);
      expect(studios).toEqual(['李秀兰书记工作室', '永福社区法律援助工作室', '“心晴”心理咨询工作室', '测试工作室']);
      // 曙光社区's secretary's studio is not for a resident of 永福社区.
      const other = await as(server, 'resident.shuguang');
      expect((await other.get(`${api}/studios`)).body.items.map((s: { name: string }) => s.name)).toEqual(['钱红梅书记工作室']);
      const open = await openingsOf(resident, await studioId(resident, legal));
      // Wednesday 14:30 and Saturday 09:00, two weeks ahead.
      expect(open.slice(0, 2).map((o) => `${o.day} ${o.time} ${o.left}/${o.capacity}`)).toEqual(['11月25日（周三） 14:30–16:30 2/2', '11月28日（周六） 09:00–11:00 2/2']);
      expect(open).toHaveLength(4);
    });

    it('books, confirms, reminds the day before, records with a follow-up ticket, and takes the rating', async () => {
      server.clock.set('2026-11-24T01:00:00Z');
      const resident = await as(server, 'resident.hepan');
      const studio = await studioId(resident, legal);
      const [wednesday] = await openingsOf(resident, studio);
      const booked = await resident.post(`${api}/bookings`, { session: wednesday!.id, topic: '房东不退押金，想咨询怎么维权。' });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      expect(booked.body).toMatchObject({ status: 'requested', statusTitle: '待确认', studioName: legal, time: '11月25日（周三） 14:30–16:30' });
      expect((await openingsOf(resident, studio))[0]!.left).toBe(1);
      // The same time twice: refused, and the place is not taken twice.
      const twice = await resident.post(`${api}/bookings`, { session: wednesday!.id, topic: '再约一次' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('STU_ERR_ALREADY_BOOKED');
      expect((await openingsOf(resident, studio))[0]!.left).toBe(1);
      expect(await inbox('secretary.yongfu', 'studios.booked')).toContain(`新预约待确认：${legal}`);

      // Staff see who booked, and confirm; the resident is told.
      const secretary = await as(server, 'secretary.yongfu');
      const list = (await secretary.get(`${api}/bookings`)).body.items;
      expect(list[0]).toMatchObject({ id: booked.body.id, residentName: '林小燕', topic: '房东不退押金，想咨询怎么维权。', noShows: 0 });
      // A resident cannot confirm their own booking; a 城管 officer does not even see it.
      expect((await resident.post(`${api}/bookings/${booked.body.id}/confirm`, {})).status).toBe(404);
      expect((await (await as(server, 'dept.cgj')).get(`${api}/bookings`)).body.items).toEqual([]);
      const confirmed = await secretary.post(`${api}/bookings/${booked.body.id}/confirm`, { note: '请带上租房合同。' });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.status).toBe('confirmed');
      expect(await inbox('resident.hepan', 'studios.confirmed')).toEqual([`预约已确认：${legal}`]);
      // Recording before the meeting begins is refused.
      const early = await secretary.post(`${api}/bookings/${booked.body.id}/record`, { summary: '提前登记的接待情况', outcome: '已解答' });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('STU_ERR_NOT_YET');

      // The day before (Tuesday 14:30), the reminder; once.
      server.clock.set('2026-11-24T06:31:00Z');
      await runJobs();
      await runJobs();
      expect(await inbox('resident.hepan', 'studios.eve')).toEqual([`明天预约提醒：${legal}`]);

      // Wednesday 15:00: held, with a problem for the core loop.
      server.clock.set('2026-11-25T07:00:00Z');
      const staff = await as(server, 'secretary.yongfu');
      const held = await staff.post(`${api}/bookings/${booked.body.id}/record`, {
        summary: '律师讲解了押金返还的法律规定，建议先协商，协商不成可申请调解。',
        outcome: '需后续跟进',
        followUpTitle: '房东拒不退还押金',
        followUpDescription: '居民租住河畔家园3栋，退租后房东拒不退还押金2000元，请社区协调调解。',
      });
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      expect(held.body).toMatchObject({ status: 'held', outcome: '需后续跟进', rated: 'no' });
      const ticket = await staff.get(`/api/tickets/${held.body.followUpTicketId}`);
      expect(ticket.body.ticket).toMatchObject({ workflow: 'studios.follow-up', state: 'open', title: '房东拒不退还押金' });

      // The resident rates it, once.
      const me = await as(server, 'resident.hepan');
      const rated = await me.post(`${api}/bookings/${booked.body.id}/rate`, { rating: 5, comment: '律师很耐心。' });
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      expect(rated.body).toMatchObject({ rated: 'yes', rating: 5 });
      const again = await me.post(`${api}/bookings/${booked.body.id}/rate`, { rating: 1 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('STU_ERR_ALREADY_RATED');
      expect(again.body.message).toContain('5');
    });

    it('moves a booking to the time staff propose when the resident accepts, and frees it when they decline', async () => {
      server.clock.set('2026-11-26T01:00:00Z'); // Thursday
      const resident = await as(server, 'resident.hepan');
      const studio = await studioId(resident, legal);
      const [saturday, nextWednesday, nextSaturday] = await openingsOf(resident, studio);
      const b = (await resident.post(`${api}/bookings`, { session: saturday!.id, topic: '遗产继承的问题' })).body;
      const staff = await as(server, 'secretary.yongfu');
      const proposed = await staff.post(`${api}/bookings/${b.id}/propose`, { session: nextWednesday!.id, note: '周六律师外出开庭。' });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
      expect(proposed.body).toMatchObject({ status: 'proposed', time: nextWednesday!.day + ' ' + nextWednesday!.time });
      expect(await inbox('resident.hepan', 'studios.proposed')).toEqual([`${legal}建议改约`]);
      const after = await openingsOf(resident, studio);
      expect(after.find((o) => o.id === saturday!.id)!.left).toBe(2);
      expect(after.find((o) => o.id === nextWednesday!.id)!.left).toBe(1);
      const accepted = await resident.post(`${api}/bookings/${b.id}/answer`, { answer: '接受新时间' });
      expect(accepted.body.status).toBe('confirmed');

      // Not to a time the resident has booked already.
      const c = (await resident.post(`${api}/bookings`, { session: saturday!.id, topic: '邻里纠纷' })).body;
      const clash = await staff.post(`${api}/bookings/${c.id}/propose`, { session: nextWednesday!.id, note: '周六已约满。' });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('STU_ERR_ALREADY_BOOKED');
      // Proposed again and declined: the place goes back.
      expect((await staff.post(`${api}/bookings/${c.id}/propose`, { session: nextSaturday!.id, note: '周六已约满。' })).status).toBe(200);
      const declined = await resident.post(`${api}/bookings/${c.id}/answer`, { answer: '不接受', note: '周六要加班。' });
      expect(declined.body).toMatchObject({ status: 'declined', statusTitle: '未接受改约' });
      expect((await openingsOf(resident, studio)).find((o) => o.id === nextSaturday!.id)!.left).toBe(2);
      // Answering twice is refused with the state it is in.
      const twice = await resident.post(`${api}/bookings/${c.id}/answer`, { answer: '接受新时间' });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'STU_ERR_WRONG_STATUS' });
    });

    it('counts missed appointments and pauses online booking at the limit', async () => {
      server.clock.set('2026-11-26T01:00:00Z');
      const race = await as(server, 'resident.race1');
      const studio = await studioId(race, '测试工作室');
      const staffAt = () => as(server, 'staff.yongfu');
      for (let day = 0; day < 3; day++) {
        server.clock.set(`2026-11-${26 + day}T01:00:00Z`);
        const r = await as(server, 'resident.race1');
        const [first] = await openingsOf(r, studio);
        const b = (await r.post(`${api}/bookings`, { session: first!.id, topic: '咨询' })).body;
        expect((await (await staffAt()).post(`${api}/bookings/${b.id}/confirm`, {})).status).toBe(200);
        server.clock.set(`2026-11-${26 + day}T03:30:00Z`); // 11:30, the slot is over
        const missed = await (await staffAt()).post(`${api}/bookings/${b.id}/no-show`, { note: '未到' });
        expect(missed.body).toMatchObject({ status: 'no_show', statusTitle: '未到', noShows: day + 1 });
      }
      const r = await as(server, 'resident.race1');
      const [next] = await openingsOf(r, studio);
      const paused = await r.request('POST', `${api}/bookings`, { session: next!.id, topic: '咨询' }, { 'accept-language': 'zh-CN' });
      expect(paused.status).toBe(403);
      expect(paused.body).toMatchObject({ code: 'STU_ERR_TOO_MANY_NO_SHOWS' });
      expect(paused.body.message).toContain('近90天内您有3次预约未到');
    });

    it('reports the month per studio, as a table and as CSV without names', async () => {
      const secretary = await as(server, 'secretary.yongfu');
      const report = await secretary.get(`${api}/reports/monthly?month=2026-11`);
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      const legalRow = report.body.items.find((r: { studioName: string }) => r.studioName === legal);
      expect(legalRow).toMatchObject({ booked: 1, held: 1, followUps: 1, ratings: 1, averageRating: 5, satisfied: 100 });
      const raceRow = report.body.items.find((r: { studioName: string }) => r.studioName === '测试工作室');
      expect(raceRow).toMatchObject({ booked: 3, noShows: 3, held: 0 });
      const csv = await secretary.get(`${api}/reports/monthly.csv?month=2026-11`);
      expect(csv.headers['content-type']).toContain('text/csv');
      const text = String(csv.body);
      expect(text).toContain('月份,社区,工作室,类型,预约,已接待,未到');
      expect(text).toContain('2026-11,永福社区,永福社区法律援助工作室,法律援助,1,1,0,0,0,1,1,5,100');
      expect(text).not.toContain('林小燕');
      // Without a month: this month and the two before, newest first.
      const recent = (await secretary.get(`${api}/reports/monthly`)).body.items.map((r: { month: string }) => r.month);
      expect([...new Set(recent)]).toEqual(['2026-11', '2026-10', '2026-09']);
      const bad = await secretary.get(`${api}/reports/monthly?month=2026-13`);
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('STU_ERR_BAD_MONTH');
      // A resident oversees nothing.
      expect((await (await as(server, 'resident.hepan')).get(`${api}/reports/monthly?month=2026-11`)).body.items).toEqual([]);
    });

    it('lets the community secretary add a slot and change a capacity, and refuses a slot that ends before it starts', async () => {
      const secretary = await as(server, 'secretary.yongfu');
      const studio = await studioId(secretary, '“心晴”心理咨询工作室');
      const bad = await secretary.post(`${api}/studios/${studio}/slots`, { weekday: 2, start: '19:00', end: '18:00', capacity: 2 });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('STU_ERR_BAD_SLOT');
      const added = await secretary.post(`${api}/studios/${studio}/slots`, { weekday: 2, start: '19:00', end: '21:00', capacity: 2 });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body.slots).toBe('周二 19:00–21:00（2人）；周五 19:00–21:00（1人）');
      const slots = (await secretary.get(`${api}/slots?studioId=${studio}`)).body.items;
      const friday = slots.find((s: { weekday: string }) => s.weekday === '周五');
      expect((await secretary.post(`${api}/slots/${friday.id}`, { capacity: 3, active: true })).body.slots).toContain('周五 19:00–21:00（3人）');
      // Community staff run bookings but do not change the studio.
      expect((await (await as(server, 'staff.yongfu')).post(`${api}/slots/${friday.id}`, { capacity: 9, active: true })).status).toBe(403);
    });
  });
}
