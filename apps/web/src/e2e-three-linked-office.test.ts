/**
 * The three-linked office (三联办) in a real browser against a real server:
 * a resident raises a property problem through the generated intake form,
 * the residents' committee schedules a meeting, the property company misses
 * it and the decision is refused naming them, a second meeting with all three
 * parties decides (responsible party, future deadline), the property company
 * reports it done, the committee verifies and closes it, and the office's
 * indicators count both meetings and the solved problem.
 *
 * The server runs on a movable clock (the flow spans two weeks). Every date in
 * the story is counted from the real date — the first Tuesday after today in
 * Tianchang — so the test means the same on any day it runs, and the server
 * stays ahead of the browser's real clock. Needs apps/web/dist and /usr/bin/chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import { startServer, type RunningServer } from '@linli/server';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('../dist', import.meta.url));
const shots = fileURLToPath(new URL('../test-results', import.meta.url));
const exampleConfig = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));
const built = existsSync(join(webDir, 'index.html'));
const demoPassword = 'linli-demo';
const wait = { timeout: 15_000 };
const title = '东门道闸坏了车辆进不来';
/** A date as the tables show it, whichever separator the locale uses. */
const day = (iso: string) => new RegExp(iso.replace(/-/g, '[-/.]'));
const DAY_MS = 86_400_000;
const TIANCHANG_OFFSET_MS = 8 * 3_600_000;
/** Day 0 of the story: the first Tuesday after today in Tianchang (UTC+8), as a UTC midnight. */
const tuesday = (() => {
  const local = new Date(Date.now() + TIANCHANG_OFFSET_MS);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const ahead = (2 - new Date(today).getUTCDay() + 7) % 7 || 7;
  return today + ahead * DAY_MS;
})();
/** `YYYY-MM-DD` of story day `n` (0 = that Tuesday). */
const isoDay = (n: number) => new Date(tuesday + n * DAY_MS).toISOString().slice(0, 10);
/** The UTC instant of Tianchang's local `hh:mm` on story day `n`. */
const at = (n: number, hhmm: string) => `${isoDay(n)}T${hhmm}:00+08:00`;

if (!built) console.warn('three-linked office e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('three-linked office in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let base: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  // Server time = real time + offset; `setClock` jumps it (Tianchang is UTC+8).
  let offset = 0;
  const setClock = (iso: string) => (offset = Date.parse(iso) - Date.now());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-tlo-'));
    mkdirSync(shots, { recursive: true });
    const config = JSON.parse(readFileSync(exampleConfig, 'utf8')) as { plugins: Record<string, unknown> } & Record<string, unknown>;
    const configPath = join(dataDir, 'linli.config.json');
    const plugins = { 'grid-requests': config.plugins['grid-requests'] ?? {}, 'three-linked-office': config.plugins['three-linked-office'] };
    writeFileSync(configPath, JSON.stringify({ ...config, $schema: undefined, plugins }));
    // Tuesday 09:00 in Tianchang. The demo history ends here, with Wednesday's meeting scheduled.
    setClock(at(0, '09:00'));
    server = await startServer({
      configPath,
      available: [gridRequestsPlugin, threeLinkedOfficePlugin],
      dataDir: join(dataDir, 'db'),
      port: 0,
      host: '127.0.0.1',
      demoPassword,
      webDir,
      worker: false,
      now: () => new Date(Date.now() + offset),
    });
    base = server.url;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', ...wait });

  /** A fresh phone-sized browser session logged in as `username` (sessions end when the clock jumps days). */
  async function as(username: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(wait.timeout);
    page.setDefaultNavigationTimeout(wait.timeout);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && ![401, 409, 422].includes(r.status())) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|409|422)|net::ERR_|Blocked script execution in 'about:srcdoc'/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/(queue|me)(\?|$)/, wait);
    return page;
  }

  async function shot(page: Page, name: string) {
    await page.waitForLoadState('networkidle', wait).catch(() => undefined);
    await page.screenshot({ path: join(shots, `${name}-375.png`), timeout: wait.timeout });
  }

  /** The 河畔家园 row of the indicators page, as numbers by column title. */
  async function indicators(page: Page): Promise<{ held: number; raised: number; solved: number }> {
    await page.goto(`${base}/p/three-linked-office/indicators`);
    const row = page.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^河畔家园$/ }) });
    await visible(row);
    const headers = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
    const cells = (await row.first().locator(':scope > th, :scope > td').allTextContents()).map((c) => c.trim());
    const value = (h: string) => Number(cells[headers.indexOf(h)]);
    return { held: value('召开会商'), raised: value('受理问题'), solved: value('解决问题') };
  }

  async function scheduleMeeting(page: Page, date: string) {
    await page.goto(`${base}/p/three-linked-office/schedule-meeting`);
    await expect.poll(() => page.getByLabel('小区').locator('option').count(), wait).toBeGreaterThan(1);
    await page.getByLabel('小区').selectOption({ label: '河畔家园' });
    await page.getByLabel('会商日期').fill(date);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/three-linked-office\/meetings$/, wait);
    await visible(page.getByText('已保存'));
  }

  /** Opens the attendance form from the meetings page (its row link) and records who came. */
  async function recordAttendance(page: Page, date: string, absent?: '物业') {
    await page.goto(`${base}/p/three-linked-office/meetings`);
    await page.locator('tbody tr').filter({ hasText: day(date) }).filter({ hasText: '河畔家园' }).getByRole('link').first().click();
    await page.waitForURL(/\/p\/three-linked-office\/attendance\?id=[0-9]+$/, wait);
    for (const [party, who] of [['居委会', '王丽'], ['物业', '马俊'], ['业委会', '黄淑芬']] as const) {
      // Each party is a sub-form under its own heading; an unticked 出席 means absent.
      const group = page.locator('.form-group').filter({ has: page.getByRole('heading', { name: party, exact: true }) });
      if (party === absent) continue;
      // A thumb-sized target on a phone: the whole row, at least 44 px tall.
      const row = group.locator('.checkbox label').first();
      expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await group.getByLabel('出席', { exact: true }).check();
      await group.getByLabel('出席人').fill(who);
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/three-linked-office\/agenda$/, wait);
  }

  /** Opens the decision form from the agenda page (the problem's row link) and submits the decision. */
  async function decide(page: Page) {
    await page.goto(`${base}/p/three-linked-office/agenda`);
    // The row's link is its first cell (the meeting date).
    await page.locator('tbody tr').filter({ hasText: title }).getByRole('link').first().click();
    await page.waitForURL(/\/p\/three-linked-office\/decide\?/, wait);
    await page.getByLabel('会商决定').fill('物业一周内修复道闸，恢复车辆登记放行。');
    await page.getByRole('radio', { name: '物业', exact: true }).check();
    await page.getByLabel('办结时限').fill(`${isoDay(15)}T18:00`);
    await page.getByRole('button', { name: '保存' }).click();
  }

  it('takes a problem from intake through two meetings, one without quorum, to closure', async () => {
    // The residents' committee (staff.yongfu) notes the indicators, then schedules a meeting for today.
    let staff = await as('staff.yongfu');
    const before = await indicators(staff);
    await scheduleMeeting(staff, isoDay(0));

    // A resident raises the problem through the generated intake form; it joins today's agenda.
    const resident = await as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /三联办物业问题/ }).check();
    await resident.getByRole('combobox', { name: '小区', exact: true }).selectOption({ label: '河畔家园' });
    await resident.getByRole('textbox', { name: '问题', exact: true }).fill(title);
    await resident.getByLabel('类别').selectOption({ index: 1 });
    await resident.getByLabel('情况描述').fill('东门道闸不抬杆，业主车辆进不来，已经三天了。');
    await resident.getByRole('radio', { name: '急', exact: true }).check();
    await resident.getByLabel('反映方').selectOption('居民');
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    const ticketUrl = resident.url();
    await visible(resident.getByRole('heading', { level: 1, name: title }));

    await staff.goto(`${base}/p/three-linked-office/agenda`);
    await visible(staff.locator('tbody tr').filter({ hasText: title }).filter({ hasText: day(isoDay(0)) }));

    // Today 15:00: the property company does not come; the decision is refused, naming it.
    setClock(at(0, '15:05'));
    staff = await as('staff.yongfu');
    await recordAttendance(staff, isoDay(0), '物业');
    await staff.goto(`${base}/p/three-linked-office/meetings`);
    await visible(staff.locator('tbody tr').filter({ hasText: day(isoDay(0)) }).filter({ has: staff.locator('td[data-label="缺席方"]', { hasText: /^物业$/ }) }));
    const refusal = staff.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST', wait);
    await decide(staff);
    const refused = await refusal;
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as { code: string; message: string; details: { path: string; message: string }[] };
    expect(body.code).toBe('TLO_ERR_NO_QUORUM');
    expect(body.message).toContain('物业');
    expect(body.details).toEqual([{ path: '/attendance/propertyCompany', message: expect.stringContaining('物业未出席') }]);
    // The page refuses, says which party is missing in plain words, and keeps the form.
    await visible(staff.getByRole('alert'));
    await expect.poll(() => staff.getByRole('alert').innerText(), wait).toContain('物业');
    expect(staff.url()).toMatch(/\/decide\?/);
    await expect.poll(() => staff.getByLabel('会商决定').inputValue(), wait).toBe('物业一周内修复道闸，恢复车辆登记放行。');
    await shot(staff, 'tlo-no-quorum');

    // Next week: a second meeting (it ends today's and carries the problem over), all three parties present.
    setClock(at(7, '09:00'));
    staff = await as('staff.yongfu');
    await scheduleMeeting(staff, isoDay(8));
    setClock(at(8, '15:05'));
    staff = await as('staff.yongfu');
    await recordAttendance(staff, isoDay(8));
    await decide(staff);
    await staff.waitForURL(/\/p\/three-linked-office\/agenda$/, wait);
    await staff.goto(ticketUrl);
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('落实中');
    await visible(staff.locator('.facts').getByText(/物业/));

    // The property company reports it done from the ticket page.
    setClock(at(9, '10:00'));
    const property = await as('property.hepan');
    await property.goto(ticketUrl);
    await property.getByRole('button', { name: /^报告办结/ }).click();
    await property.getByLabel('落实情况').fill('道闸已更换主板，车辆正常通行。');
    await property.getByRole('button', { name: '提交「报告办结」' }).click();
    await visible(property.getByText('已完成「报告办结」'));
    await expect.poll(async () => (await property.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('待验收');

    // The residents' committee verifies and closes it.
    setClock(at(10, '10:00'));
    staff = await as('staff.yongfu');
    await staff.goto(ticketUrl);
    await staff.getByRole('button', { name: /^验收销号/ }).click();
    await staff.getByRole('radio', { name: '满意', exact: true }).check();
    await staff.getByLabel('验收意见').fill('复查道闸正常');
    await staff.getByRole('button', { name: '提交「验收销号」' }).click();
    await visible(staff.getByText('已完成「验收销号」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已销号');

    // Both meetings were held; the problem counts as raised and solved.
    const after = await indicators(staff);
    expect(after).toEqual({ held: before.held + 2, raised: before.raised + 1, solved: before.solved + 1 });
    await shot(staff, 'tlo-indicators');
    expect(problems).toEqual([]);
  });
});
