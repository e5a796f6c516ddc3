/**
 * The door-knocking practice (敲门行动) in a real browser at phone size, in
 * Chinese, by the roles that own each step, with no id or URL typed: a grid
 * worker records a visit from 登记走访 and the problem found there files a
 * ticket; the building leader handles it from their queue; the grid worker
 * cannot close it before knocking again, records the return visit, and closes
 * it (回访销号) from the ticket, reached from 走访记录. Another problem is
 * reopened after an unsolved return visit, and one recorded by mistake is
 * withdrawn (撤销).
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { doorKnockingPlugin } from '@linli/plugin-door-knocking';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

const problem = '楼道灭火器过期';
const household = '2单元301';

if (!built) console.warn('door-knocking e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('door-knocking in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, doorKnockingPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function openMenu(page: Page, entry: string) {
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: new RegExp(`^${entry}`) }).click();
  }

  /** 登记走访 at 河畔家园1栋, the household chosen by name. */
  async function recordVisit(page: Page, more: (page: Page) => Promise<void> = async () => undefined) {
    await openMenu(page, '登记走访');
    const building = page.getByLabel('楼栋');
    await expect.poll(() => building.locator('option').count(), wait).toBeGreaterThan(1);
    const option = building.locator('option').filter({ hasText: '河畔家园1栋' }).first();
    await building.selectOption((await option.getAttribute('value'))!);
    await page.getByLabel(/住户/).fill(household);
    await more(page);
    await page.getByRole('button', { name: /提交|保存/ }).click();
    await page.waitForURL(/\/p\/door-knocking\/visits$/, wait);
  }

  it('takes a problem found on a visit through handling to its close after a return visit', async () => {
    const { base } = city;
    const visitor = await city.as('grid.yongfu1');
    await recordVisit(visitor, async (page) => {
      await page.getByRole('checkbox', { name: '安全隐患' }).check();
      await page.getByLabel(/发现的问题/).fill(problem);
      await page.getByLabel('问题描述').fill('2单元楼道的两只灭火器已过期半年，住户担心失火时用不了。');
      await city.shot(page, 'door-knocking-visit');
    });
    await visible(visitor.locator('tbody tr').filter({ hasText: problem }));

    // The building leader handles it from their queue.
    const leader = await city.as('building.hepan1');
    await openFromQueue(leader, base, problem);
    await leader.getByRole('button', { name: /^办理/ }).click();
    await leader.getByLabel('办理结果').fill('已联系物业更换两只灭火器。');
    await leader.getByRole('button', { name: /^提交「办理/ }).click();
    await visible(leader.getByText(/已完成「办理/));

    // Closing needs a return visit first: from 走访记录 the visitor is told so, knocks again, then closes it.
    await openMenu(visitor, '走访记录');
    await visitor.locator('tbody tr').filter({ hasText: problem }).getByRole('link').first().click();
    await visitor.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(visitor.getByText('待回访'));
    await visitor.getByRole('button', { name: /^回访销号/ }).click();
    await visitor.getByRole('radio', { name: '满意', exact: true }).check();
    await visitor.getByRole('button', { name: /^提交「回访销号/ }).click();
    await visible(visitor.getByText(/回访后才能销号/));
    expect(await visitor.getByText(/record a return visit/).count()).toBe(0);
    await city.shot(visitor, 'door-knocking-not-yet');
    await recordVisit(visitor, async (page) => {
      await page.getByLabel('走访情况').fill('回访：灭火器已更换，住户满意。');
    });
    await visitor.locator('tbody tr').filter({ hasText: problem }).getByRole('link').first().click();
    await visitor.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visitor.getByRole('button', { name: /^回访销号/ }).click();
    await visitor.getByRole('radio', { name: '满意', exact: true }).check();
    await visitor.getByLabel('回访情况').fill('灭火器已更换。');
    await city.shot(visitor, 'door-knocking-confirm');
    await visitor.getByRole('button', { name: /^提交「回访销号/ }).click();
    await visible(visitor.getByText(/已完成「回访销号/));
    await visible(visitor.getByText('已销号'));
    await city.shot(visitor, 'door-knocking-closed');
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('reopens a problem the return visit finds unsolved, and withdraws one recorded by mistake', async () => {
    const { base } = city;
    const badge = (page: Page) => page.locator('.ticket-head .badge');
    const leaking = '楼顶水箱漏水';
    const duplicate = '单元门禁损坏';
    const visitor = await city.as('grid.yongfu1');
    for (const [title, text] of [[leaking, '楼顶水箱渗水，顶楼住户天花板发霉。'], [duplicate, '1单元门禁刷卡没反应。']] as const) {
      await recordVisit(visitor, async (page) => {
        await page.getByRole('checkbox', { name: '安全隐患' }).check();
        await page.getByLabel(/发现的问题/).fill(title);
        await page.getByLabel('问题描述').fill(text);
      });
      await visible(visitor.locator('tbody tr').filter({ hasText: title }));
    }

    const leader = await city.as('building.hepan1');
    await openFromQueue(leader, base, leaking);
    await leader.getByRole('button', { name: /^办理/ }).click();
    await leader.getByLabel('办理结果').fill('已请物业给水箱补胶。');
    await leader.getByRole('button', { name: /^提交「办理/ }).click();
    await visible(leader.getByText(/已完成「办理/));

    // The return visit finds it still leaking: back to the building leader (回访未解决，重新办理), the reason in the history.
    await openMenu(visitor, '走访记录');
    await visitor.locator('tbody tr').filter({ hasText: leaking }).getByRole('link').first().click();
    await visitor.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visitor.getByRole('button', { name: /^回访未解决，重新办理/ }).click();
    await visitor.getByLabel('办理意见').fill('回访时顶楼天花板仍在滴水，补胶无效，需更换水箱。');
    await visitor.getByRole('button', { name: '提交「回访未解决，重新办理」' }).click();
    await visible(visitor.getByText('已完成「回访未解决，重新办理」'));
    await expect.poll(async () => (await badge(visitor).textContent())?.trim(), wait).toBe('待办理');
    await city.shot(visitor, 'door-knocking-reopened');
    await openFromQueue(leader, base, leaking);
    await visible(leader.getByRole('region', { name: /办理过程/ }).getByText('回访时顶楼天花板仍在滴水，补胶无效，需更换水箱。'));
    await visible(leader.getByRole('button', { name: /^办理/ }));

    // The door-entry problem was already reported by the property company: the visitor withdraws it (撤销) with a reason.
    await openMenu(visitor, '走访记录');
    await visitor.locator('tbody tr').filter({ hasText: duplicate }).getByRole('link').first().click();
    await visitor.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visitor.getByRole('button', { name: /^撤销/ }).click();
    await visitor.getByLabel('办理意见').fill('物业已在维修门禁，重复登记，撤销。');
    await visitor.getByRole('button', { name: '提交「撤销」' }).click();
    await visible(visitor.getByText('已完成「撤销」'));
    await expect.poll(async () => (await badge(visitor).textContent())?.trim(), wait).toBe('已撤销');
    await city.shot(visitor, 'door-knocking-withdrawn');
    expect(city.problems).toEqual([]);
  }, 300_000);
});
