/**
 * The public notice board 公示栏 in a real browser, as a visitor with no
 * account on a phone: the city's board and then every community's, picked
 * from the list as a visitor would. Every section the plugins declare shows,
 * and no page shows a name, a phone number or an ID-card number of anyone in
 * the seeded data — not even one a staff member typed into a public record.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { doorKnockingPlugin } from '@linli/plugin-door-knocking';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import { volunteerPointsPlugin } from '@linli/plugin-volunteer-points';
import { weekendDeliberationHallPlugin } from '@linli/plugin-weekend-deliberation-hall';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, wait, type City } from './e2e/harness';

const plugins = [gridRequestsPlugin, threeLinkedOfficePlugin, doorKnockingPlugin, weekendDeliberationHallPlugin, redPropertyPlugin, volunteerPointsPlugin];

describe.skipIf(!built)('the public notice board in Chromium', () => {
  let city: City;
  let names: string[];
  let phones: string[];
  beforeAll(async () => {
    city = await startCity(plugins);
    const db = city.server.database.db as unknown as Kysely<any>;
    // A staff member writes a resident's name and phone into a public record.
    const matter = await db.selectFrom('red_property_practical_matters').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('red_property_practical_matters').set({ result: '已完成，住户林小燕（13805501014）到场确认' }).where('id', '=', matter.id).execute();
    const people = await db.selectFrom('linli_people').select(['display_name', 'phone']).execute();
    names = people.map((p) => p.display_name).filter((n) => [...n].length >= 2);
    phones = people.map((p) => p.phone).filter((p): p is string => !!p);
    for (const t of await db.selectFrom('linli_tickets').select('data').execute()) for (const m of JSON.stringify(t.data).matchAll(/1[3-9][0-9]{9}/g)) phones.push(m[0]);
  }, 300_000);
  afterAll(() => city?.close());

  const leaksIn = (text: string) => [
    ...names.filter((n) => text.includes(n)).map((n) => `name ${n}`),
    ...phones.filter((p) => text.includes(p)).map((p) => `phone ${p}`),
    ...[...text.matchAll(/(?<![0-9])(1[3-9][0-9]{9}|[1-9][0-9]{16}[0-9Xx])(?![0-9])/g)].map((m) => `number ${m[0]}`),
  ];

  it('shows the city’s board and every community’s to a visitor without an account, with no personal data', async () => {
    const page = await city.blank('visitor');
    // From the login page, as someone without an account finds it.
    await page.goto(`${city.base}/login`);
    await page.getByRole('link', { name: '公示栏（无需登录）' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '全市公示栏' }));
    for (const section of ['诉求办理与成效群众判（按月）', '周末议事厅 · 决议公示', '三联办 · 会商决定', '红色物业 · 红黑榜', '红色物业 · 公共收益公开', '红色物业 · 十件实事']) {
      await visible(page.getByRole('heading', { level: 2, name: section }));
    }
    await page.waitForLoadState('networkidle', wait);
    await visible(page.getByText('已完成，住户林**（138****1014）到场确认'));
    await city.shot(page, 'public-board-city');
    expect(leaksIn(await page.locator('body').innerText())).toEqual([]);

    const communities = await page.getByLabel('查看社区').locator('option').allTextContents();
    expect(communities.length).toBeGreaterThan(2);
    for (const name of communities.slice(1)) {
      await page.getByLabel('查看社区').selectOption({ label: name });
      await visible(page.getByRole('heading', { level: 1, name: `${name}公示栏` }));
      await page.waitForLoadState('networkidle', wait);
      await visible(page.getByRole('heading', { level: 2, name: '诉求办理与成效群众判（按月）' }));
      expect(leaksIn(await page.locator('body').innerText()), name).toEqual([]);
      if (name === '永福社区') {
        await visible(page.getByText('河畔家园').first());
        await city.shot(page, 'public-board-yongfu', page.getByRole('heading', { level: 2, name: '周末议事厅 · 决议公示' }));
      }
    }
    expect(city.problems).toEqual([]);
  });

  it('lets an administrator issue an Open311 api_key on a phone, which files a request until it is revoked', async () => {
    const page = await city.as('admin');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: /Open311 接入/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Open311 接入' }));
    await page.getByLabel('应用名称').fill('天长12345热线');
    const hepan = await page.locator('#open311-org option', { hasText: '河畔家园' }).first().getAttribute('value');
    await page.getByLabel('受理范围').selectOption(hepan!);
    await page.getByRole('button', { name: '签发', exact: true }).click();
    await visible(page.getByText('已为「天长12345热线」签发 api_key'));
    const apiKey = (await page.getByLabel('api_key', { exact: true }).innerText()).trim();
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await city.shot(page, 'open311-issued');

    // The hotline's system files with it, as any Open311 client would.
    const file = () =>
      fetch(`${city.base}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: apiKey, service_code: 'grid-request', address_id: 'hepan', 'attribute[category]': '公共设施', description: '河畔家园东门路灯坏了三天' }),
      });
    const filed = await file();
    expect(filed.status).toBe(200);
    const id = ((await filed.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const visitor = await (await fetch(`${city.base}/open311/v2/requests/${id}.json`)).json();
    expect(visitor[0]).toMatchObject({ status: 'open', address: '河畔家园', service_code: 'grid-request' });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '停用' }).click();
    await visible(page.getByText('已停用'));
    expect((await file()).status).toBe(403);
    expect(city.problems).toEqual([]);
  });
});
