import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fakeSms } from './fake-sms';
import { startCity, visible, wait, type City } from './harness';

/**
 * The example city with resident self-registration on and SMS sent to a local
 * server playing Alibaba Cloud SMS (`fakeSms`): what the registration stories share.
 */
export async function startSmsCity(opts: { confirm: boolean; templates: Record<string, { 'zh-CN': string }> }): Promise<{ city: City; sms: Awaited<ReturnType<typeof fakeSms>>; close(): Promise<void> }> {
  const sms = await fakeSms();
  const city = await startCity([gridRequestsPlugin], {
    configure: (c) => ({
      ...c,
      registration: { enabled: true, confirm: opts.confirm },
      notifications: { ...(c.notifications as object), sms: { provider: 'aliyun', signName: '天长邻里', endpoint: sms.base, templates: opts.templates } },
    }),
    env: { LINLI_SMS_ACCESS_KEY_ID: 'test-id', LINLI_SMS_ACCESS_KEY_SECRET: 'test-secret' },
  });
  return {
    city,
    sms,
    async close() {
      await city.close();
      sms.server.close();
    },
  };
}

/**
 * Fills the registration page from the login page's 居民注册 link: the number,
 * the code the SMS brought, name, compound and password — up to, not
 * including, the 注册 button, so a story can look at the filled page first.
 */
export async function fillRegistration(page: Page, city: City, sms: { sent: { phone: string; params: Record<string, string> }[] }, who: { phone: string; name: string; password: string }): Promise<void> {
  await page.goto(`${city.base}/login`);
  await page.getByRole('link', { name: '居民注册' }).click();
  await page.waitForURL(/\/register$/, wait);
  await page.getByLabel('手机号').fill(who.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await visible(page.getByText('验证码已发送，10 分钟内有效'));
  const code = sms.sent.find((s) => s.phone === who.phone)?.params.code;
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('短信验证码').fill(code!);
  await page.getByLabel('姓名').fill(who.name);
  await page.getByLabel('所在小区').selectOption({ label: '河畔家园（永福社区）' });
  await page.getByLabel('设置密码（至少 10 个字符）').fill(who.password);
}
