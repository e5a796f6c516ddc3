/**
 * 吹哨报到 in a real browser, at phone size in Chinese, as the roles that own
 * each step: a resident files a grid request; the compound's branch secretary
 * (grid leader) blows the whistle from the ticket page; the urban-management
 * officer sees the bell's unread count, opens the notice from the inbox and
 * reports (报到) from the ticket; the "to report" list then shows it reported;
 * the secretary's inbox says the department reported; the resident is offered
 * no whistle. Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

const title = '菜场门口占道经营堵塞消防通道';

if (!built) console.warn('whistle e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('whistle and report in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin]);
  });
  afterAll(async () => city?.close(), 60_000);

  it('a grid leader blows the whistle, the department reports from its inbox, the whistle-blower is told', async () => {
    const { base } = city;
    const resident = await city.as('resident.hepan');
    const ticketUrl = await fileGridRequest(resident, { title, category: '安全隐患', description: '小区北门外菜场摊贩占道，消防车道被堵，劝了多次不听。', location: '河畔家园北门' });
    // A resident may not call departments.
    await visible(resident.getByRole('region', { name: /办理过程/ }));
    expect(await resident.getByRole('button', { name: /吹哨/ }).count()).toBe(0);

    // The branch secretary (also the grid leader) finds it in the queue and blows the whistle.
    const branch = await city.as('branch.hepan');
    await openFromQueue(branch, base, title);
    await branch.getByRole('button', { name: /吹哨（呼叫部门报到）/ }).click();
    await branch.getByRole('button', { name: '吹哨', exact: true }).click();
    await visible(branch.getByText('请填写吹哨事由'));
    await branch.getByLabel('吹哨事由').fill('占道经营屡劝不改，需城管、市场监管联合执法。');
    await branch.getByRole('button', { name: '吹哨', exact: true }).click();
    await visible(branch.getByText('已吹哨，相关单位已收到通知'));
    const panel = branch.getByRole('region', { name: '吹哨报到' });
    await visible(panel.getByText('天长市城市管理局'));
    await expect.poll(() => panel.locator('.escalation-item').count(), wait).toBeGreaterThanOrEqual(3);
    await visible(panel.getByText('待报到'));
    await visible(branch.getByRole('region', { name: /办理过程/ }).getByText('吹哨', { exact: true }));
    await city.shot(branch, 'whistle-blown', panel);

    // The urban-management officer: the bell counts the notice; the inbox leads to the ticket.
    const dept = await city.as('dept.cgj');
    // Besides the whistle, the officer is told of the ticket's other steps that reach their unit (assignment): at least one.
    await expect.poll(async () => Number(await dept.locator('.bell-count').textContent()), wait).toBeGreaterThanOrEqual(1);
    const unread = Number(await dept.locator('.bell-count').textContent());
    await dept.getByRole('link', { name: new RegExp(`消息（${unread} 条未读）`) }).click();
    await dept.waitForURL(/\/inbox$/, wait);
    await visible(dept.getByText(`${unread} 条未读`));
    await city.shot(dept, 'inbox-unread');
    await dept.getByRole('button', { name: new RegExp(`吹哨报到：${title}`) }).click();
    await dept.waitForURL(/\/tickets\/[0-9]+$/, wait);
    expect(dept.url()).toBe(ticketUrl);
    // Opening it reads it: the bell counts one fewer (none, when it was the only one).
    await expect.poll(async () => ((await dept.locator('.bell-count').count()) ? Number(await dept.locator('.bell-count').textContent()) : 0), wait).toBe(unread - 1);

    // It reports for its own unit only: no button for the other departments, none to whistle.
    const deptPanel = dept.getByRole('region', { name: '吹哨报到' });
    expect(await deptPanel.getByRole('button', { name: /市场监督管理局报到/ }).count()).toBe(0);
    expect(await deptPanel.getByRole('button', { name: /吹哨/ }).count()).toBe(0);
    await deptPanel.getByRole('button', { name: '天长市城市管理局报到' }).click();
    await dept.getByLabel('报到说明').fill('执法中队两人今天下午到场。');
    await dept.getByRole('button', { name: '确认报到' }).click();
    await visible(dept.getByText('天长市城市管理局已报到'));
    await visible(deptPanel.locator('.escalation-item').filter({ hasText: '天长市城市管理局' }).getByText('已报到', { exact: true }));
    await visible(deptPanel.getByText('执法中队两人今天下午到场。'));
    await city.shot(dept, 'reported', deptPanel);

    // Its "to report" list (from the 更多 menu) is now empty; "全部" shows the reported one.
    await dept.getByRole('link', { name: '更多' }).click();
    await dept.getByRole('link', { name: /待报到/ }).click();
    await dept.waitForURL(/\/reports$/, wait);
    await visible(dept.getByText('没有待报到的工单'));
    await dept.getByRole('button', { name: '全部', exact: true }).click();
    await visible(dept.getByRole('link', { name: new RegExp(title) }).getByText('已报到'));
    await city.shot(dept, 'reports-all');

    // The secretary's inbox says the department reported.
    await branch.goto(`${base}/queue`);
    await branch.getByRole('link', { name: /消息（[0-9]+ 条未读）/ }).click();
    await visible(branch.getByRole('button', { name: new RegExp(`天长市城市管理局已报到：${title}`) }));
    await city.shot(branch, 'inbox-reported');
    expect(city.problems).toEqual([]);
  });
});
