/**
 * An owners' vote on adding an elevator to one building (加装电梯), in a real
 * browser at phone size, in Chinese, by the roles that own each step, with no
 * id or URL typed: the community secretary sets the vote up for 河畔家园1栋
 * (12 units, 1211.16 m²); three owners vote on their phones (我的业主表决 →
 * 投票, confirmed once); the secretary records five paper ballots, each with
 * the photo of the signed ballot; closes and counts; the result page shows
 * the arithmetic of Civil Code Art. 278, which the test checks against a hand
 * count; the outcome is on the public board. Then the roll: the vote list and
 * the roll count owners per person (Art. 9), and a sold unit's seller leaves the
 * roll once the buyer is registered (refused before: a unit keeps an owner); and
 * the committee's chair, removed from the roll of her unit, is told beforehand
 * that her seat ends, and leaves the committee (指导规则第三十七条).
 * Needs apps/web/dist and /usr/bin/chromium.
 *
 * Hand count: 1211.16 m² and 12 units in all. Voting: 101, 301 (89.56 each),
 * 502 online; 102, 202, 302, 602 (112.30 each) and 201 (89.56) on paper →
 * 8 units, 3 × 89.56 + 5 × 112.30 = 830.18 m²: 8/12 = exactly 2/3 of the
 * owners, 830.18 ≥ 807.44 (2/3 of 1211.16) of the area. Agreeing: all but 602
 * → 7/8 owners, 717.88/830.18 m² (86.47 %), both ≥ 3/4: 通过.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, wait, type City } from './e2e/harness';
import { voteOnline } from './e2e/owners';
import { gradientPng } from './e2e/png';

const question = '河畔家园1栋加装电梯';

if (!built) console.warn('owners vote e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)("an owners' elevator vote in Chromium", () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, ownersSelfGovernancePlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  async function openMenu(page: Page, entry: string) {
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: new RegExp(`^${entry}`) }).click();
  }

  it('takes an elevator vote for one building from set-up through online and paper ballots to the count and the public board', async () => {
    // The community secretary sets up the vote for building 1 only.
    const secretary = await city.as('secretary.yongfu');
    await openMenu(secretary, '发起业主表决');
    const scope = secretary.getByRole('combobox', { name: /表决范围/ });
    await expect.poll(() => scope.locator('option').count(), wait).toBeGreaterThan(1);
    await scope.selectOption({ label: '河畔家园1栋' });
    await secretary.getByLabel('表决事项').selectOption('既有住宅加装电梯');
    await secretary.getByLabel('表决议题').fill(question);
    await city.shot(secretary, 'owners-vote-setup');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/votes$/, wait);
    await visible(secretary.locator('tbody tr').filter({ hasText: question }).getByText('投票中'));

    // Three owners vote on their phones.
    await voteOnline(city, 'resident.hepan', question, { shot: 'owners-vote-ballot' });
    await voteOnline(city, 'owners.hepan', question);
    await voteOnline(city, 'building.hepan1', question);

    // Paper ballots, each with the photo of the signed ballot.
    for (const [room, choice] of [['1单元102', '同意'], ['1单元202', '同意'], ['1单元302', '同意'], ['1单元201', '同意'], ['1单元602', '反对']] as const) {
      await secretary.goto(`${city.base}/p/owners-self-governance/votes`);
      await secretary.locator('tbody tr').filter({ hasText: question }).getByRole('link', { name: '登记纸质票' }).click();
      await secretary.waitForURL(/\/p\/owners-self-governance\/paper\?id=[0-9]+$/, wait);
      const unit = secretary.getByRole('combobox', { name: '房屋' });
      await expect.poll(() => unit.locator('option').count(), wait).toBeGreaterThan(1);
      // Units that voted online are no longer offered.
      expect(await unit.locator('option').filter({ hasText: '1单元502' }).count()).toBe(0);
      await unit.selectOption({ label: `河畔家园1栋${room}` });
      await secretary.getByRole('radio', { name: choice, exact: true }).check();
      await secretary.locator('input[type="file"]').setInputFiles({ name: `ballot-${room}.png`, mimeType: 'image/png', buffer: gradientPng(160, 120) });
      await visible(secretary.locator('.photo-tile img[src^="/api/attachments/"]'));
      if (room === '1单元602') await city.shot(secretary, 'owners-vote-paper');
      await secretary.getByRole('button', { name: '保存' }).click();
      await secretary.waitForURL(/\/p\/owners-self-governance\/result\?id=[0-9]+&status=open$/, wait);
    }

    // Close and count.
    await secretary.goto(`${city.base}/p/owners-self-governance/votes`);
    const row = secretary.locator('tbody tr').filter({ hasText: question });
    // Units and persons (Art. 9), as the count page says them: in 1栋 every unit is an owner of its own.
    await visible(row.getByText('8户专有部分，按人计 8人'));
    await visible(row.getByText('12户专有部分，按人计 12人'));
    await row.getByRole('link', { name: '结束计票' }).click();
    await secretary.getByRole('checkbox', { name: /确认结束投票/ }).check();
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/result\?id=[0-9]+&status=closed$/, wait);
    // A counted vote offers no more ballots.
    expect(await secretary.getByRole('link', { name: /登记纸质票/ }).count()).toBe(0);
    const result = secretary.frameLocator('iframe').first();
    await visible(result.getByText('表决结果：通过'));
    const text = await result.locator('body').innerText();
    // The hand count above, line by line.
    expect(text).toContain('830.18 / 1211.16 ㎡');
    expect(text).toContain('8 / 12 人');
    expect(text).toContain('717.88 / 830.18 ㎡');
    expect(text).toContain('7 / 8 人');
    expect(text).toContain('≥3/4');
    expect(text).toContain('已投票的房屋（8 户，不显示投票内容）');
    // The audit list names units, not people, and not their choices.
    expect(text).not.toContain('林小燕');
    await city.shot(secretary, 'owners-vote-result', secretary.locator('iframe'));

    // The owner sees the outcome on the portal.
    const owner = await city.as('resident.hepan');
    await openMenu(owner, '我的业主表决');
    await visible(owner.locator('tbody tr').filter({ hasText: question }).getByText('通过'));

    // And anyone on the public board, without an account.
    const visitor = await city.blank('visitor');
    await visitor.goto(`${city.base}/login`);
    await visitor.getByRole('link', { name: '公示栏（无需登录）' }).click();
    await visible(visitor.getByRole('heading', { level: 2, name: '业主自治 · 表决结果公示' }));
    const card = visitor.locator('article, li, section').filter({ hasText: question }).last();
    await visible(card.getByText(/同意 7\/8 人/));
    await city.shot(visitor, 'owners-vote-board', visitor.getByRole('heading', { level: 2, name: '业主自治 · 表决结果公示' }));
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('forms a committee: the preparatory group, a nomination, and the housing department vetting its items with a reason for a failed one', async () => {
    const secretary = await city.as('secretary.yongfu');
    await openMenu(secretary, '成立筹备组');
    const compound = secretary.getByRole('combobox', { name: '小区' });
    await expect.poll(() => compound.locator('option').count(), wait).toBeGreaterThan(1);
    await compound.selectOption({ label: '河畔家园' });
    await secretary.getByLabel('选举名称').fill('河畔家园第二届业主委员会选举');
    await secretary.getByLabel('筹备组成员').fill('李秀兰（社区党委书记）、张伟（党支部书记）、业主代表3名');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/elections$/, wait);
    const row = secretary.locator('tbody tr').filter({ hasText: '河畔家园第二届业主委员会选举' });
    await row.getByRole('link', { name: '提名候选人' }).click();
    const owner = secretary.getByRole('combobox', { name: '业主' });
    await expect.poll(() => owner.locator('option').count(), wait).toBeGreaterThan(1);
    // Owners are offered by unit, names masked.
    await owner.selectOption({ label: '河畔家园1栋1单元102 周*华' });
    await secretary.getByRole('radio', { name: '业主联名推荐' }).check();
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/candidates\?id=[0-9]+$/, wait);
    await visible(secretary.locator('tbody tr').filter({ hasText: '周*华' }).getByText('审查中'));
    const candidatesUrl = secretary.url();

    // The housing department vets the items the list gives it: four, one failed with its reason.
    const housing = await city.as('dept.zjj');
    await openMenu(housing, '候选人联审');
    const items = housing.locator('tbody tr').filter({ hasText: '周*华（河畔家园1栋）' });
    await expect.poll(() => items.count(), wait).toBe(4);
    for (let i = 0; i < 4; i++) {
      const next = housing.locator('tbody tr').filter({ hasText: '周*华（河畔家园1栋）' }).first();
      const arrears = ((await next.textContent()) ?? '').includes('欠缴');
      await next.getByRole('link', { name: '审查' }).click();
      // The form names the item it decides, chosen already.
      await expect.poll(async () => (await housing.getByRole('combobox', { name: '审查事项' }).locator('option:checked').textContent()) ?? '', wait).toContain('周*华（河畔家园1栋）');
      await housing.getByRole('radio', { name: arrears ? '不通过' : '通过', exact: true }).check();
      if (arrears) {
        await housing.getByLabel('不通过的理由').fill('2025年起欠缴物业费18个月，经催缴仍未缴纳。');
        await city.shot(housing, 'owners-committee-check');
      }
      await housing.getByRole('button', { name: '保存' }).click();
      await housing.waitForURL(/\/p\/owners-self-governance\/checks$/, wait);
    }
    await expect.poll(() => housing.locator('tbody tr').filter({ hasText: '周*华（河畔家园1栋）' }).count(), wait).toBe(0);

    // The secretary sees the candidate failed, the item and the reason, named by department.
    await secretary.goto(candidatesUrl);
    const candidate = secretary.locator('tbody tr').filter({ hasText: '周*华' });
    await visible(candidate.getByText('未通过'));
    await candidate.getByRole('link').first().click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/candidate-checks\?id=[0-9]+$/, wait);
    const failed = secretary.locator('tbody tr').filter({ hasText: '不通过' });
    await visible(failed.getByText('2025年起欠缴物业费18个月，经催缴仍未缴纳。'));
    await visible(failed.getByText('天长市住房和城乡建设局'));
    await city.shot(secretary, 'owners-committee-checks', failed);
    expect(city.problems).toEqual([]);
  }, 300_000);

  it('counts owners per person on the roll and the vote list, and takes a seller off the roll after registering the buyer', async () => {
    const secretary = await city.as('secretary.yongfu');
    // The vote list counts units and persons: in the compound's open vote one owner's two units are one person, the developer's two unsold units another.
    await openMenu(secretary, '业主表决');
    const fund = secretary.locator('tbody tr').filter({ hasText: '使用维修资金更换2栋、3栋消防水泵' });
    await visible(fund.getByText('24户专有部分，按人计 22人'));
    await visible(fund.getByText('2户专有部分，按人计 1人'));
    await city.shot(secretary, 'owners-roll-vote-list', fund);

    // The roll says how each unit counts.
    await openMenu(secretary, '业主名册');
    const b3 = (room: string) => secretary.locator('tbody tr').filter({ hasText: '河畔家园3栋' }).filter({ hasText: room });
    await visible(b3('1单元102').getByText('同一业主共2套，按1人计'));
    await visible(b3('1单元301').getByText('开发商共2套，按1人计'));
    await city.shot(secretary, 'owners-roll-headcount', b3('1单元101'));

    // 2栋1单元202 is sold: its row opens the unit's owners.
    const unitRow = () => secretary.locator('tbody tr').filter({ hasText: '河畔家园2栋' }).filter({ hasText: '1单元202' });
    await unitRow().getByRole('link', { name: /河畔家园2栋/ }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/unit-owners\?unit=[0-9]+$/, wait);
    const ownersUrl = secretary.url();
    const seller = () => secretary.locator('tbody tr').filter({ hasText: '尤*' });
    await visible(seller().getByText('在册'));

    // Removing the only owner first is refused, saying what to do.
    const remove = async (tick: boolean) => {
      await secretary.goto(ownersUrl);
      await seller().getByRole('link', { name: '移除业主' }).click();
      await secretary.waitForURL(/\/p\/owners-self-governance\/remove-owner\?unit=[0-9]+&owner=[0-9]+$/, wait);
      // The form names whom it removes.
      await visible(secretary.locator('.form-context').getByText('河畔家园2栋1单元202'));
      await visible(secretary.locator('.form-context').getByText('尤*', { exact: true }));
      await secretary.getByLabel('移除原因').fill('房屋已出售，已过户给新业主');
      if (tick) await secretary.getByRole('checkbox', { name: /确认移除/ }).check();
      await secretary.getByRole('button', { name: '保存' }).click();
    };
    await remove(true);
    await visible(secretary.getByText(/只剩这一位业主，移除后将无人可以投票：请先登记新业主/));
    await city.shot(secretary, 'owners-remove-last-refused');

    // The buyer is registered on the unit.
    await secretary.goto(ownersUrl);
    await secretary.getByRole('link', { name: '登记业主' }).click();
    await secretary.getByLabel('业主姓名').fill('马新民');
    await secretary.getByLabel('业主电话').fill('13955550202');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/unit-owners\?unit=[0-9]+$/, wait);
    await visible(secretary.locator('tbody tr').filter({ hasText: '马*' }).getByText('在册'));

    // Then the seller: not without the confirmation ticked; then removed, with the reason and who did it kept.
    await remove(false);
    await visible(secretary.getByText('请勾选确认移除：该业主将从名册中移除。'));
    await visible(secretary.getByText('请勾选此项'));
    await secretary.getByRole('checkbox', { name: /确认移除/ }).check();
    await city.shot(secretary, 'owners-remove-confirm');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/unit-owners\?unit=[0-9]+$/, wait);
    await visible(seller().getByText('已移除'));
    await visible(seller().getByText('房屋已出售，已过户给新业主'));
    await visible(seller().getByText('李秀兰'));
    expect(await seller().getByRole('link', { name: '移除业主' }).count()).toBe(0);
    await city.shot(secretary, 'owners-removed');

    // The roll shows the buyer only.
    await openMenu(secretary, '业主名册');
    await visible(unitRow().getByText('马*民', { exact: true }));
    expect(await unitRow().getByText(/尤\*/).count()).toBe(0);

    // A seated member leaves: 王桂英, the committee's 主任, gives her share of 1栋1单元101 to her co-owner.
    // The form says beforehand that she sits on the committee and that the seat ends (指导规则第三十七条).
    await openMenu(secretary, '业主委员会');
    await visible(secretary.locator('tbody tr').filter({ hasText: '王桂英' }).getByText('主任'));
    await openMenu(secretary, '业主名册');
    await secretary.locator('tbody tr').filter({ hasText: '河畔家园1栋' }).filter({ hasText: '1单元101' }).getByRole('link', { name: /河畔家园1栋/ }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/unit-owners\?unit=[0-9]+$/, wait);
    const chair = () => secretary.locator('tbody tr').filter({ hasText: '王*英' });
    await chair().getByRole('link', { name: '移除业主' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/remove-owner\?unit=[0-9]+&owner=[0-9]+$/, wait);
    const warning = secretary.locator('.form-context').getByText('河畔家园业主委员会主任：移除后此人不再是本小区业主，委员资格自行终止（指导规则第三十七条）');
    await visible(warning);
    await secretary.getByLabel('移除原因').fill('份额已赠与共有人孙德明，已办理不动产变更登记');
    await secretary.getByRole('checkbox', { name: /确认移除/ }).check();
    await city.shot(secretary, 'owners-remove-seated-warning');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/unit-owners\?unit=[0-9]+$/, wait);
    // The answer says the seat ended.
    await visible(secretary.getByText('已保存：河畔家园业主委员会主任：已不再是本小区业主，委员资格自行终止'));
    await visible(chair().getByText('已移除'));
    await city.shot(secretary, 'owners-remove-seated-done');

    // 业主委员会: she is no longer seated; her ended seat stays below, masked, with when and why; too few sit now.
    await openMenu(secretary, '业主委员会');
    const sitting = secretary.locator('tbody tr').filter({ hasText: '在任' }).filter({ hasNotText: '资格终止' });
    await visible(sitting.filter({ hasText: '周建华' }));
    expect((await secretary.locator('tbody tr').filter({ hasNotText: '资格终止' }).locator('td[data-label="姓名"]').allTextContents()).map((n) => n.trim()).sort()).toEqual(['吴晓梅', '周建华'].sort());
    expect(await secretary.getByText('王桂英').count()).toBe(0);
    const ended = secretary.locator('tbody tr').filter({ hasText: '王*英' });
    await visible(ended.getByText('资格终止'));
    await visible(ended.getByText(/不再是本小区业主（物业转让等），委员资格自行终止/));
    expect(await ended.getByRole('link', { name: '设定职务' }).count()).toBe(0);
    await visible(secretary.locator('tbody tr').first().getByText('在任2名，少于最低人数3名（应选3名）：应及时补足委员'));
    await city.shot(secretary, 'owners-committee-seat-ended');
    await city.shot(secretary, 'owners-committee-seat-ended-row', ended);
    expect(city.problems).toEqual([]);
  }, 300_000);
});
