/**
 * A resident's way in, in a real browser at phone size (390 px) in Chinese:
 * 林小燕 logs in and lands on her portal, reports a broken street light with a
 * photo and her phone's position (geolocation granted, no map tiles: nothing
 * is fetched), and follows it; the grid worker sorts it with an internal note
 * and answers it in another browser context; she sees the answer but never
 * the note, rates the result 2 of 5, and reopens it once with a reason. The
 * staff map shows the open ticket at its point. Needs apps/web/dist and
 * /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openFromQueue, startCity, visible, wait, type City } from './e2e/harness';
import { gradientPng } from './e2e/png';

const title = '河畔家园东门路灯不亮';
const note = '该户多次来电，情绪较大，注意沟通方式';
const answer = '已联系物业更换东门两盏路灯灯泡';
// Inside 永福 first grid's boundary (examples/tianchang), which covers 河畔家园: WGS-84, as a phone's GPS reports it.
const here = { latitude: 32.6945, longitude: 119.0005 };

if (!built) console.warn('resident e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

describe.skipIf(!built)("a resident's portal in Chromium", () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  it('reports with a photo and a location, follows public replies only, rates and reopens once', async () => {
    const resident = await city.as('resident.hepan', { geolocation: here });
    // Residents land on their portal, not on a staff queue.
    expect(resident.url()).toMatch(/\/me$/);
    await visible(resident.getByRole('heading', { name: '您好，林小燕' }));
    await city.shot(resident, 'resident-portal');

    await resident.getByRole('link', { name: /我要反映/ }).click();
    await resident.waitForURL(/\/me\/report$/, wait);
    // The kind of problem in the workflow's own intake words, not its name.
    await visible(resident.getByRole('radio', { name: /小区里的问题（随手拍）/ }));
    expect(await resident.getByText('网格诉求').count()).toBe(0);
    await resident.getByRole('radio', { name: /小区里的问题/ }).check();
    await visible(resident.getByRole('heading', { name: /问题在哪里？/ }));
    // Where she lives is preselected.
    await expect.poll(() => resident.getByRole('combobox', { name: '小区 / 楼栋' }).locator('option:checked').textContent(), wait).toContain('河畔家园');
    await resident.getByRole('button', { name: '使用我的位置' }).click();
    await visible(resident.getByText(/已标出位置（32\.69450, 119\.00050）/));
    await visible(resident.locator('.leaflet-interactive'));
    await city.shot(resident, 'resident-report-location', resident.locator('.pin-picker'));

    await resident.getByRole('textbox', { name: '标题', exact: true }).fill(title);
    await resident.getByLabel('类别').selectOption('公共设施');
    await resident.getByLabel('情况描述').fill('东门进来右手边两盏路灯一周没亮，晚上老人出门看不清路。');
    const camera = resident.locator('input[type="file"]');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    expect(await camera.getAttribute('capture')).not.toBeNull();
    await camera.setInputFiles({ name: 'snap.png', mimeType: 'image/png', buffer: gradientPng(160, 120) });
    await visible(resident.getByRole('img', { name: '现场照片 1' }));
    await city.shot(resident, 'resident-report-form', resident.locator('.photos'));
    await resident.getByRole('button', { name: '提交反映' }).click();
    await visible(resident.getByText('已收到您的反映，网格员会尽快受理。'));
    await city.shot(resident, 'resident-report-done');
    await resident.getByRole('link', { name: '查看进度' }).click();
    await resident.waitForURL(/\/me\/requests\/[0-9]+$/, wait);
    await visible(resident.getByRole('heading', { level: 1, name: title }));
    await visible(resident.getByText('您提交了诉求'));
    const requestUrl = resident.url();
    const id = requestUrl.split('/').pop()!;
    const stored = await city.server.database.db.selectFrom('linli_tickets').select(['lat', 'lng']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(stored).toEqual({ lat: here.latitude, lng: here.longitude });

    // The grid worker, in another browser: sorts with an internal note, then answers the resident.
    const grid = await city.as('grid.yongfu1');
    await openFromQueue(grid, city.base, title);
    await grid.getByRole('button', { name: /^梳理/ }).click();
    await grid.getByLabel('确认类别').selectOption('公共设施');
    await grid.getByLabel('梳理意见').fill(note);
    // Internal by default: the share box starts unchecked.
    expect(await grid.getByRole('checkbox', { name: /让反映人看到这一步的内容/ }).isChecked()).toBe(false);
    await grid.getByRole('button', { name: '提交「梳理」' }).click();
    await visible(grid.getByText('已完成「梳理」'));
    await grid.getByRole('button', { name: /^网格内解决/ }).click();
    await grid.getByLabel('办理情况').fill(answer);
    // A reply to the resident: public by default.
    expect(await grid.getByRole('checkbox', { name: /让反映人看到这一步的内容/ }).isChecked()).toBe(true);
    await grid.getByRole('button', { name: '提交「网格内解决」' }).click();
    await visible(grid.getByText('已完成「网格内解决」'));
    await visible(grid.getByText(note));
    await visible(grid.locator('.timeline-visibility', { hasText: '仅内部' }));
    await city.shot(grid, 'resident-staff-timeline', grid.locator('.timeline'));

    // The resident follows: the answer, the progress, never the note.
    await resident.reload();
    await visible(resident.getByText(answer));
    await visible(resident.getByText('已梳理').first());
    expect(await resident.getByText(note).count()).toBe(0);
    expect(await resident.content()).not.toContain('情绪较大');
    await city.shot(resident, 'resident-follow');

    // She rates the result 2 of 5 with a comment: the ticket closes with her rating.
    await visible(resident.getByRole('heading', { name: '评价办理结果' }));
    await resident.getByRole('radio', { name: '2', exact: true }).check();
    await resident.getByLabel('评价意见').fill('只换了一盏，另一盏还是不亮');
    await city.shot(resident, 'resident-rate', resident.locator('.action-card').first());
    await resident.getByRole('button', { name: '提交评价' }).click();
    await visible(resident.getByText('感谢您的评价'));
    await visible(resident.getByText('您的评价：2 分'));

    // Not solved: she reopens it once, with a reason; then the way to reopen is gone.
    await resident.getByRole('button', { name: '不满意，申请重新办理' }).click();
    await resident.getByRole('button', { name: '提交申请' }).click();
    await visible(resident.getByText('请写一下原因'));
    await resident.getByLabel('哪里还没解决？').fill('另一盏路灯晚上还是黑的');
    await resident.getByRole('button', { name: '提交申请' }).click();
    await visible(resident.getByText('已申请重新办理'));
    await visible(resident.getByText('另一盏路灯晚上还是黑的'));
    await expect.poll(() => resident.locator('.ticket-head .badge').first().textContent(), wait).toBe('已梳理');
    expect(await resident.getByRole('heading', { name: '不满意，申请重新办理' }).count()).toBe(0);
    await city.shot(resident, 'resident-reopened');

    // Her list shows it; she sees only her own.
    await resident.getByRole('link', { name: '我的诉求' }).first().click();
    await visible(resident.getByRole('link', { name: new RegExp(title) }));
    await city.shot(resident, 'resident-mine');

    // Staff see the open ticket on the map, at its point (no tiles configured: pins on a blank canvas).
    await grid.getByRole('link', { name: '更多' }).click();
    await grid.getByRole('link', { name: '地图' }).click();
    await grid.waitForURL(/\/map$/, wait);
    await visible(grid.getByRole('link', { name: title }));
    await visible(grid.locator('.leaflet-interactive'));
    await grid.getByLabel('只看已逾期').check();
    await visible(grid.getByText('没有符合条件的带位置工单'));
    await grid.getByLabel('只看已逾期').uncheck();
    await visible(grid.getByRole('link', { name: title }));
    await city.shot(grid, 'staff-map');

    // The dashboard counts residents' ratings (the demo history has one closed request, rated 5).
    await grid.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '看板' }).click();
    const satisfaction = grid.locator('section', { has: grid.getByRole('heading', { name: /群众满意度/ }) });
    await visible(satisfaction.getByText(/满意率 100% · 重办率 0% · 未评价销号 0 件/));
    await visible(satisfaction.getByRole('cell', { name: '河畔家园' }));
    await city.shot(grid, 'staff-satisfaction', satisfaction);

    expect(city.problems).toEqual([]);
  }, 240_000);
});
