import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, orgId, start, visit } from './test-support.js';

/**
 * A round of door-knocking in 河畔家园 through HTTP, as each role sees it:
 * visits and needs recorded, a problem filed from a visit, handled, refused
 * closing until a return visit, then closed; the round's progress per
 * building; and the next round starting empty when the clock moves on.
 * The tests of this file share one server and run in order.
 */
for (const backend of testBackends()) {
  describe(`door-knocking on ${backend.name}`, () => {
    let server: TestServer;
    let b1: string;
    let b2: string;
    let hepan: string;
    let yongfu: string;
    beforeAll(async () => {
      server = await start(backend);
      [b1, b2, hepan, yongfu] = await Promise.all([orgId(server, 'hepan-b1'), orgId(server, 'hepan-b2'), orgId(server, 'hepan'), orgId(server, 'yongfu')]);
    });
    afterAll(() => server?.close());

    const as = (username: string) => server.login(username);

    it('records visits and needs; staff over the building see them, residents and other grids do not', async () => {
      // Tuesday 2026-11-24, 09:00 in the city: the second round of November.
      server.clock.set('2026-11-24T01:00:00Z');
      const leader = await as('building.hepan1');
      const first = await visit(leader, { buildingOrgId: b1, household: ' 1单元 101 ', atHome: true, needs: ['养老照护', '医疗健康'], note: '独居老人' });
      expect(first).toMatchObject({ household: '1单元101', round: '2026-11-r2', ticketId: null, problemState: null });
      await visit(leader, { buildingOrgId: b1, household: '1单元102', atHome: false });

      const mine = await leader.get(`${api}/visits`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((v: { household: string }) => v.household)).toEqual(['1单元102', '1单元101']);
      expect(mine.body.items[1]).toMatchObject({ buildingName: '河畔家园1栋', visitorName: '孙德明', atHome: true, atHomeTitle: '在家', needsText: expect.stringContaining('养老照护') });

      for (const staff of ['grid.yongfu1', 'secretary.yongfu', 'street.guangling']) {
        expect((await (await as(staff)).get(`${api}/visits`)).body.items, staff).toHaveLength(2);
      }
      expect((await (await as('grid.shuguang1')).get(`${api}/visits`)).body.items).toEqual([]);
      const resident = await as('resident.hepan');
      expect((await resident.get(`${api}/visits`)).body.items).toEqual([]);
      const refused = await resident.post(`${api}/visits`, { buildingOrgId: b1, household: '1单元101', atHome: true });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('DK_ERR_NOT_VISITOR');
      expect(refused.body.message).toContain('河畔家园1栋');

      const secretary = await as('secretary.yongfu');
      expect((await secretary.get(`${api}/stats/visits?orgId=${yongfu}`)).body).toEqual({ value: 2, round: '2026-11-r2' });
      const needs = (await secretary.get(`${api}/stats/needs?orgId=${hepan}`)).body.items;
      expect(needs).toHaveLength(2);
      expect(needs).toEqual(expect.arrayContaining([{ need: '养老照护', count: 1 }, { need: '医疗健康', count: 1 }]));
    });

    it('files a problem found on a visit as a ticket, and closes it only after a return visit (回访销号)', async () => {
      const leader = await as('building.hepan1');
      const found = await visit(leader, {
        buildingOrgId: b1,
        household: '3单元502',
        atHome: true,
        needs: ['安全隐患'],
        problemTitle: '楼道堆放杂物',
        problemDescription: '3单元五楼楼道堆放纸箱，堵塞消防通道。',
      });
      expect(found.ticketId).toMatch(/^[0-9]+$/);
      expect(found.problemState).toBe('reported');

      // The grid worker sees it in the building and handles it.
      const grid = await as('grid.yongfu1');
      const seen = await grid.get(`/api/tickets/${found.ticketId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.ticket).toMatchObject({ workflow: 'door-knocking.problem', state: 'reported', orgId: b1, title: '楼道堆放杂物' });
      expect(seen.body.ticket.data).toMatchObject({ household: '3单元502' });
      expect(seen.body.allowedActions.map((a: { name: string }) => a.name).sort()).toEqual(['handle', 'withdraw']);
      const handled = await grid.post(`/api/tickets/${found.ticketId}/transitions`, { action: 'handle', version: 1, data: { result: '已协调物业清理。' } });
      expect(handled.status, JSON.stringify(handled.body)).toBe(200);

      // Next day: closing without a return visit is refused, and nothing changes.
      server.clock.advance({ days: 1 });
      let leaderNow = await as('building.hepan1');
      await visit(leaderNow, { buildingOrgId: b1, household: '3单元501', atHome: true });
      const early = await leaderNow.post(`/api/tickets/${found.ticketId}/transitions`, { action: 'confirm', version: handled.body.version, data: { satisfaction: '满意' } });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('DK_ERR_NO_RETURN_VISIT');
      expect(early.body.message).toContain('3单元502');
      const still = await leaderNow.get(`/api/tickets/${found.ticketId}`);
      expect(still.body.ticket).toMatchObject({ state: 'handled', version: handled.body.version });
      expect(still.body.events).toHaveLength(2);

      // The return visit, then the close; the visit's copy of the state follows in the same transaction.
      server.clock.advance({ hours: 1 });
      leaderNow = await as('building.hepan1');
      await visit(leaderNow, { buildingOrgId: b1, household: '3单元 502', atHome: true, note: '回访：杂物已清理' });
      const closed = await leaderNow.post(`/api/tickets/${found.ticketId}/transitions`, { action: 'confirm', version: handled.body.version, data: { satisfaction: '满意' } });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.state).toBe('closed');
      const visits = (await leaderNow.get(`${api}/visits`)).body.items as { id: string; problemState: string | null; problemStateTitle: string | null }[];
      expect(visits.find((v) => v.id === found.id)).toMatchObject({ problemState: 'closed', problemStateTitle: '已销号' });
    });

    it('refuses visits outside the visitor’s buildings, at orgs that are not buildings, and malformed input', async () => {
      const leader = await as('building.hepan1');
      const other = await leader.post(`${api}/visits`, { buildingOrgId: b2, household: '1单元101', atHome: true });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('DK_ERR_NOT_VISITOR');
      expect((await (await as('grid.shuguang1')).post(`${api}/visits`, { buildingOrgId: b1, household: '1单元101', atHome: true })).status).toBe(403);
      // The grid worker covers the whole compound, so any of its buildings.
      await visit(await as('grid.yongfu1'), { buildingOrgId: b2, household: '2单元202', atHome: true });

      const compound = await leader.post(`${api}/visits`, { buildingOrgId: hepan, household: '1单元101', atHome: true });
      expect(compound.status).toBe(422);
      expect(compound.body).toMatchObject({ code: 'DK_ERR_NOT_BUILDING', details: [{ path: '/buildingOrgId' }] });
      expect((await leader.post(`${api}/visits`, { buildingOrgId: '999999', household: '1单元101', atHome: true })).body.code).toBe('LINLI_ERR_NOT_FOUND');

      const bad = async (body: Record<string, unknown>) => {
        const res = await leader.post(`${api}/visits`, { buildingOrgId: b1, household: '1单元101', atHome: true, ...body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.code).toBe('LINLI_ERR_VALIDATION');
        return res.body.details as { path: string }[];
      };
      expect(await bad({ household: '' })).toEqual([expect.objectContaining({ path: '/body/household' })]);
      expect(await bad({ problemTitle: '漏水' })).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body' })]));
      expect(await bad({ needs: ['买彩票'] })).toEqual([expect.objectContaining({ path: '/body/needs/0' })]);
      expect(await bad({ visitorId: '1' })).toEqual([expect.objectContaining({ path: '/body/visitorId' })]);
      // Nothing of the refused visits was saved.
      const b2Visits = (await (await as('secretary.yongfu')).get(`${api}/visits?orgId=${b2}`)).body.items;
      expect(b2Visits).toHaveLength(1);

      // Through the core's ticket route (the web app's 上报 page offers compounds): only at a building.
      const grid = await as('grid.yongfu1');
      const problem = { title: '楼道灯不亮', household: '1单元101', description: '一楼楼道灯不亮，晚上看不清台阶。' };
      const atCompound = await grid.post('/api/tickets', { workflow: 'door-knocking.problem', orgId: hepan, data: problem });
      expect(atCompound.status).toBe(422);
      expect(atCompound.body).toMatchObject({ code: 'DK_ERR_PROBLEM_NOT_AT_BUILDING', details: [{ path: '/orgId' }] });
      expect((await grid.get('/api/tickets?workflow=door-knocking.problem')).body.items).toHaveLength(1);
      expect((await grid.post('/api/tickets', { workflow: 'door-knocking.problem', orgId: b2, data: problem })).status).toBe(201);

      expect((await leader.get(`${api}/progress?round=2026-11`)).status).toBe(400);
      const noRound = await leader.get(`${api}/progress?round=2026-11-r3`);
      expect(noRound.status).toBe(422);
      expect(noRound.body.code).toBe('DK_ERR_UNKNOWN_ROUND');
    });

    it("shows each building's round, and the next round starts empty", async () => {
      const secretary = await as('secretary.yongfu');
      const progress = (await secretary.get(`${api}/progress?orgId=${hepan}`)).body.items as Record<string, unknown>[];
      expect(progress.map((p) => p.buildingName)).toEqual(['河畔家园1栋', '河畔家园2栋', '河畔家园3栋']);
      expect(progress[0]).toMatchObject({ leaders: '孙德明', round: '2026-11-r2', roundTitle: '2026年11月下半月', visits: 5, households: 4, atHome: 4, needs: 3, problems: 1, openProblems: 0 });
      expect(progress[1]).toMatchObject({ visits: 1, households: 1, leaders: '' });
      expect(progress[2]).toMatchObject({ visits: 0, lastVisitAt: null });
      // A building leader's scope is the building.
      expect((await (await as('building.hepan1')).get(`${api}/progress`)).body.items.map((p: { buildingOrgId: string }) => p.buildingOrgId)).toEqual([b1]);
      expect((await (await as('resident.hepan')).get(`${api}/progress`)).body.items).toEqual([]);

      // December 1st: a new round.
      server.clock.set('2026-12-01T01:00:00Z');
      const later = await as('secretary.yongfu');
      const now = (await later.get(`${api}/progress?orgId=${hepan}`)).body.items;
      expect(now[0]).toMatchObject({ round: '2026-12-r1', roundTitle: '2026年12月上半月', visits: 0 });
      expect((await later.get(`${api}/progress?orgId=${hepan}&round=2026-11-r2`)).body.items[0]).toMatchObject({ visits: 5 });
      expect((await later.get(`${api}/stats/visits`)).body).toEqual({ value: 0, round: '2026-12-r1' });
      expect((await later.get(`${api}/visits?round=2026-11-r2`)).body.items).toHaveLength(6);
    });

    it('declares pages and widgets whose sources answer', async () => {
      const config = (await server.anonymous().get('/api/config')).body;
      const mine = config.plugins.find((p: { name: string }) => p.name === 'door-knocking');
      expect(mine.web.pages.map((p: { id: string }) => p.id)).toEqual(['record-visit', 'visits', 'progress']);
      const secretary = await as('secretary.yongfu');
      for (const page of mine.web.pages) {
        if (page.kind === 'table') expect((await secretary.get(api + page.source)).status, page.id).toBe(200);
        if (page.kind === 'form') expect((await secretary.get(`/api/forms/${page.form}`)).status, page.id).toBe(200);
      }
      for (const w of mine.web.widgets) {
        const res = await secretary.get(api + w.source.replace('{orgId}', yongfu));
        expect(res.status, w.id).toBe(200);
      }
    });
  });
}
