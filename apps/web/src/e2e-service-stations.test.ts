/**
 * Service-station standards (四有/五有) in a real browser at phone size, in
 * Chinese, by the roles that own each step, with no id or URL typed: the
 * street inspector opens this month's due inspection of 河畔家园's station from
 * 站点检查 and records it with a photo per item, failing its ledger; the failed
 * item is a rectification ticket in the community staff's queue, who reports
 * the fix with a photo; the inspector checks and closes it from the
 * inspection's page, the station is 达标 again, and the city's roll-up is
 * exported. Needs apps/web/dist and /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { serviceStationsPlugin } from '@linli/plugin-service-stations';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';
import { gradientPng } from './e2e/png';

const station = '河畔家园党群服务站';
const ticketTitle = `${station}：有工作台账不合格`;
const items = ['有场所标识', '有专人管理', '有工作制度', '有办公设备', '有工作台账'];

if (!built) console.warn('service-stations e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('service stations in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, serviceStationsPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function openMenu(page: Page, entry: string) {
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: new RegExp(`^${entry}`) }).click();
  }

  /** The station's row on 服务站, as the person sees it. */
  async function stationRow(page: Page) {
    await openMenu(page, '服务站');
    const row = page.locator('tbody tr').filter({ hasText: station });
    await visible(row);
    return row;
  }

  it('takes a failed checklist item from the inspection with photos through the community’s fix to a compliant station', async () => {
    const { base } = city;
    const inspector = await city.as('street.guangling');
    // Rectification tickets come from inspections only: no intake page offers one.
    const file = inspector.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' });
    if (await file.count()) {
      await file.click();
      await inspector.waitForLoadState('networkidle', wait);
      expect(await inspector.getByText(/服务站整改|站点整改/).count()).toBe(0);
    }
    await openMenu(inspector, '站点检查');
    const due = inspector.locator('tbody tr').filter({ hasText: station }).filter({ hasText: '待检查' });
    await visible(due);
    await city.shot(inspector, 'service-stations-due');
    await due.getByRole('link', { name: '登记检查' }).click();
    await inspector.waitForURL(/\/p\/service-stations\/inspect\?/, wait);

    // One photo per item, taken on the spot; the ledger fails with its reason.
    for (const [i, title] of items.entries()) {
      const group = inspector.getByRole('heading', { name: title, exact: true }).locator('..');
      await group.getByRole('radio', { name: title === '有工作台账' ? '不合格' : '合格', exact: true }).check();
      await group.locator('input[type="file"]').setInputFiles({ name: `item-${i}.png`, mimeType: 'image/png', buffer: gradientPng(120, 90) });
      await visible(group.getByRole('img', { name: /1/ }));
    }
    const ledger = inspector.getByRole('heading', { name: '有工作台账', exact: true }).locator('..');
    // A fail without its reason is refused at the field.
    await inspector.getByRole('button', { name: /提交|保存/ }).click();
    await visible(inspector.getByText('请填写不合格原因'));
    await ledger.getByLabel('不合格原因').fill('民情台账近两个月没有记录，问题清单未更新。');
    await city.shot(inspector, 'service-stations-inspect', ledger);
    await inspector.getByRole('button', { name: /提交|保存/ }).click();
    await inspector.waitForURL(/\/p\/service-stations\/inspection\?/, wait);
    const ledgerRow = inspector.locator('tbody tr').filter({ hasText: '有工作台账' });
    await visible(ledgerRow.getByText('待整改'));
    await city.shot(inspector, 'service-stations-items');

    // The community staff find it in their queue, see the station is being fixed, and report the fix with a photo.
    const staff = await city.as('staff.yongfu');
    await visible((await stationRow(staff)).getByText('整改中'));
    await openFromQueue(staff, base, ticketTitle);
    await staff.getByRole('button', { name: /^提交整改/ }).click();
    await staff.getByLabel('整改情况').fill('已补记近两个月民情台账，指定副站长每周更新问题清单。');
    await staff.locator('input[type="file"]').setInputFiles({ name: 'ledger.png', mimeType: 'image/png', buffer: gradientPng(120, 90) });
    await visible(staff.getByRole('img', { name: /1/ }));
    await city.shot(staff, 'service-stations-rectify');
    await staff.getByRole('button', { name: /^提交「提交整改/ }).click();
    await visible(staff.getByText(/已完成「提交整改/));

    // The inspector checks it from the inspection's page and closes it: the station is compliant again.
    await openMenu(inspector, '站点检查');
    await inspector.locator('tbody tr').filter({ hasText: station }).filter({ hasText: '已检查' }).getByRole('link').first().click();
    await inspector.waitForURL(/\/p\/service-stations\/inspection\?/, wait);
    await inspector.locator('tbody tr').filter({ hasText: '有工作台账' }).getByRole('link').first().click();
    await inspector.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(inspector.getByText('待复核'));
    await inspector.getByRole('button', { name: /^复核销号/ }).click();
    await inspector.getByLabel('复核意见').fill('台账已补齐，复核通过。');
    await inspector.getByRole('button', { name: /^提交「复核销号/ }).click();
    await visible(inspector.getByText(/已完成「复核销号/));
    await visible(inspector.getByText('已销号'));
    // The ticket reads as a rectification: station, item, reason, the inspection's photo; not the ids linking it.
    await visible(inspector.locator('.values').getByText('有工作台账', { exact: true }));
    expect(await inspector.getByText('项目编号').count()).toBe(0);
    await city.shot(inspector, 'service-stations-closed');

    const row = await stationRow(staff);
    await visible(row.getByText('达标'));
    await city.shot(staff, 'service-stations-compliant');
    expect(city.problems).toEqual([]);
  }, 300_000);

  /** Picks the option of a name-picker (a select filled from the plugin's list) whose label holds `text`. */
  async function pick(page: Page, label: string, text: string) {
    const select = page.getByLabel(label);
    await expect.poll(() => select.locator('option').count(), wait).toBeGreaterThan(1);
    const option = select.locator('option').filter({ hasText: text }).first();
    await select.selectOption((await option.getAttribute('value'))!);
  }

  it('lets the community staff a station 1 + 3 + N, picking people by name, and put them on duty', async () => {
    const staff = await city.as('staff.yongfu');
    const other = '天岛小区党群服务站';
    await openMenu(staff, '服务站');
    await staff.locator('tbody tr').filter({ hasText: other }).getByRole('link', { name: new RegExp(other) }).click();
    await staff.waitForURL(/\/p\/service-stations\/team\?/, wait);
    await staff.getByRole('link', { name: '配备人员' }).click();
    await pick(staff, '人员', '王丽');
    await staff.getByRole('radio', { name: '站长', exact: true }).check();
    await staff.getByLabel('身份或分工').fill('社区干部');
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/service-stations\/team\?/, wait);
    await visible(staff.locator('tbody tr').filter({ hasText: '王丽' }).getByText('站长'));

    // A second lead is refused: one lead, three deputies, N members.
    await staff.getByRole('link', { name: '配备人员' }).click();
    await pick(staff, '人员', '李秀兰');
    await staff.getByRole('radio', { name: '站长', exact: true }).check();
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await visible(staff.getByText(/已有1名站长/));
    await city.shot(staff, 'service-stations-lead-full');
    await staff.getByRole('radio', { name: '副站长', exact: true }).check();
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/service-stations\/team\?/, wait);

    // On duty every day of the week, so "today" holds whatever day the test runs.
    await staff.getByRole('link', { name: '排班' }).click();
    await pick(staff, '值班人员', '王丽');
    for (const day of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) await staff.getByRole('checkbox', { name: day, exact: true }).check();
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/service-stations\/team\?/, wait);
    await visible(staff.locator('tbody tr').filter({ hasText: '王丽' }).getByText('周一、周二、周三、周四、周五、周六、周日'));
    await city.shot(staff, 'service-stations-team');
    // The deputy leaves the team: 移出队伍 on their row, confirmed, and the table reloads without them.
    staff.once('dialog', (d) => void d.accept());
    await staff.locator('tbody tr').filter({ hasText: '李秀兰' }).getByRole('button', { name: '移出队伍' }).click();
    await expect.poll(() => staff.locator('tbody tr').filter({ hasText: '李秀兰' }).count(), wait).toBe(0);
    await openMenu(staff, '服务站');
    const row = staff.locator('tbody tr').filter({ hasText: other });
    await visible(row.getByText('1+0+0'));
    await visible(row.getByText('王丽'));
    expect(city.problems).toEqual([]);
  }, 120_000);

  it('shows the street its compliance rolled up its tree, drilled down and exported', async () => {
    const inspector = await city.as('street.guangling');
    await openMenu(inspector, '站点达标总览');
    await visible(inspector.locator('tbody tr').filter({ hasText: '广陵街道（合计）' }));
    await inspector.locator('tbody tr').filter({ hasText: '永福社区' }).getByRole('link').first().click();
    await inspector.waitForURL(/\/p\/service-stations\/compliance\?orgId=/, wait);
    const hepan = inspector.locator('tbody tr').filter({ hasText: '河畔家园' });
    await visible(hepan.getByText('100%'));
    await city.shot(inspector, 'service-stations-rollup');
    const [download] = await Promise.all([inspector.waitForEvent('download', wait), inspector.getByRole('link', { name: '导出 CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('社区,永福社区');
    expect(csv).toContain(`${station},河畔家园,达标`);
    expect(city.problems).toEqual([]);
  }, 120_000);
});
