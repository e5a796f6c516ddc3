import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

interface EventJson { action: string; data: Record<string, unknown> | null; comment: string | null; visibility: 'internal' | 'public' }

/**
 * A resident's view of their request: staff notes stay internal, replies are
 * public; rating at closing; one reopen within the window. Over HTTP, as the
 * web app and any other client see it.
 */
for (const backend of testBackends()) {
  describe(`the resident's loop on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let cgj: string;
    let resident: TestClient;
    let grid: TestClient;
    let secretary: TestClient;
    let officer: TestClient;

    const step = async (who: TestClient, id: string, body: Record<string, unknown>) => {
      const { body: detail } = await who.get(`/api/tickets/${id}`);
      return who.post(`/api/tickets/${id}/transitions`, { version: detail.ticket.version, ...body });
    };
    const ok = async (who: TestClient, id: string, body: Record<string, unknown>) => {
      const res = await step(who, id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const history = async (who: TestClient, id: string) => (await who.get(`/api/tickets/${id}`)).body.events as EventJson[];
    const byAction = (events: EventJson[], action: string) => events.find((e) => e.action === action)!;

    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend, sessionHours: 24 * 30 });
      [hepan, cgj] = [await orgId(server, 'hepan'), await orgId(server, 'tc-cgj')];
      resident = await server.login('resident.hepan');
      grid = await server.login('grid.yongfu1');
      secretary = await server.login('secretary.yongfu');
      officer = await server.login('dept.cgj');
    });
    afterAll(() => server?.close());

    it("shows the resident the public replies only, and staff everything, as each step's default or the staff's choice", async () => {
      const created = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData(), point: { lat: 32.6932, lng: 119.0021 } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.point).toEqual({ lat: 32.6932, lng: 119.0021 });
      const id = created.body.id as string;

      await ok(grid, id, { action: 'sort', data: { category: '公共设施', urgency: '急', note: '该户多次反映，注意情绪' } });
      await ok(secretary, id, { action: 'dispatch', data: { assigneeOrgId: cgj, instructions: '内部：两天内修好' } });
      // The dispatcher chooses to tell the resident about this one.
      await ok(secretary, id, { action: 'reassign', data: { assigneeOrgId: cgj, instructions: '已转城管局处理' }, comment: '改派城管局路灯所', visibility: 'public' });
      await ok(officer, id, { action: 'handle', data: { result: '已更换两盏路灯灯泡' } });

      const mine = await history(resident, id);
      expect(mine.map((e) => e.action)).toEqual(['create', 'sort', 'dispatch', 'reassign', 'handle']);
      // Internal steps keep their place in the timeline, without their notes.
      expect(byAction(mine, 'sort')).toMatchObject({ visibility: 'internal', data: null, comment: null });
      expect(byAction(mine, 'dispatch')).toMatchObject({ visibility: 'internal', data: null, comment: null });
      expect(byAction(mine, 'reassign')).toMatchObject({ visibility: 'public', comment: '改派城管局路灯所' });
      expect(byAction(mine, 'handle')).toMatchObject({ visibility: 'public', data: { result: '已更换两盏路灯灯泡' } });
      expect(JSON.stringify(mine)).not.toContain('注意情绪');
      expect(JSON.stringify(mine)).not.toContain('两天内修好');

      for (const staff of [grid, secretary, officer]) {
        const all = await history(staff, id);
        expect(byAction(all, 'sort').data).toMatchObject({ note: '该户多次反映，注意情绪' });
        expect(byAction(all, 'dispatch').data).toMatchObject({ instructions: '内部：两天内修好' });
      }
      // Each action tells the client its default, for the staff's toggle.
      const actions = (await grid.get(`/api/tickets/${id}`)).body.allowedActions as { name: string; visibility: string }[];
      expect(actions.find((a) => a.name === 'close-unrated')?.visibility).toBe('public');
      expect(actions.find((a) => a.name === 'rework')?.visibility).toBe('internal');
    });

    it('lets the resident rate at closing, reopen once within the window with a reason, and not twice', async () => {
      const { body: t } = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('楼道灯坏了') });
      await ok(grid, t.id, { action: 'sort', data: { category: '公共设施', urgency: '缓' } });
      await ok(grid, t.id, { action: 'solve-in-grid', data: { result: '已换灯' } });
      // A resident cannot hide their own step from themselves.
      const rated = await ok(resident, t.id, { action: 'confirm', data: { rating: 2, remark: '只换了一层' }, visibility: 'internal' });
      expect(rated).toMatchObject({ state: 'closed', rating: 2, reopenCount: 0 });
      expect(byAction(await history(resident, t.id), 'confirm')).toMatchObject({ visibility: 'public', data: { rating: 2 } });

      const reopened = await ok(resident, t.id, { action: 'reopen', comment: '二楼三楼还是黑的' });
      expect(reopened).toMatchObject({ state: 'sorted', rating: null, reopenCount: 1, closedAt: null });
      await ok(grid, t.id, { action: 'solve-in-grid', data: { result: '全部换好' } });
      const again = await step(resident, t.id, { action: 'reopen', comment: '又坏了' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('LINLI_ERR_REOPEN_LIMIT');
      // A rating outside 1–5 is the form's error.
      expect((await step(resident, t.id, { action: 'confirm', data: { rating: 6 } })).status).toBe(422);
    });

    it('refuses a reopen after the window, and lets staff close without a rating', async () => {
      const { body: t } = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('垃圾桶满了') });
      await ok(grid, t.id, { action: 'sort', data: { category: '环境卫生', urgency: '缓' } });
      await ok(grid, t.id, { action: 'solve-in-grid', data: { result: '已清运' } });
      const closed = await ok(grid, t.id, { action: 'close-unrated', comment: '电话回访三次未接' });
      expect(closed).toMatchObject({ state: 'closed', rating: null });
      expect(byAction(await history(resident, t.id), 'close-unrated').comment).toBe('电话回访三次未接');
      server.clock.advance({ days: 8 });
      const late = await step(resident, t.id, { action: 'reopen', comment: '又满了' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('LINLI_ERR_REOPEN_WINDOW');
    });

    it('refuses a point outside WGS-84 ranges', async () => {
      const bad = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData(), point: { lat: 132, lng: 119 } });
      expect(bad.status).toBe(400);
    });
  });
}
