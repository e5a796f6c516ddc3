/**
 * npm run onboarding -w @linli/bench: a city loaded from a spreadsheet on
 * PostgreSQL — 3,001 orgs (city, 10 streets, 100 communities, 890 compounds,
 * 2,000 buildings), 100 grids, 10,000 people and 10,000 role grants, built as
 * an .xlsx with exceljs, imported with `importCity` (the code behind
 * `npx linli import`) into a fresh schema, then imported again (nothing may
 * change). Prints the seconds of each phase. DATABASE_URL (default the local
 * test database); the schema `linli_bench_onboarding` is dropped first.
 */
import { loadDeployment } from '@linli/core';
import { openDatabase } from '@linli/db';
import { SDK_VERSION } from '@linli/sdk';
import { importCity, migrateAll, seedCity } from '@linli/server';
import ExcelJS from 'exceljs';
import pg from 'pg';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = 'linli_bench_onboarding';
const TARGET_SECONDS = 60;

function roster(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const orgs = wb.addWorksheet('组织');
  orgs.addRow(['编码', '上级编码', '类型', '名称']);
  const compounds: string[] = [];
  const buildings: string[] = [];
  for (let s = 1; s <= 10; s++) {
    orgs.addRow([`s${s}`, 'bench-city', 'street', `第${s}街道`]);
    for (let c = 1; c <= 10; c++) {
      const community = `s${s}c${c}`;
      orgs.addRow([community, `s${s}`, 'community', `第${s}街道第${c}社区`]);
      for (let k = 1; k <= 9 && compounds.length < 890; k++) {
        const compound = `${community}k${k}`;
        compounds.push(compound);
        orgs.addRow([compound, community, 'compound', `${community}小区${k}`]);
      }
    }
  }
  for (let i = 0; i < 2000; i++) {
    const b = `${compounds[i % compounds.length]}b${Math.floor(i / compounds.length) + 1}`;
    buildings.push(b);
    orgs.addRow([b, compounds[i % compounds.length], 'building', `${b}栋`]);
  }
  const grids = wb.addWorksheet('网格');
  grids.addRow(['编码', '所属组织编码', '名称', '覆盖组织编码']);
  for (let g = 0; g < 100; g++) {
    const community = `s${Math.floor(g / 10) + 1}c${(g % 10) + 1}`;
    grids.addRow([`g${g}`, community, `网格${g}`, compounds.filter((c) => c.startsWith(`${community}k`)).join('、')]);
  }
  const people = wb.addWorksheet('人员');
  people.addRow(['用户名', '姓名', '手机号']);
  const grants = wb.addWorksheet('角色');
  grants.addRow(['用户名', '角色', '组织编码', '网格编码']);
  for (let p = 0; p < 10_000; p++) {
    people.addRow([`p${p}`, `居民${p}`, `139${String(p).padStart(8, '0')}`]);
    if (p < 2000) grants.addRow([`p${p}`, 'building_leader', buildings[p], '']);
    else if (p < 2300) grants.addRow([`p${p}`, 'grid_worker', '', `g${p % 100}`]);
    else grants.addRow([`p${p}`, 'resident', compounds[p % compounds.length], '']);
  }
  return wb;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const deployment = loadDeployment({ name: 'bench-city', title: { 'zh-CN': '基准市', en: 'Bench city' }, orgs: { key: 'bench-city', type: 'city', name: '基准市' } }, { file: '<bench>', available: new Map(), sdkVersion: SDK_VERSION });
  const database = await openDatabase({ url, schema });
  try {
    await migrateAll(database, []);
    await seedCity(database, deployment, []);
    let t = performance.now();
    const bytes = new Uint8Array(await roster().xlsx.writeBuffer());
    console.log(`built roster.xlsx: ${(bytes.byteLength / 1048576).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const first = await importCity(database.db, deployment, { name: 'roster.xlsx', bytes }, { dryRun: false, now: new Date() });
    const firstSeconds = (performance.now() - t) / 1000;
    console.log(`first import: ${firstSeconds.toFixed(1)} s — ${JSON.stringify(first.counts)}`);
    t = performance.now();
    const again = await importCity(database.db, deployment, { name: 'roster.xlsx', bytes }, { dryRun: false, now: new Date() });
    const againSeconds = (performance.now() - t) / 1000;
    console.log(`second import (no change): ${againSeconds.toFixed(1)} s — ${again.preview.length} changes`);
    const ok = firstSeconds < TARGET_SECONDS && again.preview.length === 0 && first.counts.people.created === 10_000 && first.counts.orgs.created === 3000;
    console.log(ok ? `✓ under ${TARGET_SECONDS} s, idempotent` : `✗ target missed (${TARGET_SECONDS} s, idempotent, 10,000 people, 3,000 new orgs)`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

await main();
