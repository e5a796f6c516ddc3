import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

for (const backend of testBackends()) {
  describe(`HTTP API on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let binhe: string;
    let cgj: string;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
      [hepan, binhe, cgj] = await Promise.all([orgId(server, 'hepan'), orgId(server, 'binhe'), orgId(server, 'tc-cgj')]);
    });
    afterAll(() => server?.close());

    it('answers /healthz and serves a valid OpenAPI 3 document', async () => {
      const anon = server.anonymous();
      expect((await anon.get('/healthz')).body).toEqual({ status: 'ok' });
      const doc = await anon.get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      await expect(SwaggerParser.validate(structuredClone(doc.body))).resolves.toBeTruthy();
      expect(Object.keys(doc.body.paths)).toContain('/api/tickets/{id}/transitions');
    });

    it('walks a ticket from intake to closure with the right role at each step, keeping the whole history', async () => {
      const admin = await server.login('admin');
      const created = await admin.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ workflow: 'grid-request', orgId: hepan, state: 'collected', version: 1, title: '路灯不亮' });
      expect(typeof created.body.id).toBe('string');
      expect(new Date(created.body.deadline).getTime() - server.clock.now().getTime()).toBe(24 * 3_600_000);
      const id = created.body.id as string;

      const steps: [string, string, Record<string, unknown> | undefined, string][] = [
        ['grid.yongfu1', 'sort', { category: '公共设施', urgency: '缓' }, 'sorted'],
        ['secretary.yongfu', 'dispatch', { assigneeOrgId: cgj }, 'dispatched'],
        ['dept.cgj', 'handle', { result: '已更换灯泡' }, 'handled'],
        ['grid.yongfu1', 'close-unrated', undefined, 'closed'],
      ];
      let version = 1;
      for (const [who, action, data, to] of steps) {
        const client = await server.login(who);
        const detail = await client.get(`/api/tickets/${id}`);
        expect(detail.status).toBe(200);
        expect(detail.body.allowedActions.map((a: { name: string }) => a.name)).toContain(action);
        const res = await client.post(`/api/tickets/${id}/transitions`, { action, version, data, ...(action === 'close-unrated' ? { comment: '电话回访未接通，代为销号' } : {}) });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.state).toBe(to);
        version = res.body.version;
      }
      const final = await admin.get(`/api/tickets/${id}`);
      expect(final.body.ticket.closedAt).not.toBeNull();
      // Closed: only its reporter (the administrator filed it) may still reopen it, once, within the window.
      expect(final.body.allowedActions.map((a: { name: string }) => a.name)).toEqual(['reopen']);
      expect(final.body.events.map((e: { action: string; toState: string }) => `${e.action}>${e.toState}`)).toEqual([
        'create>collected',
        'sort>sorted',
        'dispatch>dispatched',
        'handle>handled',
        'close-unrated>closed',
      ]);
      expect(final.body.events[2]).toMatchObject({ actorName: '李秀兰', data: { assigneeOrgId: cgj } });
    });

    it('hides other scopes: 404 on read, absent from lists', async () => {
      const resident = await server.login('resident.hepan');
      const mine = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('我的诉求') });
      const other = await server.login('grid.shuguang1');
      expect((await other.get(`/api/tickets/${mine.body.id}`)).status).toBe(404);
      expect((await other.get(`/api/tickets/${mine.body.id}`)).body.code).toBe('LINLI_ERR_NOT_FOUND');
      const list = await other.get('/api/tickets?limit=200');
      expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(mine.body.id);
      // A resident sees their own request but not a neighbour's.
      const neighbour = await (await server.login('grid.yongfu1')).post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('网格员代报') });
      expect((await resident.get(`/api/tickets/${neighbour.body.id}`)).status).toBe(404);
      expect((await resident.get(`/api/tickets/${mine.body.id}`)).status).toBe(200);
      // Guessing ids finds nothing.
      for (const guess of ['999999', '0', '-1', 'abc', '1e3', '2147483648']) expect((await other.get(`/api/tickets/${guess}`)).status).toBe(404);
    });

    it('answers 409 on a stale version, 403 on a step the caller may not take, 422 with field paths on bad form data', async () => {
      const grid = await server.login('grid.yongfu1');
      const t = (await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() })).body;
      const bad = await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '外星人', extra: 1 } });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['/category', '/extra', '/urgency']);
      const resident = await server.login('resident.hepan');
      const denied = await (await server.login('secretary.yongfu')).post(`/api/tickets/${t.id}/transitions`, { action: 'dispatch', version: 1, data: { assigneeOrgId: cgj } });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
      expect((await resident.post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '其他', urgency: '急' } })).status).toBe(404);
      expect((await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '其他', urgency: '急' } })).status).toBe(200);
      const stale = await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'reject', version: 1, comment: '重复' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('LINLI_ERR_VERSION_CONFLICT');
      const noComment = await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'reject', version: 2 });
      expect(noComment.status).toBe(422);
      expect(noComment.body.details[0].path).toBe('/comment');
      // Nothing half-written: the failed attempts left no events.
      const detail = await grid.get(`/api/tickets/${t.id}`);
      expect(detail.body.events).toHaveLength(2);
    });

    it('validates every input: 400 with paths, 413 for oversize bodies, 404 JSON for unknown routes, 422 for unknown orgs', async () => {
      const grid = await server.login('grid.yongfu1');
      const missing = await grid.post('/api/tickets', { workflow: 'grid-request' });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('LINLI_ERR_VALIDATION');
      expect(missing.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['/body/data', '/body/orgId']);
      const unknownOrg = await grid.post('/api/tickets', { workflow: 'grid-request', orgId: '99999', data: requestData() });
      expect(unknownOrg.status).toBe(422);
      const unknownWf = await grid.post('/api/tickets', { workflow: 'nope', orgId: hepan, data: requestData() });
      expect(unknownWf.status).toBe(422);
      expect(unknownWf.body.details[0].path).toBe('/workflow');
      const invalidIntake = await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { title: 'x' } });
      expect(invalidIntake.status).toBe(422);
      expect(invalidIntake.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['/title', '/category', '/description']));
      const huge = await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: { ...requestData(), description: 'x'.repeat(2_000_000) } });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('LINLI_ERR_PAYLOAD_TOO_LARGE');
      const notJson = await grid.request('POST', '/api/tickets', '{"workflow":', { 'content-type': 'application/json' });
      expect(notJson.status).toBe(400);
      expect(notJson.body.code).toBe('LINLI_ERR_VALIDATION');
      const proto = await grid.request('POST', '/api/tickets', '{"workflow":"grid-request","orgId":"1","data":{"__proto__":{"admin":true}}}', { 'content-type': 'application/json' });
      expect(proto.status).toBe(400);
      // PostgreSQL cannot store U+0000: refused up front with a path, never a 500 from the database.
      const nul = await server.anonymous().post('/api/auth/login', { username: 'admin\u0000', password: 'x' });
      expect(nul.status).toBe(400);
      expect(nul.body.details[0].path).toBe('/body/username');
      expect((await grid.get('/api/tickets?state=%00')).status).toBe(400);
      const nowhere = await grid.get('/api/nowhere');
      expect(nowhere.status).toBe(404);
      expect(nowhere.body.code).toBe('LINLI_ERR_ROUTE_NOT_FOUND');
      expect(JSON.stringify(nowhere.body)).not.toMatch(/at .*\.ts/);
    });

    it('does not file a ticket out of the reporter’s scope', async () => {
      const resident = await server.login('resident.hepan');
      const res = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: binhe, data: requestData() });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('LINLI_ERR_FORBIDDEN');
    });

    it('paginates the queue by keyset without repeats', async () => {
      const grid = await server.login('grid.yongfu1');
      for (let i = 0; i < 5; i++) await grid.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData(`分页${i}`) });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await grid.get(`/api/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.items.map((t) => t.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await grid.get('/api/tickets?limit=200');
      expect(seen).toEqual(all.body.items.map((t: { id: string }) => t.id));
      const sorted = [...seen].sort((a, b) => Number(b) - Number(a));
      expect(seen).toEqual(sorted);
      const overdueNone = await grid.get('/api/tickets?overdue=true');
      expect(overdueNone.body.items).toEqual([]);
      server.clock.advance({ hours: 25 });
      // Sessions last 12 hours: the old token is dead, a new login works.
      expect((await grid.get('/api/me')).status).toBe(401);
      const later = await server.login('grid.yongfu1');
      const overdue = await later.get('/api/tickets?overdue=true&state=collected');
      expect(overdue.body.items.length).toBeGreaterThan(0);
      expect(overdue.body.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
    });
  });
}
