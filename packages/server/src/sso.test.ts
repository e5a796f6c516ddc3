import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeMobile } from './auth/sso.js';
import { matchPerson } from './auth/sso-match.js';
import { fakeOidcProvider, type FakeOidcProvider } from './test-oidc-provider.js';
import { exampleConfig } from './test-support.js';

const PUBLIC_URL = 'http://127.0.0.1:3999'; // never contacted: the test carries the provider's redirect back into app.inject

/** The province's accounts: a login name (the subject) and its claims. */
const accounts = {
  'zw-1001': { name: '刘洋', preferred_username: 'grid.yongfu1' },
  'zw-2002': { name: '陌生人', preferred_username: 'no.such.person' },
  'zw-3003': { name: '周敏', preferred_username: 'staff.yongfu' },
};

describe('mobile numbers as the claim carries them', () => {
  it('drops spaces, dashes and the country code 86', () => {
    expect(normalizeMobile('+86 138-0550-1006')).toBe('13805501006');
    expect(normalizeMobile('8613805501006')).toBe('13805501006');
    expect(normalizeMobile('13805501006')).toBe('13805501006');
  });
});

for (const backend of testBackends()) {
  describe(`single sign-on through OpenID Connect on ${backend.name}`, () => {
    let server: TestServer;
    let idp: FakeOidcProvider;
    beforeAll(async () => {
      idp = await fakeOidcProvider(accounts);
      const config = { ...exampleConfig, sso: { issuer: idp.issuer, clientId: idp.clientId, claim: 'preferred_username', matchField: 'username' as const, label: { 'zh-CN': '统一身份认证登录', en: 'Provincial ID login' } } };
      server = await startTestServer({ config, plugins: [gridRequestsPlugin], backend, publicUrl: PUBLIC_URL, env: { LINLI_SSO_CLIENT_SECRET: idp.clientSecret } });
      idp.register(`${PUBLIC_URL}/api/auth/sso/callback`);
    });
    afterAll(async () => {
      await server?.close();
      await idp?.close();
    });

    /** Leaves for the provider (keeping the cookie the start set) and logs in there as `login`: the provider's answer, not yet brought back. */
    async function leave(login: string, next?: string) {
      const start = await server.app.inject({ method: 'GET', url: `/api/auth/sso/start${next ? `?next=${encodeURIComponent(next)}` : ''}` });
      expect(start.statusCode, start.body).toBe(302);
      const pending = start.cookies.find((c) => c.name === 'linli_sso')!;
      expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/sso' });
      const sent = new URL(String(start.headers.location));
      expect(sent.origin).toBe(idp.issuer);
      expect(Object.fromEntries(sent.searchParams)).toMatchObject({ client_id: idp.clientId, response_type: 'code', code_challenge_method: 'S256', redirect_uri: `${PUBLIC_URL}/api/auth/sso/callback` });
      for (const p of ['state', 'nonce', 'code_challenge']) expect(sent.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      return { back: new URL(await idp.authorize(sent.href, login)), pending: pending.value };
    }

    /** The whole round trip: leave, log in at the provider, come back with this browser's cookie. */
    async function viaProvider(login: string, next?: string) {
      const { back, pending } = await leave(login, next);
      return { back, res: await server.app.inject({ method: 'GET', url: back.pathname + back.search, cookies: { linli_sso: pending } }) };
    }

    const sessions = async () => Number((await server.database.db.selectFrom('linli_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const audits = (action: string) => server.database.db.selectFrom('linli_audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

    it('offers the button, logs a matched person in with the same session as the password login, and audits it', async () => {
      const config = (await server.anonymous().get('/api/config')).body;
      expect(config.sso).toEqual({ label: { 'zh-CN': '统一身份认证登录', en: 'Provincial ID login' }, start: '/api/auth/sso/start' });

      const { res } = await viaProvider('zw-1001', '/queue');
      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location).toBe('/queue');
      const session = res.cookies.find((c) => c.name === 'linli_session')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      // The state cookie is spent.
      expect(res.cookies.find((c) => c.name === 'linli_sso')?.value).toBe('');

      const me = await server.app.inject({ method: 'GET', url: '/api/me', cookies: { linli_session: session.value } });
      expect(me.json()).toMatchObject({ username: 'grid.yongfu1', roles: [expect.objectContaining({ role: 'grid_worker' })] });
      // The same session as a password login: its CSRF token guards cookie writes, and logging out ends it.
      const csrf = me.json().csrfToken as string;
      const out = await server.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { linli_session: session.value }, headers: { 'x-linli-csrf': csrf }, payload: {} });
      expect(out.statusCode).toBe(204);
      expect((await server.app.inject({ method: 'GET', url: '/api/me', cookies: { linli_session: session.value } })).statusCode).toBe(401);

      const logged = await audits('person.login.sso');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ subject_type: 'person', after: { issuer: idp.issuer, claim: 'preferred_username' } });
      expect(String(logged[0]!.actor_id)).toBe(String(logged[0]!.subject_id));
    });

    it('refuses someone the province knows but this city does not, on a page in Chinese and English, and creates nobody', async () => {
      const before = await sessions();
      const people = await server.database.db.selectFrom('linli_people').select('id').execute();
      const { res } = await viaProvider('zw-2002');
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('统一身份认证已确认您的身份，但本系统中没有用户名为“no.such.person”的账号');
      expect(res.body).toContain('no account here has the username "no.such.person"');
      expect(res.body).toContain('LINLI_ERR_SSO_UNMATCHED');
      expect(res.body).toContain('href="/login"');
      expect(res.cookies.find((c) => c.name === 'linli_session')).toBeUndefined();
      expect(await sessions()).toBe(before);
      expect(await server.database.db.selectFrom('linli_people').select('id').execute()).toHaveLength(people.length);
      expect((await audits('person.login.sso.refused')).at(-1)).toMatchObject({ actor_id: null, subject_id: null, after: expect.objectContaining({ reason: 'none' }) });
    });

    it('refuses a disabled person', async () => {
      await server.database.db.updateTable('linli_people').set({ disabled_at: new Date() }).where('username', '=', 'staff.yongfu').execute();
      const before = await sessions();
      const { res } = await viaProvider('zw-3003');
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('您在本系统的账号已停用（或尚待确认），请联系管理员启用。');
      expect(res.body).toContain('Your account here is disabled');
      expect(await sessions()).toBe(before);
      const refused = (await audits('person.login.sso.refused')).at(-1)!;
      expect(refused.after).toMatchObject({ reason: 'disabled' });
      expect(refused.subject_id).not.toBeNull();
    });

    it('refuses a callback this browser did not start, a replayed one, a made-up code and a provider error', async () => {
      const before = await sessions();
      // Another browser's state: this one started its own login, then is handed someone else's callback.
      const theirs = (await leave('zw-1001')).back;
      const mine = await server.app.inject({ method: 'GET', url: '/api/auth/sso/start' });
      const myCookie = mine.cookies.find((c) => c.name === 'linli_sso')!.value;
      const crossed = await server.app.inject({ method: 'GET', url: theirs.pathname + theirs.search, cookies: { linli_sso: myCookie } });
      expect(crossed.statusCode).toBe(400);
      expect(crossed.body).toContain('统一身份认证登录未完成（state），请回到登录页重新登录。');
      expect(crossed.body).toContain('The single sign-on did not complete (state)');

      // No cookie at all (a link sent to someone), and a cookie that is not ours.
      expect((await server.app.inject({ method: 'GET', url: theirs.pathname + theirs.search })).statusCode).toBe(400);
      expect((await server.app.inject({ method: 'GET', url: theirs.pathname + theirs.search, cookies: { linli_sso: 'bm90LWpzb24' } })).statusCode).toBe(400);

      // The right state with a code the provider never issued: the token endpoint refuses it.
      const state = new URL(String(mine.headers.location)).searchParams.get('state')!;
      const madeUp = await server.app.inject({ method: 'GET', url: `/api/auth/sso/callback?code=made-up-code&state=${state}&iss=${encodeURIComponent(idp.issuer)}`, cookies: { linli_sso: myCookie } });
      expect(madeUp.statusCode, madeUp.body).toBe(400);
      expect(madeUp.body).toContain('LINLI_ERR_SSO_FAILED');

      // The provider says no (the person cancelled there).
      const cancelled = await server.app.inject({ method: 'GET', url: `/api/auth/sso/callback?error=access_denied&state=${state}`, cookies: { linli_sso: myCookie } });
      expect(cancelled.statusCode).toBe(400);
      expect(cancelled.body).toContain('（access_denied）');
      expect(await sessions()).toBe(before);
    });

    it('matches by mobile number when the city says so, and matches nobody when two people share the number', async () => {
      const byPhone = { ...server.deployment.config.sso!, claim: 'phone_number', matchField: 'phone' as const };
      const db = server.database.db;
      const worker = await db.selectFrom('linli_people').select('id').where('username', '=', 'grid.yongfu1').executeTakeFirstOrThrow();
      expect(await matchPerson(db, byPhone, '+86 138-0550-1006')).toEqual({ kind: 'one', id: String(worker.id), disabled: false });
      expect(await matchPerson(db, byPhone, '13900009999')).toEqual({ kind: 'none' });
      expect(await matchPerson(db, byPhone, null)).toEqual({ kind: 'none' });
      await db.updateTable('linli_people').set({ phone: '13805501006' }).where('username', '=', 'grid.shuguang1').execute();
      expect(await matchPerson(db, byPhone, '13805501006')).toEqual({ kind: 'ambiguous' });
      // By username the number is just text that names nobody.
      expect(await matchPerson(db, server.deployment.config.sso!, '13805501006')).toEqual({ kind: 'none' });
    });

    it('lands only on a path of this app', async () => {
      const start = await server.app.inject({ method: 'GET', url: `/api/auth/sso/start?next=${encodeURIComponent('//evil.example/x')}` });
      const back = new URL(await idp.authorize(String(start.headers.location), 'zw-1001'));
      const res = await server.app.inject({ method: 'GET', url: back.pathname + back.search, cookies: { linli_sso: start.cookies.find((c) => c.name === 'linli_sso')!.value } });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
    });
  });
}
