/**
 * Dispatch, reassign and recall in a real browser, at phone size in Chinese,
 * as the roles that own each step: a resident reports a hazard; the grid
 * worker sorts it; the community secretary dispatches it with 承办单位 left
 * blank, and the dispatch rules would send it to the fire brigade, where
 * nobody has an account — refused at the field, saying so; the secretary
 * picks urban management instead; the command centre reassigns it to
 * housing with a reason; the secretary recalls it with a reason. Every
 * reason shows in the history, and the handling unit follows. Then it is
 * dispatched again: urban management returns it (退回, not its duty) with a
 * reason, the secretary sends it to housing, housing answers (办结回复) and
 * the resident rates the result in her portal. A second request is turned
 * away (不予受理) with a reason she reads in her portal. A third is solved in
 * the grid, found not done on the return call (核实未办好，重新办理), solved
 * again and closed by the grid for a resident who does not rate (代为销号),
 * the reason shown to her. Needs
 * apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

const title = '北门人行道塌陷出现大坑';

if (!built) console.warn('dispatch e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('dispatch, reassign and recall in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin]);
  });
  afterAll(async () => city?.close(), 60_000);

  const badge = (page: import('playwright-core').Page) => page.locator('.ticket-head .badge');

  it('refuses a dispatch to a unit nobody can act for, then reassigns and recalls with reasons', async () => {
    const { base } = city;
    const resident = await city.as('resident.hepan');
    await fileGridRequest(resident, { title, category: '安全隐患', description: '北门外人行道塌了一个大坑，晚上有老人差点摔倒。', location: '河畔家园北门' });

    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, base, title);
    await grid.getByRole('button', { name: /^梳理/ }).click();
    await grid.getByLabel('确认类别').selectOption('安全隐患');
    await grid.getByRole('radio', { name: '急' }).check();
    await grid.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(grid.getByText('已完成「梳理」'));

    // Left blank, the rules pick the fire brigade (安全隐患), which has no accounts: refused, at the field.
    const secretary = await city.as('secretary.yongfu');
    await openFromQueue(secretary, base, title);
    await secretary.getByRole('button', { name: /^派单/ }).click();
    await secretary.getByLabel('办理要求').fill('请尽快设置围挡并修复。');
    await secretary.getByRole('button', { name: '提交「派单」' }).click();
    const unit = secretary.locator('.field').filter({ has: secretary.getByLabel(/承办单位/) });
    await visible(unit.getByText(/天长市消防救援大队没有能办理下一步的人员/));
    await city.shot(secretary, 'dispatch-refused', unit);
    expect(await badge(secretary).textContent()).toBe('已梳理');
    await expect.poll(() => secretary.getByLabel('办理要求').inputValue(), wait).toBe('请尽快设置围挡并修复。');
    await secretary.getByLabel(/承办单位/).selectOption({ label: '天长市城市管理局' });
    await secretary.getByRole('button', { name: '提交「派单」' }).click();
    await visible(secretary.getByText('已完成「派单」'));
    await expect.poll(() => badge(secretary).textContent(), wait).toBe('已派单');
    await visible(secretary.locator('.facts').getByText('天长市城市管理局'));

    // The command centre reassigns it: the reason is required and recorded.
    const command = await city.as('command');
    await openFromQueue(command, base, title);
    await command.getByRole('button', { name: /^改派/ }).click();
    await command.getByLabel(/承办单位/).selectOption({ label: '天长市住房和城乡建设局' });
    await command.getByRole('button', { name: '提交「改派」' }).click();
    await visible(command.getByText('这一步需要填写办理意见'));
    await command.getByLabel('办理意见').fill('人行道塌陷属市政道路维修，改派住建局。');
    await command.getByRole('button', { name: '提交「改派」' }).click();
    await visible(command.getByText('已完成「改派」'));
    await visible(command.locator('.facts').getByText('天长市住房和城乡建设局'));
    const history = command.getByRole('region', { name: /办理过程/ });
    await visible(history.getByText('人行道塌陷属市政道路维修，改派住建局。'));
    await city.shot(command, 'reassigned', history.getByText('改派', { exact: true }));

    // The secretary takes it back to the community desk, with a reason.
    await secretary.reload();
    await secretary.getByRole('button', { name: /^收回/ }).click();
    await secretary.getByLabel('办理意见').fill('社区先协调网格设置围挡，再统一派单。');
    await secretary.getByRole('button', { name: '提交「收回」' }).click();
    await visible(secretary.getByText('已完成「收回」'));
    await expect.poll(() => badge(secretary).textContent(), wait).toBe('已梳理');
    await visible(secretary.getByRole('region', { name: /办理过程/ }).getByText('社区先协调网格设置围挡，再统一派单。'));
    expect(await secretary.locator('.facts').getByText('天长市住房和城乡建设局').count()).toBe(0);
    await visible(secretary.getByRole('button', { name: /^派单/ }));
    await city.shot(secretary, 'recalled');

    // Housing no longer has it to handle.
    const housing = await city.as('dept.zjj');
    await housing.goto(`${base}/queue`);
    await visible(housing.getByRole('heading', { name: '我的待办' }));
    await housing.waitForLoadState('networkidle', wait).catch(() => undefined);
    expect(await housing.getByRole('link', { name: new RegExp(title) }).count()).toBe(0);
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('a unit returns what is not its duty; the right one handles it and the resident rates the result', async () => {
    const { base } = city;
    // Dispatched again, to urban management.
    const secretary = await city.as('secretary.yongfu');
    await openFromQueue(secretary, base, title);
    await secretary.getByRole('button', { name: /^派单/ }).click();
    await secretary.getByLabel(/承办单位/).selectOption({ label: '天长市城市管理局' });
    await secretary.getByLabel('办理要求').fill('请设置围挡并修复人行道。');
    await secretary.getByRole('button', { name: '提交「派单」' }).click();
    await visible(secretary.getByText('已完成「派单」'));

    // 城管 returns it from its queue: not its duty, with the reason; it leaves the unit's reach, and the page says so.
    const cgj = await city.as('dept.cgj');
    await openFromQueue(cgj, base, title);
    await cgj.getByRole('button', { name: /^退回（非本单位职责）/ }).click();
    await cgj.getByRole('button', { name: '提交「退回（非本单位职责）」' }).click();
    await visible(cgj.getByText('这一步需要填写办理意见'));
    await cgj.getByLabel('办理意见').fill('人行道塌陷属市政道路维修，不属城管职责，请派住建局。');
    await cgj.getByRole('button', { name: '提交「退回（非本单位职责）」' }).click();
    await visible(cgj.getByText('已完成「退回（非本单位职责）」'));
    await city.shot(cgj, 'returned');
    await cgj.getByRole('main').getByRole('link', { name: '待办' }).click();
    await cgj.waitForURL(/\/queue$/, wait);

    // Back at the desk that dispatched it, with the reason in the history; dispatched to housing.
    await openFromQueue(secretary, base, title);
    await expect.poll(() => badge(secretary).textContent(), wait).toBe('已梳理');
    await visible(secretary.getByRole('region', { name: /办理过程/ }).getByText('人行道塌陷属市政道路维修，不属城管职责，请派住建局。'));
    await secretary.getByRole('button', { name: /^派单/ }).click();
    await secretary.getByLabel(/承办单位/).selectOption({ label: '天长市住房和城乡建设局' });
    await secretary.getByLabel('办理要求').fill('请尽快修复人行道。');
    await secretary.getByRole('button', { name: '提交「派单」' }).click();
    await visible(secretary.getByText('已完成「派单」'));

    // Housing handles it and answers the resident.
    const housing = await city.as('dept.zjj');
    await openFromQueue(housing, base, title);
    await housing.getByRole('button', { name: /^办结回复/ }).click();
    await housing.getByLabel('办理情况').fill('已回填塌陷处并重铺人行道砖。');
    await housing.getByRole('button', { name: '提交「办结回复」' }).click();
    await visible(housing.getByText('已完成「办结回复」'));

    // The resident reads the answer in her portal and rates it: the ticket closes with her rating.
    const resident = await city.as('resident.hepan');
    await resident.getByRole('link', { name: new RegExp(title) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByText('已回填塌陷处并重铺人行道砖。'));
    expect(await resident.getByText('不属城管职责').count()).toBe(0);
    await resident.getByRole('radio', { name: '4', exact: true }).check();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await visible(resident.getByText('感谢您的评价'));
    await visible(resident.getByText('您的评价：4 分'));
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('turns a request away with a reason the resident reads in her portal', async () => {
    const other = '楼上邻居装修噪音扰民';
    const resident = await city.as('resident.hepan');
    await fileGridRequest(resident, { title: other, category: '邻里纠纷', description: '楼上每天早上七点就开始电钻，周末也不停。' });
    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, city.base, other);
    await grid.getByRole('button', { name: /^不予受理/ }).click();
    await grid.getByLabel('办理意见').fill('装修时间符合小区规定（8:00前施工请向物业投诉），不属网格受理范围。');
    await grid.getByRole('button', { name: '提交「不予受理」' }).click();
    await visible(grid.getByText('已完成「不予受理」'));

    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(other) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await expect.poll(async () => (await badge(resident).textContent())?.trim(), wait).toBe('不予受理');
    await visible(resident.getByText('装修时间符合小区规定（8:00前施工请向物业投诉），不属网格受理范围。'));
    await city.shot(resident, 'rejected-resident');
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('the grid finds a result not done and reworks it, then closes it for a resident who does not rate', async () => {
    const other = '3栋楼道声控灯损坏';
    const resident = await city.as('resident.hepan');
    await fileGridRequest(resident, { title: other, category: '公共设施', description: '3栋二到五楼的声控灯都不亮，晚上上楼要摸黑。' });
    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, city.base, other);
    await grid.getByRole('button', { name: /^梳理/ }).click();
    await grid.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(grid.getByText('已完成「梳理」'));
    await grid.getByRole('button', { name: /^网格内解决/ }).click();
    await grid.getByLabel('办理情况').fill('已请物业电工更换声控开关。');
    await grid.getByRole('button', { name: '提交「网格内解决」' }).click();
    await visible(grid.getByText('已完成「网格内解决」'));

    // 回访核实: the grid worker checks and finds the fourth floor still dark — back to sorting, the reason required and recorded.
    await openFromQueue(grid, city.base, other);
    await grid.getByRole('button', { name: /^核实未办好，重新办理/ }).click();
    await grid.getByRole('button', { name: '提交「核实未办好，重新办理」' }).click();
    await visible(grid.getByText('这一步需要填写办理意见'));
    await grid.getByLabel('办理意见').fill('回访发现四楼声控灯仍不亮，需重新处理。');
    await grid.getByRole('button', { name: '提交「核实未办好，重新办理」' }).click();
    await visible(grid.getByText('已完成「核实未办好，重新办理」'));
    await expect.poll(async () => (await badge(grid).textContent())?.trim(), wait).toBe('已梳理');
    await visible(grid.getByRole('region', { name: /办理过程/ }).getByText('回访发现四楼声控灯仍不亮，需重新处理。'));
    await city.shot(grid, 'grid-rework', grid.getByRole('region', { name: /办理过程/ }));

    // Solved again; the resident does not rate, so the grid closes it on her behalf with a reason she can read.
    await grid.getByRole('button', { name: /^网格内解决/ }).click();
    await grid.getByLabel('办理情况').fill('四楼声控灯已更换，逐层试过全部正常。');
    await grid.getByRole('button', { name: '提交「网格内解决」' }).click();
    await visible(grid.getByText('已完成「网格内解决」'));
    await openFromQueue(grid, city.base, other);
    await grid.getByRole('button', { name: /^代为销号（群众未评价）/ }).click();
    await grid.getByLabel('办理意见').fill('电话回访三次未接通，现场核实已修好，代为销号。');
    await grid.getByRole('button', { name: '提交「代为销号（群众未评价）」' }).click();
    await visible(grid.getByText('已完成「代为销号（群众未评价）」'));
    await expect.poll(async () => (await badge(grid).textContent())?.trim(), wait).toBe('已办结');

    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(other) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByText('电话回访三次未接通，现场核实已修好，代为销号。'));
    await visible(resident.getByText('四楼声控灯已更换，逐层试过全部正常。'));
    await city.shot(resident, 'closed-unrated-resident');
    expect(city.problems).toEqual([]);
  }, 300_000);
});
