import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationCity } from './test-escalation-city.js';
import { fakeProviders } from './test-notify-fakes.js';
import { orgId } from './test-support.js';

const SECRET = 'sms-secret-for-registration-tests';
const PHONE = '13912345678';

for (const backend of testBackends()) {
  describe(`residents' SMS self-registration on ${backend.name}`, () => {
    let server: TestServer;
    let sms: Awaited<ReturnType<typeof fakeProviders>>;
    beforeAll(async () => {
      sms = await fakeProviders(SECRET);
      const config = escalationCity({
        registration: { enabled: true, confirm: true },
        notifications: { sms: { provider: 'aliyun', signName: '天长邻里', endpoint: sms.base, templates: { 'account.code': { 'zh-CN': 'SMS_900' } } } },
      });
      server = await startTestServer({ config, plugins: [gridRequestsPlugin], backend, env: { LINLI_SMS_ACCESS_KEY_ID: 'id', LINLI_SMS_ACCESS_KEY_SECRET: SECRET } });
    });
    afterAll(async () => {
      await server?.close();
      await sms?.close();
    });

    it('sends a code through the SMS provider, limits it per number, and makes a resident account staff confirm', async () => {
      server.clock.set('2026-11-24T01:00:00Z');
      const anon = server.anonymous();
      const hepan = await orgId(server, 'hepan');
      const info = (await anon.get('/api/registration')).body;
      expect(info).toMatchObject({ enabled: true, confirm: true });
      expect(info.places.map((p: { name: string }) => p.name)).toContain('河畔家园');

      expect((await anon.post('/api/registration/code', { phone: PHONE })).status).toBe(202);
      const sent = sms.sms.filter((s) => s.phone === PHONE);
      expect(sent).toEqual([expect.objectContaining({ templateCode: 'SMS_900', signName: '天长邻里', signatureValid: true, params: { code: expect.stringMatching(/^\d{6}$/), minutes: '10' } })]);
      const code = sent[0]!.params.code!;

      // Per number: one a minute.
      const again = await anon.post('/api/registration/code', { phone: PHONE });
      expect(again.status).toBe(429);
      expect(again.body.code).toBe('LINLI_ERR_RATE_LIMITED');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);

      // A wrong code counts and is refused; a weak password is refused before the code is used.
      const base = { phone: PHONE, name: '林晓', orgId: hepan };
      const wrong = await anon.post('/api/registration', { ...base, code: code === '000000' ? '111111' : '000000', password: '河畔家园三栋二单元林晓' });
      expect(wrong.body.code).toBe('LINLI_ERR_CODE_WRONG');
      expect((await anon.post('/api/registration', { ...base, code, password: '12345678' })).body.code).toBe('LINLI_ERR_WEAK_PASSWORD');
      const made = await anon.post('/api/registration', { ...base, code, password: '河畔家园三栋二单元林晓' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toEqual({ username: PHONE, status: 'pending' });
      // The code worked once.
      expect((await anon.post('/api/registration', { ...base, code, password: '河畔家园三栋二单元林晓' })).body.code).toBe('LINLI_ERR_CODE_INVALID');

      // Waiting for staff: no login yet.
      expect((await anon.post('/api/auth/login', { username: PHONE, password: '河畔家园三栋二单元林晓' })).status).toBe(401);
      // Someone who does not administer the compound neither sees nor confirms it.
      const cgj = await server.login('dept.cgj');
      expect((await cgj.get('/api/registrations?status=pending')).body.items).toEqual([]);
      const secretary = await server.login('secretary.yongfu');
      const pending = (await secretary.get('/api/registrations?status=pending')).body.items;
      expect(pending).toEqual([expect.objectContaining({ name: '林晓', orgName: '河畔家园', status: 'pending', phone: expect.stringContaining('****') })]);
      const personId = pending[0].personId;
      expect((await cgj.post(`/api/registrations/${personId}/confirm`)).status).toBe(404);
      expect((await secretary.post(`/api/registrations/${personId}/confirm`)).body).toEqual({ personId, status: 'confirmed' });

      // The resident logs in with the mobile number and holds only the resident role at the compound chosen.
      const resident = await server.login(PHONE, '河畔家园三栋二单元林晓');
      const me = (await resident.get('/api/me')).body;
      expect(me.roles.map((r: { role: string; orgId: string }) => [r.role, r.orgId])).toEqual([['resident', hepan]]);

      // The number now has an account: no new code for it.
      server.clock.advance({ minutes: 2 });
      expect((await anon.post('/api/registration/code', { phone: PHONE })).body.code).toBe('LINLI_ERR_CONFLICT');
    });

    it('limits codes per client address, and answers 503 when the provider is down', async () => {
      server.clock.set('2026-11-25T01:00:00Z');
      const anon = server.anonymous();
      sms.failSms.next = 1;
      const down = await anon.post('/api/registration/code', { phone: '13700000000' });
      expect(down.status).toBe(503);
      expect(down.body.code).toBe('LINLI_ERR_SMS_UNAVAILABLE');
      const answers: number[] = [];
      for (let i = 1; i <= 12; i++) answers.push((await anon.post('/api/registration/code', { phone: `137000000${String(i).padStart(2, '0')}` })).status);
      // Ten an hour per address, counting the one that failed to send.
      expect(answers.filter((s) => s === 202)).toHaveLength(9);
      expect(answers.slice(9)).toEqual([429, 429, 429]);
    });
  });
}
