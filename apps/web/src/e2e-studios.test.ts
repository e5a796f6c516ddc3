/**
 * The studios (书记工作室 / 专业工作室) in a real browser at phone size, in
 * Chinese, by the roles that own each step, with no id or URL typed: a
 * resident books the legal-aid studio from their portal (我的 → 预约工作室),
 * the community secretary confirms it from 工作室预约, records the meeting
 * once it has begun (a problem it could not settle files a follow-up
 * ticket), and the resident rates it from 我的预约.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { studiosPlugin } from '@linli/plugin-studios';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, wait, type City } from './e2e/harness';

const studio = '永福社区法律援助工作室';
const topic = '房东不退押金，想咨询怎么维权';
const followUp = '房东拒不退还押金';
/** The time booked, as the resident reads it in 我的预约 (their earlier meetings are listed too). */
const when = '11月25日（周三）';

if (!built) console.warn('studios e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('studios in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    // Tuesday 2026-11-24 09:00 in Tianchang: the legal-aid studio next sits on Wednesday 14:30.
    city = await startCity([gridRequestsPlugin, studiosPlugin], { clock: '2026-11-24T01:00:00Z' });
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function openMenu(page: Page, entry: string) {
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: new RegExp(`^${entry}`) }).click();
  }
  const row = (page: Page, text: string) => page.locator('tbody tr').filter({ hasText: text });

  it('takes a booking from the resident’s portal through confirmation and the meeting to the resident’s rating', async () => {
    // The resident books from their portal.
    const resident = await city.as('resident.hepan');
    await visible(resident.getByRole('heading', { name: '在线预约与服务' }));
    await city.shot(resident, 'studios-portal');
    await resident.getByRole('link', { name: /^预约工作室/ }).click();
    await row(resident, studio).getByRole('link', { name: '选择时间' }).click();
    await resident.waitForURL(/\/p\/studios\/openings\?studio=/, wait);
    const first = resident.locator('tbody tr').first();
    await visible(first.getByText('11月25日（周三）'));
    await expect.poll(() => first.innerText(), wait).toContain('余2/2');
    await city.shot(resident, 'studios-openings');
    await first.getByRole('link', { name: '预约' }).click();
    // The time chosen on the list is chosen already; the resident says what it is about.
    await expect.poll(() => resident.getByLabel('预约时间').inputValue().catch(() => ''), wait).not.toBe('');
    await resident.getByLabel('想咨询的事情').fill(topic);
    await city.shot(resident, 'studios-book');
    await resident.getByRole('button', { name: /提交|保存/ }).click();
    await resident.waitForURL(/\/p\/studios\/my-bookings$/, wait);
    await visible(row(resident, when).getByText('待确认'));
    await city.shot(resident, 'studios-my-bookings');

    // The community secretary confirms it.
    const secretary = await city.as('secretary.yongfu');
    await openMenu(secretary, '工作室预约');
    await visible(row(secretary, topic).getByText('林小燕'));
    await row(secretary, topic).getByRole('link', { name: '确认' }).click();
    await secretary.getByLabel(/给居民的话/).fill('请带上租房合同和收据。');
    await secretary.getByRole('button', { name: /提交|保存/ }).click();
    await secretary.waitForURL(/\/p\/studios\/bookings$/, wait);
    await visible(row(secretary, topic).getByText('已确认'));
    await city.shot(secretary, 'studios-confirmed');

    // Wednesday 15:00, the meeting under way: the secretary records it, with a problem for the core loop.
    city.setClock('2026-11-25T07:00:00Z');
    const staff = await city.as('secretary.yongfu');
    await openMenu(staff, '工作室预约');
    await row(staff, topic).getByRole('link', { name: '登记接待' }).click();
    await staff.getByLabel('接待情况').fill('律师讲解了押金返还的规定，建议先协商，协商不成申请人民调解。');
    await staff.getByRole('radio', { name: '需后续跟进' }).check();
    await staff.getByLabel(/需要跟进的问题/).fill(followUp);
    await staff.getByLabel('问题描述').fill('居民退租后房东拒不退还押金2000元，请社区协调调解。');
    await city.shot(staff, 'studios-record');
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/studios\/bookings$/, wait);
    await visible(row(staff, topic).getByText('已接待'));
    // The row leads to the follow-up ticket.
    await row(staff, topic).getByRole('link').first().click();
    await staff.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(staff.getByText(followUp));
    await visible(staff.getByText('待办理'));
    await city.shot(staff, 'studios-follow-up');

    // The resident rates it from 我的预约 on the portal.
    const me = await city.as('resident.hepan');
    await me.getByRole('link', { name: /^我的预约/ }).click();
    await row(me, when).getByRole('link', { name: '评价' }).click();
    await me.getByRole('radio', { name: '5', exact: true }).check();
    await me.getByLabel('意见建议').fill('律师很耐心，讲得很清楚。');
    await me.getByRole('button', { name: /提交|保存/ }).click();
    await me.waitForURL(/\/p\/studios\/my-bookings$/, wait);
    await visible(row(me, when).getByText('已接待'));
    await expect.poll(() => row(me, when).locator('td[data-label="我的评分"]').innerText(), wait).toBe('5');
    expect(await row(me, when).getByRole('link', { name: '评价' }).count()).toBe(0);
    await city.shot(me, 'studios-rated');
    expect(city.problems).toEqual([]);
  }, 300_000);
  it('moves a booking to the time the secretary proposes once the resident accepts, counts it missed, changes a capacity and exports the month', async () => {
    // Wednesday 15:00 still. The demo booking waiting for the secretary: Thursday at 李秀兰书记工作室.
    const waiting = '助餐服务';
    const secretary = await city.as('secretary.yongfu');
    await openMenu(secretary, '工作室预约');
    await row(secretary, waiting).getByRole('link', { name: '改约' }).click();
    const picker = secretary.getByLabel('建议的新时间');
    await expect.poll(() => picker.locator('option').count(), wait).toBeGreaterThan(2);
    const tuesday = picker.locator('option').filter({ hasText: '12月1日（周二）' }).first();
    await picker.selectOption((await tuesday.getAttribute('value'))!);
    await secretary.getByLabel('改约原因').fill('周四书记到街道开会，改到下周二上午。');
    await city.shot(secretary, 'studios-propose');
    await secretary.getByRole('button', { name: /提交|保存/ }).click();
    await secretary.waitForURL(/\/p\/studios\/bookings$/, wait);
    await visible(row(secretary, waiting).getByText('改约待答复'));

    // The resident is told (the bell) and accepts from 我的预约.
    const resident = await city.as('resident.hepan');
    await resident.getByRole('link', { name: /^我的预约/ }).click();
    const moved = row(resident, '12月1日（周二）');
    await visible(moved.getByText('改约待答复'));
    await visible(moved.getByText('周四书记到街道开会'));
    await moved.getByRole('link', { name: '答复改约' }).click();
    await resident.getByRole('radio', { name: '接受新时间' }).check();
    await city.shot(resident, 'studios-answer');
    await resident.getByRole('button', { name: /提交|保存/ }).click();
    await resident.waitForURL(/\/p\/studios\/my-bookings$/, wait);
    await visible(row(resident, '12月1日（周二）').getByText('已确认'));

    // Tuesday 12:00: nobody came. The secretary marks it missed; the resident's count shows.
    city.setClock('2026-12-01T04:00:00Z');
    const staff = await city.as('secretary.yongfu');
    await openMenu(staff, '工作室预约');
    await row(staff, waiting).getByRole('link', { name: '登记爽约' }).click();
    await staff.getByLabel(/情况说明/).fill('电话未接通。');
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/studios\/bookings$/, wait);
    const missed = row(staff, waiting);
    await visible(missed.getByText('未到'));
    // The demo history has one missed appointment already.
    await expect.poll(() => missed.locator('td[data-label="近90天爽约"]').innerText(), wait).toBe('2');
    await city.shot(staff, 'studios-no-show', missed);

    // The secretary gives the counselling studio a second place on Fridays.
    await openMenu(staff, '工作室设置');
    const friday = row(staff, '“心晴”心理咨询工作室');
    await visible(friday);
    await expect.poll(() => friday.locator('td[data-label="名额"]').innerText(), wait).toBe('1');
    await friday.getByRole('link', { name: '调整名额' }).click();
    await staff.getByLabel(/名额/).fill('2');
    await staff.getByRole('button', { name: /提交|保存/ }).click();
    await staff.waitForURL(/\/p\/studios\/settings$/, wait);
    await expect.poll(() => row(staff, '“心晴”心理咨询工作室').locator('td[data-label="名额"]').innerText(), wait).toBe('2');
    await city.shot(staff, 'studios-settings');

    // The month's report, and its CSV for Excel.
    await openMenu(staff, '工作室月报');
    const legal = row(staff, studio);
    await visible(legal);
    await city.shot(staff, 'studios-monthly');
    const [download] = await Promise.all([staff.waitForEvent('download', wait), staff.getByRole('link', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('studios-2026-10_2026-12.csv');
    // One month, chosen above the table: the rows and the export follow it, and the address keeps it.
    await staff.getByLabel('月份').fill('2026-11');
    await staff.waitForURL(/\/p\/studios\/monthly\?month=2026-11$/, wait);
    // Polled as a whole: the three months' table it replaces holds November too, and is empty while it reloads.
    await expect.poll(async () => [...new Set(await staff.locator('tbody td[data-label="月份"]').allInnerTexts())], wait).toEqual(['2026-11']);
    await city.shot(staff, 'studios-monthly-november');
    const [one] = await Promise.all([staff.waitForEvent('download', wait), staff.getByRole('link', { name: '导出 CSV' }).click()]);
    expect(one.suggestedFilename()).toBe('studios-2026-11.csv');
    // 近三个月 clears the month: the route's default (the last three months) again.
    await staff.getByRole('button', { name: '近三个月' }).click();
    await staff.waitForURL(/\/p\/studios\/monthly$/, wait);
    await expect.poll(async () => new Set(await staff.locator('tbody td[data-label="月份"]').allInnerTexts()).size, wait).toBeGreaterThan(1);
    expect(city.problems).toEqual([]);
  }, 300_000);
});
