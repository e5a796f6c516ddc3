/**
 * The staff web app in a real browser against a real server: a resident
 * files a grid request with a photo through the generated form, a grid worker
 * sorts it through its step form, both steps show in the history, and the
 * dashboard's count moves. Screenshots of the main pages at 375 px and
 * 1280 px go to apps/web/test-results/.
 *
 * Needs the built app (apps/web/dist; `npm test` builds it first) and
 * Chromium at /usr/bin/chromium (.ci/run installs it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startServer, type RunningServer } from '@linli/server';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, demoPassword, exampleConfig, launchChromium, shots, wait, webDir } from './e2e/harness';
import { hostileTitle, noticeBoardPlugin } from './e2e/notice-plugin';
import { gradientPng } from './e2e/png';


if (!built) console.warn('apps/web e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web` (npm test builds it).');

describe.skipIf(!built)('staff web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let base: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
    mkdirSync(shots, { recursive: true });
    // The example city with the plugins this test knows, whatever else the example file enables.
    const config = JSON.parse((await import('node:fs')).readFileSync(exampleConfig, 'utf8')) as Record<string, unknown>;
    const configPath = join(dataDir, 'linli.config.json');
    writeFileSync(configPath, JSON.stringify({ ...config, $schema: undefined, plugins: { 'grid-requests': {}, 'e2e-notice-board': {} } }));
    server = await startServer({
      configPath,
      available: [gridRequestsPlugin, noticeBoardPlugin],
      dataDir: join(dataDir, 'db'),
      port: 0,
      host: '127.0.0.1',
      demoPassword,
      webDir,
      worker: false,
    });
    base = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(width: number): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(wait.timeout);
    page.setDefaultNavigationTimeout(wait.timeout);
    // CSP violations and script errors fail the test: the app must run under the server's strict policy.
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && ![401, 409, 422].includes(r.status())) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      // Expected noise: the 401 of "am I logged in?", answers the test provokes on purpose, and the sandbox blocking a script.
      if (m.type() === 'error' && !/status of (401|409|422)|net::ERR_|Blocked script execution in 'about:srcdoc'/.test(m.text())) problems.push(`console: ${m.text()}`);
      // Every form must validate in the page with its precompiled validator (forms/validator.ts).
      if (m.text().includes('validating on the server only')) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  /** Waits (bounded) until the element is on screen. */
  const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', ...wait });

  /**
   * A screenshot for people to look at: phones get what the screen shows
   * (scrolled to `at`, else the top), wide screens the whole page.
   */
  async function shot(page: Page, name: string, at?: Locator) {
    await page.waitForLoadState('networkidle', wait).catch(() => undefined);
    const phone = page.viewportSize()!.width < 500;
    if (at) await at.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, `${name}-${page.viewportSize()!.width}.png`), fullPage: !phone && !at, timeout: wait.timeout });
  }

  async function noHorizontalScroll(page: Page) {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
  }

  async function login(page: Page, username: string) {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/(queue|me)(\?|$)/, wait);
  }

  async function sortedCount(page: Page): Promise<number> {
    await page.goto(`${base}/dashboard`);
    const cell = page.locator('tbody[data-workflow="grid-request"] tr[data-state="sorted"] td').first();
    await cell.waitFor(wait);
    return Number(await cell.textContent());
  }

  it('files a request with a photo, sorts it, and shows both steps and the new count', async () => {
    const page = await newPage(375);

    // Log in as the resident from the demo list.
    await page.goto(`${base}/login`);
    await visible(page.getByRole('heading', { name: '天长市基层治理平台' }));
    await shot(page, 'login');
    await page.getByRole('button', { name: 'resident.hepan' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/(queue|me)(\?|$)/, wait);
    await noHorizontalScroll(page);

    // File a grid request through the generated intake form, photo included.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: /小区/ }).inputValue(), wait).toMatch(/^[0-9]+$/);
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('灯');
    await page.getByLabel('类别').selectOption('公共设施');
    await page.getByLabel('情况描述').fill('3栋二楼楼道灯坏了一周，晚上上下楼看不清。');
    await page.getByLabel('位置').fill('河畔家园3栋二楼');
    await page.locator('input[type="file"]').setInputFiles({ name: 'snap.png', mimeType: 'image/png', buffer: gradientPng(160, 120) });
    const thumb = page.getByRole('img', { name: '现场照片 1' });
    await visible(thumb);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth), wait).toBe(160);
    // The precompiled validator runs in the page despite the CSP: a one-letter title is refused at its field.
    await page.getByRole('button', { name: '提交反映' }).click();
    await visible(page.getByText('至少填写 2 个字'));
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('3栋楼道灯不亮');
    await noHorizontalScroll(page);
    await shot(page, 'new-request', page.locator('.photos'));
    await page.getByRole('button', { name: '提交反映' }).click();
    await page.waitForURL(/\/tickets\/[0-9]+$/, wait);
    const ticketUrl = page.url();
    await visible(page.getByRole('heading', { level: 1, name: '3栋楼道灯不亮' }));
    // The workflow's own words once filed (`intake.success`), not a grid request's for every kind.
    await visible(page.getByText('已收到您的反映，网格员会尽快受理。'));
    await visible(page.getByRole('img', { name: '现场照片 1' }));

    // Log out from the phone's "more" page.
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/, wait);

    // The grid worker notes the dashboard, then finds the ticket at the top of the queue.
    await login(page, 'grid.yongfu1');
    const before = await sortedCount(page);
    await page.goto(`${base}/queue`);
    await page.getByRole('link', { name: /3栋楼道灯不亮/ }).first().click();
    await page.waitForURL(ticketUrl, wait);
    // Staff may see the resident's photo.
    await expect.poll(() => page.getByRole('img', { name: '现场照片 1' }).evaluate((img: HTMLImageElement) => img.naturalWidth), wait).toBe(160);

    // Take the "sort" step through its generated form. The first try fails in the network: what was typed stays.
    await page.getByRole('button', { name: /^梳理/ }).click();
    await page.getByLabel('确认类别').selectOption('公共设施');
    await page.getByRole('radio', { name: '急' }).check();
    await page.getByLabel('梳理意见').fill('路灯属物业维修范围，已联系物业。');
    await page.getByLabel('办理意见').fill('今天内修好');
    await page.route('**/api/tickets/*/transitions', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(page.getByText('网络连接失败'));
    await expect.poll(() => page.getByLabel('梳理意见').inputValue(), wait).toBe('路灯属物业维修范围，已联系物业。');
    await page.unroute('**/api/tickets/*/transitions');
    await shot(page, 'ticket-step', page.getByLabel('梳理意见'));
    await page.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(page.getByText('已完成「梳理」'));

    // Both steps are in the history, with who did them and what they entered.
    const history = page.getByRole('region', { name: /办理过程/ });
    await expect.poll(() => history.locator('.timeline-item').count(), wait).toBe(2);
    await visible(history.getByText('提交诉求'));
    await visible(history.getByText('梳理', { exact: true }));
    await visible(history.getByText('刘洋'));
    await visible(history.getByText('今天内修好'));
    await expect.poll(async () => (await page.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已梳理');
    await noHorizontalScroll(page);
    await shot(page, 'ticket');
    await shot(page, 'ticket-history', history);

    // The dashboard's chart and table count one more sorted request.
    expect(await sortedCount(page)).toBe(before + 1);
    await expect.poll(() => page.locator('figure[data-workflow="grid-request"]').getAttribute('aria-label'), wait).toMatch(new RegExp(`已梳理 ${before + 1}(，|$)`));
    await visible(page.getByRole('region', { name: '本月公告' }).getByText('42')); // the plugin's stat widget
    // The CSV export opens in Excel: UTF-8 with a byte-order mark, one header row.
    const csv = await page.request.get(`${base}${await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')}`, wait);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('流程,状态,件数,逾期,已办结,平均办结时长（小时）,按时办结率（%）');
    await noHorizontalScroll(page);
    await shot(page, 'dashboard', page.locator('figure[data-workflow="grid-request"]'));

    // Someone else moves the ticket first: the page reloads it and says so in plain words.
    await page.goto(ticketUrl);
    await page.getByRole('button', { name: /^网格内解决/ }).click();
    await page.getByLabel('办理情况').fill('已更换灯泡');
    const secretary = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'secretary.yongfu', password: demoPassword } });
    const token = (JSON.parse(secretary.body) as { token: string }).token;
    const id = ticketUrl.split('/').pop()!;
    // First only the history grows (a whistle): the step is still possible, and what was typed is still there.
    const whistled = await server.app.inject({ method: 'POST', url: `/api/tickets/${id}/whistle`, headers: { authorization: `Bearer ${token}` }, payload: { reason: '路灯线路老化，需城管局协同' } });
    expect(whistled.statusCode, whistled.body).toBe(201);
    await page.getByRole('button', { name: '提交「网格内解决」' }).click();
    await visible(page.getByText('这张工单刚刚被其他人处理过'));
    await visible(page.getByText('您填写的内容已保留'));
    await expect.poll(() => page.getByLabel('办理情况').inputValue(), wait).toBe('已更换灯泡');
    // Then the ticket really moves on: the step is gone.
    const cgj = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', 'tc-cgj').executeTakeFirstOrThrow();
    const current = JSON.parse((await server.app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: { authorization: `Bearer ${token}` } })).body) as { ticket?: { version: number }; version?: number };
    const dispatched = await server.app.inject({
      method: 'POST',
      url: `/api/tickets/${id}/transitions`,
      headers: { authorization: `Bearer ${token}` },
      payload: { action: 'dispatch', version: current.ticket?.version ?? current.version, data: { assigneeOrgId: String(cgj.id) } },
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    await page.getByRole('button', { name: '提交「网格内解决」' }).click();
    await visible(page.getByText('这张工单刚刚被其他人处理过'));
    await expect.poll(async () => (await page.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已派单');
    await expect.poll(() => page.getByRole('button', { name: /^网格内解决/ }).count(), wait).toBe(0);
    expect(problems).toEqual([]);
  });

  it('lays out every main page at 375 px and 1280 px without sideways scrolling', async () => {
    for (const width of [375, 1280]) {
      const page = await newPage(width);
      if (width > 375) {
        await page.goto(`${base}/login`);
        await shot(page, 'login');
      }
      await login(page, 'secretary.yongfu');
      for (const [path, name, ready] of [
        ['/queue', 'queue', '.ticket-card'],
        ['/dashboard', 'dashboard', 'figure.chart svg'],
        ['/workflows', 'workflows', 'svg.diagram'],
        ['/orgs', 'orgs', '.person'],
        ['/new', 'new-request', '.choice'],
        ['/p/e2e-notice-board/notices', 'plugin-table', 'table'],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.locator(ready).first().waitFor(wait);
        await noHorizontalScroll(page);
        if (width > 375 || !['dashboard', 'new-request'].includes(name)) await shot(page, name);
      }
      if (width > 375) {
        await page.goto(`${base}/queue`);
        await page.locator('.ticket-card').first().click();
        await page.locator('.timeline-item').first().waitFor(wait);
        await shot(page, 'ticket');
      }
      // Wide menus list the plugin's page without any change to the app.
      if (width > 375) await visible(page.getByRole('navigation', { name: '主导航' }).first().getByRole('link', { name: '社区公告' }));
      else {
        await page.goto(`${base}/more`);
        await visible(page.getByRole('link', { name: /社区公告/ }));
        await shot(page, 'more');
      }
    }
    expect(problems).toEqual([]);
  });

  it('renders plugin pages safely: text as text, HTML in a sandbox where scripts do not run', async () => {
    const page = await newPage(1280);
    await login(page, 'secretary.yongfu');
    await page.getByRole('link', { name: '社区公告' }).click();
    await visible(page.getByRole('heading', { name: '社区公告' }));
    await visible(page.getByText(hostileTitle));
    await page.getByRole('link', { name: /停水通知/ }).click();
    await page.waitForURL(/\/p\/e2e-notice-board\/notice\?id=1$/, wait);
    const frame = page.locator('iframe');
    await expect.poll(() => frame.getAttribute('sandbox'), wait).toBe('allow-same-origin allow-modals');
    await expect.poll(async () => (await page.frameLocator('iframe').locator('h1').textContent())?.trim(), wait).toBe('公告 1');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot(page, 'plugin-html');

    // A plugin's form page: its own form, posted to its own route, then on to the page it names.
    await page.getByRole('link', { name: '发布公告' }).click();
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('12月1日小区消防演练');
    await page.getByLabel('日期').fill('2026-12-01');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/e2e-notice-board\/notices$/, wait);
    await visible(page.getByText('已保存'));
    await visible(page.getByRole('link', { name: /12月1日小区消防演练/ }));
    expect(problems).toEqual([]);
  });

  it('dispatches a sorted request to a department through the org picker', async () => {
    const inject = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
      const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
      const token = (JSON.parse(login.body) as { token: string }).token;
      const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      return JSON.parse(res.body) as { id: string };
    };
    const org = async (key: string) => String((await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
    const ticket = await inject('grid.yongfu1', 'POST', '/api/tickets', { workflow: 'grid-request', orgId: await org('hepan'), data: { title: '井盖松动', category: '安全隐患', description: '北门井盖踩上去会晃动。' } });
    await inject('grid.yongfu1', 'POST', `/api/tickets/${ticket.id}/transitions`, { action: 'sort', version: 1, data: { category: '安全隐患', urgency: '急' } });

    const page = await newPage(375);
    await login(page, 'secretary.yongfu');
    await page.goto(`${base}/tickets/${ticket.id}`);
    await page.getByRole('button', { name: /^派单/ }).click();
    await page.getByLabel('承办单位').selectOption(await org('tc-cgj'));
    await page.getByLabel('办理要求').fill('请三个工作日内更换井盖。');
    await page.getByRole('button', { name: '提交「派单」' }).click();
    await visible(page.getByText('已完成「派单」'));
    await expect.poll(async () => (await page.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已派单');
    await visible(page.locator('.facts').getByText('天长市城市管理局'));
    await visible(page.getByRole('region', { name: /办理过程/ }).getByText('天长市城市管理局'));
    expect(problems).toEqual([]);
  });

  it('switches to English, form titles and choices included', async () => {
    const page = await newPage(375);
    await login(page, 'resident.hepan');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    // A resident lands on their portal.
    await visible(page.getByRole('heading', { name: 'Hello, 林小燕' }));
    await visible(page.getByRole('link', { name: /Report a problem/ }));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Report' }).click();
    await visible(page.getByRole('textbox', { name: 'Title', exact: true }));
    await visible(page.getByLabel('What is wrong'));
    await visible(page.getByText('Take / pick photo'));
    // Choices read in English (the value sent stays the Chinese one the schema allows).
    const category = page.getByRole('combobox', { name: 'Category' });
    await category.selectOption({ label: 'Safety hazard' });
    expect(await category.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.textContent))).toEqual(expect.arrayContaining(['Environment and sanitation', 'Safety hazard', 'Other']));
    await page.getByRole('button', { name: '切换到中文' }).click();
    await visible(page.getByRole('textbox', { name: '标题', exact: true }));
    expect(problems).toEqual([]);
  });
});
