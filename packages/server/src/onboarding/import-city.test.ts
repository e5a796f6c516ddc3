import { isLinliError, type LinliError } from '@linli/core';
import type { Database } from '@linli/db';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll } from '../start.js';
import { exampleConfig, orgId, requestData } from '../test-support.js';
import { exportCity } from './export-city.js';
import { importCity } from './import-city.js';

/** A workbook built in the test, one sheet per entry: header row, then data rows. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<{ name: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return { name: 'roster.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

async function caught(p: Promise<unknown>): Promise<LinliError> {
  try {
    await p;
  } catch (e) {
    if (isLinliError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

/** Everything an export holds, as comparable sets of keys (ids differ between databases). */
async function snapshot(db: Database<any>['db']) {
  const orgs = await db.selectFrom('linli_orgs as o').leftJoin('linli_orgs as p', 'p.id', 'o.parent_id').select(['o.key', 'p.key as parent', 'o.type', 'o.name', 'o.depth']).orderBy('o.key').execute();
  const grids = await db.selectFrom('linli_grids as g').innerJoin('linli_orgs as o', 'o.id', 'g.org_id').select(['g.key', 'g.name', 'o.key as org', 'g.boundary']).orderBy('g.key').execute();
  const people = await db.selectFrom('linli_people').select(['username', 'display_name', 'phone']).orderBy('username').execute();
  const grants = await db
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_people as p', 'p.id', 'r.person_id')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .leftJoin('linli_grids as g', 'g.id', 'r.grid_id')
    .select(['p.username', 'r.role', 'o.key as org', 'g.key as grid'])
    .orderBy('p.username')
    .orderBy('r.role')
    .orderBy('o.key')
    .execute();
  return { orgs, grids, people, grants };
}

for (const backend of testBackends()) {
  describe(`onboarding import and export on ${backend.name}`, () => {
    let server: TestServer;
    let fresh: Database<any>;
    const now = () => server.clock.now();
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [gridRequestsPlugin], backend });
      fresh = await backend.open();
      await migrateAll(fresh, []);
    });
    afterAll(async () => {
      await fresh?.close();
      await server?.close();
    });

    it('exports the city; importing the export into an empty database reproduces it, and a second import changes nothing', async () => {
      const bytes = await exportCity(server.database.db);
      const file = { name: 'tianchang.xlsx', bytes };
      const dry = await importCity(fresh.db, server.deployment, file, { dryRun: true, now: now() });
      expect(dry.counts.people.created).toBe(server.deployment.config.people!.length);
      expect(await fresh.db.selectFrom('linli_orgs').select('id').execute()).toHaveLength(0);
      const first = await importCity(fresh.db, server.deployment, file, { dryRun: false, now: now() });
      expect(first.counts).toEqual(dry.counts);
      expect(await snapshot(fresh.db)).toEqual(await snapshot(server.database.db));
      const again = await importCity(fresh.db, server.deployment, file, { dryRun: false, now: now() });
      expect(again.preview).toEqual([]);
      expect(again.counts).toMatchObject({ orgs: { created: 0, updated: 0, moved: 0 }, grids: { created: 0, updated: 0 }, people: { created: 0, updated: 0, disabled: 0 }, grants: { created: 0, revoked: 0 } });
      // Nobody got a password from a spreadsheet.
      expect(await fresh.db.selectFrom('linli_people').select('id').where('password_hash', 'is not', null).execute()).toHaveLength(0);
    });

    it('updates a changed row, disables a 停用 row (ending their sessions) and moves a compound with its tickets', async () => {
      const admin = await server.login('admin');
      const ticket = await admin.post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'hepan'), data: requestData() });
      const volunteer = await server.login('volunteer.yongfu');
      const file = await workbook({
        组织: [
          ['编码', '上级编码', '类型', '名称'],
          ['hepan', 'shuguang', 'compound', '河畔家园（新）'],
        ],
        人员: [
          ['用户名', '姓名', '手机号', '状态'],
          ['volunteer.yongfu', '志愿者小李', '13900002222', '停用'],
        ],
      });
      const r = await importCity(server.database.db, server.deployment, file, { dryRun: false, now: now() });
      expect(r.counts.orgs).toMatchObject({ updated: 1, moved: 1 });
      expect(r.counts.ticketsMoved).toBeGreaterThanOrEqual(1);
      expect(r.counts.people).toMatchObject({ updated: 1, disabled: 1 });
      const shuguang = await server.database.db.selectFrom('linli_orgs').select('path').where('key', '=', 'shuguang').executeTakeFirstOrThrow();
      const hepan = await server.database.db.selectFrom('linli_orgs').select(['path', 'name']).where('key', '=', 'hepan').executeTakeFirstOrThrow();
      expect(hepan.path.startsWith(shuguang.path)).toBe(true);
      const building = await server.database.db.selectFrom('linli_orgs').select('path').where('key', '=', 'hepan-b1').executeTakeFirstOrThrow();
      expect(building.path.startsWith(hepan.path)).toBe(true);
      const moved = await server.database.db.selectFrom('linli_tickets').select('org_path').where('id', '=', Number(ticket.body.id)).executeTakeFirstOrThrow();
      expect(moved.org_path).toBe(hepan.path);
      // The ticket now belongs to Shuguang's staff, and no longer to Yongfu's.
      expect((await (await server.login('staff.shuguang')).get(`/api/tickets/${ticket.body.id}`)).status).toBe(200);
      expect((await (await server.login('staff.yongfu')).get(`/api/tickets/${ticket.body.id}`)).status).toBe(404);
      expect((await volunteer.get('/api/me')).status).toBe(401);
    });

    it('reports every problem at once with sheet, row and column, in Chinese and English, and writes nothing', async () => {
      const before = await snapshot(server.database.db);
      const file = await workbook({
        组织: [
          ['编码', '上级编码', '类型', '名称'],
          ['new-compound', 'no-such-parent', 'compound', '新小区'],
          ['Bad Key', 'yongfu', 'compound', '坏编码'],
          ['new-building', 'yongfu', 'building', '放错层级的楼栋'],
          ['ok-compound', 'yongfu', 'compound', ''],
        ],
        people: [
          ['username', 'name', 'phone'],
          ['new.person', '新人', 'not-a-phone'],
          ['new.person', '又一个', ''],
          ['formula.person', { formula: 'A1&B1' }, ''],
        ],
        角色: [
          ['用户名', '角色', '组织编码', '网格编码'],
          ['ghost', 'volunteer', 'yongfu', ''],
          ['new.person', 'grid_worker', '', 'no-grid'],
          ['new.person', 'emperor', 'yongfu', ''],
        ],
      });
      const e = await caught(importCity(server.database.db, server.deployment, file, { dryRun: false, now: now() }));
      expect(e.code).toBe('LINLI_ERR_IMPORT_INVALID');
      const at = Object.fromEntries(e.details!.map((d) => [d.path, d]));
      expect(Object.keys(at).sort()).toEqual(['people!B4', 'people!A3', 'people!C2', '组织!A3', '组织!B2', '组织!B4', '组织!D5', '角色!A2', '角色!B4', '角色!D3'].sort());
      expect(at['组织!B2']).toMatchObject({ message: expect.stringContaining('no-such-parent'), localized: { 'zh-CN': expect.stringContaining('找不到编码为“no-such-parent”'), en: expect.any(String) } });
      expect(e.details!.filter((d) => d.path === 'people!B4').map((d) => d.localized?.['zh-CN']).join()).toContain('公式');
      expect(await snapshot(server.database.db)).toEqual(before);
    });

    it('takes a formula cell by its computed value, reads CSV, and refuses to leave the city without an administrator', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('人员');
      ws.addRow(['用户名', '姓名']);
      ws.addRow(['calc.person', { formula: '"计算"&"得出"', result: '计算得出' }]);
      const r = await importCity(server.database.db, server.deployment, { name: 'f.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, { dryRun: false, now: now() });
      expect(r.counts.people.created).toBe(1);
      expect((await server.database.db.selectFrom('linli_people').select('display_name').where('username', '=', 'calc.person').executeTakeFirstOrThrow()).display_name).toBe('计算得出');

      const csv = '用户名,角色,组织编码,网格编码,状态\ncalc.person,volunteer,yongfu,,\n';
      const viaCsv = await importCity(server.database.db, server.deployment, { name: 'grants.csv', bytes: new TextEncoder().encode(csv) }, { dryRun: false, now: now() });
      expect(viaCsv.counts.grants.created).toBe(1);

      const lastAdmin = await workbook({ 角色: [['用户名', '角色', '组织编码', '网格编码', '状态'], ['admin', 'admin', 'tianchang', '', '停用']] });
      expect((await caught(importCity(server.database.db, server.deployment, lastAdmin, { dryRun: false, now: now() }))).code).toBe('LINLI_ERR_LAST_ADMIN');
      const handOver = await workbook({ 角色: [['用户名', '角色', '组织编码', '网格编码', '状态'], ['admin', 'admin', 'tianchang', '', '停用'], ['calc.person', 'admin', 'tianchang', '', '']] });
      expect((await importCity(server.database.db, server.deployment, handOver, { dryRun: true, now: now() })).counts.grants).toEqual({ created: 1, revoked: 1 });
    });

    it('carries grid boundaries as GeoJSON in the 边界 column: imported, placing reports, exported back, refused cell by cell when wrong', async () => {
      const square = { type: 'Polygon', coordinates: [[[119.1, 32.8], [119.11, 32.8], [119.11, 32.81], [119.1, 32.81], [119.1, 32.8]]] };
      const file = await workbook({
        网格: [
          ['编码', '所属组织编码', '名称', '覆盖组织编码', '边界'],
          ['yongfu-g9', 'yongfu', '永福社区第九网格', 'tiandao', JSON.stringify({ type: 'Feature', properties: {}, geometry: square })],
        ],
      });
      const r = await importCity(server.database.db, server.deployment, file, { dryRun: false, now: now() });
      expect(r.counts.grids).toEqual({ created: 1, updated: 0 });
      const stored = await server.database.db.selectFrom('linli_grids').select('boundary').where('key', '=', 'yongfu-g9').executeTakeFirstOrThrow();
      expect(stored.boundary).toEqual(square);

      // A report with a point inside the imported boundary goes to the grid's place.
      const admin = await server.login('admin');
      const placed = await admin.post('/api/tickets', { workflow: 'grid-request', orgId: await orgId(server, 'yongfu'), data: requestData('网格九内的路灯'), point: { lat: 32.805, lng: 119.105 } });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.orgId).toBe(await orgId(server, 'tiandao'));

      // Export writes it back in the same column, and importing the export again changes nothing.
      const exported = await exportCity(server.database.db);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const grids = wb.getWorksheet('网格')!;
      expect(grids.getCell('E1').value).toBe('边界');
      expect(String(grids.getCell('E1').note)).toContain('GeoJSON');
      const row = grids.getRows(2, grids.rowCount - 1)!.find((x) => x.getCell(1).value === 'yongfu-g9')!;
      expect(JSON.parse(String(row.getCell(5).value))).toEqual(square);
      const again = await importCity(server.database.db, server.deployment, { name: 'export.xlsx', bytes: exported }, { dryRun: true, now: now() });
      expect(again.counts.grids).toEqual({ created: 0, updated: 0 });

      // An empty cell clears the boundary; a sheet without the column leaves it alone.
      const noColumn = await workbook({ 网格: [['编码', '所属组织编码', '名称', '覆盖组织编码'], ['yongfu-g9', 'yongfu', '永福社区第九网格', 'tiandao']] });
      expect((await importCity(server.database.db, server.deployment, noColumn, { dryRun: true, now: now() })).counts.grids).toEqual({ created: 0, updated: 0 });
      const cleared = await workbook({ 网格: [['编码', '所属组织编码', '名称', '覆盖组织编码', '边界'], ['yongfu-g9', 'yongfu', '永福社区第九网格', 'tiandao', '']] });
      expect((await importCity(server.database.db, server.deployment, cleared, { dryRun: true, now: now() })).counts.grids).toEqual({ created: 0, updated: 1 });

      const bad = await workbook({
        grids: [
          ['key', 'org', 'name', 'covers', 'boundary'],
          ['g-a', 'yongfu', '甲', 'tiandao', '{"type":"Polygon","coordinates":[[[119.1,32.8],[119.11,32.8],[119.11,32.81]'],
          ['g-b', 'yongfu', '乙', 'tiandao', JSON.stringify({ type: 'Point', coordinates: [119.1, 32.8] })],
          ['g-c', 'yongfu', '丙', 'tiandao', JSON.stringify({ type: 'Polygon', coordinates: [[[32.8, 119.1], [32.8, 119.11], [32.81, 119.11], [32.8, 119.1]]] })],
          ['g-d', 'yongfu', '丁', 'tiandao', JSON.stringify({ type: 'Polygon', coordinates: [[[119.1, 32.8], [119.11, 32.8], [119.11, 32.81], [119.1, 32.81]]] })],
        ],
      });
      const e = await caught(importCity(server.database.db, server.deployment, bad, { dryRun: false, now: now() }));
      expect(e.code).toBe('LINLI_ERR_IMPORT_INVALID');
      const zh = Object.fromEntries(e.details!.map((d) => [d.path, d.localized?.['zh-CN']]));
      const en = Object.fromEntries(e.details!.map((d) => [d.path, d.localized?.en]));
      expect(Object.keys(zh).sort()).toEqual(['grids!E2', 'grids!E3', 'grids!E4', 'grids!E5']);
      expect(zh['grids!E2']).toContain('不是 GeoJSON 文本');
      expect(zh['grids!E3']).toContain('Polygon 或 MultiPolygon');
      expect(zh['grids!E4']).toContain('不是 WGS-84 的 [经度, 纬度]（经度在前）');
      expect(en['grids!E4']).toContain('[32.8, 119.1] is not a WGS-84 [longitude, latitude]');
      expect(zh['grids!E5']).toContain('第 1 个环未闭合');
      expect(en['grids!E5']).toContain('ring 1 is not closed');
      expect(await server.database.db.selectFrom('linli_grids').select('id').where('key', 'in', ['g-a', 'g-b', 'g-c', 'g-d']).execute()).toEqual([]);
    });

    it('refuses what is not a spreadsheet, naming the file', async () => {
      const e = await caught(importCity(server.database.db, server.deployment, { name: 'broken.xlsx', bytes: new TextEncoder().encode('not a zip') }, { dryRun: true, now: now() }));
      expect(e.code).toBe('LINLI_ERR_IMPORT_INVALID');
      expect(e.details![0]!.path).toBe('broken.xlsx');
    });
  });
}
