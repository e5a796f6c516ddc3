import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, fullSheet, orgId, raise, start, step, topic } from './test-support.js';

/**
 * Every refusal is a 4xx with a code, and leaves nothing behind. These run
 * in 天岛小区 and 锦绣花园 (and 滨河小区, which has no hall), on Saturday
 * 2026-11-28 unless a test moves the clock.
 */
for (const backend of testBackends()) {
  describe(`weekend deliberation hall refuses bad input on ${backend.name}`, () => {
    let server: TestServer;
    let tiandao: string;
    let jinxiu: string;
    let binhe: string;
    let hepan: string;
    beforeAll(async () => {
      server = await start(backend);
      [tiandao, jinxiu, binhe, hepan] = await Promise.all([orgId(server, 'tiandao'), orgId(server, 'jinxiu'), orgId(server, 'binhe'), orgId(server, 'hepan')]);
    });
    afterAll(() => server?.close());
    // Saturday 2026-11-28, 10:00 in Tianchang.
    beforeEach(() => server.clock.set('2026-11-28T02:00:00Z'));
    const as = (username: string) => server.login(username);

    /** An accepted topic of the compound. */
    async function accepted(compound: string, title: string) {
      const t = await raise(await as('staff.yongfu'), compound, topic(title));
      await step(await as('staff.yongfu'), t.id, 'accept', { data: { opinion: '属小区公共事务。' } });
      return t.id;
    }

    /** Today's session of the compound (made once), with the given sheet recorded. */
    async function sessionToday(compound: string, sheet: Record<string, unknown> = fullSheet) {
      const staff = await as('staff.yongfu');
      const existing = (await staff.get(`${api}/sessions?orgId=${compound}`)).body.items.find((s: { date: string }) => s.date === '2026-11-28');
      const session = existing ?? (await staff.post(`${api}/sessions`, { compoundOrgId: compound, date: '2026-11-28' })).body;
      const signed = await staff.post(`${api}/sessions/${session.id}/participants`, sheet);
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      return { staff, id: session.id as string };
    }

    const ballot = (topicId: string, votesFor: number, votesAgainst = 0, abstentions = 0) => ({ topicId, deliberation: '各方充分协商。', resolution: '按议定方案实施。', votesFor, votesAgainst, abstentions });

    it('refuses a session on a weekday, in the past, or twice on one day', async () => {
      const staff = await as('staff.yongfu');
      const weekday = await staff.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-12-02' });
      expect(weekday.status).toBe(422);
      expect(weekday.body).toMatchObject({ code: 'WDH_ERR_NOT_WEEKEND', details: [{ path: '/date' }] });
      expect(weekday.body.message).toContain('周三');
      const past = await staff.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-11-22' });
      expect(past.body.code).toBe('WDH_ERR_SESSION_IN_PAST');
      expect((await staff.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-12-05' })).status).toBe(201);
      const twice = await staff.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-12-05' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('WDH_ERR_SESSION_EXISTS');
      expect((await staff.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-02-30' })).status).toBe(400);
      // The sign-in sheet waits for the day.
      const later = (await staff.get(`${api}/sessions?orgId=${jinxiu}`)).body.items.find((s: { date: string }) => s.date === '2026-12-05');
      expect((await staff.post(`${api}/sessions/${later.id}/participants`, fullSheet)).body.code).toBe('WDH_ERR_SESSION_NOT_YET');
      expect((await staff.get(`${api}/sessions?orgId=${jinxiu}`)).body.items).toHaveLength(1);
    });

    it('refuses a session or a topic for a compound without a hall, and the wrong people', async () => {
      const admin = await as('admin');
      const session = await admin.post(`${api}/sessions`, { compoundOrgId: binhe, date: '2026-12-05' });
      expect(session.status).toBe(422);
      expect(session.body).toMatchObject({ code: 'WDH_ERR_NO_HALL', details: [{ path: '/compoundOrgId' }] });
      const filed = await admin.post('/api/tickets', { workflow: 'weekend-deliberation-hall.topic', orgId: binhe, data: topic('无物业管理') });
      expect(filed.status).toBe(422);
      expect(filed.body.code).toBe('WDH_ERR_NO_HALL');
      // The property company of one compound may not raise topics in another.
      const outsider = await (await as('property.tiandao')).post('/api/tickets', { workflow: 'weekend-deliberation-hall.topic', orgId: hepan, data: topic('隔壁小区的事') });
      expect(outsider.status).toBe(403);
      expect(outsider.body.code).toBe('WDH_ERR_NOT_OF_COMPOUND');
      expect((await admin.get('/api/tickets?workflow=weekend-deliberation-hall.topic')).body.items).toEqual([]);
      // A grid worker may raise topics but not convene.
      const grid = await (await as('grid.yongfu1')).post(`${api}/sessions`, { compoundOrgId: tiandao, date: '2026-12-05' });
      expect(grid.status).toBe(403);
      expect(grid.body.code).toBe('WDH_ERR_NOT_ALLOWED');
    });

    it('refuses to decline a topic without a reason, saving nothing', async () => {
      const t = await raise(await as('resident.hepan'), hepan, topic('小区里开一家菜市场', '其他'));
      const staff = await as('staff.yongfu');
      const none = await staff.post(`/api/tickets/${t.id}/transitions`, { action: 'decline', version: t.version, data: { basis: '其他' } });
      expect(none.status).toBe(422);
      expect(none.body).toMatchObject({ code: 'LINLI_ERR_FORM_INVALID', details: [expect.objectContaining({ path: '/reason' })] });
      const blank = await staff.post(`/api/tickets/${t.id}/transitions`, { action: 'decline', version: t.version, data: { basis: '其他', reason: '  无 ' } });
      expect(blank.status).toBe(422);
      expect(blank.body).toMatchObject({ code: 'WDH_ERR_DECLINE_REASON', details: [{ path: '/data/reason' }] });
      const after = await staff.get(`/api/tickets/${t.id}`);
      expect(after.body.ticket).toMatchObject({ state: 'proposed', version: 1 });
      expect(after.body.events).toHaveLength(1);
    });

    it('keeps a topic on one open session at a time', async () => {
      const staff = await as('staff.yongfu');
      const id = await accepted(tiandao, '楼顶防水老化漏雨');
      const sat = (await staff.post(`${api}/sessions`, { compoundOrgId: tiandao, date: '2026-12-05' })).body;
      const sun = (await staff.post(`${api}/sessions`, { compoundOrgId: tiandao, date: '2026-12-06' })).body;
      expect((await staff.post(`${api}/sessions/${sat.id}/agenda`, { topicId: id })).status).toBe(201);
      const twice = await staff.post(`${api}/sessions/${sun.id}/agenda`, { topicId: id });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'WDH_ERR_ALREADY_SCHEDULED', details: [{ path: '/topicId' }] });
      expect(twice.body.message).toContain('2026-12-05');
      expect((await staff.get(`${api}/sessions/${sun.id}/agenda`)).body.items).toEqual([]);
      // A topic that is not accepted yet cannot go on any agenda.
      const fresh = await raise(await as('resident.hepan'), hepan, topic('单元门禁损坏'));
      const hepanSession = (await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-12-05' })).body;
      expect((await staff.post(`${api}/sessions/${hepanSession.id}/agenda`, { topicId: fresh.id })).body.code).toBe('WDH_ERR_NOT_SCHEDULABLE');
      // …nor a topic of another compound on this one's.
      expect((await staff.post(`${api}/sessions/${hepanSession.id}/agenda`, { topicId: id })).status).toBe(404);
      // Taken off Saturday's agenda, it may go on Sunday's.
      expect((await staff.delete(`${api}/sessions/${sat.id}/agenda/${id}`)).status).toBe(200);
      expect((await staff.post(`${api}/sessions/${sun.id}/agenda`, { topicId: id })).status).toBe(201);
    });

    it('refuses a vote on a topic not on the session’s agenda', async () => {
      const { staff, id } = await sessionToday(jinxiu);
      const topicId = await accepted(jinxiu, '儿童滑梯护栏断裂');
      const res = await staff.post(`${api}/sessions/${id}/votes`, ballot(topicId, 8));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'WDH_ERR_NOT_ON_AGENDA', details: [{ path: '/topicId' }] });
      expect((await staff.get(`/api/tickets/${topicId}`)).body.ticket).toMatchObject({ state: 'accepted' });
    });

    it('refuses vote counts above the people present, and a step that disagrees with the vote', async () => {
      const { staff, id } = await sessionToday(jinxiu);
      const topicId = await accepted(jinxiu, '健身器材不足');
      expect((await staff.post(`${api}/sessions/${id}/agenda`, { topicId })).status).toBe(201);
      const tooMany = await staff.post(`${api}/sessions/${id}/votes`, ballot(topicId, 10, 2, 1));
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.code).toBe('WDH_ERR_VOTES_EXCEED_PRESENT');
      expect(tooMany.body.message).toContain('表决票数13超过到会人数12');
      // Through the core's route: "passed" with a losing count.
      const version = (await staff.get(`/api/tickets/${topicId}`)).body.ticket.version;
      const { topicId: _t, ...data } = ballot(topicId, 4, 7, 1);
      const mismatch = await staff.post(`/api/tickets/${topicId}/transitions`, { action: 'resolve', version, data: { ...data, sessionId: id } });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.code).toBe('WDH_ERR_VOTE_MISMATCH');
      const past = await staff.post(`${api}/sessions/${id}/votes`, { ...ballot(topicId, 10), deadline: '2026-11-01T00:00:00.000Z' });
      expect(past.body.code).toBe('WDH_ERR_DEADLINE_PAST');
      // Nothing saved: the topic waits, no vote recorded.
      const after = await staff.get(`/api/tickets/${topicId}`);
      expect(after.body.ticket).toMatchObject({ state: 'scheduled', version });
      expect((await staff.get(`${api}/sessions/${id}/agenda`)).body.items.find((i: { ticketId: string }) => i.ticketId === topicId)).toMatchObject({ status: 'pending', votesFor: null });
    });

    it('refuses a resolution when a required stakeholder group is absent', async () => {
      const { staff, id } = await sessionToday(tiandao, { ...fullSheet, propertyCompany: { present: 0 } });
      const topicId = await accepted(tiandao, '小区进出无人管理');
      expect((await staff.post(`${api}/sessions/${id}/agenda`, { topicId })).status).toBe(201);
      const res = await staff.post(`${api}/sessions/${id}/votes`, ballot(topicId, 8));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'WDH_ERR_GROUP_ABSENT', details: [{ path: '/participants/propertyCompany' }] });
      expect(res.body.message).toContain('物业公司 (Property company)');
      expect((await staff.get(`/api/tickets/${topicId}`)).body.ticket.state).toBe('scheduled');
      // A group with people present names them.
      const unnamed = await staff.post(`${api}/sessions/${id}/participants`, { ...fullSheet, propertyCompany: { present: 1 } });
      expect(unnamed.status).toBe(422);
      expect(unnamed.body).toMatchObject({ code: 'LINLI_ERR_FORM_INVALID', details: [{ path: '/propertyCompany/names' }] });
    });

    it('keeps each community to its own halls: out-of-scope ids answer 404', async () => {
      const { id } = await sessionToday(jinxiu);
      const other = await as('staff.shuguang');
      expect((await other.get(`${api}/sessions/${id}`)).status).toBe(404);
      expect((await other.get(`${api}/sessions/${id}/notice`)).status).toBe(404);
      expect((await other.post(`${api}/sessions/${id}/participants`, fullSheet)).status).toBe(404);
      expect((await other.post(`${api}/sessions`, { compoundOrgId: jinxiu, date: '2026-12-12' })).status).toBe(404);
      expect((await other.get(`${api}/sessions`)).body.items).toEqual([]);
      expect((await other.get(`${api}/indicators`)).body.items.map((r: { name: string }) => r.name)).toEqual(['曙光社区', '曙光新村']);
      expect((await (await as('resident.shuguang')).get(`${api}/sessions/${id}/notice`)).status).toBe(404);
      expect((await (await as('staff.yongfu')).get(`${api}/sessions/999999`)).status).toBe(404);
    });
  });
}
