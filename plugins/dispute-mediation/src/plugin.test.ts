import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, caseData, expectStatus, fileCase, inbox, orgId, personId, start, uploadPhoto } from './test-support.js';

/**
 * The mediation of a property dispute end to end through HTTP, on every
 * backend: intake by the community → a team from the pools → a session with
 * attendance and record → a signed agreement, or a referral a department
 * answers → the follow-up visit; time limits, notices and indicators.
 * One server for the file; the tests run in order on it.
 */
for (const backend of testBackends()) {
  describe(`dispute mediation on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let zjj: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      server = await start(backend);
      server.clock.set('2026-11-02T02:00:00Z'); // Monday 10:00 in Tianchang
      hepan = await orgId(server, 'hepan');
      zjj = await orgId(server, 'tc-zjj');
      for (const u of ['mediator.lawyer', 'mediator.judge', 'staff.yongfu', 'grid.yongfu1']) ids[u] = await personId(server, u);
    });
    afterAll(() => server?.close());
    const as = (u: string) => server.login(u);
    const step = (client: Awaited<ReturnType<typeof as>>, id: string, action: string, data?: unknown, comment?: string) =>
      client.get(`/api/tickets/${id}`).then((t) => client.post(`/api/tickets/${id}/transitions`, { action, version: t.body.ticket.version, ...(data ? { data } : {}), ...(comment ? { comment } : {}) }));

    it('takes a case from intake through a team and a session to a signed agreement and its follow-up visit', async () => {
      const desk = await as('secretary.yongfu');
      // A dispute is taken in at its compound, never at the community.
      const atCommunity = await desk.post('/api/tickets', { workflow: 'dispute-mediation.case', orgId: await orgId(server, 'yongfu'), data: caseData() });
      expect(atCommunity.status).toBe(422);
      expect(atCommunity.body.code).toBe('DM_ERR_NOT_A_COMPOUND');

      const notCompany = await desk.post('/api/tickets', { workflow: 'dispute-mediation.case', orgId: hepan, data: caseData({ propertyOrgId: zjj }) });
      expect([notCompany.status, notCompany.body.code]).toEqual([422, 'DM_ERR_NOT_A_COMPANY']);
      const filed = await fileCase(desk, hepan, { propertyOrgId: await orgId(server, 'hepan-property') });
      expect(filed.state).toBe('accepted');
      // The parties' names and phones never leave the case page: lists and the plugin's pages hold kinds only.
      const listed = await desk.get(`${api}/cases`);
      expect(JSON.stringify(listed.body)).not.toMatch(/张三丰|13912345678/);
      expect(listed.body.items[0]).toMatchObject({ title: '3栋业主与物业物业费纠纷', compoundName: '河畔家园', parties: '物业服务企业 / 业主', amountText: '¥4,860.00', stateTitle: '待组建团队', companyName: '天长市安居物业服务有限公司' });
      const tickets = await (await as('grid.yongfu1')).get('/api/tickets?limit=50');
      expect(JSON.stringify(tickets.body)).not.toMatch(/张三丰|13912345678/);

      // The pools, by name; a team without a professional (三官一律) is refused; so is a mediator forming one.
      const pool = (await desk.get(`${api}/mediators`)).body.items;
      expect(pool.map((m: { name: string; poolTitle: string }) => `${m.name}${m.poolTitle}`)).toEqual(expect.arrayContaining(['苏婉律师', '韩立新法官', '王丽社区调解员']));
      const local = await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['staff.yongfu'], others: [ids['grid.yongfu1']] });
      expect(local.body.code).toBe('DM_ERR_NO_PROFESSIONAL');
      const stranger = await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: [await personId(server, 'resident.hepan')] });
      expect([stranger.status, stranger.body.code]).toEqual([422, 'DM_ERR_BAD_TEAM']);
      expect(stranger.body.details).toEqual([expect.objectContaining({ path: '/others/0' })]);
      // More than the city's team size (5: the lead and four more) is refused by the form's schema.
      const six = await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: ['91', '92', '93', '94', '95'] });
      expect(six.status).toBe(400);
      const byMediator = await (await as('mediator.lawyer')).post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: [ids['staff.yongfu']] });
      expect([byMediator.status, byMediator.body.code]).toEqual([403, 'DM_ERR_NOT_INTAKE']);
      // Nor can the ticket step be taken without the team.
      expect((await step(desk, filed.id, 'form-team')).body.code).toBe('DM_ERR_NO_TEAM');

      const formed = expectStatus(await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: [ids['staff.yongfu']] }), 201);
      expect(formed.state).toBe('mediating');
      const lawyer = await as('mediator.lawyer');
      expect(await inbox(lawyer, 'dispute-mediation.team-formed')).toHaveLength(1);
      const mine = (await lawyer.get(`${api}/cases`)).body.items;
      expect(mine.map((c: { id: string; onTeam: boolean }) => [c.id, c.onTeam])).toEqual([[filed.id, true]]);
      expect(mine[0].team).toBe('苏婉（律师·主调）、王丽（社区调解员）');

      // An outcome needs a session; only the team records it; the attendance names only the team.
      const photo = await uploadPhoto(lawyer);
      const agreement = { terms: '业主补缴物业费3888元，物业减免20%并一个月内大修电梯。', agreedAmountFen: 388_800, signedOn: '2026-11-04', photos: [photo] };
      const early = await lawyer.post(`${api}/cases/${filed.id}/agreement`, agreement);
      expect([early.status, early.body.code]).toEqual([422, 'DM_ERR_NO_SESSION']);
      const session = { heldOn: '2026-11-02', partiesPresent: ['申请人', '被申请人'], record: '双方陈述，物业承认电梯维修不及时，业主同意补缴。' };
      expect((await (await as('mediator.judge')).post(`${api}/cases/${filed.id}/sessions`, session)).body.code).toBe('DM_ERR_NOT_ON_TEAM');
      expect((await lawyer.post(`${api}/cases/${filed.id}/sessions`, { ...session, absentMediator: ids['mediator.judge'] })).body.code).toBe('DM_ERR_BAD_ATTENDANCE');
      expect((await lawyer.post(`${api}/cases/${filed.id}/sessions`, { ...session, heldOn: '2026-11-03' })).body.code).toBe('DM_ERR_FUTURE_DATE');
      expectStatus(await lawyer.post(`${api}/cases/${filed.id}/sessions`, { ...session, absentMediator: ids['staff.yongfu'] }), 201);
      const sessions = (await lawyer.get(`${api}/cases/${filed.id}/sessions`)).body.items;
      expect(sessions).toEqual([expect.objectContaining({ heldOn: '2026-11-02', place: '永福社区物业纠纷调解室', partiesPresent: '申请人、被申请人', mediatorsPresent: 1, absent: '王丽', recordedBy: '苏婉' })]);
      // Someone on no team sees nothing of it.
      expect((await (await as('mediator.judge')).get(`${api}/cases/${filed.id}/sessions`)).body.items).toEqual([]);

      server.clock.advance({ days: 2 });
      const agreed = expectStatus(await (await as('mediator.lawyer')).post(`${api}/cases/${filed.id}/agreement`, agreement), 201);
      expect(agreed.state).toBe('agreed');
      // The follow-up visit closes it, from the ticket page.
      server.clock.advance({ days: 10 });
      const visited = await step(await as('secretary.yongfu'), filed.id, 'visit', { performed: '已履行', satisfaction: '满意' });
      expect(visited.status, JSON.stringify(visited.body)).toBe(200);
      expect(visited.body.state).toBe('closed');
    });

    it('refers a case the mediation cannot settle to a department, which reports back through the ticket loop', async () => {
      const desk = await as('secretary.yongfu');
      const filed = await fileCase(desk, hepan, { title: '外墙维修费用分摊纠纷', amountFen: 1_260_000 });
      expectStatus(await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: [ids['staff.yongfu']] }), 201);
      const lawyer = await as('mediator.lawyer');
      const today = new Date(server.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expectStatus(await lawyer.post(`${api}/cases/${filed.id}/sessions`, { heldOn: today, partiesPresent: ['申请人'], record: '分摊方案未达成一致，涉及维修资金审批。' }), 201);
      const wrong = await lawyer.post(`${api}/cases/${filed.id}/referral`, { referralKind: '职能部门', targetOrgId: hepan, reason: '涉及维修资金使用程序。' });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'DM_ERR_BAD_REFERRAL']);
      expect(expectStatus(await lawyer.post(`${api}/cases/${filed.id}/referral`, { referralKind: '职能部门', targetOrgId: zjj, reason: '涉及维修资金使用程序。' }), 201).state).toBe('referred');

      // The housing department finds it in its queue, told so, and reports back.
      const officer = await as('dept.zjj');
      expect(await inbox(officer, 'dispute-mediation.referred')).toHaveLength(1);
      const queue = (await officer.get('/api/tickets?limit=50')).body.items.map((t: { id: string }) => t.id);
      expect(queue).toContain(filed.id);
      const replied = await step(officer, filed.id, 'reply', { result: '已指导按程序申请维修资金。', resolved: '已化解' });
      expect(replied.status, JSON.stringify(replied.body)).toBe(200);
      expect(replied.body.state).toBe('replied');
      expect((await step(await as('secretary.yongfu'), filed.id, 'visit', { performed: '已履行', satisfaction: '基本满意' })).body.state).toBe('closed');
    });

    it('tells the team before the mediation deadline and when it is overdue, once, through its job', async () => {
      const desk = await as('secretary.yongfu');
      const filed = await fileCase(desk, await orgId(server, 'tiandao'), { disputeType: '停车纠纷', title: '车位租金纠纷' });
      expectStatus(await desk.post(`${api}/cases/${filed.id}/team`, { lead: ids['mediator.lawyer'], others: [ids['grid.yongfu1']] }), 201);
      const job = () => server.database.db.selectFrom('linli_jobs').select(['status', 'run_at']).where('key', '=', `plugin:dispute-mediation:overdue:${filed.id}:mediating`).executeTakeFirst();
      const due = (await job())!.run_at as Date;
      expect(due.getTime() - server.clock.now().getTime()).toBe(30 * 86_400_000);
      server.clock.set(new Date(due.getTime() - 3 * 86_400_000).toISOString());
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(await inbox(await as('grid.yongfu1'), 'dispute-mediation.due-soon')).toHaveLength(1);
      server.clock.set(due.toISOString());
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect(await job()).toMatchObject({ status: 'done' });
      expect(await inbox(await as('mediator.lawyer'), 'dispute-mediation.overdue')).toHaveLength(1);
      expect(await inbox(await as('secretary.yongfu'), 'dispute-mediation.overdue')).toHaveLength(1);
      // Withdrawn: its reminders are called off and nothing more is scheduled for it.
      const withdrawn = await step(await as('secretary.yongfu'), filed.id, 'withdraw', undefined, '申请人撤回调解申请。');
      expect(withdrawn.body.state).toBe('withdrawn');
      const pending = await server.database.db.selectFrom('linli_jobs').select('key').where('key', 'like', `plugin:dispute-mediation:%:${filed.id}:%`).where('status', '=', 'pending').execute();
      expect(pending).toEqual([]);
    });

    it('counts cases, success rate, days to close and recurrence per compound and property company, and exports them', async () => {
      const desk = await as('secretary.yongfu');
      const rows = (await desk.get(`${api}/indicators?by=compound`)).body.items;
      expect(rows.find((r: { name: string }) => r.name === '河畔家园')).toMatchObject({ cases: 2, agreements: 1, referrals: 1, successRate: 50, closed: 2, open: 0, recurrences: 1, amountText: '¥17,460.00' });
      expect(rows.find((r: { name: string }) => r.name === '天岛小区')).toMatchObject({ cases: 1, open: 0, closed: 0, successRate: null, avgDaysToClose: null });
      const byCompany = (await desk.get(`${api}/indicators?by=company`)).body.items;
      expect(byCompany.find((r: { name: string }) => r.name === '天长市安居物业服务有限公司')).toMatchObject({ cases: 1, agreements: 1 });
      const csv = await desk.get(`${api}/indicators.csv?by=compound`);
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toMatch(/text\/csv/);
      expect(String(csv.body)).toContain('河畔家园,2,0,1,1,50,2,');
      // Another community's secretary sees none of it.
      expect((await (await as('secretary.shuguang')).get(`${api}/indicators?by=compound`)).body.items).toEqual([]);
    });
  });
}
