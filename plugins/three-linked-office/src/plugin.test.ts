import SwaggerParser from '@apidevtools/swagger-parser';
import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPresent, api, as, orgId, present, problem, raise, start } from './test-support.js';

/**
 * A week in 河畔家园 through HTTP, with the right role at each step: problems
 * raised, a meeting the property company misses (no decision, nothing saved),
 * next week's meeting with all three parties, the decision, implementation,
 * a send-back, verification, and the indicators moving with it.
 */
for (const backend of testBackends()) {
  describe(`three-linked office end to end on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let hepanProperty: string;
    let yongfu: string;
    beforeAll(async () => {
      server = await start(backend);
      [hepan, hepanProperty, yongfu] = await Promise.all([orgId(server, 'hepan'), orgId(server, 'hepan-property'), orgId(server, 'yongfu')]);
    });
    afterAll(() => server?.close());

    const indicator = async (name: string) => {
      const res = await (await as(server, 'secretary.yongfu')).get(`${api}/indicators`);
      expect(res.status).toBe(200);
      return res.body.items.find((r: { name: string }) => r.name === name);
    };

    it('takes a problem from intake through two meetings to closure', async () => {
      // Tuesday 2026-11-24, 09:00 in Tianchang. Three problems, raised out of agenda order.
      server.clock.set('2026-11-24T01:00:00Z');
      const slowHard = await raise(await as(server, 'owners.hepan'), hepan, { ...problem('<b>物业费</b>收支不公开', '缓', '难', '业委会'), category: '物业收费' });
      const urgentHard = await raise(await as(server, 'grid.yongfu1'), hepan, problem('地下车库雨天积水', '急', '难', '网格员'));
      const urgentEasy = await raise(await as(server, 'resident.hepan'), hepan, { ...problem('东门道闸损坏', '急', '易'), category: '停车管理', photos: ['12', '13'] });
      expect(await indicator('河畔家园')).toMatchObject({ level: 'compound', meetingsHeld: 0, problemsRaised: 3, problemsSolved: 0, problemsOpen: 3, avgDaysToSolve: null });

      // The residents' committee schedules the weekly meeting (Wednesday by default); the property company may not.
      let staff = await as(server, 'staff.yongfu');
      expect((await (await as(server, 'property.hepan')).post(`${api}/meetings`, { compoundOrgId: hepan })).body.code).toBe('TLO_ERR_NOT_ALLOWED');
      const first = await staff.post(`${api}/meetings`, { compoundOrgId: hepan });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ date: '2026-11-25', time: '15:00', status: 'scheduled', title: '河畔家园三联办2026年11月25日会商', agendaItems: 3, place: '河畔家园红色驿站' });
      const agenda = await staff.get(`${api}/meetings/${first.body.id}/agenda`);
      // 先急后缓、先易后难
      expect(agenda.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([urgentEasy, urgentHard, slowHard]);
      expect(agenda.body.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3]);

      // The day before, at the meeting's hour, the job queue reminds the three parties (a plugin reminder, once).
      server.clock.set('2026-11-24T07:00:00Z');
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      const eve = (await (await as(server, 'property.hepan')).get('/api/notifications?limit=50')).body.items.filter((n: { kind: string }) => n.kind === 'three-linked-office.meeting-eve');
      expect(eve.map((n: { title: object }) => n.title)).toEqual([{ 'zh-CN': '明天15:00三方联席会议：河畔家园', en: 'Joint meeting tomorrow 15:00: 河畔家园' }]);

      // Wednesday 15:00: the property company does not come.
      server.clock.set('2026-11-25T07:00:00Z');
      staff = await as(server, 'staff.yongfu');
      const attended = await staff.post(`${api}/meetings/${first.body.id}/attendance`, { ...allPresent, propertyCompany: { present: false } });
      expect(attended.status, JSON.stringify(attended.body)).toBe(200);
      expect(attended.body).toMatchObject({ status: 'held', quorum: false, absent: '物业' });

      const decision = { decision: '物业一周内修复道闸，恢复车辆登记放行。', responsibleParty: 'propertyCompany', deadline: '2026-12-09T10:00:00.000Z' };
      const refused = await staff.post(`${api}/meetings/${first.body.id}/agenda/${urgentEasy}/decision`, decision);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('TLO_ERR_NO_QUORUM');
      expect(refused.body.message).toContain('物业 (property company)');
      expect(refused.body.details).toEqual([{ path: '/attendance/propertyCompany', message: expect.stringContaining('物业未出席') }]);
      // Nothing saved: the ticket, its history and the agenda are as before.
      const untouched = await staff.get(`/api/tickets/${urgentEasy}`);
      expect(untouched.body.ticket).toMatchObject({ state: 'raised', version: 1, assigneeOrgId: null, deadline: null });
      expect(untouched.body.events).toHaveLength(1);
      const stillPending = await staff.get(`${api}/meetings/${first.body.id}`);
      expect(stillPending.body.meeting.decided).toBe(0);
      expect(stillPending.body.agenda.map((i: { outcome: string }) => i.outcome)).toEqual(['pending', 'pending', 'pending']);

      // Next Tuesday: scheduling next week's meeting ends last week's and carries its agenda over.
      server.clock.set('2026-12-01T01:00:00Z');
      staff = await as(server, 'staff.yongfu');
      const second = await staff.post(`${api}/meetings`, { compoundOrgId: hepan });
      expect(second.body).toMatchObject({ date: '2026-12-02', title: '河畔家园三联办2026年12月2日会商', agendaItems: 3 });
      const closed = await staff.get(`${api}/meetings/${first.body.id}`);
      expect(closed.body.meeting.status).toBe('closed');
      expect(closed.body.agenda.map((i: { outcomeTitle: string }) => i.outcomeTitle)).toEqual(['顺延', '顺延', '顺延']);
      const minutes1 = await staff.get(`${api}/meetings/${first.body.id}/minutes`);
      expect(minutes1.headers['content-type']).toContain('text/html');
      expect(minutes1.body).toContain('河畔家园三联办2026年11月25日会商纪要');
      expect(minutes1.body).toContain('<span class="absent">缺席</span>');
      expect(minutes1.body).toContain('&lt;b&gt;物业费&lt;/b&gt;收支不公开');
      expect(minutes1.body).not.toContain('<b>物业费</b>');

      // Wednesday: all three parties come; the meeting decides, naming the responsible party and a deadline.
      server.clock.set('2026-12-02T07:00:00Z');
      staff = await as(server, 'staff.yongfu');
      expect((await staff.post(`${api}/meetings/${second.body.id}/attendance`, allPresent)).body.quorum).toBe(true);
      expect((await (await as(server, 'property.hepan')).post(`${api}/meetings/${second.body.id}/agenda/${urgentEasy}/decision`, decision)).body.code).toBe('TLO_ERR_NOT_ALLOWED');
      const decided = await staff.post(`${api}/meetings/${second.body.id}/agenda/${urgentEasy}/decision`, decision);
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      expect(decided.body).toMatchObject({ id: urgentEasy, state: 'decided', assigneeOrgId: hepanProperty, deadline: '2026-12-09T10:00:00.000Z' });

      // The property company carries it out; a progress report keeps the meeting's deadline.
      server.clock.set('2026-12-04T02:00:00Z');
      const property = await as(server, 'property.hepan');
      const seen = await property.get(`/api/tickets/${urgentEasy}`);
      expect(seen.status).toBe(200);
      expect(seen.body.allowedActions.map((a: { name: string }) => a.name).sort()).toEqual(['progress', 'report-done']);
      const progressed = await property.post(`/api/tickets/${urgentEasy}/transitions`, { action: 'progress', version: seen.body.ticket.version, data: { progress: '已联系厂家，配件在路上。' } });
      expect(progressed.status, JSON.stringify(progressed.body)).toBe(200);
      expect(progressed.body).toMatchObject({ state: 'decided', deadline: '2026-12-09T10:00:00.000Z' });
      const done = await property.post(`/api/tickets/${urgentEasy}/transitions`, { action: 'report-done', version: progressed.body.version, data: { result: '道闸已更换主板。' } });
      expect(done.body.state).toBe('implemented');

      // The residents' committee finds it not done, sends it back, then verifies and closes it.
      server.clock.set('2026-12-05T02:00:00Z');
      staff = await as(server, 'staff.yongfu');
      const back = await staff.post(`/api/tickets/${urgentEasy}/transitions`, { action: 'send-back', version: done.body.version, data: { reason: '晚上道闸仍不能识别车牌。', deadline: '2026-12-08T10:00:00.000Z' } });
      expect(back.body).toMatchObject({ state: 'decided', deadline: '2026-12-08T10:00:00.000Z' });
      server.clock.set('2026-12-07T02:00:00Z');
      const again = await (await as(server, 'property.hepan')).post(`/api/tickets/${urgentEasy}/transitions`, { action: 'report-done', version: back.body.version, data: { result: '已升级车牌识别程序。' } });
      expect(again.body.state).toBe('implemented');
      staff = await as(server, 'staff.yongfu');
      expect((await (await as(server, 'property.hepan')).get(`/api/tickets/${urgentEasy}`)).body.allowedActions).toEqual([]);
      const verified = await staff.post(`/api/tickets/${urgentEasy}/transitions`, { action: 'verify', version: again.body.version, data: { satisfaction: '满意', opinion: '夜间复查正常' } });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      expect(verified.body.state).toBe('closed');

      const history = await staff.get(`/api/tickets/${urgentEasy}`);
      expect(history.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'decide', 'progress', 'report-done', 'send-back', 'report-done', 'verify']);
      expect(history.body.events[1].data).toMatchObject({ meetingId: second.body.id, responsibleParty: 'propertyCompany', responsibleOrgId: hepanProperty });

      // The minutes record the decision; the indicators count the meetings and the solved problem.
      const minutes2 = await staff.get(`${api}/meetings/${second.body.id}/minutes`);
      expect(minutes2.body).toContain('物业一周内修复道闸');
      expect(minutes2.body).toContain('2026-12-09 18:00');
      expect(minutes2.body).toContain('三方均出席');

      // Fee collection, entered monthly by the property company.
      const fee = await (await as(server, 'property.hepan')).post(`${api}/fee-rates`, { compoundOrgId: hepan, month: '2026-10', rate: 28.5, paidHouseholds: 117, totalHouseholds: 411 });
      expect(fee.status, JSON.stringify(fee.body)).toBe(201);
      expect((await staff.post(`${api}/fee-rates`, { compoundOrgId: hepan, month: '2026-11', rate: 95 })).status).toBe(201);

      const row = await indicator('河畔家园');
      // Raised 2026-11-24 09:00 local, verified 2026-12-07 10:00: 13.04 days.
      expect(row).toMatchObject({ meetingsHeld: 2, problemsRaised: 3, problemsSolved: 1, problemsOpen: 2, avgDaysToSolve: 13, feeRateFirst: 28.5, feeRate: 95, feeRateMonth: '2026-11' });
      const community = await indicator('永福社区');
      expect(community).toMatchObject({ orgId: yongfu, level: 'community', offices: 3, meetingsHeld: 2, problemsRaised: 3, problemsSolved: 1 });
      const trend = await staff.get(`${api}/fee-rates/trend?orgId=${hepan}`);
      expect(trend.body.items).toEqual([
        { month: '2026-10', rate: 28.5, compounds: 1 },
        { month: '2026-11', rate: 95, compounds: 1 },
      ]);
      expect((await staff.get(`${api}/stats/solved?orgId=${yongfu}`)).body).toEqual({ value: 1 });

      // The carried-over problems still wait on this week's agenda, in order.
      const waiting = await staff.get(`${api}/agenda`);
      expect(waiting.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([urgentHard, slowHard]);
    });

    it('documents its routes in a valid OpenAPI document', async () => {
      const doc = await server.anonymous().get('/api/openapi.json');
      await expect(SwaggerParser.validate(structuredClone(doc.body))).resolves.toBeTruthy();
      expect(Object.keys(doc.body.paths)).toContain('/api/plugins/three-linked-office/meetings/{id}/agenda/{problemId}/decision');
    });

    it('shows each office only to those who serve it', async () => {
      const offices = async (u: string) => (await (await as(server, u)).get(`${api}/offices`)).body.items.map((o: { compoundName: string }) => o.compoundName);
      expect(await offices('staff.yongfu')).toEqual(['河畔家园', '天岛小区', '锦绣花园']);
      expect(await offices('property.hepan')).toEqual(['河畔家园']);
      expect(await offices('grid.shuguang1')).toEqual([]);
      expect(await offices('resident.hepan')).toEqual([]);
      const hepanOffice = (await (await as(server, 'staff.yongfu')).get(`${api}/offices`)).body.items[0];
      expect(hepanOffice.representatives).toBe('居委会：王丽；物业：马俊；业委会：黄淑芬、张伟');

      const meetings = (await (await as(server, 'staff.yongfu')).get(`${api}/meetings`)).body.items;
      expect(meetings.length).toBeGreaterThan(0);
      const outsider = await as(server, 'grid.shuguang1');
      expect((await outsider.get(`${api}/meetings/${meetings[0].id}`)).status).toBe(404);
      expect((await outsider.get(`${api}/meetings/${meetings[0].id}/minutes`)).body.code).toBe('LINLI_ERR_NOT_FOUND');
      expect((await outsider.post(`${api}/meetings/${meetings[0].id}/attendance`, { ...allPresent, ownersCommittee: present('某人') })).status).toBe(404);
      expect((await outsider.get(`${api}/indicators`)).body.items).toEqual([]);
      expect((await server.anonymous().get(`${api}/offices`)).status).toBe(401);
    });
  });
}
