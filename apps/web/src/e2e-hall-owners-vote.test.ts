/**
 * A weekend-hall topic only the owners can decide (加装电梯) goes to an owners'
 * vote, in a real browser at phone size, in Chinese, by the roles that own
 * each step, with no id typed: a resident raises it; the community accepts it
 * and refers it to the owners (交业主共同决定), picking the matter and the
 * building from lists; owners vote on their phones and the secretary records
 * paper ballots and closes the count, whose page names the topic it came
 * from; the vote-closed event's job records the outcome on the topic and
 * tells every convener of the compound and the resident; the branch
 * secretary, who did not refer it, records 业主表决通过 from 消息 and the
 * public board shows the topic beside the owners' published result. Needs apps/web/dist and /usr/bin/chromium.
 *
 * Hand count (河畔家园1栋: 12 units, 1211.16 m²): 101, 301 (89.56 each) and
 * 502 (112.30) online, 102, 202, 302 (112.30 each) and 201 (89.56) on paper,
 * all agreeing → 7/12 units — under two-thirds — so one more paper ballot,
 * 402 (112.30): 8/12 units, 3 × 89.56 + 5 × 112.30 = 830.18 m² ≥ 807.44:
 * participation met; 8/8 agree: 通过.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import { weekendDeliberationHallPlugin } from '@linli/plugin-weekend-deliberation-hall';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openMenu, startCity, visible, wait, type City } from './e2e/harness';
import { voteOnline } from './e2e/owners';
import { gradientPng } from './e2e/png';

const topic = '1栋加装电梯';

if (!built) console.warn('hall owners-vote e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)("a weekend-hall topic decided by an owners' vote in Chromium", () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, ownersSelfGovernancePlugin, weekendDeliberationHallPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function paperBallot(secretary: Page, room: string) {
    await secretary.goto(`${city.base}/p/owners-self-governance/votes`);
    await secretary.locator('tbody tr').filter({ hasText: topic }).getByRole('link', { name: '登记纸质票' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/paper\?id=[0-9]+$/, wait);
    const unit = secretary.getByRole('combobox', { name: '房屋' });
    await expect.poll(() => unit.locator('option').count(), wait).toBeGreaterThan(1);
    await unit.selectOption({ label: `河畔家园1栋${room}` });
    await secretary.getByRole('radio', { name: '同意', exact: true }).check();
    await secretary.locator('input[type="file"]').setInputFiles({ name: `ballot-${room}.png`, mimeType: 'image/png', buffer: gradientPng(160, 120) });
    await visible(secretary.locator('.photo-tile img[src^="/api/attachments/"]'));
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/result\?id=[0-9]+&status=open$/, wait);
  }

  it('refers a topic to an owners’ vote of one building, counts it, records the outcome and posts it', async () => {
    const { base } = city;
    // A resident raises the topic through 上报.
    const resident = await city.as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /周末议事厅/ }).check();
    await resident.getByRole('textbox', { name: '议题', exact: true }).fill(topic);
    await resident.getByLabel('类别').selectOption('加装电梯');
    await resident.getByRole('textbox', { name: '情况说明', exact: true }).fill('1栋六层没有电梯，老人上下楼困难，希望加装电梯。');
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);

    // The community accepts it, then refers it to the owners: matter and building picked from lists.
    const staff = await city.as('staff.yongfu');
    await openMenu(staff, '待审核议题');
    await staff.locator('tbody tr').filter({ hasText: topic }).getByRole('link').first().click();
    await staff.waitForURL(/\/tickets\/[0-9]+$/, wait);
    const ticketUrl = staff.url();
    await staff.getByRole('button', { name: /^受理/ }).click();
    await staff.getByLabel('合理性审核意见').fill('加装电梯须经本栋业主共同决定。');
    await staff.getByRole('button', { name: /^提交「受理/ }).click();
    await visible(staff.getByText(/已完成「受理/));
    await staff.getByRole('button', { name: /^交业主共同决定/ }).click();
    await staff.getByLabel(/表决事项/).selectOption('既有住宅加装电梯');
    const scope = staff.getByRole('combobox', { name: /表决范围/ });
    await expect.poll(() => scope.locator('option').count(), wait).toBeGreaterThan(1);
    await scope.selectOption({ label: '河畔家园1栋' });
    await city.shot(staff, 'hall-refer-owners', scope);
    await staff.getByRole('button', { name: '提交「交业主共同决定」' }).click();
    await visible(staff.getByText('已完成「交业主共同决定」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('业主表决中');
    await city.shot(staff, 'hall-owners-voting');

    // Owners vote on their phones; the secretary records paper ballots with their photos.
    await voteOnline(city, 'resident.hepan', topic, { shot: 'hall-owners-ballot' });
    await voteOnline(city, 'owners.hepan', topic);
    await voteOnline(city, 'building.hepan1', topic);
    const secretary = await city.as('secretary.yongfu');
    for (const room of ['1单元102', '1单元202', '1单元302', '1单元201', '1单元402']) await paperBallot(secretary, room);

    // The secretary closes and counts; the count's page names the topic it came from.
    await secretary.goto(`${base}/p/owners-self-governance/votes`);
    const row = secretary.locator('tbody tr').filter({ hasText: topic });
    await visible(row.getByText('8户专有部分，按人计 8人'));
    await row.getByRole('link', { name: '结束计票' }).click();
    await secretary.getByRole('checkbox', { name: /确认结束投票/ }).check();
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/result\?id=[0-9]+&status=closed$/, wait);
    const result = secretary.frameLocator('iframe').first();
    await visible(result.getByText('表决结果：通过'));
    const text = await result.locator('body').innerText();
    expect(text).toContain(`来源：周末议事厅“${topic}”`);
    expect(text).toContain('830.18 / 1211.16 ㎡');
    expect(text).toContain('8 / 12 人');
    await city.shot(secretary, 'hall-owners-count', secretary.locator('iframe'));

    // The vote-closed event's handler runs as a job (the e2e server runs jobs only when told).
    const linli = city.server.app.linli;
    await linli.jobs.runDueJobs(linli.now());

    // Every convener of the compound is told, not only the one who referred it: the compound's
    // branch secretary, who did not, finds the notice in 消息 and records the outcome from it.
    const convener = await city.as('branch.hepan');
    await openMenu(convener, '消息');
    await convener.waitForURL(/\/inbox$/, wait);
    const told = convener.getByRole('button', { name: new RegExp(`业主表决已计票：${topic}`) });
    await visible(told);
    // The notice says what kind it is in words, not by its id.
    await visible(told.getByText('议题的业主表决已计票', { exact: true }));
    await city.shot(convener, 'hall-owners-inbox', told);
    await told.click();
    await convener.waitForURL(/\/tickets\/[0-9]+$/, wait);
    expect(convener.url()).toBe(ticketUrl);
    await convener.getByRole('button', { name: /^业主表决通过/ }).click();
    await convener.getByLabel('实施单位').fill('物业公司');
    await convener.getByRole('button', { name: '提交「业主表决通过」' }).click();
    await visible(convener.getByText('已完成「业主表决通过」'));
    await expect.poll(async () => (await convener.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('落实中');
    await city.shot(convener, 'hall-owners-passed');

    // The convener who referred it was told as well.
    const referrer = await city.as('staff.yongfu');
    await referrer.goto(`${base}/inbox`);
    await visible(referrer.getByRole('button', { name: new RegExp(`业主表决已计票：${topic}`) }));

    // The resident who raised it hears the result in their own words, in 消息.
    const raiser = await city.as('resident.hepan');
    await raiser.goto(`${base}/inbox`);
    const heard = raiser.getByRole('button', { name: new RegExp(`业主表决结果：${topic}`) });
    await visible(heard);
    await visible(heard.getByText('我的议题业主表决结果', { exact: true }));
    expect(await raiser.getByRole('button', { name: /业主表决已计票/ }).count()).toBe(0);
    await city.shot(raiser, 'hall-owners-resident-inbox', heard);

    // The public board: the topic with the owners' published result.
    const visitor = await city.blank('visitor');
    await visitor.goto(`${base}/login`);
    await visitor.getByRole('link', { name: '公示栏（无需登录）' }).click();
    const heading = visitor.getByRole('heading', { level: 2, name: '周末议事厅 · 交业主共同决定' });
    await visible(heading);
    const card = visitor.locator('article, li, section').filter({ hasText: topic }).filter({ hasText: '参与表决' }).last();
    await visible(card.getByText(/参与表决 8\/12 人/));
    await visible(card.getByText(/同意 8\/8 人/));
    await city.shot(visitor, 'hall-owners-board', heading);
    expect(await card.innerText()).not.toMatch(/1单元|林小燕/);
    expect(city.problems).toEqual([]);
  }, 300_000);
});
