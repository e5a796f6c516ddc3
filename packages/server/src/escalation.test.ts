import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationCity, historyOf, personId } from './test-escalation-city.js';
import { orgId, requestData } from './test-support.js';

const systemActions = /^(deadline|escalation)\./;

for (const backend of testBackends()) {
  describe(`time limits and escalation (吹哨报到) on ${backend.name}`, () => {
    let server: TestServer;
    let org: Record<string, string>;
    const run = (at: string | Date) => {
      server.clock.set(at);
      return server.app.linli.jobs.runDueJobs(server.clock.now());
    };
    const login = (u: string) => server.login(u);
    async function fileAndDispatch(category: string, data: Record<string, unknown> = {}) {
      const resident = await login('resident.hepan');
      const t = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: org.hepan, data: { ...requestData(`${category}问题`), category } });
      expect(t.status).toBe(201);
      const sorted = await (await login('grid.yongfu1')).post(`/api/tickets/${t.body.id}/transitions`, { action: 'sort', version: 1, data: { category, urgency: '急' } });
      expect(sorted.status).toBe(200);
      const dispatched = await (await login('staff.yongfu')).post(`/api/tickets/${t.body.id}/transitions`, { action: 'dispatch', version: 2, data });
      expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
      return dispatched.body;
    }

    beforeAll(async () => {
      // The clock moves by days here; sessions must outlive that.
      server = await startTestServer({ config: escalationCity(), plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 365 });
      org = {};
      for (const key of ['hepan', 'tc-cgj', 'tc-zjj', 'tc-scjgj', 'tianchang', 'yongfu-party', 'guangling', 'hepan-property', 'yongfu-rc']) org[key] = await orgId(server, key);
    });
    afterAll(() => server?.close());

    it('walks a dispatched ticket through reminder, overdue, escalation up the tree, a whistle and the reports', async () => {
      server.clock.set('2026-11-24T01:00:00Z'); // Tuesday 09:00 in Tianchang
      const cgj = await login('dept.cgj');
      const staff = await login('staff.yongfu');
      const before = (await staff.get('/api/tickets/deadlines')).body;

      // Routing: a public-facilities matter goes to urban management without anyone picking it.
      const t = await fileAndDispatch('公共设施');
      expect(t).toMatchObject({ state: 'dispatched', assigneeOrgId: org['tc-cgj'], assigneePersonId: null });
      // Three working days from Tuesday 09:00: Friday 09:00; the reminder comes 8 hours earlier.
      expect(t.deadline).toBe('2026-11-27T01:00:00.000Z');
      const id: string = t.id;
      const systemSteps = async () => (await historyOf(staff, id)).filter((e) => systemActions.test(e.action)).map((e) => e.action);

      // The jobs of the states it already left (collected, sorted) do nothing.
      await run('2026-11-26T16:59:00Z');
      expect(await systemSteps()).toEqual([]);
      await run('2026-11-26T17:00:00Z');
      expect(await systemSteps()).toEqual(['deadline.remind']);
      const inbox = await cgj.get('/api/notifications');
      expect(inbox.body.items[0]).toMatchObject({ kind: 'ticket.reminder', ticketId: id, readAt: null, title: { 'zh-CN': '即将到期：公共设施问题' } });
      expect((await cgj.get(`/api/tickets/${id}`)).body.ticket.overdue).toBe(false);

      // Overdue at the deadline: marked in the history, the ticket and the lists, and counted.
      await run('2026-11-27T01:01:00Z');
      expect(await systemSteps()).toEqual(['deadline.remind', 'deadline.overdue']);
      expect((await cgj.get(`/api/tickets/${id}`)).body.ticket.overdue).toBe(true);
      expect((await cgj.get('/api/tickets?overdue=true&limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(id);
      const after = (await staff.get('/api/tickets/deadlines')).body;
      expect(after.overdue).toBe(before.overdue + 1);
      expect((await cgj.get('/api/notifications?limit=1')).body.items[0]).toMatchObject({ kind: 'ticket.overdue', kindLabel: { 'zh-CN': '工单超期', en: 'Ticket overdue' }, ticketId: id });

      // 24 hours later still not done: up the tree to the department's parent (the city), which must report.
      await run('2026-11-28T01:00:00Z');
      expect(await systemSteps()).toEqual(['deadline.remind', 'deadline.overdue', 'escalation.raise']);
      const escalated = (await staff.get(`/api/tickets/${id}/escalations`)).body.items;
      expect(escalated).toEqual([expect.objectContaining({ kind: 'overdue', orgId: org.tianchang, orgName: '天长市', reportedAt: null, reportDeadline: '2026-11-29T01:00:00.000Z', late: false })]);
      expect((await (await login('command')).get('/api/notifications')).body.items[0]).toMatchObject({ kind: 'ticket.escalated', ticketId: id });

      // The compound blows the whistle: the community party committee leads, three departments join ("1+5+N").
      const zjj = await login('dept.zjj');
      expect((await zjj.get(`/api/tickets/${id}`)).status).toBe(404);
      server.clock.set('2026-11-28T02:00:00Z'); // Saturday 10:00
      const branch = await login('branch.hepan');
      const whistle = await branch.post(`/api/tickets/${id}/whistle`, { reason: '路灯整改涉及多个部门，网格无法单独解决' });
      expect(whistle.status, JSON.stringify(whistle.body)).toBe(201);
      expect(whistle.body.escalations.map((e: any) => [e.orgName, e.lead])).toEqual([
        ['永福社区联合党委', true],
        ['天长市城市管理局', false],
        ['天长市市场监督管理局', false],
        ['天长市住房和城乡建设局', false],
      ]);
      // One working day to report: Saturday → Monday (the weekend does not count).
      expect(new Set(whistle.body.escalations.map((e: any) => e.reportDeadline))).toEqual(new Set(['2026-11-30T02:00:00.000Z']));
      const esc = Object.fromEntries(whistle.body.escalations.map((e: any) => [e.orgId, e.id]));

      // Every target can now see the ticket and finds it on its report list.
      expect((await zjj.get(`/api/tickets/${id}`)).status).toBe(200);
      expect((await zjj.get('/api/tickets?limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(id);
      expect((await zjj.get('/api/escalations?pending=true')).body.items.map((e: any) => [e.ticketId, e.orgName])).toEqual([[id, '天长市住房和城乡建设局']]);

      // Each unit reports for itself, once.
      const zr = await zjj.post(`/api/tickets/${id}/escalations/${esc[org['tc-zjj']!]}/report`, { note: '明日上午派员到场' });
      expect(zr.status, JSON.stringify(zr.body)).toBe(200);
      expect(zr.body.escalations[0]).toMatchObject({ reportedByName: expect.any(String), reportNote: '明日上午派员到场', late: false });
      expect((await zjj.post(`/api/tickets/${id}/escalations/${esc[org['tc-zjj']!]}/report`, {})).body.code).toBe('LINLI_ERR_CONFLICT');
      expect((await cgj.post(`/api/tickets/${id}/escalations/${esc[org['tc-scjgj']!]}/report`, {})).status).toBe(403);
      expect((await cgj.post(`/api/tickets/${id}/escalations/${esc[org['tc-cgj']!]}/report`, { note: '已安排维修' })).status).toBe(200);
      // The community secretary reports for the community party committee.
      expect((await (await login('secretary.yongfu')).post(`/api/tickets/${id}/escalations/${esc[org['yongfu-party']!]}/report`, {})).status).toBe(200);
      expect((await zjj.post(`/api/tickets/${id}/escalations/999999/report`, {})).status).toBe(404);

      // Market supervision does not report in time; the ladder also reaches the street.
      await run('2026-11-30T02:01:00Z');
      expect(await systemSteps()).toEqual([
        'deadline.remind',
        'deadline.overdue',
        'escalation.raise',
        'escalation.whistle',
        'escalation.report',
        'escalation.report',
        'escalation.report',
        'escalation.report-overdue', // the city's report, due Sunday
        'escalation.raise', // 72 hours overdue: the street
        'escalation.report-overdue', // market supervision, due Monday 10:00
      ]);
      const all = (await staff.get(`/api/tickets/${id}/escalations`)).body.items;
      expect(all.map((e: any) => [e.orgName, e.reportedAt !== null, e.late])).toEqual([
        ['天长市', false, true],
        ['永福社区联合党委', true, false],
        ['天长市城市管理局', true, false],
        ['天长市市场监督管理局', false, true],
        ['天长市住房和城乡建设局', true, false],
        ['广陵街道', false, false],
      ]);
      const late = (await branch.get('/api/notifications?unread=true')).body;
      expect(late.items.map((n: any) => n.kind)).toEqual(['escalation.report_overdue', 'escalation.reported', 'escalation.reported', 'escalation.reported']);
      expect(late.items[0].data).toMatchObject({ orgName: '天长市市场监督管理局' });

      // The history is complete and ordered: seq 1..n, equal to the ticket's version.
      const detail = (await staff.get(`/api/tickets/${id}`)).body;
      expect(detail.events.map((e: { seq: number }) => e.seq)).toEqual(detail.events.map((_: unknown, i: number) => i + 1));
      expect(detail.ticket.version).toBe(detail.events.length);
      expect(detail.events.find((e: any) => e.action === 'escalation.whistle')).toMatchObject({ actorName: expect.any(String), comment: '路灯整改涉及多个部门，网格无法单独解决', fromState: 'dispatched', toState: 'dispatched' });

      // Handled and closed: no more whistles or reports, and nothing more fires.
      let v = detail.ticket.version;
      const handled = await cgj.post(`/api/tickets/${id}/transitions`, { action: 'handle', version: v, data: { result: '已更换全部路灯' } });
      expect(handled.status).toBe(200);
      v = handled.body.version;
      expect((await (await login('resident.hepan')).post(`/api/tickets/${id}/transitions`, { action: 'confirm', version: v, data: { rating: 5 } })).status).toBe(200);
      const closedWhistle = await branch.post(`/api/tickets/${id}/whistle`, { reason: '再次吹哨' });
      expect(closedWhistle.status).toBe(409);
      expect(closedWhistle.body.code).toBe('LINLI_ERR_TICKET_CLOSED');
      const streetEsc = all.find((e: any) => e.orgName === '广陵街道').id;
      expect((await (await login('street.guangling')).post(`/api/tickets/${id}/escalations/${streetEsc}/report`, {})).body.code).toBe('LINLI_ERR_TICKET_CLOSED');
      const events = (await historyOf(staff, id)).length;
      await run('2027-01-01T00:00:00Z');
      expect((await historyOf(staff, id)).length).toBe(events);
    });

    it('refuses a whistle from roles the city did not name, and validates the whistle', async () => {
      server.clock.set('2026-12-01T01:00:00Z');
      const t = await fileAndDispatch('公共设施');
      const resident = await login('resident.hepan');
      expect((await resident.post(`/api/tickets/${t.id}/whistle`, { reason: '太慢了' })).body.code).toBe('LINLI_ERR_FORBIDDEN');
      expect((await (await login('grid.yongfu1')).post(`/api/tickets/${t.id}/whistle`, { reason: '太慢了' })).status).toBe(403);
      expect((await (await login('grid.shuguang1')).post(`/api/tickets/${t.id}/whistle`, { reason: '太慢了' })).status).toBe(404);
      const secretary = await login('secretary.yongfu');
      expect((await secretary.post(`/api/tickets/${t.id}/whistle`, {})).status).toBe(400);
      expect((await secretary.post(`/api/tickets/${t.id}/whistle`, { reason: '需要住建局', orgIds: ['999999'] })).body).toMatchObject({ code: 'LINLI_ERR_UNPROCESSABLE', details: [{ path: '/orgIds' }] });
      // The whistle-blower names the departments; the configured lead unit still leads.
      const named = await secretary.post(`/api/tickets/${t.id}/whistle`, { reason: '需要住建局', orgIds: [org['tc-zjj']] });
      expect(named.status).toBe(201);
      expect(named.body.escalations.map((e: any) => [e.orgName, e.lead])).toEqual([
        ['永福社区联合党委', true],
        ['天长市住房和城乡建设局', false],
      ]);
      // Calling the same units again before they report is a conflict.
      expect((await secretary.post(`/api/tickets/${t.id}/whistle`, { reason: '再催', orgIds: [org['tc-zjj']] })).body.code).toBe('LINLI_ERR_CONFLICT');
    });

    it('returns a ticket that is not theirs to whoever dispatched it, with the reason', async () => {
      server.clock.set('2026-12-02T01:00:00Z');
      const t = await fileAndDispatch('其他', { assigneeOrgId: org['tc-zjj'] });
      expect(t.assigneeOrgId).toBe(org['tc-zjj']);
      const zjj = await login('dept.zjj');
      expect((await zjj.post(`/api/tickets/${t.id}/transitions`, { action: 'return', version: t.version })).body.details).toEqual([{ path: '/comment', message: 'a comment is required for this step' }]);
      const returned = await zjj.post(`/api/tickets/${t.id}/transitions`, { action: 'return', version: t.version, comment: '不属于住建局职责，应由物业处理' });
      expect(returned.status).toBe(200);
      // Back to the org that held it before dispatch (none: the compound's grid) and to the dispatcher, not the resident.
      expect(returned.body).toMatchObject({ state: 'sorted', assigneeOrgId: null, assigneePersonId: await personId(server, 'staff.yongfu') });
      expect((await zjj.get(`/api/tickets/${t.id}`)).status).toBe(404);
      const staff = await login('staff.yongfu');
      expect((await staff.get('/api/tickets?assignedToMe=true&limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(t.id);
      expect((await staff.get('/api/notifications?limit=1')).body.items[0]).toMatchObject({ kind: 'ticket.returned', ticketId: t.id, data: { reason: '不属于住建局职责，应由物业处理' } });
      expect((await (await login('resident.hepan')).get('/api/notifications')).body.items.filter((n: any) => n.kind === 'ticket.returned')).toEqual([]);
      // Dispatched again without a pick, by the dispatch rules on the corrected category.
      const redo = await staff.post(`/api/tickets/${t.id}/transitions`, { action: 'dispatch', version: returned.body.version, data: {} });
      expect(redo.body.assigneeOrgId).toBe(org.hepan);
    });

    it('routes by category: property matters to the property company, disputes to the residents committee', async () => {
      server.clock.set('2026-12-03T01:00:00Z');
      expect((await fileAndDispatch('物业服务')).assigneeOrgId).toBe(org['hepan-property']);
      expect((await fileAndDispatch('邻里纠纷')).assigneeOrgId).toBe(org['yongfu-rc']);
    });

    it('assigns a snap-and-report ticket on creation and holds it to its 4-hour limit', async () => {
      server.clock.set('2026-12-04T01:00:00Z');
      const grid = await login('grid.yongfu1');
      const created = await grid.post('/api/tickets', { workflow: 'tianchang.snap-report', orgId: org.hepan, data: { ...requestData('垃圾满溢'), category: '环境卫生' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ state: 'assigned', assigneeOrgId: org['tc-cgj'], deadline: '2026-12-04T05:00:00.000Z' });
      const cgj = await login('dept.cgj');
      expect((await cgj.get('/api/tickets?assignedToMe=true&limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(created.body.id);
      const history = await historyOf(cgj, created.body.id);
      expect(history).toHaveLength(1);
      await run('2026-12-04T04:00:00Z');
      expect((await historyOf(cgj, created.body.id)).map((e) => e.action)).toEqual(['create', 'deadline.remind']);
      const done = await cgj.post(`/api/tickets/${created.body.id}/transitions`, { action: 'finish', version: 2, data: { result: '已清运' } });
      expect(done.status).toBe(200);
      await run('2026-12-05T00:00:00Z');
      expect((await historyOf(cgj, created.body.id)).map((e) => e.action)).toEqual(['create', 'deadline.remind', 'finish']);
    });

    it('keeps the inbox private and pages it by keyset', async () => {
      const branch = await login('branch.hepan');
      const all = (await branch.get('/api/notifications?limit=200')).body;
      expect(all.items.length).toBeGreaterThanOrEqual(4);
      const first = (await branch.get('/api/notifications?limit=2')).body;
      const second = (await branch.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`)).body;
      expect([...first.items, ...second.items].map((n: any) => n.id)).toEqual(all.items.slice(0, 4).map((n: any) => n.id));
      const id = first.items[0].id;
      const read = await branch.post(`/api/notifications/${id}/read`);
      expect(read.status).toBe(200);
      expect((await branch.post(`/api/notifications/${id}/read`)).body.readAt).toBe(read.body.readAt);
      expect((await branch.get('/api/notifications')).body.unread).toBe(all.unread - (all.items[0].readAt ? 0 : 1));
      const other: TestClient = await login('dept.zjj');
      expect((await other.post(`/api/notifications/${id}/read`)).status).toBe(404);
      expect((await other.get('/api/notifications?limit=200')).body.items.map((n: any) => n.id)).not.toContain(id);
    });
  });
}
