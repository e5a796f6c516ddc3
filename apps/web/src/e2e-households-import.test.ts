/**
 * The households sheet 房屋和业主 on the administrators' import card, in a
 * real browser at phone size, in Chinese: the card lists the sheets this city
 * imports (the owners' self-governance practice adds 房屋和业主); a file with
 * a bad area is refused with the cell named and no owner's name or phone
 * shown; the corrected file is dry-run (the preview lists the units) and
 * imported; the units are then on the roll 业主名册, owners masked.
 * Needs apps/web/dist and /usr/bin/chromium.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, startCity, visible, wait, type City } from './e2e/harness';

if (!built) console.warn('households import e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

async function householdsFile(area: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋和业主');
  ws.addRow(['楼栋', '房号', '专有部分面积', '党员中心户', '开发商未售/未交付', '业主姓名', '业主电话', '业主编号']);
  ws.addRow(['hepan-b3', '2单元101', area, '是', '', '韩秘芳、韩立', '13800009901、', '']);
  ws.addRow(['河畔家园/河畔家园3栋', '2单元102', '76.40', '', '', '魏秘明', '13800009902', 'HP-9']);
  return { name: 'households.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe.skipIf(!built)('the households sheet on the import card in Chromium', () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, ownersSelfGovernancePlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  it('lists the sheet, names a bad cell without personal data, dry-runs and imports the units onto the roll', async () => {
    const admin = await city.as('admin');
    await admin.getByRole('link', { name: '更多' }).click();
    await admin.getByRole('link', { name: /人员管理/ }).click();
    await admin.waitForURL(/\/admin\/people$/, wait);
    await admin.getByText('批量导入（Excel / CSV）').click();
    const sheet = admin.getByRole('listitem').filter({ hasText: '房屋和业主' });
    await visible(sheet);
    expect(await sheet.textContent()).toContain('楼栋*、房号*、专有部分面积*、党员中心户、开发商未售/未交付、业主姓名*、业主电话、业主编号');
    await city.shot(admin, 'households-import-sheets', sheet);

    await admin.getByLabel('选择文件').setInputFiles(await householdsFile('88.123'));
    await admin.getByRole('button', { name: '试运行' }).click();
    await visible(admin.getByText('发现 1 处问题，未导入任何数据：'));
    await visible(admin.getByText('房屋和业主!C2'));
    const content = await admin.content();
    expect(content).toContain('“专有部分面积”填写有误');
    expect(content).not.toMatch(/韩秘芳|13800009901/);
    await city.shot(admin, 'households-import-problem', admin.getByText('房屋和业主!C2'));

    await admin.getByLabel('选择文件').setInputFiles(await householdsFile('88.12'));
    await admin.getByRole('button', { name: '试运行' }).click();
    await visible(admin.getByText('新增房屋 河畔家园3栋 2单元101（88.12 ㎡，2 位业主）'));
    await visible(admin.getByText('新增房屋 河畔家园3栋 2单元102（76.40 ㎡，1 位业主）'));
    await city.shot(admin, 'households-import-preview', admin.getByText('新增房屋 河畔家园3栋 2单元101（88.12 ㎡，2 位业主）'));
    await admin.getByRole('button', { name: '确认导入' }).click();
    await visible(admin.getByText('已导入 2 项变更'));
    // The demo roll's units of 河畔家园3栋 that the file leaves out are reported, and kept.
    await visible(admin.getByText('请核对 6 项（不是变更，未删除任何数据）：'));
    await visible(admin.getByText('表中没有 河畔家园3栋 1单元101（名册中保留，未删除）'));
    await city.shot(admin, 'households-import-done', admin.getByText('已导入 2 项变更'));

    // The roll shows the imported units, owners masked.
    await admin.getByRole('link', { name: '更多' }).click();
    await admin.getByRole('link', { name: /^业主名册/ }).click();
    const unit = admin.locator('tbody tr').filter({ hasText: '2单元101' });
    await visible(unit);
    expect(await unit.textContent()).toContain('88.12');
    expect(await unit.textContent()).toContain('韩*芳');
    expect(await admin.content()).not.toContain('韩秘芳');
    await city.shot(admin, 'households-import-roll', unit);
    expect(city.problems.filter((p) => !/status of 422|HTTP 422/.test(p))).toEqual([]);
  });
});
