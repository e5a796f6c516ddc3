import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type CoreTables } from '@linli/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';

const example = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));

/** The go-live commands as an implementer runs them, on an embedded database in a temporary directory. */
describe('linli admin, import and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-cli-golive-'));
  // Embedded only: with DATABASE_URL set (CI) the commands would write the shared database's default schema, which outlives the run.
  const saved = { url: process.env.DATABASE_URL, schema: process.env.LINLI_DB_SCHEMA };
  beforeAll(() => {
    delete process.env.DATABASE_URL;
    delete process.env.LINLI_DB_SCHEMA;
  });
  afterAll(() => {
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    if (saved.schema !== undefined) process.env.LINLI_DB_SCHEMA = saved.schema;
    rmSync(dir, { recursive: true, force: true });
  });
  // The example city's structure without its plugins: the commands here are about people, not practices.
  const config = join(dir, 'linli.config.json');
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), $schema: undefined, plugins: {}, escalation: undefined }));
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...argv, '--config', config, '--data-dir', join(dir, 'db')], (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('creates the first administrator with a one-time link and never a password', async () => {
    const r = await run('admin', 'create', 'cityadmin', '--name', '系统管理员', '--url', 'https://linli.example.gov.cn');
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/https:\/\/linli\.example\.gov\.cn\/setup#[A-Za-z0-9_-]{32}/);
    expect(r.out).not.toMatch(/password:/i);
    const again = await run('admin', 'link', 'cityadmin');
    expect(again.code).toBe(0);
    expect(again.out).toContain('choose a password');
    expect((await run('admin', 'link', 'nobody')).code).toBe(1);
    expect((await run('admin', 'remove', 'cityadmin')).code).toBe(2);
  });

  it('issues an Open311 api_key once, stored only as its SHA-256, for the org given', async () => {
    const r = await run('open311', 'issue', '天长12345热线', '--org', 'hepan');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const key = /api_key \(shown once; keep it in the client's secrets\): ([A-Za-z0-9_-]{43})/.exec(r.out)?.[1];
    expect(key).toBeDefined();
    const database = await openDatabase<CoreTables>({ dataDir: join(dir, 'db') });
    try {
      const rows = await database.db.selectFrom('linli_open311_clients as c').innerJoin('linli_orgs as o', 'o.id', 'c.org_id').select(['c.name', 'c.key_hash', 'o.key']).execute();
      expect(rows).toEqual([{ name: '天长12345热线', key_hash: createHash('sha256').update(key!).digest('hex'), key: 'hepan' }]);
    } finally {
      await database.close();
    }
    expect((await run('open311', 'issue', '无处', '--org', 'nowhere')).code).toBe(1);
    expect((await run('open311', 'revoke', '1')).code).toBe(2);
  });

  it('writes the template, imports a roster (dry run first), and rejects a corrupted copy naming rows and columns', async () => {
    const template = join(dir, 'template.xlsx');
    expect((await run('export', '--template', template)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '组织', '网格', '人员', '角色']);
    wb.getWorksheet('组织')!.addRow(['hepan-b9', 'hepan', 'building', '河畔家园9栋']);
    wb.getWorksheet('人员')!.addRow(['building.hepan9', '赵楼长', '13700001234']);
    wb.getWorksheet('角色')!.addRow(['building.hepan9', 'building_leader', 'hepan-b9']);
    const roster = join(dir, 'roster.xlsx');
    await wb.xlsx.writeFile(roster);

    const dry = await run('import', roster, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run');
    expect(dry.out).toContain('新增人员 赵楼长（building.hepan9）');
    const real = await run('import', roster);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/people 人员: 1 new/);
    expect((await run('import', roster)).out).toMatch(/people 人员: 0 new 新增, 0 changed/);

    wb.getWorksheet('角色')!.addRow(['building.hepan9', 'building_leader', 'no-such-org']);
    wb.getWorksheet('人员')!.addRow(['Bad Name', '坏用户名']);
    const corrupted = join(dir, 'corrupted.xlsx');
    await wb.xlsx.writeFile(corrupted);
    const bad = await run('import', corrupted);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('2 problem(s)');
    expect(bad.err).toContain('角色!C3  找不到编码为“no-such-org”的组织 — no org has the key "no-such-org"');
    expect(bad.err).toContain('人员!A3');

    writeFileSync(join(dir, 'export.xlsx'), '');
    expect((await run('export', join(dir, 'export.xlsx'))).code).toBe(0);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(join(dir, 'export.xlsx'));
    const people: string[] = [];
    exported.getWorksheet('人员')!.eachRow((r) => people.push(String(r.getCell(1).value)));
    expect(people).toContain('building.hepan9');
    expect(people).toContain('cityadmin');
  });
});
