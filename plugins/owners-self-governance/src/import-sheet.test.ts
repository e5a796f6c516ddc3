import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openDatabase, type CoreTables } from '@linli/db';
import { testBackends } from '@linli/testing';
import ExcelJS from 'exceljs';
import { dropTestSchema } from '@linli/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { exportHouseholds, householdsRowSchema, householdsSheet } from './import-sheet.js';
import { start } from './test-support.js';

const example = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const linli = fileURLToPath(new URL('../../../packages/cli/bin/linli.js', import.meta.url));
const exec = promisify(execFile);

describe('the households sheet, as data', () => {
  const pattern = (key: keyof typeof householdsRowSchema.properties) => new RegExp((householdsRowSchema.properties[key] as { pattern: string }).pattern, 'u');

  it('takes areas of at most two decimals above zero, flags, and aligned lists of phones and owner numbers', () => {
    const area = pattern('area');
    expect(['89.56', '120', '0.01', '1234567.5'].every((v) => area.test(v))).toBe(true);
    expect(['12.345', '0', '0.00', '-3', '89,56', '1e2'].some((v) => area.test(v))).toBe(false);
    const flag = pattern('developerHeld');
    expect(['是', '否', 'TRUE', 'yes', '√'].every((v) => flag.test(v))).toBe(true);
    expect(flag.test('maybe')).toBe(false);
    const phones = pattern('phones');
    expect(['13800001111', '13800001111、、13900002222', '13800001111, 13900002222'].every((v) => phones.test(v))).toBe(true);
    expect(['1380000111', '1380000111X', '13800001111、abc'].some((v) => phones.test(v))).toBe(false);
    expect(pattern('ownerNos').test('HP-01、、HP_02')).toBe(true);
    expect(pattern('ownerNos').test('3401 2319 8001 0112 34')).toBe(false);
  });

  it('names its org column, marks names and phones sensitive, and keys a row by building and room', () => {
    expect(householdsSheet.org).toEqual({ column: 'building', types: ['building'] });
    expect(householdsSheet.columns.filter((c) => c.sensitive).map((c) => c.key)).toEqual(['owners', 'phones']);
    expect(householdsSheet.key({ row: 2, values: { building: 'hepan-b1', room: '1单元101' } })).toBe('hepan-b1|1单元101');
  });
});

/** The import card's route: an administrator imports households only at buildings in the subtrees they administer. */
for (const backend of testBackends()) {
  describe(`the households sheet through /api/admin/import on ${backend.name}`, () => {
    let server: Awaited<ReturnType<typeof start>>;
    afterAll(() => server?.close());

    it('previews units at a building in scope and refuses one outside it by its cell, with no name in the answer', async () => {
      server = await start(backend);
      const secretary = await server.login('secretary.yongfu');
      const csv = (building: string) => `楼栋,房号,专有部分面积,业主姓名,业主电话\n${building},1单元901,66.60,周秘密,13800007777\n`;
      const dry = await secretary.request('POST', '/api/admin/import?dryRun=true&name=households.csv', csv('hepan-b2'), { 'content-type': 'text/csv' });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, preview: ['新增房屋 河畔家园2栋 1单元901（66.60 ㎡，1 位业主）'], notes: [] });
      expect(dry.body.counts['owners-self-governance.households']).toMatchObject({ created: 1 });
      const refused = await secretary.request('POST', '/api/admin/import?name=households.csv', csv('binhe-b1'), { 'content-type': 'text/csv', 'accept-language': 'zh-CN' });
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'households.csv!A2', message: '“滨河小区1栋”不在您管理的组织范围内' })]);
      expect(JSON.stringify(refused.body)).not.toMatch(/周秘密|13800007777/);
      const sheets = (await secretary.get('/api/admin/import/sheets')).body.items as { id: string; name: { 'zh-CN': string } }[];
      expect(sheets.map((s) => s.name['zh-CN'])).toEqual(['组织', '网格', '人员', '角色', '房屋和业主']);
    });

    it('does not add back an owner removed on the roll whom an old sheet still lists, and says so without the name', async () => {
      const secretary = await server.login('secretary.yongfu');
      const api = '/api/plugins/owners-self-governance';
      const building = String((await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', 'hepan-b2').executeTakeFirstOrThrow()).id);
      const unit = String((await secretary.post(`${api}/units`, { buildingOrgId: building, room: '1单元902', area: '80', ownerName: '卖秘方' })).body.id);
      expect((await secretary.post(`${api}/units/${unit}/owners`, { ownerName: '买秘方' })).status).toBe(201);
      const seller = ((await secretary.get(`${api}/units/${unit}/owner-records`)).body.items as { id: string }[])[0]!.id;
      expect((await secretary.post(`${api}/units/${unit}/owners/${seller}/removal`, { reason: '房屋已出售', confirm: true })).status).toBe(201);
      const old = `楼栋,房号,专有部分面积,业主姓名\nhepan-b2,1单元902,80,卖秘方、买秘方\n`;
      const done = await secretary.request('POST', '/api/admin/import?name=households.csv', old, { 'content-type': 'text/csv' });
      expect(done.status).toBe(200);
      expect(done.body.notes).toEqual(['表中 河畔家园2栋 1单元902 有 1 位业主已从名册移除（未重新加入；确属业主的请在业主名册重新登记）']);
      expect(JSON.stringify(done.body)).not.toMatch(/卖秘方|买秘方/);
      const owners = (await secretary.get(`${api}/units/${unit}/owner-records`)).body.items as { name: string; status: string }[];
      expect(owners.map((o) => `${o.name}${o.status}`)).toEqual(['买*方current', '卖*方removed']);
      // The export leaves the removed owner out: it re-imports as the roll is now.
      const exported = await exportHouseholds({ db: server.database.db, deployment: server.deployment, options: {} });
      expect(exported.find((r) => r.room === '1单元902')).toMatchObject({ building: 'hepan-b2', owners: '买秘方' });
    });
  });
}

/**
 * `npx linli import` with the households sheet, run as the operator runs it:
 * the built CLI in a process of its own (it discovers the plugin as installed,
 * run `npm run build` first), on each backend: PGlite in a data directory,
 * PostgreSQL in a schema of its own.
 */
for (const backend of testBackends()) {
  describe(`linli import with the households sheet on ${backend.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-households-'));
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const url = process.env.DATABASE_URL;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...(backend.name === 'postgres' ? { DATABASE_URL: url, LINLI_DB_SCHEMA: schema } : {}) };
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      if (backend.name === 'postgres') {
        await dropTestSchema(url!, schema);
      }
    });
    // The example city with only this plugin.
    const config = join(dir, 'linli.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), $schema: undefined, plugins: { 'owners-self-governance': {} }, escalation: undefined }));
    const run = async (...argv: string[]) => {
      try {
        const r = await exec(process.execPath, [linli, ...argv, '--config', config, '--data-dir', join(dir, 'db')], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
        return { code: 0, out: r.stdout, err: r.stderr };
      } catch (e) {
        const x = e as { code?: number; stdout?: string; stderr?: string };
        return { code: x.code ?? -1, out: x.stdout ?? '', err: x.stderr ?? '' };
      }
    };
    const units = async () => {
      const database = await openDatabase<CoreTables>(backend.name === 'postgres' ? { url: url!, schema } : { dataDir: join(dir, 'db') });
      try {
        const db = database.db as any;
        return (await db
          .selectFrom('owners_self_governance_units as u')
          .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
          .select(['b.key', 'u.room', 'u.area_centi', 'u.developer_held', 'u.party_member_household'])
          .orderBy('b.key')
          .orderBy('u.room')
          .execute()) as { key: string; room: string; area_centi: number; developer_held: boolean; party_member_household: boolean }[];
      } finally {
        await database.close();
      }
    };
    const template = join(dir, 'template.xlsx');
    const file = (name: string) => join(dir, name);
    const rows = [
      ['hepan-b1', '1单元101', '89.56', '是', '', '孙德明、王桂英', '13800000001、', ''],
      ['河畔家园/河畔家园2栋', '301', '100.5', '', '', '王乙', '13900000301', 'HP-01'],
      ['hepan-b9', '101', '120', '', '是', '天长置业有限公司', '', ''],
      ['hepan-b9', '102', '120', '', '是', '天长置业有限公司', '', ''],
    ];
    const workbook = async (households: string[][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(template);
      // A building the same file adds, named by the households sheet.
      wb.getWorksheet('组织')!.addRow(['hepan-b9', 'hepan', 'building', '河畔家园9栋']);
      for (const r of households) wb.getWorksheet('房屋和业主')!.addRow(r);
      return wb;
    };

    it('writes the sheet into the template with its headers and instructions', async () => {
      const written = await run('export', '--template', template);
      expect(written).toMatchObject({ code: 0, err: '' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(template);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '组织', '网格', '人员', '角色', '房屋和业主']);
      const headers: string[] = [];
      wb.getWorksheet('房屋和业主')!.getRow(1).eachCell((c) => headers.push(String(c.value)));
      expect(headers).toEqual(['楼栋', '房号', '专有部分面积', '党员中心户', '开发商未售/未交付', '业主姓名', '业主电话', '业主编号']);
    });

    it('dry-runs, applies, re-applies with no change, updates a changed area and reports a unit left out', async () => {
      await (await workbook(rows)).xlsx.writeFile(file('households.xlsx'));
      const dry = await run('import', file('households.xlsx'), '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('Dry run');
      expect(dry.out).toContain('households 房屋和业主: 4 created, 0 updated, 0 unchanged, 0 notInSheet, 0 ownersNotInSheet');
      expect(dry.out).toContain('新增房屋 河畔家园1栋 1单元101（89.56 ㎡，2 位业主）');
      // Nothing written, and no owner's name or phone in the output.
      expect(await units()).toEqual([]);
      expect(dry.out).not.toMatch(/孙德明|13800000001|王乙/);

      const real = await run('import', file('households.xlsx'));
      expect(real.code).toBe(0);
      expect(real.out).toContain('households 房屋和业主: 4 created');
      expect(await units()).toEqual([
        { key: 'hepan-b1', room: '1单元101', area_centi: 8956, developer_held: false, party_member_household: true },
        { key: 'hepan-b2', room: '301', area_centi: 10050, developer_held: false, party_member_household: false },
        { key: 'hepan-b9', room: '101', area_centi: 12000, developer_held: true, party_member_household: false },
        { key: 'hepan-b9', room: '102', area_centi: 12000, developer_held: true, party_member_household: false },
      ]);

      const again = await run('import', file('households.xlsx'));
      expect(again.out).toContain('households 房屋和业主: 0 created, 0 updated, 4 unchanged, 0 notInSheet, 0 ownersNotInSheet');

      const changed = rows.slice(0, 3).map((r) => [...r]);
      changed[1]![2] = '100.75';
      await (await workbook(changed)).xlsx.writeFile(file('changed.xlsx'));
      const preview = await run('import', file('changed.xlsx'), '--dry-run');
      expect(preview.out).toContain('修改房屋 河畔家园2栋 301：面积 100.50 → 100.75 ㎡');
      expect(preview.out).toContain('表中没有 河畔家园9栋 102（名册中保留，未删除）');
      expect((await run('import', file('changed.xlsx'))).out).toContain('households 房屋和业主: 0 created, 1 updated, 2 unchanged, 1 notInSheet, 0 ownersNotInSheet');
      expect((await units()).map((u) => `${u.key}/${u.room}/${u.area_centi}`)).toEqual(['hepan-b1/1单元101/8956', 'hepan-b2/301/10075', 'hepan-b9/101/12000', 'hepan-b9/102/12000']);

      // The export round trip: the households sheet holds what the roll holds.
      expect((await run('export', file('export.xlsx'))).code).toBe(0);
      const exported = new ExcelJS.Workbook();
      await exported.xlsx.readFile(file('export.xlsx'));
      const got: string[] = [];
      exported.getWorksheet('房屋和业主')!.eachRow((r, n) => n > 1 && got.push(Array.from({ length: 8 }, (_, i) => String(r.getCell(i + 1).value ?? '')).join('|')));
      expect(got).toEqual(['hepan-b1|1单元101|89.56|是||孙德明、王桂英|13800000001、|', 'hepan-b2|301|100.75|||王乙|13900000301|HP-01', 'hepan-b9|101|120.00||是|天长置业有限公司||', 'hepan-b9|102|120.00||是|天长置业有限公司||']);
      const roundTrip = await run('import', file('export.xlsx'), '--dry-run');
      expect(roundTrip.out).toContain('households 房屋和业主: 0 created, 0 updated, 4 unchanged');
    });

    it('names each bad cell, in both languages, without repeating a name or a phone', async () => {
      const bad = [
        ['hepan-b1', '1单元201', '12.345', '', '', '张秘密', '13800000002', ''],
        ['no-such-building', '1单元202', '80', '', '', '李秘密', '', ''],
        ['hepan', '1单元203', '80', '', '', '赵秘密', '', ''],
        ['hepan-b1', '1单元204', '80', '', '', '钱秘密', '1380000000X', ''],
        ['hepan-b1', '', '80', '也许', '', '', '', ''],
      ];
      await (await workbook(bad)).xlsx.writeFile(file('bad.xlsx'));
      const r = await run('import', file('bad.xlsx'));
      expect(r.code).toBe(1);
      expect(r.err).toContain('problem(s)');
      expect(r.err).toContain('房屋和业主!C2  “专有部分面积”填写有误');
      expect(r.err).toContain('房屋和业主!A3  找不到编码或名称路径为“no-such-building”的组织');
      expect(r.err).toContain('房屋和业主!A4  “河畔家园”的类型是 compound，此列须为 building');
      expect(r.err).toContain('房屋和业主!G5  “业主电话”填写有误');
      expect(r.err).toContain('房屋和业主!B6  “房号”不能为空');
      expect(r.err).toContain('房屋和业主!D6  “党员中心户”填写有误');
      expect(r.err).toContain('房屋和业主!F6  “业主姓名”不能为空');
      expect(r.err).toContain('— "专有部分面积" (area): exclusive floor area');
      expect(r.err).not.toMatch(/秘密|13800000002|1380000000X/);
      // All or nothing: the good rows of the earlier import are as they were.
      expect((await units()).length).toBe(4);
    });
  });
}
