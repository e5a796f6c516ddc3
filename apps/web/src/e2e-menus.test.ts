/**
 * Menus by role, in a real browser at phone size in Chinese, with every
 * bundled plugin enabled (the complaint: a resident and a 城管
 * officer saw the same 45-item menu). Each demo role logs in and opens 更多;
 * the bottom bar and the menu list hold only what that role can use.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { doorKnockingPlugin } from '@linli/plugin-door-knocking';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import { volunteerPointsPlugin } from '@linli/plugin-volunteer-points';
import { weekendDeliberationHallPlugin } from '@linli/plugin-weekend-deliberation-hall';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, type City } from './e2e/harness';

if (!built) console.warn('menus e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

/** What the person can reach: the bottom bar's tabs, then every entry behind 更多. */
async function menuOf(city: City, page: Page): Promise<{ tabs: string[]; items: string[] }> {
  const tabbar = page.locator('nav.tabbar');
  await visible(tabbar.getByRole('link', { name: '更多' }));
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const tabs = (await tabbar.getByRole('link').allInnerTexts()).map((t) => t.trim());
  // The header's bell counts as a way to 消息.
  if (await page.locator('header .topbar-bell').count()) tabs.push('🔔');
  await tabbar.getByRole('link', { name: '更多' }).click();
  await visible(page.getByRole('heading', { level: 1, name: '更多' }));
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // An entry reads "title" plus its plugin's name in a smaller line: keep the title.
  const items = await page.locator('.menu-list .menu-label').evaluateAll((els) => els.map((el) => (el.childNodes[0]?.textContent ?? '').trim()));
  return { tabs, items };
}

describe.skipIf(!built)('menus by role in Chromium', () => {
  let city: City;
  const menus = new Map<string, { tabs: string[]; items: string[] }>();
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, threeLinkedOfficePlugin, doorKnockingPlugin, weekendDeliberationHallPlugin, redPropertyPlugin, volunteerPointsPlugin]);
    for (const username of ['resident.hepan', 'grid.yongfu1', 'secretary.yongfu', 'dept.cgj', 'property.hepan', 'admin']) {
      const page = await city.as(username);
      menus.set(username, await menuOf(city, page));
      await city.shot(page, `menu-${username}`);
    }
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  const staffOnly = ['看板', '消息', '组织网格', '流程', '人员管理', '待报到'];
  const managersOnly = ['考核评价', '积分更正', '登记收支', '安排会商', '安排议事活动'];

  it('gives a resident their requests, intake and account, and no staff page', () => {
    const { tabs, items } = menus.get('resident.hepan')!;
    // The bell shows once a notice reaches them (their demo requests have moved), so it is not counted here.
    expect(tabs.filter((t) => t !== '🔔')).toEqual(['我的', '上报', '更多']);
    for (const entry of [...staffOnly, ...managersOnly]) expect(items).not.toContain(entry);
    // What a resident does: their account, and the volunteer practice's public side (wishes, activities, their points).
    expect([...items].sort()).toEqual(['我的账号', '党员双报到', '心愿墙', '我的微心愿', '志愿服务队', '志愿服务活动', '积分排行', '我的积分'].sort());
  });

  it('gives a grid worker the staff pages of their grid, not the report list or administration', () => {
    const { tabs, items } = menus.get('grid.yongfu1')!;
    expect(tabs).toEqual(['待办', '上报', '看板', '更多', '🔔']);
    expect(items).toEqual(expect.arrayContaining(['消息', '组织网格', '流程', '我的账号']));
    for (const entry of ['待报到', '人员管理', '考核评价', '积分更正', '登记收支']) expect(items).not.toContain(entry);
  });

  it('gives a 城管 officer the report list, and none of the community’s practice pages', () => {
    const { items } = menus.get('dept.cgj')!;
    expect(items).toEqual(expect.arrayContaining(['消息', '待报到']));
    for (const entry of ['人员管理', ...managersOnly]) expect(items).not.toContain(entry);
    // The complaint: a resident and a 城管 officer saw the same menu.
    expect(items).not.toEqual(menus.get('resident.hepan')!.items);
  });

  it('gives property staff their offices and fee entry, but no report list', () => {
    const { items } = menus.get('property.hepan')!;
    expect(items).toEqual(expect.arrayContaining(['三联办', '录入收缴率']));
    for (const entry of ['待报到', '人员管理', '安排会商', '积分更正']) expect(items).not.toContain(entry);
  });

  it('gives the community secretary the report list and administration of their community', () => {
    const { items } = menus.get('secretary.yongfu')!;
    expect(items).toEqual(expect.arrayContaining(['待报到', '人员管理', '安排会商']));
  });

  it('gives the city administrator the whole city’s pages; a resident and a 城管 officer a fraction of them', () => {
    const { tabs, items: all } = menus.get('admin')!;
    expect([...tabs, ...all]).toEqual(expect.arrayContaining(staffOnly));
    expect(all).toEqual(expect.arrayContaining(managersOnly));
    for (const who of ['resident.hepan', 'dept.cgj']) expect(menus.get(who)!.items.length * 3, who).toBeLessThan(all.length);
    expect(city.problems).toEqual([]);
  });

  /** The intake page (上报) as `username` opens it: each kind's title line, without the workflow's name staff also see. */
  async function intakeOf(username: string): Promise<{ page: Page; kinds: string[] }> {
    const page = await city.as(username);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await visible(page.locator('.choice'));
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const kinds = await page.locator('.choice-title').evaluateAll((els) => els.map((el) => (el.childNodes[0]?.textContent ?? '').trim()));
    return { page, kinds };
  }

  it('offers at 上报 only what each role may start, each in its own words', async () => {
    // A resident of 河畔家园: the practices residents start, in plain words, never a workflow's name; no door-knocking, no elevator retrofit (an old compound's).
    const { page: resident, kinds } = await intakeOf('resident.hepan');
    expect([...kinds].sort()).toEqual(['小区里的问题（随手拍）', '物业投诉', '小区物业难题，请三联办会商', '提一个议题（周末议事厅）', '许个微心愿'].sort());
    expect(await resident.locator('.choice .chip-note').count()).toBe(0);
    await city.shot(resident, 'intake-resident-kinds', resident.locator('.choice').first());
    // A topic for the weekend hall reads as one: its own place question and button, no map pin, nothing about grid workers.
    await resident.getByRole('radio', { name: /周末议事厅/ }).check();
    await visible(resident.getByRole('heading', { name: '议题涉及哪个小区？' }));
    await visible(resident.getByRole('button', { name: '提交议题' }));
    expect(await resident.getByRole('button', { name: '使用我的位置' }).count()).toBe(0);
    expect(await resident.getByText(/网格员会尽快受理|问题在哪里/).count()).toBe(0);
    await city.shot(resident, 'intake-resident-topic', resident.getByRole('heading', { name: '议题涉及哪个小区？' }));

    // A grid worker also records problems found on visits, at a building of the grid, and sees each workflow's name beside its words.
    const { page: grid, kinds: gridKinds } = await intakeOf('grid.yongfu1');
    expect(gridKinds).toEqual(expect.arrayContaining(['小区里的问题（随手拍）', '走访发现的问题']));
    await grid.getByRole('radio', { name: /走访发现的问题/ }).check();
    await visible(grid.getByRole('radio', { name: /走访发现的问题/ }).locator('xpath=..').getByText('走访问题'));
    await visible(grid.getByRole('heading', { name: '在哪栋楼？' }));
    const place = grid.getByRole('combobox', { name: '楼栋' });
    await expect.poll(() => place.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    for (const option of await place.locator('option').allTextContents()) expect(option.trim()).toMatch(/^(请选择|.*栋.*)$/);
    await city.shot(grid, 'intake-grid-door-knocking', grid.getByRole('heading', { name: '在哪栋楼？' }));

    // A 城管 officer starts none of them: no 上报 at all.
    expect(menus.get('dept.cgj')!.tabs).not.toContain('上报');
    expect(city.problems).toEqual([]);
  }, 240_000);
});
