/**
 * The weekend deliberation hall (周末议事厅) in a real browser at phone size,
 * in Chinese, by the roles that own each step, with no id or URL typed: a
 * resident raises a topic through 上报; the community screens it from
 * 待审核议题 and schedules a Sunday session from 安排议事活动; the topic goes
 * on that session's agenda from its ticket page (the session picked by
 * name); on Sunday the sign-in sheet, the vote and the record are taken from
 * the session's page, and the public notice names the session by its date.
 * Alongside: a topic declined at screening (read in the resident's portal),
 * one taken off the agenda (移出议程) and put back, then voted down from its
 * own page (表决未通过), and a grid worker's 监督落实 on the passed topic.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { weekendDeliberationHallPlugin } from '@linli/plugin-weekend-deliberation-hall';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

const topic = '景观桥木质桥面腐朽';
/** Declined at screening: not a common matter of the compound. */
const declined = '楼上邻居阳台漏水';
/** Taken off the agenda once, put back, and voted down. */
const failed = '中心广场改建停车位';
const DAY_MS = 86_400_000;
/** The Sunday at least eight days ahead in Tianchang (UTC+8), as `YYYY-MM-DD`: clear of the demo history's sessions. */
const sunday = (() => {
  const local = new Date(Date.now() + 8 * 3_600_000);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const ahead = (7 - new Date(today).getUTCDay()) % 7;
  return new Date(today + (ahead + 14) * DAY_MS).toISOString().slice(0, 10);
})();
const [y, m, d] = sunday.split('-').map(Number);
const sessionName = `河畔家园周末议事厅${y}年${m}月${d}日`;

if (!built) console.warn('weekend hall e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('weekend deliberation hall in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, weekendDeliberationHallPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function openMenu(page: Page, entry: string) {
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: new RegExp(`^${entry}`) }).click();
  }

  it('takes a topic from a resident through screening, a Sunday session, sign-in and vote to the public notice', async () => {
    const { base } = city;
    const resident = await city.as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /周末议事厅/ }).check();
    await resident.getByRole('textbox', { name: '议题', exact: true }).fill(topic);
    await resident.getByLabel('类别').selectOption({ index: 1 });
    await resident.getByRole('textbox', { name: '情况说明', exact: true }).fill('中心景观河上的木桥桥面腐朽，老人孩子走着不安全。');
    await resident.getByRole('textbox', { name: '建议方案', exact: true }).fill('更换为石材桥面');
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    const ticketUrl = resident.url();
    const raise = async (title: string, description: string) => {
      await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
      await resident.getByRole('radio', { name: /周末议事厅/ }).check();
      await resident.getByRole('textbox', { name: '议题', exact: true }).fill(title);
      await resident.getByLabel('类别').selectOption({ index: 1 });
      await resident.getByRole('textbox', { name: '情况说明', exact: true }).fill(description);
      await resident.getByRole('button', { name: /提交/ }).click();
      await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    };
    await raise(declined, '楼上阳台每次浇花都往我家窗台漏水，沟通无果。');
    await raise(failed, '中心广场白天空着，建议改成停车位缓解停车难。');

    // The community screens it from 待审核议题.
    const staff = await city.as('staff.yongfu');
    await openMenu(staff, '待审核议题');
    await staff.locator('tbody tr').filter({ hasText: topic }).getByRole('link').first().click();
    await staff.waitForURL(/\/tickets\/[0-9]+$/, wait);
    expect(staff.url()).toBe(ticketUrl);
    await staff.getByRole('button', { name: /^受理/ }).click();
    await staff.getByLabel('合理性审核意见').fill('桥面腐朽存在安全隐患，属小区公共事务。');
    await staff.getByRole('button', { name: /^提交「受理/ }).click();
    await visible(staff.getByText(/已完成「受理/));

    // Not a common matter: declined with its grounds and a reason the resident reads.
    await openMenu(staff, '待审核议题');
    await staff.locator('tbody tr').filter({ hasText: declined }).getByRole('link').first().click();
    await staff.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await staff.getByRole('button', { name: /^不予受理/ }).click();
    await staff.getByRole('radio', { name: '不属于小区公共事务' }).check();
    await staff.getByLabel('向居民说明的理由').fill('阳台漏水属相邻住户之间的事，请联系网格员上门调解。');
    await staff.getByRole('button', { name: '提交「不予受理」' }).click();
    await visible(staff.getByText('已完成「不予受理」'));
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(declined) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByText(/阳台漏水属相邻住户之间的事/));
    await city.shot(resident, 'hall-declined-resident');

    await openMenu(staff, '待审核议题');
    await staff.locator('tbody tr').filter({ hasText: failed }).getByRole('link').first().click();
    await staff.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await staff.getByRole('button', { name: /^受理/ }).click();
    await staff.getByLabel('合理性审核意见').fill('停车难是小区普遍问题，提交议事厅协商。');
    await staff.getByRole('button', { name: /^提交「受理/ }).click();
    await visible(staff.getByText(/已完成「受理/));

    // It schedules Sunday's session at the hall's usual place.
    await openMenu(staff, '安排议事活动');
    await expect.poll(() => staff.getByLabel('小区').locator('option').count(), wait).toBeGreaterThan(1);
    await staff.getByLabel('小区').selectOption({ label: '河畔家园' });
    await staff.getByLabel(/议事日期/).fill(sunday);
    await staff.getByLabel('本期主题').fill('景观桥改造');
    await staff.getByRole('button', { name: '保存' }).click();
    await staff.waitForURL(/\/p\/weekend-deliberation-hall\/sessions$/, wait);
    await visible(staff.locator('tbody tr').filter({ hasText: sessionName }));

    // On the topic's page, 排入议程 offers the compound's open sessions by name (today's from the demo history, and Sunday's).
    await openFromQueue(staff, base, topic);
    await staff.getByRole('button', { name: /^排入议程/ }).click();
    const picker = staff.getByRole('combobox', { name: '议事活动' });
    await picker.selectOption({ label: `${sessionName}（河畔家园党群服务站）` });
    await city.shot(staff, 'hall-schedule-topic', picker);
    await staff.getByRole('button', { name: '提交「排入议程」' }).click();
    await visible(staff.getByText('已完成「排入议程」'));

    // The second topic goes on the same session, is taken off with a reason (移出议程), and put back.
    await openFromQueue(staff, base, failed);
    const schedule = async () => {
      await staff.getByRole('button', { name: /^排入议程/ }).click();
      await staff.getByRole('combobox', { name: '议事活动' }).selectOption({ label: `${sessionName}（河畔家园党群服务站）` });
      await staff.getByRole('button', { name: '提交「排入议程」' }).click();
      await visible(staff.getByText('已完成「排入议程」'));
    };
    await schedule();
    await staff.getByRole('button', { name: /^移出议程/ }).click();
    await staff.getByLabel('办理意见').fill('需先征求消防部门对广场改建的意见，暂缓上会。');
    await staff.getByRole('button', { name: '提交「移出议程」' }).click();
    await visible(staff.getByText('已完成「移出议程」'));
    await visible(staff.getByRole('region', { name: /办理过程/ }).getByText('需先征求消防部门对广场改建的意见，暂缓上会。'));
    await city.shot(staff, 'hall-unscheduled');
    await schedule();

    // Sunday 10:00: the session's page, from 议事活动.
    city.setClock(`${sunday}T10:00:00+08:00`);
    const host = await city.as('staff.yongfu');
    await openMenu(host, '议事活动');
    await host.locator('tbody tr').filter({ hasText: sessionName }).getByRole('link').first().click();
    await host.waitForURL(/\/p\/weekend-deliberation-hall\/session-agenda\?id=[0-9]+$/, wait);
    await visible(host.locator('tbody tr').filter({ hasText: topic }));

    // 登记签到: each group's count under its heading.
    await host.getByRole('link', { name: /登记签到/ }).click();
    for (const [group, n, names] of [['党员', '3', '张伟、刘强、陈芳'], ['社居委', '1', '王丽'], ['业主代表', '6', '黄淑芬等6人'], ['物业公司', '1', '马俊']] as const) {
      const box = host.locator('.form-group').filter({ has: host.getByRole('heading', { name: group, exact: true }) });
      await box.getByLabel('到会人数').fill(n);
      await box.getByLabel('到会人员').fill(names);
    }
    await host.getByRole('button', { name: '保存' }).click();
    await host.waitForURL(/\/p\/weekend-deliberation-hall\/session-agenda\?id=[0-9]+$/, wait);

    // 协商表决: the only topic waiting is chosen already.
    await host.getByRole('link', { name: /协商表决/ }).click();
    await host.getByRole('combobox', { name: '议题' }).selectOption({ label: topic });
    await host.getByLabel('协商情况').fill('物业提出维修木板，业主代表认为易再腐朽；党员建议更换石材。');
    await host.getByLabel('议定方案').fill('更换为石材桥面，费用从公共收益列支，物业组织施工。');
    await host.getByLabel('赞成').fill('9');
    await host.getByLabel('反对').fill('1');
    await host.getByLabel('弃权').fill('1');
    await host.getByRole('button', { name: '保存' }).click();
    await host.waitForURL(/\/p\/weekend-deliberation-hall\/session-agenda\?id=[0-9]+$/, wait);
    await visible(host.locator('tbody tr').filter({ hasText: topic }).filter({ hasText: '9' }));
    await city.shot(host, 'hall-voted');

    // The second topic is voted down from its own page (表决未通过): the session under way is chosen already.
    await openFromQueue(host, base, failed);
    await host.getByRole('button', { name: /^表决未通过/ }).click();
    await expect.poll(async () => (await host.getByRole('combobox', { name: '议事活动' }).locator('option:checked').textContent()) ?? '', wait).toContain(sessionName);
    await host.getByLabel('协商情况').fill('多数业主认为广场是老人孩子活动场所，不宜改建。');
    await host.getByLabel('议定方案').fill('保留中心广场，另行研究错峰停车。');
    await host.getByLabel('赞成').fill('2');
    await host.getByLabel('反对').fill('8');
    await host.getByLabel('弃权').fill('1');
    await host.getByRole('button', { name: '提交「表决未通过」' }).click();
    await visible(host.getByText('已完成「表决未通过」'));
    await expect.poll(async () => (await host.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('未通过');
    await city.shot(host, 'hall-not-adopted');
    await openMenu(host, '议事活动');
    await host.locator('tbody tr').filter({ hasText: sessionName }).getByRole('link').first().click();
    await host.waitForURL(/\/p\/weekend-deliberation-hall\/session-agenda\?id=[0-9]+$/, wait);

    // 协商记录, then the public notice, which names the session by its date.
    await host.getByRole('link', { name: /协商记录/ }).click();
    await host.getByLabel('协商记录').fill('本期议事围绕景观桥改造展开，与会各方充分协商后表决通过。');
    await host.getByRole('button', { name: '保存' }).click();
    await host.waitForURL(/\/p\/weekend-deliberation-hall\/notice\?id=[0-9]+$/, wait);
    const notice = host.frameLocator('iframe').first();
    await visible(notice.getByText(`${sessionName}议事结果`));
    await visible(notice.getByText(topic));
    await city.shot(host, 'hall-notice');
    // The works under way: a grid worker records a supervision visit (监督落实) on the passed topic.
    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, base, topic);
    await grid.getByRole('button', { name: /^监督落实/ }).click();
    await grid.getByRole('radio', { name: '施工进度' }).check();
    await grid.getByLabel('情况记录').fill('石材已进场，旧桥面拆除过半，施工区已设围挡。');
    await grid.getByRole('button', { name: '提交「监督落实」' }).click();
    await visible(grid.getByText('已完成「监督落实」'));
    await visible(grid.getByRole('region', { name: /办理过程/ }).getByText('石材已进场，旧桥面拆除过半，施工区已设围挡。'));
    await city.shot(grid, 'hall-supervised');
    expect(city.problems).toEqual([]);
  }, 300_000);
});
