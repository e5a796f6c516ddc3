/**
 * Volunteer points (志愿积分) in a real browser at phone size, in Chinese, by
 * the roles that own each step, with no id typed: a resident posts a wish
 * through 上报; a registered volunteer claims it from 心愿墙, records it came
 * true (the required photo list starts empty — no broken tile — and a
 * missing photo is one error at the field), the community verifies it on the
 * ticket page, and the volunteer finds the points in 我的积分. On the way the
 * volunteer gives up a first claim (放弃认领) and the community sends the
 * first record back (退回认领人); another wish is withdrawn by the resident
 * from her portal (撤销心愿).
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { volunteerPointsPlugin } from '@linli/plugin-volunteer-points';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';
import { gradientPng } from './e2e/png';

const wish = '想要一套初中数学辅导书';

if (!built) console.warn('volunteer points e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('volunteer points in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, volunteerPointsPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  it('takes a wish from a resident through a volunteer’s claim and photos to verified points', async () => {
    const { base } = city;
    // A resident posts the wish through the intake page.
    const resident = await city.as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /微心愿/ }).check();
    await resident.getByRole('textbox', { name: '心愿', exact: true }).fill(wish);
    await resident.getByLabel('类别').selectOption('学习用品');
    await resident.getByRole('textbox', { name: '具体情况', exact: true }).fill('孩子上初二，家里困难，想要一套数学辅导书。');
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    const ticketUrl = resident.url();
    await visible(resident.getByText('待认领'));

    // A registered volunteer claims it from the wish board: 更多 → 心愿墙 → the row.
    const volunteer = await city.as('volunteer.yongfu');
    const claim = async (message: string) => {
      await volunteer.getByRole('link', { name: '更多' }).click();
      await volunteer.getByRole('link', { name: /心愿墙/ }).click();
      await volunteer.locator('tbody tr').filter({ hasText: wish }).getByRole('link').first().click();
      await volunteer.waitForURL(/\/p\/volunteer-points\/claim\?id=[0-9]+$/, wait);
      await volunteer.getByLabel('认领留言').fill(message);
      await volunteer.getByRole('button', { name: '保存' }).click();
      await volunteer.waitForURL(/\/p\/volunteer-points\/my-wishes$/, wait);
      await volunteer.locator('tbody tr').filter({ hasText: wish }).getByRole('link').first().click();
      await volunteer.waitForURL(/\/tickets\/[0-9]+$/, wait);
      expect(volunteer.url()).toBe(ticketUrl);
    };
    await claim('我家有一套，可惜是旧版教材。');

    // The book turns out to be the old edition: the volunteer gives the claim up (放弃认领) with a reason; the wish is back on the board.
    await volunteer.getByRole('button', { name: /^放弃认领/ }).click();
    await volunteer.getByLabel('办理意见').fill('家里那套是旧版教材，不适用，放弃认领。');
    await volunteer.getByRole('button', { name: '提交「放弃认领」' }).click();
    // No longer hers to open: the page says the step is done and leads back, instead of reloading into a 404.
    await visible(volunteer.getByText('已完成「放弃认领」'));
    await visible(volunteer.getByText('不再在您的待办中'));
    await city.shot(volunteer, 'wish-released');
    await claim('买了一套新版的，明天送过去。');

    // 登记实现: photos are required, yet the list starts empty, not with a broken tile.
    await volunteer.getByRole('button', { name: /^登记实现/ }).click();
    const photos = volunteer.locator('.field').filter({ has: volunteer.locator('.photos') });
    await visible(photos.getByText('拍照 / 选图'));
    expect(await photos.locator('.photo-tile img').count()).toBe(0);
    await volunteer.getByLabel('实现情况').fill('辅导书一套已送到孩子家中，孩子很高兴。');
    await volunteer.getByRole('button', { name: '提交「登记实现」' }).click();
    // One current error at the field, not one per failed rule.
    await visible(photos.locator('.field-errors li'));
    expect(await photos.locator('.field-errors li').count()).toBe(1);
    await city.shot(volunteer, 'wish-photo-required', photos);
    await volunteer.locator('input[type="file"]').setInputFiles({ name: 'books.png', mimeType: 'image/png', buffer: gradientPng(160, 120) });
    // Uploaded (its tile shows the stored photo, not the local preview), and the old error gone.
    await visible(photos.locator('.photo-tile img[src^="/api/attachments/"]'));
    await volunteer.getByRole('button', { name: '提交「登记实现」' }).click();
    await visible(volunteer.getByText('已完成「登记实现」'));

    // The community sends it back once (退回认领人): the photo shows no handover.
    const staff = await city.as('staff.yongfu');
    await openFromQueue(staff, base, wish);
    await staff.getByRole('button', { name: /^退回认领人/ }).click();
    await staff.getByLabel('办理意见').fill('请补一张交到孩子手中的照片。');
    await staff.getByRole('button', { name: '提交「退回认领人」' }).click();
    await visible(staff.getByText('已完成「退回认领人」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已认领');

    // The volunteer reads why and records it again.
    await volunteer.reload();
    await visible(volunteer.getByText('请补一张交到孩子手中的照片。'));
    await volunteer.getByRole('button', { name: /^登记实现/ }).click();
    await volunteer.getByLabel('实现情况').fill('辅导书已交到孩子手中，附交接照片。');
    await volunteer.locator('input[type="file"]').setInputFiles({ name: 'handover.png', mimeType: 'image/png', buffer: gradientPng(160, 120) });
    await visible(volunteer.locator('.field').filter({ has: volunteer.locator('.photos') }).locator('.photo-tile img[src^="/api/attachments/"]'));
    await volunteer.getByRole('button', { name: '提交「登记实现」' }).click();
    await visible(volunteer.getByText('已完成「登记实现」'));

    // The community verifies it from its queue.
    await openFromQueue(staff, base, wish);
    await staff.getByRole('button', { name: /^核验通过/ }).click();
    await staff.getByRole('radio', { name: '满意', exact: true }).check();
    await staff.getByRole('button', { name: '提交「核验通过」' }).click();
    await visible(staff.getByText('已完成「核验通过」'));
    await visible(staff.getByText('已实现'));
    await city.shot(staff, 'wish-verified');

    // The volunteer's points: 更多 → 我的积分 shows the wish's points today.
    await volunteer.getByRole('link', { name: '更多' }).click();
    await volunteer.getByRole('link', { name: /我的积分/ }).click();
    await volunteer.waitForURL(/\/p\/volunteer-points\/my-points$/, wait);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '[-/.]');
    await visible(volunteer.locator('tbody tr').filter({ hasText: new RegExp(today) }).filter({ hasText: '5' }));
    await city.shot(volunteer, 'wish-points');
    expect(city.problems).toEqual([]);
  }, 240_000);

  it('lets the resident withdraw a wish nobody has claimed yet', async () => {
    const other = '想要一辆儿童自行车';
    const resident = await city.as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /微心愿/ }).check();
    await resident.getByRole('textbox', { name: '心愿', exact: true }).fill(other);
    await resident.getByLabel('类别').selectOption({ index: 1 });
    await resident.getByRole('textbox', { name: '具体情况', exact: true }).fill('孩子七岁，想学骑自行车。');
    await resident.getByRole('button', { name: /提交/ }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    // From her portal: 我的 → the wish → 撤销心愿, with a reason.
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(other) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await resident.getByRole('button', { name: /^撤销心愿/ }).click();
    await resident.getByLabel('办理意见').fill('亲戚已经送了一辆，不需要了。');
    await resident.getByRole('button', { name: '提交「撤销心愿」' }).click();
    await visible(resident.getByText('已完成「撤销心愿」'));
    await expect.poll(async () => (await resident.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已撤销');
    await city.shot(resident, 'wish-withdrawn');
    expect(city.problems).toEqual([]);
  }, 240_000);
});
