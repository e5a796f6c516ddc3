/**
 * A resident registers from the login page with a mobile number and the code
 * an SMS brought (a local server playing Alibaba Cloud SMS), logs in with the
 * number, files a request, sees the grid worker's step arrive in 消息 with its
 * unread count, and chooses in 通知设置 how progress reaches them — at phone
 * size, in Chinese. Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';
import { fakeSms } from './e2e/fake-sms';

const PHONE = '13955550001';
const PASSWORD = '河畔家园五栋一单元住户';
const title = '5栋楼道灯坏了';


if (!built) console.warn('registration e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('resident registration and notification settings in Chromium', () => {
  let city: City;
  let sms: Awaited<ReturnType<typeof fakeSms>>;
  beforeAll(async () => {
    sms = await fakeSms();
    city = await startCity([gridRequestsPlugin], {
      configure: (c) => ({
        ...c,
        registration: { enabled: true, confirm: false },
        notifications: { ...(c.notifications as object), sms: { provider: 'aliyun', signName: '天长邻里', endpoint: sms.base, templates: { 'account.code': { 'zh-CN': 'SMS_900' }, 'ticket.status': { 'zh-CN': 'SMS_100' } } } },
      }),
      env: { LINLI_SMS_ACCESS_KEY_ID: 'test-id', LINLI_SMS_ACCESS_KEY_SECRET: 'test-secret' },
    });
  });
  afterAll(async () => {
    await city?.close();
    sms?.server.close();
  }, 60_000);

  it('registers with an SMS code, logs in with the number, and sets how notices arrive', async () => {
    const page = await city.blank('new resident');
    await page.goto(`${city.base}/login`);
    await page.getByRole('link', { name: '居民注册' }).click();
    await page.waitForURL(/\/register$/, wait);
    await page.getByLabel('手机号').fill(PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await visible(page.getByText('验证码已发送，10 分钟内有效'));
    await visible(page.getByRole('button', { name: /秒后重发/ }));
    // The code arrives on the phone as a text message.
    const code = sms.sent.find((s) => s.phone === PHONE)?.params.code;
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('短信验证码').fill(code!);
    await page.getByLabel('姓名').fill('林晓');
    await page.getByLabel('所在小区').selectOption({ label: '河畔家园（永福社区）' });
    await page.getByLabel('设置密码（至少 10 个字符）').fill(PASSWORD);
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
