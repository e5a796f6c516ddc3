import { fileURLToPath } from 'node:url';
import { cityWithPlugins, startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRequestsPlugin } from './plugin.js';

const config = cityWithPlugins(fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url)), ['grid-requests']);
const data = { title: '小区东门路灯不亮', category: '公共设施', description: '东门两盏路灯一周没亮，晚上出行不安全。' };

for (const backend of testBackends()) {
  describe(`grid requests on ${backend.name}`, () => {
    let server: TestServer;
    const org = async (key: string) => String((await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
    beforeAll(async () => {
      server = await startTestServer({ config, plugins: [gridRequestsPlugin], backend, demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds the demo story once: a closed loop, a dispatched request, a new one, and one in another community', async () => {
      const admin = await server.login('admin');
      const items = (await admin.get('/api/tickets?workflow=grid-request&limit=200')).body.items as { state: string }[];
      expect(items.map((t) => t.state).sort()).toEqual(['closed', 'collected', 'collected', 'dispatched']);
    });

    it('sends a returned order back to the dispatcher, not to the resident, and only with a reason', async () => {
      const resident = await server.login('resident.hepan');
      const t = (await resident.post('/api/tickets', { workflow: 'grid-request', orgId: await org('hepan'), data })).body;
      const grid = await server.login('grid.yongfu1');
      let v = (await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '急' } })).body.version;
      const secretary = await server.login('secretary.yongfu');
      const dispatched = await secretary.post(`/api/tickets/${t.id}/transitions`, { action: 'dispatch', version: v, data: { assigneeOrgId: await org('tc-zjj') } });
      expect(dispatched.body.assigneeOrgId).toBe(await org('tc-zjj'));
      v = dispatched.body.version;
      const dept = await server.login('dept.zjj');
      const noReason = await dept.post(`/api/tickets/${t.id}/transitions`, { action: 'return', version: v });
      expect(noReason.status).toBe(422);
      const returned = await dept.post(`/api/tickets/${t.id}/transitions`, { action: 'return', version: v, comment: '路灯归城管管理，非住建职责' });
      expect(returned.status).toBe(200);
      expect(returned.body.state).toBe('sorted');
      // Back with the community that dispatched it; the resident is not asked to do anything.
      const detail = await secretary.get(`/api/tickets/${t.id}`);
      expect(detail.body.allowedActions.map((a: { name: string }) => a.name)).toContain('dispatch');
      expect((await resident.get(`/api/tickets/${t.id}`)).body.allowedActions).toEqual([]);
      expect((await dept.get(`/api/tickets/${t.id}`)).status).toBe(404);
    });

    it('lets a resident who is not satisfied reopen the request with a reason', async () => {
      const resident = await server.login('resident.hepan');
      const t = (await resident.post('/api/tickets', { workflow: 'grid-request', orgId: await org('hepan'), data })).body;
      const grid = await server.login('grid.yongfu1');
      let v = (await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' } })).body.version;
      v = (await grid.post(`/api/tickets/${t.id}/transitions`, { action: 'solve-in-grid', version: v, data: { result: '已联系物业更换灯泡' } })).body.version;
      const reopened = await resident.post(`/api/tickets/${t.id}/transitions`, { action: 'reopen', version: v, comment: '只修好了一盏' });
      expect(reopened.status).toBe(200);
      expect(reopened.body.state).toBe('sorted');
      expect(reopened.body.closedAt).toBeNull();
    });
  });
}
