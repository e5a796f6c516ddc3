import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

/**
 * A deactivated org (停用, by the roster import): listed with `deactivated`
 * so no picker offers it, refused for new tickets, while the tickets it
 * already holds stay visible to its community.
 */
for (const backend of testBackends()) {
  describe(`deactivated orgs on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
    }, 120_000);
    afterAll(() => server?.close());

    it('lists it as deactivated, takes no new ticket there, and keeps its old ones in view', async () => {
      const hepan = await orgId(server, 'hepan');
      const resident = await server.login('resident.hepan');
      const before = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('停用前的诉求') });
      expect(before.status).toBe(201);
      const staff = await server.login('staff.yongfu');
      expect((await staff.get(`/api/orgs/${hepan}`)).body.deactivated).toBe(false);

      await server.database.db.updateTable('linli_orgs').set({ deactivated_at: server.clock.now() }).where('id', '=', Number(hepan)).execute();
      expect((await staff.get(`/api/orgs/${hepan}`)).body.deactivated).toBe(true);
      const listed = (await staff.get('/api/orgs?limit=200')).body.items as { id: string; deactivated: boolean }[];
      expect(listed.find((o) => o.id === hepan)?.deactivated).toBe(true);

      const refused = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData('停用后的诉求') });
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual([expect.objectContaining({ path: '/orgId' })]);
      expect(refused.body.message).toContain('已停用');

      expect((await staff.get(`/api/tickets/${before.body.id}`)).status).toBe(200);
      await server.database.db.updateTable('linli_orgs').set({ deactivated_at: null }).where('id', '=', Number(hepan)).execute();
    });
  });
}
