import { LinliError, type Actor, type Deployment, type ErrorDetail } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { LinliPlugin } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { applyImport, type ImportCounts } from './apply.js';
import { orgPathColumns } from '../services/org-move.js';
import { planImport, type ImportPlan } from './plan.js';
import { applyPluginSheets, checkPluginRows, pluginSheetsOf, readableSheet } from './plugin-sheets.js';
import { readRoster, type ImportProblem } from './read.js';

export interface ImportResult {
  dryRun: boolean;
  /** The core's counts, and each plugin sheet's under its id (`<plugin>.<sheet>`). */
  counts: ImportCounts & Record<string, Record<string, number> | number>;
  /** What would change (dry run) or changed, one line a change, in Chinese; the first 200. */
  preview: string[];
  /** What to check that is no change (rows a plugin's sheet left out and kept), in Chinese; the first 200. */
  notes: string[];
}

/** Where a problem is, as a spreadsheet names a cell: `人员!C12`, `组织!5`, or the sheet alone. */
export const problemPath = (p: ImportProblem) => `${p.sheet}${p.row ? `!${p.column ?? ''}${p.row}` : ''}`;

export function importError(problems: ImportProblem[]): LinliError {
  const details: ErrorDetail[] = problems.map((p) => ({ path: problemPath(p), message: p.en, localized: { 'zh-CN': p.zh, en: p.en } }));
  return new LinliError('LINLI_ERR_IMPORT_INVALID', [problems.length], details);
}

function previewOf(plan: ImportPlan): string[] {
  const lines: string[] = [];
  for (const o of plan.orgs) {
    if (o.create) lines.push(`新增组织 ${o.name}（${o.key}）`);
    if (o.update) lines.push(`修改组织 ${o.name}（${o.key}）`);
    if (o.move) lines.push(`迁移组织 ${o.name}（${o.key}）到 ${o.parentKey}`);
    if (o.deactivate) lines.push(`停用组织 ${o.name}（${o.key}）`);
    if (o.reactivate) lines.push(`恢复组织 ${o.name}（${o.key}）`);
  }
  for (const g of plan.grids) {
    if (g.create) lines.push(`新增网格 ${g.name}（${g.key}）`);
    else if (g.update || g.coversChanged || g.boundaryChanged) lines.push(`修改网格 ${g.name}（${g.key}）`);
  }
  for (const p of plan.people) {
    if (p.create) lines.push(`新增人员 ${p.name}（${p.username}）`);
    if (p.update) lines.push(`修改人员 ${p.name}（${p.username}）`);
    if (p.disable) lines.push(`停用人员 ${p.name}（${p.username}）`);
    if (p.enable) lines.push(`启用人员 ${p.name}（${p.username}）`);
  }
  const personIds = new Map([...plan.existing.people].map(([k, v]) => [k, v.id]));
  const orgIds = new Map([...plan.existing.orgs].map(([k, v]) => [k, v.id]));
  const gridIds = new Map([...plan.existing.grids].map(([k, v]) => [k, v]));
  for (const g of plan.grants) {
    const pid = personIds.get(g.username);
    const grid = g.gridKey ? gridIds.get(g.gridKey) : undefined;
    const orgId = grid ? grid.orgId : g.orgKey ? orgIds.get(g.orgKey) : undefined;
    const exists = pid !== undefined && orgId !== undefined && plan.existingGrants.has(`${pid}|${g.role}|${orgId}|${grid?.id ?? ''}`);
    if (!g.revoke && !exists) lines.push(`授予 ${g.username} 角色 ${g.role}（${g.gridKey ?? g.orgKey}）`);
    if (g.revoke && exists) lines.push(`收回 ${g.username} 角色 ${g.role}（${g.gridKey ?? g.orgKey}）`);
  }
  return lines;
}

/**
 * Imports a roster (.xlsx or .csv) all or nothing: every problem of the file
 * is reported at once (LINLI_ERR_IMPORT_INVALID, with sheet, row and column
 * in zh-CN and en) and nothing is written; otherwise the whole file is
 * applied in one transaction. A dry run plans inside the same transaction
 * and rolls back, so its counts are exactly what a real run would do.
 */
export async function importCity(
  db: Kysely<CoreTables>,
  deployment: Deployment,
  file: { name: string; bytes: Uint8Array },
  o: { dryRun: boolean; now: Date; actorId?: string | null; requestId?: string; granter?: Actor; plugins?: readonly LinliPlugin[] },
): Promise<ImportResult> {
  const pluginSheets = pluginSheetsOf(o.plugins);
  const { roster, problems } = await readRoster(file, pluginSheets.map((s) => readableSheet(s.def)));
  const pluginRowCount = [...roster.plugin.values()].reduce((n, s) => n + s.rows.length, 0);
  if (problems.length && roster.orgs.length + roster.grids.length + roster.people.length + roster.grants.length + pluginRowCount === 0) throw importError(problems);
  // The plugins' rows are checked cell by cell before anything is written; their orgs once the core's sheets are in.
  const sheetProblems: ImportProblem[] = [];
  const checked = checkPluginRows(pluginSheets, roster.plugin, sheetProblems);
  const adminRoles = [...deployment.roles.values()].filter((r) => r.admin).map((r) => r.id);
  const rollback = Symbol('dry run');
  let result: ImportResult | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      const planned = await planImport(trx, deployment, roster, o.granter);
      const all = [...problems, ...planned.problems];
      if (all.length) throw importError([...all, ...sheetProblems]);
      const counts = await applyImport(trx, planned.plan, { now: o.now, actorId: o.actorId ?? null, adminRoles, pathColumns: orgPathColumns(deployment), ...(o.requestId ? { requestId: o.requestId } : {}) });
      // Then the plugins' sheets, which may name orgs this file has just made; any problem refuses the whole file.
      const withinPaths = o.granter?.grants.filter((g) => g.admin).map((g) => g.orgPath);
      const fromPlugins = await applyPluginSheets(trx, deployment, checked, sheetProblems, { now: o.now, withinPaths, actorId: o.actorId ?? null, requestId: o.requestId });
      if (sheetProblems.length) throw importError(sheetProblems);
      result = { dryRun: o.dryRun, counts: { ...counts, ...fromPlugins.counts }, preview: [...previewOf(planned.plan), ...fromPlugins.preview].slice(0, 200), notes: fromPlugins.notes.slice(0, 200) };
      if (o.dryRun) throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return result!;
}
