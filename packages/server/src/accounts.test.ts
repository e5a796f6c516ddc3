import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

/** The account lifecycle through HTTP: invitation, first password, change, sessions, disable and enable, within the admin's subtree. */
for (const backend of testBackends()) {
  describe(`accounts on ${backend.name}`, () => {
    let server: TestServer;
    let admin: TestClient;
    let gridId: string;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend, publicUrl: 'https://linli.example.gov.cn' });
      admin = await server.login('admin');
      const grid = await server.database.db.selectFrom('linli_grids').select('id').where('key', '=', 'yongfu-g1').executeTakeFirstOrThrow();
      gridId = String(grid.id);
    });
    afterAll(() => server?.close());

    async function invite(by: TestClient, username: string, extra: Record<string, unknown> = { role: 'grid_worker', gridId }) {
      return by.post('/api/admin/people', { username, name: '王网格', phone: '13800001111', ...extra });
    }

    it('invites a grid worker with a one-time link; the invitee chooses the password, under the policy', async () => {
      const res = await invite(admin, 'grid.new1');
      expect(res.status).toBe(201);
      expect(res.body.person).toMatchObject({ username: 'grid.new1', disabled: false, passwordSet: false, manageable: true });
      expect(res.body.person.roles[0]).toMatchObject({ role: 'grid_worker', gridId });
      const { token, url, purpose, expiresAt } = res.body.link;
      expect(purpose).toBe('setup');
      expect(url).toBe(`https://linli.example.gov.cn/setup#${token}`);
      expect(new Date(expiresAt).getTime() - server.clock.now().getTime()).toBe(72 * 3_600_000);
      // Nothing stores the token itself.
      const stored = await server.database.db.selectFrom('linli_account_tokens').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);

      const anon = server.anonymous();
      expect((await anon.post('/api/account/link', { token })).body).toMatchObject({ username: 'grid.new1', name: '王网格', purpose: 'setup', minLength: 10 });
      for (const [password, reason] of [['short', 'too-short'], ['1234567890', 'common'], ['Grid.New1-abc', 'username']] as const) {
        const weak = await anon.post('/api/account/password/set', { token, password });
        expect(weak.status).toBe(422);
        expect(weak.body.code).toBe('LINLI_ERR_WEAK_PASSWORD');
        expect(weak.body.details[0].expected).toBe(reason);
      }
      // No password yet: nobody can log in as the invitee.
      expect((await anon.post('/api/auth/login', { username: 'grid.new1', password: '' })).status).toBe(400);
      const set = await anon.post('/api/account/password/set', { token, password: '河畔家园东门的路灯亮了' });
      expect(set.status).toBe(200);
      expect((await anon.post('/api/account/password/set', { token, password: '河畔家园东门的路灯亮了' })).body.code).toBe('LINLI_ERR_LINK_INVALID');
      expect((await anon.post('/api/account/link', { token })).status).toBe(410);

      const worker = await server.login('grid.new1', '河畔家园东门的路灯亮了');
      const ticket = await admin.post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: requestData() });
      const sorted = await worker.post(`/api/tickets/${ticket.body.id}/transitions`, { action: 'sort', version: 1, data: { category: '其他', urgency: '缓' } });
      expect(sorted.status).toBe(200);
      const audit = await server.database.db.selectFrom('linli_audit_log').select('action').where('subject_id', '=', res.body.person.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['person.invite', 'account.link.setup', 'account.password.setup']);
    });

    it('expires links, and a new link voids the older one', async () => {
      const res = await invite(admin, 'grid.new2');
      const first = res.body.link.token;
      const again = await admin.post(`/api/admin/people/${res.body.person.id}/link`);
      expect(again.status).toBe(201);
      expect(again.body.purpose).toBe('setup');
      expect((await server.anonymous().post('/api/account/link', { token: first })).status).toBe(410);
      server.clock.advance({ hours: 73 });
      try {
        expect((await server.anonymous().post('/api/account/link', { token: again.body.token })).body.code).toBe('LINLI_ERR_LINK_INVALID');
      } finally {
        server.clock.advance({ hours: -73 });
      }
    });

    it('changes my own password with the current one; my other sessions end', async () => {
      const res = await invite(admin, 'grid.new3');
      await server.anonymous().post('/api/account/password/set', { token: res.body.link.token, password: 'first sentence here' });
      const phone = await server.login('grid.new3', 'first sentence here');
      const laptop = await server.login('grid.new3', 'first sentence here');
      const sessions = await laptop.get('/api/account/sessions');
      expect(sessions.body.items).toHaveLength(2);
      expect(sessions.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const wrong = await laptop.post('/api/account/password', { currentPassword: 'not it at all', newPassword: 'second sentence here' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('LINLI_ERR_WRONG_PASSWORD');
      expect((await laptop.post('/api/account/password', { currentPassword: 'first sentence here', newPassword: 'password' })).body.code).toBe('LINLI_ERR_WEAK_PASSWORD');
      expect((await laptop.post('/api/account/password', { currentPassword: 'first sentence here', newPassword: 'second sentence here' })).status).toBe(204);
      expect((await phone.get('/api/me')).status).toBe(401);
      expect((await laptop.get('/api/me')).status).toBe(200);
      await expect(server.login('grid.new3', 'first sentence here')).rejects.toThrow(/401/);
      const third = await server.login('grid.new3', 'second sentence here');
      const other = (await laptop.get('/api/account/sessions')).body.items.find((s: { current: boolean }) => !s.current);
      expect((await laptop.delete(`/api/account/sessions/${other.id}`)).status).toBe(204);
      expect((await third.get('/api/me')).status).toBe(401);
      expect((await laptop.delete(`/api/account/sessions/${other.id}`)).status).toBe(404);
    });

    it('disables a person: sessions end at once, links and login stop; enabling lets them back', async () => {
      const res = await invite(admin, 'grid.new4');
      await server.anonymous().post('/api/account/password/set', { token: res.body.link.token, password: 'a long enough one' });
      const worker = await server.login('grid.new4', 'a long enough one');
      const id = res.body.person.id;
      const disabled = await admin.post(`/api/admin/people/${id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect((await worker.get('/api/me')).status).toBe(401);
      await expect(server.login('grid.new4', 'a long enough one')).rejects.toThrow(/401/);
      expect((await admin.post(`/api/admin/people/${id}/link`)).body.code).toBe('LINLI_ERR_ACCOUNT_DISABLED');
      const found = await admin.get('/api/admin/people?q=grid.new4');
      expect(found.body.items).toMatchObject([{ username: 'grid.new4', disabled: true, passwordSet: true }]);
      expect((await admin.post(`/api/admin/people/${id}/enable`)).body.disabled).toBe(false);
      expect((await (await server.login('grid.new4', 'a long enough one')).get('/api/me')).status).toBe(200);
      const reset = await admin.post(`/api/admin/people/${id}/link`);
      expect(reset.body.purpose).toBe('reset');
      expect((await admin.post(`/api/admin/people/${(await admin.get('/api/me')).body.id}/disable`)).status).toBe(403);
    });

    it('keeps a community administrator inside their subtree', async () => {
      const secretary = await server.login('secretary.yongfu');
      const binheOrg = await orgId(server, 'binhe');
      const outside = await invite(secretary, 'volunteer.binhe', { role: 'volunteer', orgId: binheOrg });
      expect(outside.status).toBe(403);
      const inside = await invite(secretary, 'volunteer.hepan2', { role: 'volunteer', orgId: await orgId(server, 'hepan') });
      expect(inside.status).toBe(201);
      const listed = (await secretary.get('/api/admin/people?limit=200')).body.items.map((p: { username: string }) => p.username);
      expect(listed).toContain('volunteer.hepan2');
      expect(listed).not.toContain('grid.shuguang1');
      const cityAdmin = await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      expect((await secretary.post(`/api/admin/people/${cityAdmin.id}/disable`)).status).toBe(404);
      // staff.yongfu also holds a role at the residents' committee under Yongfu: manageable; admin holds one at the city: not.
      const shuguang = await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'secretary.shuguang').executeTakeFirstOrThrow();
      expect((await secretary.post(`/api/admin/people/${shuguang.id}/link`)).status).toBe(404);
      expect((await invite(secretary, 'admin.hepan', { role: 'admin', orgId: await orgId(server, 'tianchang') })).status).toBe(403);
    });
  });
}
