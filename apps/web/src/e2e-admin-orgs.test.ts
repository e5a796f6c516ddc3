/**
 * The org tree and the grids kept by their administrators, in a real browser
 * at phone size in Chinese: the street administrator of 广陵街道 adds a
 * compound and a building under 永福社区, renames the compound, moves it to
 * 曙光社区, creates a grid there covering it and adds a grid worker found by
 * name, is told why the compound cannot be deactivated yet, clears what
 * holds it and deactivates it; the administrator of 永福社区 sees only their
 * own community on the same pages, and on 人员管理 gives a building leader a
 * role at another building and takes it away again. Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, wait, type City } from './e2e/harness';

if (!built) console.warn('admin orgs e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

/** 陈建国, the street secretary, is also the street's administrator in this city. */
function withStreetAdmin(config: Record<string, unknown>): Record<string, unknown> {
  const people = config.people as { username: string; roles: { role: string; org?: string }[] }[];
  return { ...config, people: people.map((p) => (p.username === 'street.guangling' ? { ...p, roles: [...p.roles, { role: 'admin', org: 'guangling' }] } : p)) };
}

/** Chooses the option showing `name` (pickers indent names by depth), as a person taps it. */
async function choose(select: Locator, name: string): Promise<void> {
  const option = select.locator('option').filter({ hasText: new RegExp(`^[\\s\\u3000]*${name}$`) });
  await select.selectOption(await option.getAttribute('value'));
}

async function openMenu(page: Page, entry: string, url: RegExp): Promise<void> {
  await page.getByRole('link', { name: '更多' }).click();
  await page.getByRole('link', { name: entry }).click();
  await page.waitForURL(url, wait);
}

const treeItem = (page: Page, name: string) => page.locator('.tree-item').filter({ has: page.locator('.tree-name', { hasText: new RegExp(`^${name}$`) }) });

describe.skipIf(!built)('org tree and grids administration in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin], { configure: withStreetAdmin });
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  it('a street administrator adds, renames and moves a compound, gives it a grid and a grid worker, and deactivates it', async () => {
    const street = await city.as('street.guangling');
    await openMenu(street, '组织架构管理', /\/admin\/orgs$/);
    await visible(street.getByText('您管理的范围：广陵街道'));

    // Under 永福社区: a compound, then a building under it, by type and name only.
    await street.getByRole('button', { name: '展开或收起 永福社区' }).click();
    await treeItem(street, '永福社区').click();
    const panel = street.locator('#org-admin');
    await visible(panel.getByRole('heading', { name: '永福社区' }));
    await panel.getByLabel('类型').selectOption({ label: '小区' });
    await panel.getByLabel('下级组织名称').fill('新河苑');
    await panel.getByRole('button', { name: '添加', exact: true }).click();
    await visible(panel.getByText('已在永福社区下添加「新河苑」'));
    await visible(panel.getByRole('heading', { name: '新河苑' }));
    // A compound holds buildings and side organizations, not another compound or a community.
    const types = (await panel.getByLabel('类型').locator('option').allTextContents()).slice(1);
    expect(types).toContain('楼栋');
    expect(types).not.toContain('小区');
    await panel.getByLabel('类型').selectOption({ label: '楼栋' });
    await panel.getByLabel('下级组织名称').fill('新河苑1栋');
    await panel.getByRole('button', { name: '添加', exact: true }).click();
    await visible(panel.getByText('已在新河苑下添加「新河苑1栋」'));
    await visible(treeItem(street, '新河苑1栋'));
    await city.shot(street, 'admin-orgs-added', treeItem(street, '新河苑'));

    // Renamed: the tree and the panel follow.
    await treeItem(street, '新河苑').click();
    await panel.getByLabel('名称', { exact: true }).fill('新河家园');
    await panel.getByRole('button', { name: '保存名称' }).click();
    await visible(panel.getByText('已改名为「新河家园」'));
    await visible(treeItem(street, '新河家园'));

    // Moved to 曙光社区: the picker offers only communities (a compound goes under a community).
    const moveTo = panel.getByLabel('移到');
    const targets = (await moveTo.locator('option').allTextContents()).map((s) => s.trim()).slice(1);
    expect(targets).toEqual(['曙光社区']);
    await choose(moveTo, '曙光社区');
    await panel.getByRole('button', { name: '移动', exact: true }).click();
    await visible(panel.getByText('已把新河家园移到曙光社区下，0 张工单随之移动'));
    await visible(panel.getByText('上级：曙光社区'));
    await city.shot(street, 'admin-orgs-moved', panel.getByText('上级：曙光社区'));

    // A grid at 曙光社区 covering it, and a grid worker found by name.
    await openMenu(street, '网格管理', /\/admin\/grids$/);
    await street.getByText('新建网格', { exact: true }).click();
    await choose(street.getByLabel('所属组织（通常是社区）'), '曙光社区');
    await street.getByLabel('网格名称').fill('曙光社区第二网格');
    await street.getByRole('button', { name: '创建网格' }).click();
    const card = street.locator('section.card').filter({ has: street.getByRole('heading', { name: /^曙光社区第二网格/ }) });
    await visible(card.getByText('还没有覆盖任何小区或楼栋'));
    await choose(card.getByLabel('加入网格'), '新河家园');
    await card.getByRole('button', { name: '加入网格' }).click();
    await visible(card.getByText('已把新河家园划入网格'));
    await card.getByLabel('添加成员（按姓名查找）').fill('赵敏');
    await card.getByRole('button', { name: '查找' }).click();
    await card.getByRole('button', { name: /^赵敏/ }).click();
    await card.getByLabel('角色').selectOption({ label: '专职网格员' });
    await card.getByRole('button', { name: '添加到网格' }).click();
    await visible(card.getByText('已添加赵敏为专职网格员'));
    await visible(card.getByRole('list', { name: '网格成员' }).getByText('赵敏'));
    await city.shot(street, 'admin-grids-member', card);

    // Deactivating the compound is refused while its building and the grid hold it, and says so.
    await openMenu(street, '组织架构管理', /\/admin\/orgs$/);
    await street.getByRole('button', { name: '展开或收起 曙光社区' }).click();
    await treeItem(street, '新河家园').click();
    street.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: '停用', exact: true }).click();
    const refusal = panel.getByRole('alert');
    await visible(refusal);
    expect(await refusal.textContent()).toContain('新河家园暂不能停用：其下还有 1 个在用的组织（新河苑1栋）');
    expect(await refusal.textContent()).toContain('网格曙光社区第二网格设在或覆盖这里');
    await city.shot(street, 'admin-orgs-refused', refusal);

    await street.getByRole('button', { name: '展开或收起 新河家园' }).click();
    await treeItem(street, '新河苑1栋').click();
    street.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: '停用', exact: true }).click();
    await visible(panel.getByText('已停用「新河苑1栋」'));
    await openMenu(street, '网格管理', /\/admin\/grids$/);
    await card.getByRole('button', { name: '把新河家园移出网格' }).click();
    await visible(card.getByText('已把新河家园移出网格'));
    await openMenu(street, '组织架构管理', /\/admin\/orgs$/);
    await street.getByRole('button', { name: '展开或收起 曙光社区' }).click();
    await treeItem(street, '新河家园').click();
    street.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: '停用', exact: true }).click();
    await visible(panel.getByText('已停用「新河家园」'));
    await visible(treeItem(street, '新河家园').getByText('小区 · 已停用'));
    await visible(panel.getByRole('button', { name: '重新启用' }));
    await city.shot(street, 'admin-orgs-deactivated', treeItem(street, '新河家园'));
  });

  it('a community administrator sees only their community, and gives and takes away a role there', async () => {
    const secretary = await city.as('secretary.yongfu');
    await openMenu(secretary, '组织架构管理', /\/admin\/orgs$/);
    await visible(secretary.getByText('您管理的范围：永福社区'));
    await visible(treeItem(secretary, '河畔家园'));
    const names = await secretary.locator('.tree-name').allTextContents();
    for (const outside of ['广陵街道', '曙光社区', '新河家园', '千秋社区', '天长市']) expect(names).not.toContain(outside);
    await city.shot(secretary, 'admin-orgs-community');
    await openMenu(secretary, '网格管理', /\/admin\/grids$/);
    await visible(secretary.getByRole('heading', { name: /^永福社区第一网格/ }));
    expect(await secretary.getByRole('heading', { name: /曙光社区/ }).count()).toBe(0);
    await city.shot(secretary, 'admin-grids-community');

    // 人员管理: a role with its scope, given at a building of the community picked by name, then taken away.
    await openMenu(secretary, '人员管理', /\/admin\/people$/);
    // The invite form offers the same places as the roles panel: only what this administrator administers.
    await secretary.getByText('邀请人员').click();
    await secretary.locator('#inv-role').selectOption({ label: '楼栋长' });
    await expect.poll(async () => (await secretary.locator('#inv-org option').allTextContents()).map((x) => x.trim()), wait).toContain('河畔家园2栋');
    const invitePlaces = (await secretary.locator('#inv-org option').allTextContents()).map((x) => x.trim());
    for (const outside of ['曙光新村1栋', '曙光社区', '广陵街道']) expect(invitePlaces).not.toContain(outside);
    await secretary.getByText('邀请人员').click();
    await secretary.getByRole('searchbox', { name: '搜索姓名、用户名或手机号' }).fill('孙德明');
    await secretary.getByRole('searchbox', { name: '搜索姓名、用户名或手机号' }).press('Enter');
    const row = secretary.locator('li.person-row').filter({ hasText: 'building.hepan1' });
    await visible(row.getByText('楼栋长 · 河畔家园1栋'));
    await row.getByText('添加角色').click();
    await row.getByLabel('要授予的角色').selectOption({ label: '楼栋长' });
    const places = (await row.getByLabel('在哪个组织').locator('option').allTextContents()).map((x) => x.trim());
    expect(places).not.toContain('曙光新村1栋');
    await choose(row.getByLabel('在哪个组织'), '河畔家园2栋');
    await row.getByRole('button', { name: '授予角色' }).click();
    await visible(row.getByText('楼栋长 · 河畔家园2栋'));
    await city.shot(secretary, 'admin-people-role', row);
    secretary.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: '收回孙德明在河畔家园2栋的楼栋长角色' }).click();
    await row.getByText('楼栋长 · 河畔家园2栋').waitFor({ state: 'detached', ...wait });
    await visible(row.getByText('楼栋长 · 河畔家园1栋'));
    // Staff who administer nothing are not offered these pages.
    const staff = await city.as('staff.yongfu');
    await staff.getByRole('link', { name: '更多' }).click();
    await visible(staff.getByRole('link', { name: '我的账号' }));
    const menu = (await staff.locator('.menu-list .menu-label').allTextContents()).map((x) => x.trim());
    expect(menu).toContain('组织网格');
    for (const entry of ['组织架构管理', '网格管理', '人员管理']) expect(menu).not.toContain(entry);
    expect(city.problems).toEqual([]);
  });
});
