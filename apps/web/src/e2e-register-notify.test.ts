/**
 * A resident registers from the login page with a mobile number and the code
 * an SMS brought (a local server playing Alibaba Cloud SMS), logs in with the
 * number, files a request, sees the grid worker's step arrive in 消息 with its
 * unread count, and chooses in 通知设置 how progress reaches them — at phone
 * size, in Chinese. Needs apps/web/dist and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, openFromQueue, visible, wait, type City } from './e2e/harness';
import { fillRegistration, startSmsCity } from './e2e/test-sms-city';

const PHONE = '13955550001';
const PASSWORD = '河畔家园五栋一单元住户';
const title = '5栋楼道灯坏了';


if (!built) console.warn('registration e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('resident registration and notification settings in Chromium', () => {
  let city: City;
  let stop: () => Promise<void>;
  let sms: Awaited<ReturnType<typeof startSmsCity>>['sms'];
  beforeAll(async () => {
    ({ city, sms, close: stop } = await startSmsCity({ confirm: false, templates: { 'account.code': { 'zh-CN': 'SMS_900' }, 'ticket.status': { 'zh-CN': 'SMS_100' } } }));
  });
  afterAll(async () => {
    await stop?.();
  }, 60_000);

  it('registers with an SMS code, logs in with the number, and sets how notices arrive', async () => {
    const page = await city.blank('new resident');
    await fillRegistration(page, city, sms, { phone: PHONE, name: '林晓', password: PASSWORD });
    await visible(page.getByRole('button', { name: /秒后重发/ }));
    await city.shot(page, 'register-filled');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await visible(page.getByText('注册成功，现在可以登录了'));
    await visible(page.getByText(`登录用户名：${PHONE}`));
    await page.getByRole('link', { name: '去登录' }).click();
    await page.waitForURL(/\/login\?username=/, wait);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    // A resident lands on their portal (我的).
    await page.waitForURL(/\/me$/, wait);

    await fileGridRequest(page, { title, category: '公共设施', description: '5栋2楼到4楼楼道灯都不亮，晚上看不清台阶。' });

    // The grid worker sorts it: the resident's 消息 shows the progress, unread.
    const worker = await city.as('grid.yongfu1');
    await openFromQueue(worker, city.base, title);
    await worker.getByRole('button', { name: /^梳理/ }).click();
    await worker.getByLabel('确认类别').selectOption('公共设施');
    await worker.getByRole('radio', { name: '急' }).check();
    await worker.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(worker.getByText('已完成「梳理」'));

    await page.goto(`${city.base}/inbox`);
    await visible(page.getByText('1 条未读'));
    await visible(page.getByRole('button', { name: new RegExp(`诉求进展：${title}`) }));
    await city.shot(page, 'inbox-progress');

    // 通知设置: progress by SMS is on by the city's default; the resident turns it off and sets quiet hours.
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.waitForURL(/\/inbox\/preferences$/, wait);
    const progress = page.getByRole('group', { name: '我的诉求办理进度' });
    const bySms = progress.getByRole('checkbox', { name: '短信' });
    expect(await bySms.isChecked()).toBe(true);
    await bySms.uncheck();
    await page.getByLabel('免打扰时段内不发送，结束后再送达').check();
    await city.shot(page, 'notification-settings');
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('已保存'));
    await page.reload();
    expect(await page.getByRole('group', { name: '我的诉求办理进度' }).getByRole('checkbox', { name: '短信' }).isChecked()).toBe(false);
    expect(await page.getByLabel('开始').inputValue()).toBe('22:00');
    expect(city.problems).toEqual([]);
  });
});
