/**
 * Where the city wants a community to confirm self-registered residents
 * (`registration.confirm`): two residents register with an SMS code (a local
 * server playing Alibaba Cloud SMS) and cannot log in yet; Yongfu's
 * administrator finds 注册审核 under 更多 (a grid worker does not), confirms
 * one and rejects the other; the confirmed one logs in, the rejected one
 * still cannot — at phone size, in Chinese. Needs apps/web/dist and
 * /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, visible, wait, type City } from './e2e/harness';
import { fillRegistration, startSmsCity } from './e2e/test-sms-city';

const PASSWORD = '河畔家园五栋一单元住户';


if (!built) console.warn('registrations e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('confirming resident registrations in Chromium', () => {
  let city: City;
  let stop: () => Promise<void>;
  let sms: Awaited<ReturnType<typeof startSmsCity>>['sms'];
  beforeAll(async () => {
    ({ city, sms, close: stop } = await startSmsCity({ confirm: true, templates: { 'account.code': { 'zh-CN': 'SMS_900' } } }));
  });
  afterAll(async () => {
    await stop?.();
  }, 60_000);

  /** Registers from the login page with the code the SMS brought; the page says the community confirms first. */
  async function register(phone: string, name: string): Promise<void> {
    const page = await city.blank(name);
    await fillRegistration(page, city, sms, { phone, name, password: PASSWORD });
    await visible(page.getByText('用手机号注册，社区确认后即可用手机号登录。'));
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await visible(page.getByText('注册成功，等待社区确认后即可登录'));
    await page.close();
  }

  /** Tries to log in with the number; returns the page after the attempt. */
  async function tryLogin(phone: string): Promise<Page> {
    const page = await city.blank(`login ${phone}`);
    await page.goto(`${city.base}/login?username=${phone}`);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    return page;
  }

  it('lets the community administrator confirm one resident and reject another', async () => {
    await register('13955550011', '林晓');
    await register('13955550012', '王五');

    // Not confirmed yet: the login page refuses, and stays.
    const early = await tryLogin('13955550011');
    await visible(early.locator('[role="alert"], .notice-error').first());
    expect(early.url()).toMatch(/\/login/);
    await early.close();

    // A grid worker has no 注册审核 in the menu.
    const worker = await city.as('grid.yongfu1');
    await worker.locator('nav.tabbar').getByRole('link', { name: '更多' }).click();
    await visible(worker.getByRole('heading', { level: 1, name: '更多' }));
    await visible(worker.getByRole('link', { name: /我的账号/ }));
    expect(await worker.getByRole('link', { name: /注册审核/ }).count()).toBe(0);

    // Yongfu's administrator: 更多 → 注册审核, both waiting, numbers masked.
    const admin = await city.as('secretary.yongfu');
    await admin.locator('nav.tabbar').getByRole('link', { name: '更多' }).click();
    await admin.getByRole('link', { name: /注册审核/ }).click();
    await admin.waitForURL(/\/admin\/registrations$/, wait);
    await visible(admin.getByRole('heading', { level: 1, name: '注册审核' }));
    const waiting = admin.getByRole('region', { name: '待审核' });
    await visible(waiting.getByText('林晓'));
    await visible(waiting.getByText('王五'));
    await expect(waiting.textContent()).resolves.not.toContain('13955550011');
    await visible(waiting.getByText(/139\*+0011/));
    await visible(waiting.getByText('河畔家园').first());
    await city.shot(admin, 'registrations-pending');

    await waiting.getByRole('button', { name: '确认 林晓' }).click();
    await visible(admin.getByText('已确认「林晓」，可以登录了'));
    admin.once('dialog', (d) => void d.accept());
    await waiting.getByRole('button', { name: '拒绝 王五' }).click();
    await visible(admin.getByText('已拒绝「王五」的注册'));
    await visible(admin.getByText('没有待审核的注册'));
    const done = admin.getByRole('region', { name: '已处理' });
    await visible(done.getByText('已确认'));
    await visible(done.getByText('已拒绝'));
    await city.shot(admin, 'registrations-decided');

    // The confirmed resident logs in to their portal; the rejected one still cannot.
    const confirmed = await tryLogin('13955550011');
    await confirmed.waitForURL(/\/me$/, wait);
    const rejected = await tryLogin('13955550012');
    await visible(rejected.locator('[role="alert"], .notice-error').first());
    expect(rejected.url()).toMatch(/\/login/);
    expect(city.problems.filter((p) => !/\/api\/auth\/login/.test(p))).toEqual([]);
  });
});
