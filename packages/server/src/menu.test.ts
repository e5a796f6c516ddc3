import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

/**
 * GET /api/me/menu: which of the app's own pages are for the person. Residents
 * see no staff pages; 待报到 only for those who act for an org an escalation
 * can call on (a department the whistle names, a community the overdue ladder
 * climbs to), not for a grid worker or a property company.
 */
for (const backend of testBackends()) {
  describe(`menu hints on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
    }, 120_000);
    afterAll(() => server?.close());

    it.each([
      ['resident.hepan', { staff: false, reports: false }],
      ['volunteer.yongfu', { staff: false, reports: false }],
      ['grid.yongfu1', { staff: true, reports: false }],
      ['property.hepan', { staff: true, reports: false }],
      ['dept.cgj', { staff: true, reports: true }],
      ['secretary.yongfu', { staff: true, reports: true }],
      ['admin', { staff: true, reports: true }],
    ])('%s gets %o', async (username, expected) => {
      const me = await server.login(username);
      const res = await me.get('/api/me/menu');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    });

    it('counts an org once it has been called, even when no rule names it (a parent up the tree)', async () => {
      const property = await server.login('property.hepan');
      expect((await property.get('/api/me/menu')).body.reports).toBe(false);
      const org = await server.database.db.selectFrom('linli_orgs').select(['id', 'path']).where('key', '=', 'hepan-property').executeTakeFirstOrThrow();
      const filed = await (await server.login('resident.hepan')).post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: requestData() });
      expect(filed.status).toBe(201);
      const ticket = { id: Number(filed.body.id) };
      await server.database.db
        .insertInto('linli_ticket_escalations')
        .values({ ticket_id: ticket.id, event_seq: 1, kind: 'overdue', org_id: org.id, org_path: org.path, created_at: server.clock.now() })
        .execute();
      expect((await property.get('/api/me/menu')).body.reports).toBe(true);
    });
  });
}
