/**
 * Pickers by name, prefill and role-filtered menus in a real browser, at
 * phone size in Chinese, as the roles that own each step:
 * - menus differ by role: a resident and a department officer are not
 *   offered the community's pages (考核评价, 登记收支, 安排会商);
 * - 梳理 starts with the category the resident chose;
 * - 交办物业 starts with the compound's only property company (一键交办);
 *   the company answers from its queue, the complainant sends it back from
 *   her portal, the company answers again, she verifies it and it closes;
 * - 登记收支 takes the amount in yuan (stored in fen) and the four-party
 *   meeting by its date and compound;
 * - the three-party decision on a problem's page picks its meeting by date
 *   (chosen already: the one whose agenda holds it), and a refusal by the
 *   office's rule reads as that rule, in Chinese, not as someone else's change.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, fileGridRequest, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';

if (!built) console.warn('pickers e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)('pickers, prefill and menus by role in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, threeLinkedOfficePlugin, redPropertyPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function menu(page: Page): Promise<string[]> {
    await page.getByRole('link', { name: '更多' }).click();
    await page.waitForURL(/\/more$/, wait);
    await visible(page.locator('.menu-list .menu-label'));
    return (await page.locator('.menu-list .menu-label').allTextContents()).map((s) => s.trim());
  }

  it('offers each role its own menu', async () => {
    const resident = await city.as('resident.hepan');
    // A resident lands on their portal; their list is their own requests, not an area they govern.
    await visible(resident.getByRole('heading', { name: '我的诉求' }));
    await resident.goto(`${city.base}/queue`);
    await visible(resident.getByText('我提交的诉求和交给我办理的事项，最新的在前'));
    const residentMenu = await menu(resident);
    await city.shot(resident, 'menu-resident');
    const secretary = await city.as('secretary.yongfu');
    await visible(secretary.getByText('我管辖范围内的工单，最新的在前'));
    const secretaryMenu = await menu(secretary);
    const officer = await city.as('dept.cgj');
    const officerMenu = await menu(officer);
    for (const staffOnly of ['考核评价', '登记收支', '安排会商', '录入收缴率']) {
      expect(residentMenu.some((m) => m.startsWith(staffOnly)), `resident sees ${staffOnly}`).toBe(false);
      expect(officerMenu.some((m) => m.startsWith(staffOnly)), `officer sees ${staffOnly}`).toBe(false);
    }
    for (const own of ['考核评价', '登记收支', '安排会商']) expect(secretaryMenu.some((m) => m.startsWith(own)), `secretary lacks ${own}`).toBe(true);
    expect(residentMenu.length).toBeLessThan(secretaryMenu.length);
    expect(city.problems).toEqual([]);
  }, 240_000);

  it('starts 梳理 with the category the resident chose', async () => {
    const resident = await city.as('resident.hepan');
    const title = '4栋门口垃圾堆放无人清理';
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /小区里的问题/ }).check();
    await fileGridRequest(resident, { title, category: '环境卫生', description: '4栋门口堆了很多装修垃圾，已经一周没人清理。' });
    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, city.base, title);
    await grid.getByRole('button', { name: /^梳理/ }).click();
    await expect.poll(async () => (await grid.getByLabel('确认类别').locator('option:checked').textContent())?.trim(), wait).toBe('环境卫生');
    await city.shot(grid, 'sort-prefilled', grid.getByLabel('确认类别'));
    expect(city.problems).toEqual([]);
  }, 240_000);

  it('dispatches a property complaint to the compound’s own company in one click', async () => {
    const resident = await city.as('resident.hepan');
    const title = '物业保安夜间脱岗';
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
    await resident.getByRole('radio', { name: /物业投诉/ }).check();
    await resident.getByRole('textbox', { name: '投诉事项', exact: true }).fill(title);
    await resident.getByLabel('类别').selectOption({ index: 1 });
    await resident.getByLabel('情况说明').fill('连续三晚凌晨门岗没人，外来人员随意进出。');
    await resident.getByRole('button', { name: '提交投诉' }).click();
    await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    // The complaint's own words once filed, not a grid request's.
    await visible(resident.getByText(/投诉已收到/));

    const staff = await city.as('staff.yongfu');
    await openFromQueue(staff, city.base, title);
    await staff.getByRole('button', { name: /^交办物业/ }).click();
    const company = staff.getByLabel('物业服务企业');
    await expect.poll(() => company.inputValue(), wait).toMatch(/^[0-9]+$/);
    expect(await company.locator('option:checked').textContent()).toBe('天长市安居物业服务有限公司'); // 河畔家园's company in the city config
    expect(await company.locator('option').count()).toBe(2); // "请选择" and the one company
    await city.shot(staff, 'dispatch-preselected', company);
    await staff.getByRole('button', { name: '提交「交办物业」' }).click();
    await visible(staff.getByText('已完成「交办物业」'));

    // The company answers from its own queue.
    const property = await city.as('property.hepan');
    const answer = async (text: string) => {
      await openFromQueue(property, city.base, title);
      await property.getByRole('button', { name: /^物业答复/ }).click();
      await property.getByLabel('处理结果').fill(text);
      await property.getByRole('button', { name: '提交「物业答复」' }).click();
      await visible(property.getByText('已完成「物业答复」'));
    };
    await answer('已约谈保安队长，夜班门岗增加一人。');

    // The complainant follows it in her portal (我的 → the complaint), reads the answer and sends it back: not solved.
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(title) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByText('已约谈保安队长，夜班门岗增加一人。'));
    await resident.getByRole('button', { name: /^未解决，退回物业/ }).click();
    // Her own step: no "let the reporter see it" choice.
    expect(await resident.getByRole('checkbox', { name: /让反映人看到/ }).count()).toBe(0);
    await resident.getByLabel('办理意见').fill('昨晚凌晨一点门岗还是没人。');
    await resident.getByRole('button', { name: '提交「未解决，退回物业」' }).click();
    await visible(resident.getByText('已完成「未解决，退回物业」'));
    await expect.poll(async () => (await resident.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('物业处理中');

    // The company answers again; she verifies it (成效群众判) and the complaint closes.
    await answer('已安装门岗监控并每晚抽查，连续一周无脱岗。');
    await resident.reload();
    await visible(resident.getByText('已安装门岗监控并每晚抽查，连续一周无脱岗。'));
    await resident.getByRole('button', { name: /^核实评价/ }).click();
    await resident.getByRole('radio', { name: '满意', exact: true }).check();
    await city.shot(resident, 'complaint-verify', resident.getByRole('radio', { name: '满意', exact: true }));
    await resident.getByRole('button', { name: '提交「核实评价」' }).click();
    await visible(resident.getByText('已完成「核实评价」'));
    await expect.poll(async () => (await resident.locator('.ticket-head .badge').textContent())?.trim(), wait).toBe('已办结');
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('records a ledger entry in yuan against a four-party meeting picked by its date and compound', async () => {
    const staff = await city.as('secretary.yongfu');
    await staff.getByRole('link', { name: '更多' }).click();
    await staff.getByRole('link', { name: /^登记收支/ }).click();
    await staff.waitForURL(/\/p\/red-property\/ledger-entry$/, wait);
    const compound = staff.getByRole('combobox', { name: /^小区/ });
    await expect.poll(() => compound.locator('option').count(), wait).toBeGreaterThan(1);
    await compound.selectOption({ label: '河畔家园' });
    await staff.getByRole('radio', { name: '支出', exact: true }).check();
    await staff.getByLabel('科目').selectOption('公共设施维护');
    // Typed in yuan as on the receipt; stored in fen underneath.
    await staff.getByLabel('金额（元）').fill('48.50');
    await staff.getByLabel('用途/来源').fill('更换东门道闸主板');
    await staff.getByLabel(/^日期/).fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    // The meeting by its date and compound, never a number.
    const meeting = staff.getByRole('combobox', { name: /依据的四方联席会议/ });
    await expect.poll(() => meeting.locator('option').count(), wait).toBeGreaterThan(1);
    const labels = (await meeting.locator('option').allTextContents()).slice(1);
    for (const label of labels) expect(label).toMatch(/四方联席会议$/);
    await meeting.selectOption({ label: labels.find((l) => l.includes('河畔家园')) ?? labels[0]! });
    await city.shot(staff, 'ledger-entry', staff.getByLabel('金额（元）'));
    await staff.getByRole('button', { name: '保存' }).click();
    await staff.waitForURL(/\/p\/red-property\/ledger/, wait);
    const row = staff.locator('tbody tr').filter({ hasText: '更换东门道闸主板' });
    await visible(row);
    await expect.poll(async () => (await row.first().innerText()).includes('48.50'), wait).toBe(true);
    type Ledger = { red_property_ledger_entries: { purpose: string; amount_fen: string | number; meeting_id: number | null } };
    const stored = await (city.server.database.db as unknown as import('kysely').Kysely<Ledger>)
      .selectFrom('red_property_ledger_entries')
      .select(['amount_fen', 'meeting_id'])
      .where('purpose', '=', '更换东门道闸主板')
      .executeTakeFirstOrThrow();
    expect(Number(stored.amount_fen)).toBe(4850);
    expect(stored.meeting_id).not.toBeNull();
    expect(city.problems).toEqual([]);
  }, 240_000);

  it('picks the meeting by date on the problem’s page and shows the office’s rule when it refuses', async () => {
    const staff = await city.as('staff.yongfu');
    const title = '快递柜占用消防通道';
    await openFromQueue(staff, city.base, title);
    await staff.getByRole('button', { name: /^会商决定/ }).click();
    const meeting = staff.getByLabel('会商会议');
    await expect.poll(() => meeting.inputValue(), wait).toMatch(/^[0-9]+$/);
    expect(await meeting.locator('option:checked').textContent()).toMatch(/河畔家园三方会商/);
    await staff.getByLabel('会商决定').fill('物业三日内将快递柜移至5栋东侧空地。');
    await staff.getByRole('radio', { name: '物业', exact: true }).check();
    const party = staff.getByLabel('责任单位');
    await party.selectOption({ label: (await party.locator('option', { hasText: '物业' }).first().textContent())!.trim() });
    await staff.getByLabel('办结时限').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) + 'T18:00');
    await staff.getByRole('button', { name: '提交「会商决定」' }).click();
    // The meeting has not been held: no attendance, no quorum — said as the rule, in Chinese.
    const alert = staff.getByRole('alert');
    await visible(alert);
    await expect.poll(() => alert.innerText(), wait).toMatch(/三方到齐/);
    expect(await alert.innerText()).not.toMatch(/其他人/);
    await expect.poll(() => staff.getByLabel('会商决定').inputValue(), wait).toBe('物业三日内将快递柜移至5栋东侧空地。');
    await city.shot(staff, 'decide-refused', alert);
    expect(city.problems).toEqual([]);
  }, 240_000);

  it('recalls a dispatched complaint, turns it away with a reason, and lets the complainant withdraw another', async () => {
    const resident = await city.as('resident.hepan');
    const complain = async (title: string, text: string) => {
      await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上报' }).click();
      await resident.getByRole('radio', { name: /物业投诉/ }).check();
      await resident.getByRole('textbox', { name: '投诉事项', exact: true }).fill(title);
      await resident.getByLabel('类别').selectOption({ index: 1 });
      await resident.getByLabel('情况说明').fill(text);
      await resident.getByRole('button', { name: '提交投诉' }).click();
      await resident.waitForURL(/\/tickets\/[0-9]+$/, wait);
    };
    const badge = (page: Page) => page.locator('.ticket-head .badge');
    const rejected = '小区健身器材被物业拆除';
    await complain(rejected, '物业未经业主同意拆掉了中心广场的健身器材。');

    // The community dispatches it, then takes it back (收回) with a reason: back at the intake desk.
    const staff = await city.as('staff.yongfu');
    await openFromQueue(staff, city.base, rejected);
    await staff.getByRole('button', { name: /^交办物业/ }).click();
    await expect.poll(() => staff.getByLabel('物业服务企业').inputValue(), wait).toMatch(/^[0-9]+$/);
    await staff.getByRole('button', { name: '提交「交办物业」' }).click();
    await visible(staff.getByText('已完成「交办物业」'));
    await staff.getByRole('button', { name: /^收回/ }).click();
    await staff.getByRole('button', { name: '提交「收回」' }).click();
    await visible(staff.getByText('这一步需要填写办理意见'));
    await staff.getByLabel('办理意见').fill('器材拆除经业主大会表决，需先核实表决情况。');
    await staff.getByRole('button', { name: '提交「收回」' }).click();
    await visible(staff.getByText('已完成「收回」'));
    await expect.poll(async () => (await badge(staff).textContent())?.trim(), wait).toBe('待交办');
    await visible(staff.getByRole('region', { name: /办理过程/ }).getByText('器材拆除经业主大会表决，需先核实表决情况。'));
    await city.shot(staff, 'complaint-recalled');

    // Checked: the owners voted for it — not accepted, with a reason she reads in her portal.
    await staff.getByRole('button', { name: /^不予受理/ }).click();
    await staff.getByLabel('办理意见').fill('拆除健身器材经业主大会表决通过，不属物业违规。');
    await staff.getByRole('button', { name: '提交「不予受理」' }).click();
    await visible(staff.getByText('已完成「不予受理」'));
    await expect.poll(async () => (await badge(staff).textContent())?.trim(), wait).toBe('不予受理');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(rejected) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByText('拆除健身器材经业主大会表决通过，不属物业违规。'));

    // Another complaint, solved before anyone acted: she withdraws it from her portal, with a reason.
    const withdrawn = '地下车库积水';
    await complain(withdrawn, '车库B区积水到脚踝。');
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await resident.getByRole('link', { name: new RegExp(withdrawn) }).first().click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await resident.getByRole('button', { name: /^撤回/ }).click();
    await resident.getByLabel('办理意见').fill('雨停后积水已自行排掉，撤回投诉。');
    await resident.getByRole('button', { name: '提交「撤回」' }).click();
    await visible(resident.getByText('已完成「撤回」'));
    await expect.poll(async () => (await badge(resident).textContent())?.trim(), wait).toBe('已撤回');
    await city.shot(resident, 'complaint-withdrawn');
    expect(city.problems).toEqual([]);
  }, 300_000);
});
