/**
 * Dispatch, reassign and recall in a real browser, at phone size in Chinese,
 * as the roles that own each step: a resident reports a hazard; the grid
 * worker sorts it; the community secretary dispatches it with 承办单位 left
 * blank, and the dispatch rules would send it to the fire brigade, where
 * nobody has an account — refused at the field, saying so; the secretary
 * picks urban management instead; the command centre reassigns it to
 * housing with a reason; the secretary recalls it with a reason. Every
 * reason shows in the history, and the handling unit follows. Needs
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
  }, 180_000);
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
  }, 240_000);
});
