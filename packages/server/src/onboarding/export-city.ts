import type { CoreTables } from '@linli/db';
import type { Deployment } from '@linli/core';
import type { LinliPlugin } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { pluginSheetsOf, readableSheet } from './plugin-sheets.js';
import type { ReadableSheet } from './read.js';
import { boundaryCellText } from './boundary-cell.js';
import { sheets, type SheetId } from './sheets.js';

/**
 * Writes the city (or, with `template`, only the headers and instructions)
 * in the onboarding template: importing the file into an empty database
 * reproduces the org tree, grids, people and role grants, and the rows of the
 * plugins' sheets (`plugins`: the city's, with its `deployment`). Passwords
 * are never exported.
 */
export async function exportCity(db: Kysely<CoreTables> | null, o: { template?: boolean; plugins?: readonly LinliPlugin[]; deployment?: Deployment } = {}): Promise<Buffer> {
  // Loaded when a roster is read or written: the spreadsheet library is not held by a server that never imports one.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Linli 邻里';
  const rows: Record<SheetId, Record<string, string>[]> = { orgs: [], grids: [], people: [], grants: [] };
  if (db && !o.template) {
    const orgs = await db.selectFrom('linli_orgs').select(['id', 'key', 'parent_id', 'type', 'name', 'name_en', 'deactivated_at', 'path']).orderBy('depth').orderBy('id').execute();
    const keyOf = new Map(orgs.map((x) => [x.id, x.key]));
    rows.orgs = orgs.map((x) => ({ key: x.key, parent: x.parent_id ? keyOf.get(x.parent_id)! : '', type: x.type, name: x.name, nameEn: x.name_en ?? '', status: x.deactivated_at ? '停用' : '' }));
    const grids = await db.selectFrom('linli_grids').select(['id', 'key', 'org_id', 'name', 'boundary']).orderBy('id').execute();
    const covers = await db.selectFrom('linli_grid_orgs').select(['grid_id', 'org_id']).execute();
    const gridKey = new Map(grids.map((g) => [g.id, g.key]));
    rows.grids = grids.map((g) => ({ key: g.key, org: keyOf.get(g.org_id)!, name: g.name, covers: covers.filter((c) => c.grid_id === g.id).map((c) => keyOf.get(c.org_id)!).sort().join('、'), boundary: boundaryCellText(g.boundary) }));
    const people = await db.selectFrom('linli_people').select(['id', 'username', 'display_name', 'phone', 'disabled_at']).orderBy('id').execute();
    const username = new Map(people.map((p) => [p.id, p.username]));
    rows.people = people.map((p) => ({ username: p.username, name: p.display_name, phone: p.phone ?? '', status: p.disabled_at ? '停用' : '' }));
    const grants = await db.selectFrom('linli_role_assignments').select(['person_id', 'role', 'org_id', 'grid_id']).orderBy('id').execute();
    rows.grants = grants.map((g) => ({ username: username.get(g.person_id)!, role: g.role, org: g.grid_id ? '' : keyOf.get(g.org_id)!, grid: g.grid_id ? gridKey.get(g.grid_id)! : '', status: '' }));
  }
  const pluginSheets = pluginSheetsOf(o.plugins);
  const extraRows = new Map<string, Record<string, string>[]>();
  if (db && !o.template && o.deployment) {
    for (const { plugin, def } of pluginSheets) {
      extraRows.set(def.id, await def.export({ db, deployment: o.deployment, options: (o.deployment.config.plugins?.[plugin] as Record<string, unknown> | undefined) ?? {} }));
    }
  }
  const all: { def: ReadableSheet | (typeof sheets)[number]; rows: Record<string, string>[] }[] = [
    ...sheets.map((def) => ({ def, rows: rows[def.id] })),
    ...pluginSheets.map(({ def }) => ({ def: readableSheet(def), rows: extraRows.get(def.id) ?? [] })),
  ];
  const help = wb.addWorksheet('说明');
  help.columns = [{ header: '工作表 sheet', width: 14 }, { header: '列 column', width: 22 }, { header: '说明', width: 70 }, { header: 'notes', width: 70 }];
  for (const { def, rows: sheetRows } of all) {
    const ws = wb.addWorksheet(def.zh);
    ws.columns = def.columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 3) }));
    ws.getRow(1).font = { bold: true };
    // Keys and phone numbers are text: Excel must not turn 0012 into 12 or a long number into 1.38E+10.
    for (const c of ws.columns) c.numFmt = '@';
    for (const r of sheetRows) ws.addRow(r);
    // Each header cell carries its instructions as a note too, so they travel with a sheet copied into another workbook.
    def.columns.forEach((c, i) => (ws.getCell(1, i + 1).note = `${c.help.zh}\n\n${c.help.en}`));
    for (const c of def.columns) help.addRow([`${def.zh} (${def.en})`, `${c.zh}${c.required ? ' *' : ''} (${c.en})`, c.help.zh, c.help.en]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
