import { Writable } from 'node:stream';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, TEST_PASSWORD, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId, requestData } from './test-support.js';

for (const backend of testBackends()) {
  describe(`hardening on ${backend.name}`, () => {
    let server: TestServer;
    const logLines: string[] = [];
    beforeAll(async () => {
      const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
      server = await startTestServer({
        config: exampleConfig,
        plugins: [gridRequestsPlugin],
        backend,
        loginLimit: { perAccount: 3, perAddress: 1000, windowMinutes: 15 },
        logger: { level: 'info', stream: sink, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
      });
    });
    afterAll(() => server?.close());

    it('sends security headers', async () => {
      const res = await server.anonymous().get('/healthz');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    });

    it('requires the CSRF header on writes made with the session cookie, not with a bearer token', async () => {
      const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid.yongfu1', password: TEST_PASSWORD } });
      const setCookie = String(login.headers['set-cookie']);
      expect(setCookie).toMatch(/linli_session=.+HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      // The session's life travels as a duration (12 h), so a browser whose clock differs from the server's keeps it.
      expect(setCookie).toMatch(/Max-Age=43200/i);
      expect(setCookie).not.toMatch(/Expires=/i);
      const cookie = setCookie.split(';')[0]!;
      const { csrfToken } = login.json();
      const payload = { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: requestData() };
      expect((await server.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
      const forged = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie }, payload });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().code).toBe('LINLI_ERR_CSRF');
      const ok = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie, 'x-linli-csrf': csrfToken }, payload });
      expect(ok.statusCode).toBe(201);
    });

    it('rate-limits failed logins per account, and a correct password does not bypass the limit', async () => {
      const anon = server.anonymous();
      for (let i = 0; i < 3; i++) expect((await anon.post('/api/auth/login', { username: 'owners.hepan', password: 'wrong-password' })).status).toBe(401);
      const limited = await anon.post('/api/auth/login', { username: 'owners.hepan', password: TEST_PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('LINLI_ERR_RATE_LIMITED');
      server.clock.advance({ minutes: 16 });
      expect((await anon.post('/api/auth/login', { username: 'owners.hepan', password: TEST_PASSWORD })).status).toBe(200);
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const anon = server.anonymous();
      const unknown = await anon.post('/api/auth/login', { username: 'no.such.person', password: 'whatever-123' });
      const wrong = await anon.post('/api/auth/login', { username: 'dept.zjj', password: 'whatever-123' });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('revokes the session on logout', async () => {
      const client = await server.login('staff.yongfu');
      expect((await client.get('/api/me')).status).toBe(200);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      const after = await client.get('/api/me');
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('LINLI_ERR_UNAUTHENTICATED');
    });

    it('audits administrative changes with who, what, before and after', async () => {
      const admin = await server.login('admin');
      const person = await admin.post('/api/people', { username: 'audit.me', name: '审计', phone: '13900000000' });
      expect(person.status).toBe(201);
      const granted = await admin.post(`/api/people/${person.body.id}/roles`, { role: 'volunteer', orgId: await orgId(server, 'hepan') });
      await admin.delete(`/api/people/${person.body.id}/roles/${granted.body.roles[0].id}`);
      const rows: any[] = await server.database.db.selectFrom('linli_audit_log').selectAll().where('subject_id', '=', person.body.id).orderBy('id').execute();
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['person.create', 'role.grant', 'role.revoke']);
      expect(rows.every((r: { actor_id: number }) => String(r.actor_id) === admin.personId)).toBe(true);
      expect(rows[2].before).toMatchObject({ role: 'volunteer' });
      // Created without a password: nobody but the person will choose one.
      expect((await server.database.db.selectFrom('linli_people').select('password_hash').where('id', '=', Number(person.body.id)).executeTakeFirstOrThrow()).password_hash).toBeNull();
      expect((await admin.post('/api/people', { username: 'audit.pw', name: '审计', password: 'chosen-by-admin' })).status).toBe(400);
    });

    it('masks phone numbers for people who do not administer the person', async () => {
      const grid = await server.login('grid.yongfu1');
      const people = (await grid.get('/api/people?limit=200')).body.items as { username: string; phone: string | null }[];
      const branch = people.find((p) => p.username === 'branch.hepan');
      expect(branch?.phone).toBe('138****1005');
      const admin = await server.login('admin');
      const seen = (await admin.get('/api/people?limit=200')).body.items.find((p: { username: string }) => p.username === 'branch.hepan');
      expect(seen.phone).toBe('13805501005');
    });

    it('keeps the last city-wide administrator: nobody can revoke the only root administrator role', async () => {
      const admin = await server.login('admin');
      const me = (await admin.get('/api/me')).body;
      const rootRole = me.roles.find((r: { role: string }) => r.role === 'admin');
      const refused = await admin.delete(`/api/people/${me.id}/roles/${rootRole.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('LINLI_ERR_LAST_ADMIN');
      // With a second one, either may go — and then the other is the last.
      const second = await admin.post('/api/people', { username: 'second.admin', name: '第二管理员' });
      // The new administrator sets their own password through the one-time link.
      const link = await admin.post(`/api/admin/people/${second.body.id}/link`, {});
      expect(link.status).toBe(201);
      expect((await server.anonymous().post('/api/account/password/set', { token: link.body.token, password: 'second-password' })).status).toBe(200);
      const granted = await admin.post(`/api/people/${second.body.id}/roles`, { role: 'admin', orgId: await orgId(server, 'tianchang') });
      expect(granted.status).toBe(201);
      const other = await server.login('second.admin', 'second-password');
      expect((await other.delete(`/api/people/${second.body.id}/roles/${granted.body.roles[0].id}`)).status).toBe(204);
      expect((await admin.delete(`/api/people/${me.id}/roles/${rootRole.id}`)).body.code).toBe('LINLI_ERR_LAST_ADMIN');
    });

    it('shows a resident only their own record in the people list', async () => {
      const resident = await server.login('resident.hepan');
      const people = await resident.get('/api/people?limit=200');
      expect(people.status).toBe(200);
      expect(people.body.items.map((p: { username: string }) => p.username)).toEqual(['resident.hepan']);
      expect(people.body.items[0].phone).toBe('13805501014');
    });

    it('masks the phone in answers to granting a role, and audits every whole phone number shown', async () => {
      const secretary = await server.login('secretary.yongfu');
      const command = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'command').executeTakeFirstOrThrow()).id;
      const granted = await secretary.post(`/api/people/${command}/roles`, { role: 'volunteer', orgId: await orgId(server, 'yongfu') });
      expect(granted.status).toBe(201);
      expect(granted.body.phone).toBe('138****1001');
      const admin = await server.login('admin');
      await admin.get('/api/people?limit=200');
      const branch = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'branch.hepan').executeTakeFirstOrThrow()).id;
      const reads: any[] = await server.database.db.selectFrom('linli_audit_log').selectAll().where('action', '=', 'person.personal-data.read').where('subject_id', '=', String(branch)).execute();
      expect(reads.map((r) => String(r.actor_id))).toContain(admin.personId);
    });

    it('never writes passwords, tokens or cookies to the log', async () => {
      const client = await server.login('dept.cgj');
      await client.get('/api/me');
      const text = logLines.join('\n');
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain(client.token!);
    });
  });
}

for (const backend of testBackends()) {
  describe(`personal data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
    });
    afterAll(() => server?.close());

    it('masks sensitive fields in lists and for roles that do not need them, and audits every unmasked read', async () => {
      const resident = await server.login('resident.hepan');
      const filed = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: { ...requestData(), contactPhone: '13912345678' } });
      expect(filed.status).toBe(201);
      expect(filed.body.data.contactPhone).toBe('13912345678');
      const id = filed.body.id as string;

      // The reporter sees their own number, and that is not audited.
      expect((await resident.get(`/api/tickets/${id}`)).body.ticket.data.contactPhone).toBe('13912345678');
      // Lists never show it.
      const grid = await server.login('grid.yongfu1');
      const listed = (await grid.get('/api/tickets?limit=200')).body.items.find((t: { id: string }) => t.id === id);
      expect(listed.data.contactPhone).toBe('139****5678');
      // A grid worker needs it to call back: shown, and audited.
      const shown = await grid.get(`/api/tickets/${id}`);
      expect(shown.body.personalData).toBe('shown');
      expect(shown.body.ticket.data.contactPhone).toBe('13912345678');
      expect(shown.body.events[0].data.contactPhone).toBe('13912345678');
      // The street secretary oversees the case but does not need the number.
      const street = await (await server.login('street.guangling')).get(`/api/tickets/${id}`);
      expect(street.status).toBe(200);
      expect(street.body.personalData).toBe('masked');
      expect(street.body.ticket.data.contactPhone).toBe('139****5678');
      expect(street.body.events[0].data.contactPhone).toBe('139****5678');

      const reads: any[] = await server.database.db.selectFrom('linli_audit_log').selectAll().where('action', '=', 'ticket.personal-data.read').where('subject_id', '=', id).execute();
      expect(reads.map((r) => String(r.actor_id))).toEqual([grid.personId]);
    });
  });
}
