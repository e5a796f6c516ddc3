/**
 * Property dispute mediation (物业纠纷调解) in a real browser at phone size, in
 * Chinese, by the roles that own each step, with no id typed: the community
 * secretary takes in two disputes at 河畔家园 through 上报 and forms each
 * one's "8+X" team (a lawyer leading, a community mediator) from 调解案件;
 * the lawyer records a session with its attendance and record, then a signed
 * agreement with its photo on one and a referral to the housing department on
 * the other; the department reports back from its queue; the secretary makes
 * the follow-up visit and reads the indicators per compound, with the export.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { disputeMediationPlugin } from '@linli/plugin-dispute-mediation';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, openMenu, startCity, visible, wait, type City } from './e2e/harness';
import { gradientPng } from './e2e/png';

const fees = '2栋业主与物业物业费纠纷';
const walls = '外墙渗水维修费用分摊纠纷';

if (!built) console.warn('dispute-mediation e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('dispute mediation in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, disputeMediationPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  /** 上报 → 物业纠纷调解, at 河畔家园: the parties by kind, name and phone, the amount in yuan. */
  async function takeIn(page: Page, title: string, amount: string) {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await page.getByRole('radio', { name: /物业纠纷调解/ }).check();
    const compound = page.getByRole('combobox', { name: /^小区/ }).first();
    await expect.poll(() => compound.locator('option').count(), wait).toBeGreaterThan(1);
    await compound.selectOption({ label: '河畔家园' });
    await page.getByRole('textbox', { name: '纠纷事项', exact: true }).fill(title);
    await page.getByLabel('纠纷类型').selectOption('物业费纠纷');
    await page.getByLabel(/争议金额/).fill(amount);
    await page.getByLabel('纠纷经过').fill('业主以电梯长期故障为由拒缴物业费，双方多次协商未果。');
    await page.getByLabel(/^申请人类别/).selectOption('物业服务企业');
    await page.getByLabel(/^申请人姓名/).fill('天长市安居物业服务有限公司');
    await page.getByLabel('被申请人类别').selectOption('业主');
    await page.getByLabel(/被申请人（姓名或单位）/).fill('张建军');
    await page.getByLabel('被申请人电话').fill('13955556666');
    const company = page.getByLabel('涉及物业服务企业');
    await expect.poll(() => company.locator('option').count(), wait).toBeGreaterThan(1);
    await company.selectOption({ label: '天长市安居物业服务有限公司' });
    await city.shot(page, 'dispute-mediation-intake');
    await page.getByRole('button', { name: '受理纠纷' }).click();
    await page.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(page.getByText('待组建团队').first());
  }

  /** 调解案件 → 组建调解团队 on the case's row: a lawyer leads, a community mediator joins. */
  async function formTeam(page: Page, title: string) {
    await openMenu(page, '调解案件');
    const row = page.locator('tbody tr').filter({ hasText: title });
    await row.getByRole('link', { name: '组建调解团队' }).click();
    await page.waitForURL(/\/p\/dispute-mediation\/team\?/, wait);
    const lead = page.getByLabel('主调解员');
    await expect.poll(() => lead.locator('option').count(), wait).toBeGreaterThan(2);
    await lead.selectOption({ label: '苏婉（律师）' });
    // The others are ticked by name, as many as the city's team size allows.
    await page.getByRole('checkbox', { name: '王丽（社区调解员）' }).check();
    await city.shot(page, 'dispute-mediation-team');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/dispute-mediation\/cases$/, wait);
    await visible(page.locator('tbody tr').filter({ hasText: title }).filter({ hasText: '调解中' }));
  }

  /** The lawyer opens the case from 调解案件 and records a session: who came, what was said. */
  async function recordSession(page: Page, title: string, record: string) {
    await openMenu(page, '调解案件');
    await page.locator('tbody tr').filter({ hasText: title }).getByRole('link').first().click();
    await page.waitForURL(/\/p\/dispute-mediation\/case\?/, wait);
    await page.getByRole('link', { name: '登记调解' }).click();
    await page.waitForURL(/\/p\/dispute-mediation\/session\?/, wait);
    await page.getByLabel('调解日期').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await page.getByRole('checkbox', { name: '申请人', exact: true }).check();
    await page.getByRole('checkbox', { name: '被申请人', exact: true }).check();
    await page.getByLabel('调解笔录').fill(record);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/dispute-mediation\/case\?/, wait);
    await visible(page.locator('tbody tr').filter({ hasText: '永福社区物业纠纷调解室' }));
  }

  /** The 河畔家园 row of 调解成效（按小区）, reached from the menu, by column title. */
  async function indicators(page: Page) {
    await openMenu(page, '调解成效（按小区）');
    const row = page.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^河畔家园$/ }) });
    await visible(row);
    const headers = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
    const cells = (await row.first().locator(':scope > th, :scope > td').allTextContents()).map((c) => c.trim());
    const n = (h: string) => Number(cells[headers.indexOf(h)]);
    return { cases: n('受理案件'), agreements: n('达成协议'), referrals: n('移交处理'), recurrences: n('重复纠纷'), rate: cells[headers.indexOf('调解成功率')] };
  }

  it('takes a dispute to a signed agreement and another through a referral the department answers, then follows up', async () => {
    const { base } = city;
    const secretary = await city.as('secretary.yongfu');
    const before = await indicators(secretary);
    await takeIn(secretary, fees, '4860');
    await formTeam(secretary, fees);
    await city.shot(secretary, 'dispute-mediation-cases');
    // The list names the parties by kind only.
    expect(await secretary.getByText('张建军').count()).toBe(0);

    // The lawyer leads: a session, then the signed agreement with its photo.
    const lawyer = await city.as('mediator.lawyer');
    await recordSession(lawyer, fees, '物业承认电梯维修不及时；业主同意补缴，要求减免部分费用。');
    await city.shot(lawyer, 'dispute-mediation-session');
    await lawyer.getByRole('link', { name: '达成协议' }).click();
    await lawyer.waitForURL(/\/p\/dispute-mediation\/agreement\?/, wait);
    await lawyer.getByLabel('协议内容').fill('业主补缴物业费3888元，物业减免20%并于一个月内完成电梯大修。');
    await lawyer.getByLabel(/协议金额/).fill('3888');
    await lawyer.getByLabel('签订日期').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await lawyer.locator('input[type="file"]').setInputFiles({ name: 'agreement.png', mimeType: 'image/png', buffer: gradientPng(120, 160) });
    await visible(lawyer.locator('.photos img'));
    await city.shot(lawyer, 'dispute-mediation-agreement');
    await lawyer.getByRole('button', { name: '保存' }).click();
    await lawyer.waitForURL(/\/p\/dispute-mediation\/cases$/, wait);
    await visible(lawyer.locator('tbody tr').filter({ hasText: fees }).filter({ hasText: '已达成协议' }));

    // A second dispute the mediation cannot settle: referred to the housing department.
    await takeIn(secretary, walls, '12600');
    await formTeam(secretary, walls);
    await recordSession(lawyer, walls, '分摊方案未达成一致，涉及专项维修资金使用审批。');
    await lawyer.getByRole('link', { name: '移交处理' }).click();
    await lawyer.waitForURL(/\/p\/dispute-mediation\/referral\?/, wait);
    await lawyer.getByRole('radio', { name: '职能部门', exact: true }).check();
    const target = lawyer.getByLabel('接收单位');
    await expect.poll(() => target.locator('option').count(), wait).toBeGreaterThan(2);
    await target.selectOption({ label: '天长市住房和城乡建设局' });
    await lawyer.getByLabel('移交理由').fill('涉及专项维修资金使用程序，调解不成，移交主管部门。');
    await city.shot(lawyer, 'dispute-mediation-referral');
    await lawyer.getByRole('button', { name: '保存' }).click();
    await lawyer.waitForURL(/\/p\/dispute-mediation\/cases$/, wait);
    await visible(lawyer.locator('tbody tr').filter({ hasText: walls }).filter({ hasText: '已移交' }));

    // The department finds it in its queue and reports back through the ticket's step.
    const officer = await city.as('dept.zjj');
    await openFromQueue(officer, base, walls);
    await officer.getByRole('button', { name: /^办理反馈/ }).click();
    await officer.getByLabel('办理结果').fill('已指导业委会按程序申请使用维修资金，费用按面积分摊。');
    await officer.getByRole('radio', { name: '已化解', exact: true }).check();
    await officer.getByRole('button', { name: /^提交「办理反馈/ }).click();
    await visible(officer.getByText(/已完成「办理反馈/));
    await city.shot(officer, 'dispute-mediation-reply');

    // The secretary makes the follow-up visits from the ticket pages.
    for (const title of [fees, walls]) {
      await openFromQueue(secretary, base, title);
      // The amount in dispute reads in yuan (stored as fen).
      await visible(secretary.getByText(title === fees ? '¥4860.00' : '¥12600.00'));
      await secretary.getByRole('button', { name: /^回访结案/ }).click();
      await secretary.getByRole('radio', { name: '已履行', exact: true }).check();
      await secretary.getByRole('radio', { name: '满意', exact: true }).check();
      await secretary.getByRole('button', { name: /^提交「回访结案/ }).click();
      await visible(secretary.getByText(/已完成「回访结案/));
      await visible(secretary.getByText('已结案').first());
    }

    // Indicators per compound, with the export: two more cases, one agreement, one referral, both recurrences (the demo history has fee disputes here).
    const after = await indicators(secretary);
    expect({ cases: after.cases - before.cases, agreements: after.agreements - before.agreements, referrals: after.referrals - before.referrals, recurrences: after.recurrences - before.recurrences }).toEqual({
      cases: 2,
      agreements: 1,
      referrals: 1,
      recurrences: 2,
    });
    expect(after.rate).toBe(`${Math.round((1000 * after.agreements) / (after.agreements + after.referrals)) / 10}%`);
    const csv = secretary.getByRole('link', { name: '导出 CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/plugins/dispute-mediation/indicators.csv?by=compound');
    await city.shot(secretary, 'dispute-mediation-indicators');
    expect(city.problems).toEqual([]);
  }, 400_000);
});
