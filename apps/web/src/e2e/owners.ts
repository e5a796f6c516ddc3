import { expect } from 'vitest';
import { openMenu, visible, wait, type City } from './harness';

/**
 * An owner votes on their phone: 更多 → 我的业主表决 → the vote's row → 投票; their
 * only unit in 河畔家园1栋 is chosen already; the choice, the one-time
 * confirmation, saved; the row then says 已投票. Shared by the owners' stories.
 */
export async function voteOnline(city: City, username: string, question: string, opts: { choice?: '同意' | '反对' | '弃权'; shot?: string } = {}): Promise<void> {
  const owner = await city.as(username);
  await openMenu(owner, '我的业主表决');
  const row = owner.locator('tbody tr').filter({ hasText: question });
  await visible(row.getByText('待投票'));
  await row.getByRole('link', { name: '投票' }).click();
  await owner.waitForURL(/\/p\/owners-self-governance\/ballot\?vote=[0-9]+$/, wait);
  // Above the ballot: what is asked, and by which rule it is counted.
  await visible(owner.locator('.form-context').getByText(question, { exact: true }));
  await visible(owner.locator('.form-context').getByText('表决规则'));
  await expect.poll(async () => (await owner.getByRole('combobox', { name: '房屋' }).locator('option:checked').textContent()) ?? '', wait).toContain('河畔家园1栋');
  await owner.getByRole('radio', { name: opts.choice ?? '同意', exact: true }).check();
  await owner.getByRole('checkbox', { name: /我确认以上意见/ }).check();
  if (opts.shot) await city.shot(owner, opts.shot);
  await owner.getByRole('button', { name: '保存' }).click();
  await owner.waitForURL(/\/p\/owners-self-governance\/my-votes$/, wait);
  await visible(owner.locator('tbody tr').filter({ hasText: question }).getByText('已投票'));
}

/**
 * An owner votes in a committee election on their phone: 我的业主表决 → the vote's
 * row → 投票 opens the ballot per candidate; they tick the candidates they agree
 * with (a box each, by name and building); once the seats are ticked, the other
 * boxes (`tooMany`, say) cannot be ticked any more (the server refuses more too).
 */
export async function voteForCandidates(city: City, username: string, question: string, ticks: string[], opts: { tooMany?: string; shot?: string } = {}): Promise<void> {
  const owner = await city.as(username);
  await openMenu(owner, '我的业主表决');
  const row = owner.locator('tbody tr').filter({ hasText: question });
  await visible(row.getByText('待投票'));
  await row.getByRole('link', { name: '投票' }).click();
  await owner.waitForURL(/\/p\/owners-self-governance\/candidate-ballot\?vote=[0-9]+&seats=3$/, wait);
  await expect.poll(async () => (await owner.getByRole('combobox', { name: '房屋' }).locator('option:checked').textContent()) ?? '', wait).toContain('河畔家园1栋');
  // Above the ballot: the question and how many seats (at most that many ticks).
  await visible(owner.getByText('3名（最多勾选3名）'));
  const boxes = owner.getByRole('group', { name: /同意的候选人/ });
  for (const name of ticks) await boxes.getByRole('checkbox', { name: new RegExp(`^${name}（`) }).check();
  await owner.getByRole('checkbox', { name: /我确认以上选择/ }).check();
  if (opts.tooMany) {
    // Three ticked for three seats: the fourth box stays off.
    await expect.poll(() => boxes.getByRole('checkbox', { name: new RegExp(`^${opts.tooMany}（`) }).isDisabled(), wait).toBe(true);
    if (opts.shot) await city.shot(owner, `${opts.shot}-full`);
  }
  if (opts.shot) await city.shot(owner, opts.shot);
  await owner.getByRole('button', { name: '保存' }).click();
  await owner.waitForURL(/\/p\/owners-self-governance\/my-votes$/, wait);
  await visible(owner.locator('tbody tr').filter({ hasText: question }).getByText('已投票'));
}
