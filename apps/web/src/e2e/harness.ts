/**
 * A real server on the example city and a headless Chromium at phone size
 * (390 px, zh-CN), for browser stories that walk a flow as each role that
 * owns a step. The server's clock is real time plus an offset the story may
 * move (`setClock`), so dates stay relative to the day the test runs. With
 * DATABASE_URL set, the city runs on PostgreSQL in a schema of its own
 * (dropped on close), else on PGlite in a temporary directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initPgliteDir } from '@linli/db/testing';
import type { LinliPlugin } from '@linli/sdk';
import { startServer, type RunningServer } from '@linli/server';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const webDir = fileURLToPath(new URL('../../dist', import.meta.url));
export const shots = fileURLToPath(new URL('../../test-results', import.meta.url));
export const exampleConfig = fileURLToPath(new URL('../../../../examples/tianchang/linli.config.json', import.meta.url));
export const built = existsSync(join(webDir, 'index.html'));
export const demoPassword = 'linli-demo';
export const wait = { timeout: 15_000 };
export const PHONE = { width: 390, height: 844 };

export interface City {
  server: RunningServer;
  base: string;
  /** Everything that went wrong in any page (script errors, unexpected HTTP errors): a story ends expecting none. */
  problems: string[];
  /** Moves the server's clock to `iso` (sessions may end when it jumps days: log in again). */
  setClock(iso: string): void;
  /** A fresh phone-sized session logged in as `username` through the login page (residents land on their portal, staff on the queue). */
  as(username: string, device?: Device): Promise<Page>;
  /** A fresh phone-sized page nobody is logged in on (someone opening a link they were sent). */
  blank(who: string, device?: Device): Promise<Page>;
  shot(page: Page, name: string, at?: Locator): Promise<void>;
  /** The id of the org with this key in the city config (for assertions only; the browser never types one). */
  orgId(key: string): Promise<string>;
  close(): Promise<void>;
}

/** What the phone lets the page know: its position (browser geolocation granted), WGS-84 as a GPS reports it. */
export interface Device {
  geolocation?: { latitude: number; longitude: number };
}

/** Debian's headless Chromium (.ci/run installs it), kept off the network: pages reach only the test's server on 127.0.0.1. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });

export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', ...wait });

/** Starts the example city with `plugins` enabled (options from the example file). */
export async function startCity(
  plugins: LinliPlugin[],
  opts: {
    clock?: string;
    /** Changes to the example city's config (channels pointing at a test's local fakes, registration). */
    configure?: (config: Record<string, unknown>) => Record<string, unknown>;
    /** Secrets of the channels, as LINLI_* variables would hold them. */
    env?: Record<string, string>;
  } = {},
): Promise<City> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-city-'));
  mkdirSync(shots, { recursive: true });
  const config = JSON.parse(readFileSync(exampleConfig, 'utf8')) as { plugins: Record<string, unknown> } & Record<string, unknown>;
  const configPath = join(dataDir, 'linli.config.json');
  const enabled = Object.fromEntries(plugins.map((p) => [p.name, config.plugins[p.name] ?? {}]));
  const chosen = { ...config, $schema: undefined, plugins: enabled };
  writeFileSync(configPath, JSON.stringify(opts.configure ? opts.configure(chosen) : chosen));
  let offset = opts.clock ? Date.parse(opts.clock) - Date.now() : 0;
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  if (!databaseUrl) await initPgliteDir(join(dataDir, 'db'));
  const server = await startServer({
    configPath,
    available: plugins,
    ...(databaseUrl ? { databaseUrl, databaseSchema: schema } : { dataDir: join(dataDir, 'db') }),
    port: 0,
    host: '127.0.0.1',
    demoPassword,
    webDir,
    worker: false,
    ...(opts.env ? { env: opts.env } : {}),
    now: () => new Date(Date.now() + offset),
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const base = server.url;
  const blank = async (username: string, device: Device = {}): Promise<Page> => {
    const ctx = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...(device.geolocation ? { geolocation: device.geolocation, permissions: ['geolocation'] } : {}),
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(wait.timeout);
    page.setDefaultNavigationTimeout(wait.timeout);
    page.on('pageerror', (e) => problems.push(`${username} pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && ![401, 409, 422].includes(r.status())) problems.push(`${username} HTTP ${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|409|422)|net::ERR_|Blocked script execution in 'about:srcdoc'/.test(m.text())) problems.push(`${username} console: ${m.text()}`);
    });
    return page;
  };

  return {
    server,
    base,
    problems,
    setClock: (iso) => void (offset = Date.parse(iso) - Date.now()),
    async as(username, device) {
      const page = await blank(username, device);
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(demoPassword);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(/\/(queue|me)(\?|$)/, wait);
      return page;
    },
    blank,
    async shot(page, name, at) {
      await page.waitForLoadState('networkidle', wait).catch(() => undefined);
      if (at) await at.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      else await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${name}-${PHONE.width}.png`), timeout: wait.timeout });
    },
    async orgId(key) {
      return String((await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      if (schema) await server.database.db.schema.dropSchema(schema).ifExists().cascade().execute().catch(() => undefined);
      await server.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the ticket titled `title` from the person's queue, as they would. */
export async function openFromQueue(page: Page, base: string, title: string): Promise<void> {
  await page.goto(`${base}/queue`);
  await page.getByRole('link', { name: new RegExp(title) }).first().click();
  await page.waitForURL(/\/tickets\/[0-9]+$/, wait);
  await visible(page.getByRole('heading', { level: 1, name: title }));
}

/** Files a grid request through the intake form as the logged-in person; returns the ticket's URL. */
export async function fileGridRequest(page: Page, r: { title: string; category: string; description: string; location?: string }): Promise<string> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
  const choice = page.getByRole('radio', { name: /小区里的问题/ });
  if (await choice.count()) await choice.check();
  await page.getByRole('textbox', { name: '标题', exact: true }).fill(r.title);
  await page.getByLabel('类别').selectOption(r.category);
  await page.getByLabel('情况描述').fill(r.description);
  if (r.location) await page.getByLabel('位置').fill(r.location);
  await page.getByRole('button', { name: '提交反映' }).click();
  await page.waitForURL(/\/tickets\/[0-9]+$/, wait);
  return page.url();
}

/**
 * Opens a menu entry as a phone user does: 更多, then the entry (its name, then its plugin's group),
 * in the page's list — not the top bar's bell, whose name (消息（3 条未读）) starts like the 消息 entry.
 */
export async function openMenu(page: Page, entry: string): Promise<void> {
  await page.getByRole('link', { name: '更多' }).click();
  await page.waitForURL(/\/more$/, wait);
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${entry}`) }).click();
}
