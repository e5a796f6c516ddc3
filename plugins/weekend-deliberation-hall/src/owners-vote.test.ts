import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekendDeliberationHallPlugin } from './plugin.js';
import { api, exampleCity, exampleOptions, orgId, raise, start, step, topic } from './test-support.js';

const owners = '/api/plugins/owners-self-governance';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

const ok = (res: { status: number; body: any }, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const transition = async (client: TestClient, ticketId: string, action: string, body: { data?: unknown; comment?: string } = {}) => {
  const current = await client.get(`/api/tickets/${ticketId}`);
  return client.post(`/api/tickets/${ticketId}/transitions`, { action, version: current.body.ticket.version, ...body });
};
const actionsOf = async (client: TestClient, ticketId: string) => ((await client.get(`/api/tickets/${ticketId}`)).body.allowedActions as { name: string }[]).map((a) => a.name);

/**
 * A weekend-hall topic only the owners can decide goes to an owners' vote
 * (交业主共同决定): referred by the community convener, voted by the owners
 * online and on paper, closed by staff (or by the clock), its outcome carried
 * back by the owners' vote-closed event, the convener's step checked against
 * it, and the published result beside the topic on the public board.
 */
for (const backend of testBackends()) {
  describe(`a weekend-hall topic referred to an owners' vote on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    beforeAll(async () => {
      const city = exampleCity();
      server = await startTestServer({
        config: { ...city, plugins: { 'owners-self-governance': { votingDays: 15 }, 'weekend-deliberation-hall': exampleOptions } },
        plugins: [ownersSelfGovernancePlugin, weekendDeliberationHallPlugin],
        backend,
        demoData: true,
      });
      hepan = await orgId(server, 'hepan');
    });
    afterAll(() => server?.close());

    const as = (username: string) => server.login(username);
    const runJobs = () => server.app.linli.jobs.runDueJobs(server.clock.now());

    it('the demo history has a topic waiting on an owners’ vote of building 3, shown on the public board', async () => {
      const staff = await as('staff.yongfu');
      const topics = ok(await staff.get(`${api}/topics?limit=500`)).items as { title: string; state: string }[];
      expect(topics.find((t) => t.title === '使用维修资金维修3栋屋面渗水')?.state).toBe('owners-voting');
      const votes = ok(await staff.get(`${owners}/votes`)).items as { origin: string | null; scopeName: string; statusTitle: string }[];
      expect(votes.find((v) => v.origin === '使用维修资金维修3栋屋面渗水')).toMatchObject({ scopeName: '河畔家园3栋', statusTitle: '投票中' });
      const board = ok(await server.anonymous().get(`/api/public/plugins/weekend-deliberation-hall/owners-decisions?orgId=${hepan}`));
      expect((board.items as Record<string, string>[]).find((i) => i.title === '使用维修资金维修3栋屋面渗水')).toMatchObject({ scope: '河畔家园3栋', outcome: '业主表决中', progress: '业主表决中' });
    });

    it('refers a scheduled topic to an elevator vote of one building; the counted vote decides the next step', async () => {
      server.clock.set('2027-01-05T01:00:00Z'); // Tuesday 09:00
      const resident = await as('resident.hepan');
      const lift = await raise(resident, hepan, topic('1栋加装电梯', '加装电梯'));
      let staff = await as('staff.yongfu');
      await step(staff, lift.id, 'accept', { data: { opinion: '加装电梯属业主共同决定事项，先在议事厅协商。' } });
      const session = ok(await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2027-01-09' }), 201);
      ok(await staff.post(`${api}/sessions/${session.id}/agenda`, { topicId: lift.id }), 201);
      expect(await actionsOf(staff, lift.id)).toContain('refer-owners');

      // A building outside the topic's compound is refused; then building 1 of 河畔家园.
      const outside = await transition(staff, lift.id, 'refer-owners', { data: { matter: '既有住宅加装电梯', scopeOrgId: await orgId(server, 'tiandao-b1') } });
      expect(outside.status).toBe(422);
      expect(outside.body.code).toBe('WDH_ERR_SCOPE_OUTSIDE');
      const referred = await step(staff, lift.id, 'refer-owners', { data: { matter: '既有住宅加装电梯', scopeOrgId: await orgId(server, 'hepan-b1'), question: '河畔家园1栋加装电梯', days: 10 } });
      expect(referred.state).toBe('owners-voting');
      // It left the session's agenda.
      const agenda = ok(await staff.get(`${api}/sessions/${session.id}`)).agenda as { ticketId: string; status: string }[];
      expect(agenda.find((i) => i.ticketId === lift.id)?.status).toBe('removed');

      // The vote, opened in owners-self-governance with its origin; its page names the topic.
      const votes = ok(await staff.get(`${owners}/votes`)).items as { id: string; title: string; scopeName: string; matterTitle: string; origin: string | null; units: number }[];
      const vote = votes.find((v) => v.origin === '1栋加装电梯')!;
      expect(vote).toMatchObject({ title: '河畔家园1栋加装电梯', matterTitle: '既有住宅加装电梯', units: 12 });
      const page = (await staff.get(`${owners}/votes/${vote.id}/result`)).body as string;
      expect(page).toContain(`来源：周末议事厅“1栋加装电梯”（编号 ${lift.id}）`);

      // The outcome cannot be recorded while the owners vote.
      const early = await transition(staff, lift.id, 'owners-passed', { data: {} });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('WDH_ERR_OWNERS_VOTE_OPEN');

      // Three owners vote on the portal, six on paper: 9 of 12 units, 919.74 of 1211.16 m², all agree.
      for (const username of ['resident.hepan', 'owners.hepan', 'building.hepan1']) {
        const owner = await as(username);
        const [unit] = ok(await owner.get(`${owners}/my/units?vote=${vote.id}`)).items as { id: string }[];
        ok(await owner.post(`${owners}/votes/${vote.id}/ballot`, { unitId: unit!.id, choice: '同意', confirm: true }), 201);
      }
      const secretary = await as('secretary.yongfu');
      const photo = String(ok(await secretary.request('POST', '/api/attachments', png, { 'content-type': 'image/png' }), 201).id);
      const pending = ok(await secretary.get(`${owners}/votes/${vote.id}/pending`)).items as { id: string; room: string }[];
      for (const room of ['1单元102', '1单元201', '1单元202', '1单元302', '1单元401', '1单元402']) {
        ok(await secretary.post(`${owners}/votes/${vote.id}/paper`, { unitId: pending.find((u) => u.room === room)!.id, choice: '同意', photos: [photo] }), 201);
      }
      expect(ok(await secretary.post(`${owners}/votes/${vote.id}/close`, { confirm: true }))).toMatchObject({ passed: true, outcome: '通过' });
      // The event's handler is a job: until it runs, the topic has no outcome to record.
      expect((await transition(staff, lift.id, 'owners-passed', { data: {} })).body.code).toBe('WDH_ERR_OWNERS_VOTE_OPEN');
      expect((await runJobs()).done).toBeGreaterThanOrEqual(1);

      // The convener who referred it is told (of the demo's vote too, which the clock closed); a step against the count is refused; the right one goes on.
      staff = await as('staff.yongfu');
      const inbox = ok(await staff.get('/api/notifications?limit=50')).items as { kind: string; title: { 'zh-CN': string }; ticketId?: string | null }[];
      expect(inbox.filter((n) => n.kind === 'weekend-deliberation-hall.owners-vote-closed').map((n) => n.title['zh-CN'])).toContain('业主表决已计票：1栋加装电梯');
      const told = ok(await resident.get('/api/notifications?limit=50')).items as { kind: string; title: { 'zh-CN': string }; data: Record<string, unknown>; ticketId?: string | null }[];
      expect(told.filter((n) => n.kind === 'weekend-deliberation-hall.owners-vote-result' && n.ticketId === lift.id).map((n) => n.title['zh-CN'])).toEqual(['业主表决结果：1栋加装电梯']);
      const wrong = await transition(staff, lift.id, 'owners-failed');
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('WDH_ERR_OWNERS_VOTE_MISMATCH');
      const passed = await step(staff, lift.id, 'owners-passed', { data: { implementer: '物业公司', deadline: '2027-06-30T10:00:00.000Z' } });
      expect(passed).toMatchObject({ state: 'implementing', deadline: '2027-06-30T10:00:00.000Z' });

      // The public board: the topic with the owners' published result — counts and areas, no unit, no choice of anyone.
      const board = ok(await server.anonymous().get(`/api/public/plugins/weekend-deliberation-hall/owners-decisions?orgId=${hepan}`));
      const item = (board.items as Record<string, string>[]).find((i) => i.title === '1栋加装电梯')!;
      expect(item).toMatchObject({
        compound: '河畔家园',
        matter: '既有住宅加装电梯',
        outcome: '通过',
        participation: expect.stringContaining('参与表决 9/12 人'),
        agreement: expect.stringContaining('同意 9/9 人'),
        ownersVote: expect.stringContaining('业主表决“河畔家园1栋加装电梯”'),
        progress: '落实中',
      });
      expect(JSON.stringify(board)).not.toMatch(/1单元|林小燕|同意票/);
    });

    it('a vote nobody closes is counted when its time is over; a vote that did not pass ends the topic 未通过', async () => {
      server.clock.set('2027-02-02T01:00:00Z');
      const resident = await as('resident.hepan');
      const fund = await raise(resident, hepan, topic('使用维修资金更换小区监控', '公共设施'));
      let staff = await as('staff.yongfu');
      await step(staff, fund.id, 'accept', { data: { opinion: '动用维修资金须业主共同决定。' } });
      expect((await step(staff, fund.id, 'refer-owners', { data: { matter: '使用建筑物及其附属设施的维修资金', days: 1 } })).state).toBe('owners-voting');
      // Nobody votes; the day passes: the close job counts it, then the event's job records it on the topic.
      server.clock.set('2027-02-03T01:30:00Z');
      await runJobs();
      await runJobs();
      staff = await as('staff.yongfu');
      const right = await transition(staff, fund.id, 'owners-passed', { data: {} });
      expect(right.body.code).toBe('WDH_ERR_OWNERS_VOTE_MISMATCH');
      expect((await step(staff, fund.id, 'owners-failed', { comment: '参与表决的业主不足三分之二。' })).state).toBe('not-adopted');
      const board = ok(await server.anonymous().get(`/api/public/plugins/weekend-deliberation-hall/owners-decisions?orgId=${hepan}`));
      expect((board.items as Record<string, string>[]).find((i) => i.title === '使用维修资金更换小区监控')).toMatchObject({ scope: '河畔家园', outcome: expect.stringContaining('未形成决定'), progress: '未通过' });
    });

    it('the counted vote is told, once, to every convener of the compound and, in their words, to the resident who raised the topic', async () => {
      server.clock.set('2027-02-09T01:00:00Z');
      const resident = await as('resident.hepan');
      const park = await raise(resident, hepan, topic('使用维修资金改造停车棚', '公共设施'));
      await step(await as('staff.yongfu'), park.id, 'accept', { data: { opinion: '动用维修资金须业主共同决定。' } });
      // The compound's branch secretary may convene but not open owners' votes: the community secretary refers it.
      await step(await as('secretary.yongfu'), park.id, 'refer-owners', { data: { matter: '使用建筑物及其附属设施的维修资金', days: 1 } });
      server.clock.set('2027-02-10T01:30:00Z');
      await runJobs();
      await runJobs();
      await runJobs(); // nothing left to do: a job that ran does not tell anyone twice

      const noticesOf = async (username: string, kind: string) =>
        (ok(await (await as(username)).get('/api/notifications?limit=100')).items as { kind: string; ticketId: string | null; title: { 'zh-CN': string; en: string } }[]).filter((n) => n.kind === kind && n.ticketId === park.id);
      const closed = 'weekend-deliberation-hall.owners-vote-closed';
      const result = 'weekend-deliberation-hall.owners-vote-result';
      // The referrer, the other convener of the community, the compound's branch secretary: once each.
      for (const username of ['secretary.yongfu', 'staff.yongfu', 'branch.hepan']) {
        const mine = await noticesOf(username, closed);
        expect(mine, username).toHaveLength(1);
        expect(mine[0]!.title['zh-CN']).toBe('业主表决已计票：使用维修资金改造停车棚');
        expect(await noticesOf(username, result), username).toHaveLength(0);
      }
      // Not the conveners of another community, not the city's administrator, not the resident.
      for (const username of ['staff.shuguang', 'secretary.shuguang', 'admin', 'resident.hepan']) expect(await noticesOf(username, closed), username).toHaveLength(0);
      // The resident hears the result, once, in the resident's kind.
      const theirs = await noticesOf('resident.hepan', result);
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.title['zh-CN']).toBe('业主表决结果：使用维修资金改造停车棚');
      for (const username of ['staff.shuguang', 'admin', 'branch.hepan']) expect(await noticesOf(username, result), username).toHaveLength(0);
      const rows = await server.database.db.selectFrom('linli_notifications').select(['kind', 'person_id']).where('ticket_id', '=', Number(park.id)).where('kind', 'in', [closed, result]).execute();
      expect(rows).toHaveLength(4);

      // Any of them records the outcome: here the branch secretary, who did not refer it.
      expect((await step(await as('branch.hepan'), park.id, 'owners-failed', { comment: '无业主参与表决。' })).state).toBe('not-adopted');
    });

    it('a convener of the hall who may not set up owners’ votes is refused by the owners’ plugin, and the step does not happen', async () => {
      server.clock.set('2027-03-02T01:00:00Z');
      const fund = await raise(await as('resident.hepan'), hepan, topic('筹集维修资金', '公共设施'));
      await step(await as('staff.yongfu'), fund.id, 'accept', { data: { opinion: '属业主共同决定事项。' } });
      const branch = await as('branch.hepan');
      const refused = await transition(branch, fund.id, 'refer-owners', { data: { matter: '筹集建筑物及其附属设施的维修资金' } });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('OSG_ERR_NOT_CONVENER');
      expect((await (await as('staff.yongfu')).get(`/api/tickets/${fund.id}`)).body.ticket.state).toBe('accepted');
    });
  });

  describe(`the referral in a city without owners' self-governance on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend);
    });
    afterAll(() => server?.close());

    it('is neither offered nor taken', async () => {
      server.clock.set('2027-01-05T01:00:00Z');
      const hepan = await orgId(server, 'hepan');
      const t = await raise(await server.login('resident.hepan'), hepan, topic('加装电梯'));
      const staff = await server.login('staff.yongfu');
      await step(staff, t.id, 'accept', { data: { opinion: '属业主共同决定事项。' } });
      expect(await actionsOf(staff, t.id)).not.toContain('refer-owners');
      const refused = await transition(staff, t.id, 'refer-owners', { data: { matter: '既有住宅加装电梯' } });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
    });
  });
}
