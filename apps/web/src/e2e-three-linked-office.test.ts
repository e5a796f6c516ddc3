/**
 * The three-linked office (三联办) in a real browser against a real server:
 * a resident raises a property problem through the intake page (in the
 * office's own words), the residents' committee schedules a meeting, the
 * property company misses it and the decision is refused naming them, from
 * the agenda and from the problem's own page alike, a second meeting with all three
 * parties decides (responsible party, future deadline), the property company
 * reports it done, the committee verifies and closes it, and the office's
 * indicators count both meetings and the solved problem. Alongside: a
 * private dispute turned away (不予受理), a second problem decided and sent
 * back to the meeting (提交再议), and a progress report (落实进展) before done.
 *
 * The server runs on a movable clock (the flow spans two weeks). Every date in
 * the story is counted from the real date — the first Tuesday after today in
 * Tianchang — so the test means the same on any day it runs, and the server
 * stays ahead of the browser's real clock. Every page is reached through the
 * menus and the queue, as a phone user would. Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, openMenu, startCity, visible, wait, type City } from './e2e/harness';

const title = '东门道闸坏了车辆进不来';
/** Decided at the second meeting, then sent back to the meeting (提交再议). */
const second = '地下车库照明不足';
/** Not for the office (不予受理): a private dispute. */
const turnedAway = '楼上住户占用楼道堆放杂物';
/** A date as the tables show it, whichever separator the locale uses. */
const day = (iso: string) => new RegExp(iso.replace(/-/g, '[-/.]'));
const DAY_MS = 86_400_000;
const TIANCHANG_OFFSET_MS = 8 * 3_600_000;
/** Day 0 of the story: the first Tuesday after today in Tianchang (UTC+8), as a UTC midnight. */
const tuesday = (() => {
  const local = new Date(Date.now() + TIANCHANG_OFFSET_MS);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const ahead = (2 - new Date(today).getUTCDay() + 7) % 7 || 7;
  return today + ahead * DAY_MS;
})();
/** `YYYY-MM-DD` of story day `n` (0 = that Tuesday). */
const isoDay = (n: number) => new Date(tuesday + n * DAY_MS).toISOString().slice(0, 10);
/** The UTC instant of Tianchang's local `hh:mm` on story day `n`. */
const at = (n: number, hhmm: string) => `${isoDay(n)}T${hhmm}:00+08:00`;

if (!built) console.warn('three-linked office e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('three-linked office in Chromium', () => {
  let city: City;
  // Tuesday 09:00 in Tianchang. The demo history ends here, with Wednesday's meeting scheduled.
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, threeLinkedOfficePlugin], { clock: at(0, '09:00') });
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  /** A fresh phone-sized session (sessions end when the clock jumps days). */
  const as = (username: string) => city.as(username);

  /** The 河畔家园 row of the indicators page, as numbers by column title. */
  async function indicators(page: Page): Promise<{ held: number; raised: number; solved: number }> {
    await openMenu(page, '三联办指标');
    const row = page.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^河畔家园$/ }) });
    await visible(row);
    const headers = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
    const cells = (await row.first().locator(':scope > th, :scope > td').allTextContents()).map((c) => c.trim());
    const value = (h: string) => Number(cells[headers.indexOf(h)]);
    return { held: value('召开会商'), raised: value('受理问题'), solved: value('解决问题') };
  }

  async function scheduleMeeting(page: Page, date: string) {
    await openMenu(page, '安排会商');
    await expect.poll(() => page.getByLabel('小区').locator('option').count(), wait).toBeGreaterThan(1);
    await page.getByLabel('小区').selectOption({ label: '河畔家园' });
    await page.getByLabel('会商日期').fill(date);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/three-linked-office\/meetings$/, wait);
    await visible(page.getByText('已保存'));
  }

  /** Opens the attendance form from the meetings page (its row link) and records who came. */
  async function recordAttendance(page: Page, date: string, absent?: '物业') {
    await openMenu(page, '会商安排');
    await page.locator('tbody tr').filter({ hasText: day(date) }).filter({ hasText: '河畔家园' }).getByRole('link').first().click();
    await page.waitForURL(/\/p\/three-linked-office\/attendance\?id=[0-9]+$/, wait);
    for (const [party, who] of [['居委会', '王丽'], ['物业', '马俊'], ['业委会', '黄淑芬']] as const) {
      // Each party is a sub-form under its own heading; an unticked 出席 means absent.
      const group = page.locator('.form-group').filter({ has: page.getByRole('heading', { name: party, exact: true }) });
      if (party === absent) continue;
      // A thumb-sized target on a phone: the whole row, at least 44 px tall.
      const row = group.locator('.checkbox label').first();
      expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await group.getByLabel('出席', { exact: true }).check();
      await group.getByLabel('出席人').fill(who);
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/p\/three-linked-office\/agenda$/, wait);
  }

  /** Opens the decision form from the agenda page (the problem's row link) and submits the decision. */
  async function decide(page: Page, problem = title) {
    await openMenu(page, '待议议题');
    // The row's link is its first cell (the meeting date).
    await page.locator('tbody tr').filter({ hasText: problem }).getByRole('link').first().click();
    await page.waitForURL(/\/p\/three-linked-office\/decide\?/, wait);
    await page.getByLabel('会商决定').fill('物业一周内修复道闸，恢复车辆登记放行。');
    await page.getByRole('radio', { name: '物业', exact: true }).check();
    await page.getByLabel('办结时限').fill(`${isoDay(15)}T18:00`);
    await page.getByRole('button', { name: '保存' }).click();
  }

  /** The decision from the problem's own page (会商决定 on the ticket), the meeting chosen by date and the party's org by name. */
  async function decideOnTicket(page: Page): Promise<number> {
    await openFromQueue(page, city.base, title);
    await page.getByRole('button', { name: /^会商决定/ }).click();
    // The only meeting whose agenda holds the problem is chosen already: nobody types its number.
    await expect.poll(async () => (await page.getByLabel('会商会议').locator('option:checked').textContent())?.trim(), wait).toMatch(/河畔家园三方会商$/);
    await page.getByRole('textbox', { name: /^会商决定/ }).fill('物业一周内修复道闸，恢复车辆登记放行。');
    await page.getByRole('radio', { name: '物业', exact: true }).check();
    await page.getByLabel('责任单位').selectOption({ label: '天长市安居物业服务有限公司' });
    await page.getByLabel('办结时限').fill(`${isoDay(15)}T18:00`);
    const answer = page.waitForResponse((r) => /\/api\/tickets\/[0-9]+\/transitions$/.test(r.url()) && r.request().method() === 'POST', wait);
    await page.getByRole('button', { name: '提交「会商决定」' }).click();
    return (await answer).status();
  }

  it('takes a problem from intake through two meetings, one without quorum, to closure', async () => {
    // The residents' committee (staff.yongfu) notes the indicators, then schedules a meeting for today.
    let staff = await as('staff.yongfu');
    const before = await indicators(staff);
    await scheduleMeeting(staff, isoDay(0));

    // A resident raises the problem through the intake page, in the office's own words; it joins today's agenda.
    const resident = await as('resident.hepan');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /三联办/ }).check();
    await visible(resident.getByRole('heading', { name: '问题出在哪个小区？' }));
    await resident.getByRole('combobox', { name: /小区/ }).selectOption({ label: '河畔家园' });
    await resident.getByRole('textbox', { name: '问题', exact: true }).fill(title);
    await resident.getByLabel('类别').selectOption({ index: 1 });
    await resident.getByLabel('情况描述').fill('东门道闸不抬杆，业主车辆进不来，已经三天了。');
    await resident.getByRole('radio', { name: '急', exact: true }).check();
    await resident.getByLabel('反映方').selectOption('居民');
    await city.shot(resident, 'tlo-intake', resident.getByRole('button', { name: '提交三联办' }));
    await resident.getByRole('button', { name: '提交三联办' }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    await visible(resident.getByRole('heading', { level: 1, name: title }));
    // Its own message, not a grid request's "网格员会尽快受理".
    await visible(resident.getByText('已提交三联办，会排入最近一次三方会商'));
    expect(await resident.getByText('网格员').count()).toBe(0);

    await openMenu(staff, '待议议题');
    await visible(staff.locator('tbody tr').filter({ hasText: title }).filter({ hasText: day(isoDay(0)) }));

    // Two more problems: one goes to the meetings too, one is not for the office and is turned away with a reason.
    const raise = async (problem: string, text: string) => {
      await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
      await resident.getByRole('radio', { name: /三联办/ }).check();
      await resident.getByRole('combobox', { name: /小区/ }).selectOption({ label: '河畔家园' });
      await resident.getByRole('textbox', { name: '问题', exact: true }).fill(problem);
      await resident.getByLabel('类别').selectOption({ index: 1 });
      await resident.getByLabel('情况描述').fill(text);
      await resident.getByLabel('反映方').selectOption('居民');
      await resident.getByRole('button', { name: '提交三联办' }).click();
      await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    };
    await raise(second, '地下车库B区一半灯不亮，晚上停车看不清。');
    await raise(turnedAway, '5栋三楼住户把旧家具堆在楼道里。');
    await openFromQueue(staff, city.base, turnedAway);
    await staff.getByRole('button', { name: /^不予受理/ }).click();
    await staff.getByLabel('办理意见').fill('楼道堆物属消防安全问题，已转网格员上门劝导，不列入三方会商。');
    await staff.getByRole('button', { name: '提交「不予受理」' }).click();
    await visible(staff.getByText('已完成「不予受理」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('不予受理');
    await city.shot(staff, 'tlo-rejected');

    // Today 15:00: the property company does not come; the decision is refused, naming it.
    city.setClock(at(0, '15:05'));
    staff = await as('staff.yongfu');
    await recordAttendance(staff, isoDay(0), '物业');
    await openMenu(staff, '会商安排');
    await visible(staff.locator('tbody tr').filter({ hasText: day(isoDay(0)) }).filter({ has: staff.locator('td[data-label="缺席方"]', { hasText: /^物业$/ }) }));
    const refusal = staff.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST', wait);
    await decide(staff);
    const refused = await refusal;
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as { code: string; message: string; details: { path: string; message: string }[] };
    expect(body.code).toBe('TLO_ERR_NO_QUORUM');
    expect(body.message).toContain('物业');
    expect(body.details).toEqual([{ path: '/attendance/propertyCompany', message: expect.stringContaining('物业未出席') }]);
    // The page refuses, says which party is missing in plain words, and keeps the form.
    await visible(staff.getByRole('alert'));
    await expect.poll(() => staff.getByRole('alert').innerText(), wait).toContain('物业');
    expect(staff.url()).toMatch(/\/decide\?/);
    await expect.poll(() => staff.getByLabel('会商决定').inputValue(), wait).toBe('物业一周内修复道闸，恢复车辆登记放行。');
    await city.shot(staff, 'tlo-no-quorum');

    // The same rule through the problem's own page: the rule's reason, never "someone else changed this ticket".
    expect(await decideOnTicket(staff)).toBe(422);
    await expect.poll(() => staff.getByRole('alert').first().innerText(), wait).toContain('物业');
    expect(await staff.getByText('刚刚被其他人处理过').count()).toBe(0);
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('待会商');
    await city.shot(staff, 'tlo-no-quorum-ticket', staff.getByRole('alert').first());

    // Next week: a second meeting (it ends today's and carries the problem over), all three parties present.
    city.setClock(at(7, '09:00'));
    staff = await as('staff.yongfu');
    await scheduleMeeting(staff, isoDay(8));
    city.setClock(at(8, '15:05'));
    staff = await as('staff.yongfu');
    await recordAttendance(staff, isoDay(8));
    await decide(staff);
    await staff.waitForURL(/\/p\/three-linked-office\/agenda$/, wait);
    await decide(staff, second);
    await staff.waitForURL(/\/p\/three-linked-office\/agenda$/, wait);

    // The garage decision cannot work (the wiring is the developer's): back to the meeting (提交再议) with a reason.
    await openFromQueue(staff, city.base, second);
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('落实中');
    await staff.getByRole('button', { name: /^提交再议/ }).click();
    await staff.getByLabel('办理意见').fill('车库线路属开发商保修范围，需请开发商参加下次会商。');
    await staff.getByRole('button', { name: '提交「提交再议」' }).click();
    await visible(staff.getByText('已完成「提交再议」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('待会商');
    await visible(staff.getByRole('region', { name: /办理过程/ }).getByText('车库线路属开发商保修范围，需请开发商参加下次会商。'));
    await city.shot(staff, 'tlo-reconsidered');

    await openFromQueue(staff, city.base, title);
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('落实中');
    await visible(staff.locator('.facts').getByText(/物业/));

    // The property company finds it in its own queue and reports it done from the ticket page.
    city.setClock(at(9, '10:00'));
    const property = await as('property.hepan');
    await openFromQueue(property, city.base, title);
    // First a progress report (落实进展): still 落实中.
    await property.getByRole('button', { name: /^落实进展/ }).click();
    await property.getByLabel('进展情况').fill('道闸主板已订货，预计两天内到货更换，期间人工抬杆放行。');
    await property.getByRole('button', { name: '提交「落实进展」' }).click();
    await visible(property.getByText('已完成「落实进展」'));
    await expect.poll(async () => (await property.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('落实中');
    await visible(property.getByRole('region', { name: /办理过程/ }).getByText('道闸主板已订货，预计两天内到货更换，期间人工抬杆放行。'));
    await property.getByRole('button', { name: /^报告办结/ }).click();
    await property.getByLabel('落实情况').fill('道闸已更换主板，车辆正常通行。');
    await property.getByRole('button', { name: '提交「报告办结」' }).click();
    await visible(property.getByText('已完成「报告办结」'));
    await expect.poll(async () => (await property.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('待验收');

    // The residents' committee verifies and closes it.
    city.setClock(at(10, '10:00'));
    staff = await as('staff.yongfu');
    await openFromQueue(staff, city.base, title);
    await staff.getByRole('button', { name: /^验收销号/ }).click();
    await staff.getByRole('radio', { name: '满意', exact: true }).check();
    await staff.getByLabel('验收意见').fill('复查道闸正常');
    await staff.getByRole('button', { name: '提交「验收销号」' }).click();
    await visible(staff.getByText('已完成「验收销号」'));
    await expect.poll(async () => (await staff.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已销号');

    // Both meetings were held; the gate and the garage count as raised (the one turned away does not), the gate as solved.
    const after = await indicators(staff);
    expect(after).toEqual({ held: before.held + 2, raised: before.raised + 2, solved: before.solved + 1 });
    await city.shot(staff, 'tlo-indicators');
    expect(city.problems).toEqual([]);
  }, 300_000);
});
