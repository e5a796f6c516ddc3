/**
 * Single sign-on (config `sso`): a city whose staff log in through the
 * province's identity service. A resident reports a problem; the grid worker
 * taps 统一身份认证登录 on the login page, logs in on the identity service's
 * own pages (a real OpenID provider on 127.0.0.1, matched to the worker by
 * mobile number) and lands on their queue with the report in it. Someone the
 * province knows but the city does not is refused on a page that says why —
 * at phone size, in Chinese. Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { fakeOidcProvider, type FakeOidcProvider } from '@linli/server/test-oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, startCity, visible, wait, type City } from './e2e/harness';

if (!built) console.warn('sso e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('single sign-on through the identity service in Chromium', () => {
  let city: City;
  let idp: FakeOidcProvider;
  beforeAll(async () => {
    // The province's accounts: 刘洋 (the example city's grid worker grid.yongfu1, mobile 13805501006) and someone the city never added.
    idp = await fakeOidcProvider({
      'zj-330001': { name: '刘洋', phone_number: '+86 13805501006' },
      'zj-330002': { name: '外地人员', phone_number: '+86 13900009999' },
    });
    city = await startCity([gridRequestsPlugin], {
      configure: (c) => ({ ...c, sso: { issuer: idp.issuer, clientId: idp.clientId, claim: 'phone_number', matchField: 'phone', scope: 'openid phone', label: { 'zh-CN': '统一身份认证登录', en: 'Provincial ID login' } } }),
      env: { LINLI_SSO_CLIENT_SECRET: idp.clientSecret },
    });
    idp.register(`${city.base}/api/auth/sso/callback`);
  });
  afterAll(async () => {
    await city?.close();
    await idp?.close();
  }, 60_000);

  /** From the app's login page to the identity service's, logged in there as `login`. */
  async function throughProvider(page: Page, login: string): Promise<void> {
    await page.goto(`${city.base}/login`);
    await page.getByRole('link', { name: '统一身份认证登录' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer), wait);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('省政务服务网密码');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks once whether to share the mobile number with the city.
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('lets a grid worker log in through the identity service and work their queue', async () => {
    const title = '9栋楼道灯坏了';
    const resident = await city.as('resident.hepan');
    await fileGridRequest(resident, { title, category: '公共设施', description: '9栋二单元楼道灯坏了一个多星期，晚上上下楼看不见。', location: '河畔家园9栋' });
    await resident.close();

    const page = await city.blank('grid.yongfu1 via sso');
    await page.goto(`${city.base}/login`);
    await visible(page.getByRole('link', { name: '统一身份认证登录' }));
    await city.shot(page, 'sso-login');

    await throughProvider(page, 'zj-330001');
    await page.waitForURL(/\/queue(\?|$)/, wait);
    await visible(page.getByRole('link', { name: new RegExp(title) }));
    await city.shot(page, 'sso-queue');
    // Logged in as the person the mobile number matched, with the session the app's own login gives.
    const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { username: string });
    expect(me.username).toBe('grid.yongfu1');
    await page.getByRole('link', { name: new RegExp(title) }).first().click();
    await page.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(page.getByRole('heading', { level: 1, name: title }));
  });

  it('refuses someone the city has no account for, and says so in Chinese', async () => {
    const page = await city.blank('unknown via sso');
    await throughProvider(page, 'zj-330002');
    await visible(page.getByText('统一身份认证已确认您的身份，但本系统中没有手机号为“139****9999”的账号'));
    await city.shot(page, 'sso-refused');
    await page.getByRole('link', { name: /返回登录页/ }).click();
    await page.waitForURL(/\/login$/, wait);
    await visible(page.getByRole('button', { name: '登录', exact: true }));
    // The refusal (403) is the one failed response, and it was meant; the browser's console also notes it and the
    // provider's missing favicon (404) without a URL — the app's own failed responses are listed with theirs.
    expect(city.problems.filter((p) => !/\/api\/auth\/sso\/callback|console: Failed to load resource: the server responded with a status of 40[34]/.test(p))).toEqual([]);
  });
});
