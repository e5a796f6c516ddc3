/**
 * A practice the example city defines in its config, without TypeScript —
 * 加装电梯征询 (`tianchang.elevator`, offered in old compounds only) — walked
 * in a real browser at phone size, in Chinese, by the roles that own each
 * step: a resident of 曙光新村 (an old compound) applies through the generated
 * form, the community accepts it and consults the neighbours until a date,
 * then reports the result to the housing bureau, whose officer approves it.
 * A resident of 河畔家园 (commercial housing) is not offered it. The city's
 * administrator opens the implementers' page: the effective config, the
 * diagram, and a form preview that validates as one types.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

const summary = '5栋1单元申请加装电梯';
/** The consultation ends in two weeks, 18:00 in Tianchang, as the datetime-local input takes it. */
const consultUntil = (() => {
  const d = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T18:00`;
})();

if (!built) console.warn('city practice e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('a city-defined practice (加装电梯征询) in Chromium', () => {
  let city: City;
  // Only the generic plugin: the practice under test comes from the config itself.
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin]);
  }, 180_000);
  afterAll(async () => city?.close(), 60_000);

  async function takeStep(page: Page, step: string, fill: () => Promise<void>) {
    await page.getByRole('button', { name: new RegExp(`^${step}`) }).click();
    await fill();
    await page.getByRole('button', { name: `提交「${step}」` }).click();
    await visible(page.getByText(`已完成「${step}」`));
  }

  const badge = (page: Page) => expect.poll(async () => (await page.locator('.ticket-head .badge').textContent())?.trim(), wait);

  it('is offered in an old compound and walked from application to approval by its roles', async () => {
    // A resident of commercial housing is not offered it.
    const hepan = await city.as('resident.hepan');
    await hepan.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await visible(hepan.getByRole('radio', { name: /小区里的问题/ }));
    expect(await hepan.getByRole('radio', { name: /加装电梯征询/ }).count()).toBe(0);

    // 徐国华 of 曙光新村 (an old compound) applies.
    const resident = await city.as('resident.shuguang');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /加装电梯征询/ }).check();
    await expect.poll(() => resident.getByRole('combobox', { name: /小区/ }).inputValue(), wait).not.toBe('');
    await resident.getByLabel('申请事项').fill(summary);
    await resident.getByLabel(/^楼栋/).fill('5栋');
    await resident.getByLabel(/^单元/).fill('1单元');
    await resident.getByLabel('楼层数').fill('6');
    await resident.getByLabel('本单元户数').fill('12');
    await resident.getByLabel('已同意户数').fill('9');
    await resident.getByRole('radio', { name: '自筹加政府补贴', exact: true }).check();
    await resident.getByLabel('情况说明').fill('单元里老人多，上下楼困难，九户已签字同意。');
    await city.shot(resident, 'city-elevator-apply', resident.getByRole('radio', { name: '自筹加政府补贴', exact: true }));
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(resident.getByRole('heading', { level: 1, name: summary }));
    await badge(resident).toBe('待社区受理');

    // The community (钱芳) accepts it and consults the neighbours until a date.
    const staff = await city.as('staff.shuguang');
    await openFromQueue(staff, city.base, summary);
    await takeStep(staff, '受理并公示征询', async () => {
      await staff.getByLabel('公示内容').fill('5栋1单元加装电梯方案公示，有意见请于公示期内向社区反映。');
      await staff.getByLabel('公示截止').fill(consultUntil);
    });
    await badge(staff).toBe('公示征询中');

    // After the notice, the community reports the result to the housing bureau.
    await takeStep(staff, '报送住建审核', async () => {
      await staff.getByLabel('同意户数').fill('10');
      await staff.getByLabel('异议户数').fill('1');
      await staff.getByLabel('报送部门').selectOption({ label: '天长市住房和城乡建设局' });
      await staff.getByLabel('社区意见').fill('同意户数超过三分之二，建议批准。');
    });
    await badge(staff).toBe('住建审核中');
    await city.shot(staff, 'city-elevator-sent');

    // The housing bureau's officer (郑晓东) approves it.
    const bureau = await city.as('dept.zjj');
    await openFromQueue(bureau, city.base, summary);
    await takeStep(bureau, '审核通过', async () => {
      await bureau.getByLabel('审核意见').fill('符合加装条件，予以批复。');
      await bureau.getByLabel('批复文号').fill('天住建〔2026〕12号');
    });
    await badge(bureau).toBe('审核通过');
    await city.shot(bureau, 'city-elevator-approved');
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('shows implementers the effective city: diagram, a live-validated form preview and the config', async () => {
    const admin = await city.as('admin');
    await admin.goto(`${city.base}/workflows`);
    await admin.getByRole('link', { name: /实施配置/ }).click();
    await admin.waitForURL(/\/city-config$/, wait);
    await visible(admin.getByRole('heading', { level: 1, name: '实施配置' }));
    await admin.getByRole('combobox', { name: '流程', exact: true }).selectOption('tianchang.elevator');
    await visible(admin.locator('svg').filter({ hasText: '住建审核中' }));
    await admin.getByRole('combobox', { name: '表单', exact: true }).selectOption('tianchang.elevator.apply');
    // Live validation: a one-storey building is refused as it is typed, before any submit.
    await admin.getByLabel('楼层数').fill('1');
    await admin.getByLabel(/^楼栋/).fill('5栋');
    await visible(admin.locator('.schema-form').getByText(/2/).filter({ hasText: /不能小于|至少|>=|最小/ }));
    await city.shot(admin, 'city-setup-preview', admin.getByLabel('楼层数'));
    await admin.getByLabel('楼层数').fill('6');
    // The effective config lists the overridden red-property complaint and the city's own practice.
    await admin.getByText('生效配置（JSON）', { exact: true }).last().click();
    await visible(admin.locator('pre.json-view').filter({ hasText: '"tianchang.elevator"' }));
    await city.shot(admin, 'city-setup', admin.locator('pre.json-view'));
    expect(city.problems).toEqual([]);
  }, 180_000);
});
