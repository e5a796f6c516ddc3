import { createAjv, schemaMessage } from '@linli/core';
import type { Deployment, LocalizedText } from '@linli/core';
import { audit, type CoreTables } from '@linli/db';
import type { ImportOrg, ImportRow, ImportSheetDefinition, LinliPlugin } from '@linli/sdk';
import type { Kysely } from 'kysely';
import type { ImportProblem, PluginRows, ReadableSheet, SheetRow } from './read.js';

/**
 * The sheets plugins add to the import (LinliPlugin.importSheets), read,
 * checked and applied by the same rules as the core's own: headers in either
 * language, every cell against the row's JSON Schema, problems by cell in
 * both languages, all or nothing. Nothing here knows a plugin by name.
 */
export interface PluginSheet {
  plugin: string;
  def: ImportSheetDefinition;
}

/** A plugin sheet as the reader sees a sheet: names and columns (ids are the plugin's `<name>.<sheet>`). */
export const pluginSheetsOf = (plugins: readonly LinliPlugin[] = []): PluginSheet[] => plugins.flatMap((p) => (p.importSheets ?? []).map((def) => ({ plugin: p.name, def })));

const en = (t: LocalizedText) => t.en ?? t['zh-CN'];

export const readableSheet = (def: ImportSheetDefinition): ReadableSheet => ({
  id: def.id,
  zh: def.title['zh-CN'],
  en: def.title.en ?? def.title['zh-CN'],
  ...(def.aliases ? { aliases: def.aliases } : {}),
  columns: def.columns.map((c) => ({ key: c.key, zh: c.title['zh-CN'], en: en(c.title), ...(c.aliases ? { aliases: c.aliases } : {}), ...(c.required ? { required: true } : {}), help: { zh: c.help['zh-CN'], en: en(c.help) } })),
});

/** Parsed rows of the plugin sheets found in a file, by sheet id, with the worksheet's name. */
const ajv = createAjv();
const compiled = new WeakMap<ImportSheetDefinition, ReturnType<typeof ajv.compile>>();
const validatorOf = (def: ImportSheetDefinition) => {
  let v = compiled.get(def);
  if (!v) compiled.set(def, (v = ajv.compile(def.rowSchema)));
  return v;
};

/** A row's non-empty cells: what `rowSchema` checks and `apply` gets. */
const cellsOf = (r: SheetRow) => Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== ''));

/**
 * Checks the rows of each plugin sheet without the database: required cells,
 * each cell against the row's JSON Schema (the message is the column's help,
 * never the cell's value), two rows with one key. Returns the rows that passed.
 */
type CheckedRow = ImportRow & { columns: Record<string, string>; ok: boolean };

export function checkPluginRows(sheets: readonly PluginSheet[], found: PluginRows, problems: ImportProblem[]): Map<string, { sheet: PluginSheet; name: string; rows: CheckedRow[] }> {
  const out = new Map<string, { sheet: PluginSheet; name: string; rows: CheckedRow[] }>();
  for (const sheet of sheets) {
    const got = found.get(sheet.def.id);
    if (!got) continue;
    const { def } = sheet;
    const at = (r: SheetRow, column: string | undefined, en: string, zh: string) => problems.push({ sheet: got.name, row: r.row, column: column ? r.columns[column] : undefined, en, zh });
    const validate = validatorOf(def);
    const rows: CheckedRow[] = [];
    const keys = new Map<string, number>();
    for (const r of got.rows) {
      let ok = true;
      for (const c of def.columns.filter((c) => c.required && !r.values[c.key])) {
        at(r, c.key, `"${c.title['zh-CN']}" (${en(c.title)}) is empty`, `“${c.title['zh-CN']}”不能为空`);
        ok = false;
      }
      const values = cellsOf(r);
      if (!validate(values)) {
        const seen = new Set<string>();
        for (const e of validate.errors ?? []) {
          const key = e.instancePath.split('/')[1] ?? '';
          const col = def.columns.find((c) => c.key === key);
          if (!col || seen.has(key)) {
            if (!col) at(r, undefined, `the row does not fit the sheet: ${e.message ?? ''}`, `此行不符合要求：${schemaMessage(e, e.message ?? '')['zh-CN']}`);
            continue;
          }
          seen.add(key);
          at(r, key, `"${col.title['zh-CN']}" (${en(col.title)}): ${en(col.help)}`, `“${col.title['zh-CN']}”填写有误：${col.help['zh-CN']}`);
        }
        ok = false;
      }
      const row: CheckedRow = { row: r.row, values, columns: r.columns, ok };
      // Rows that failed keep their place: their org cell is still checked once the core's sheets are in.
      rows.push(row);
      if (!ok) continue;
      const key = def.key(row);
      const before = keys.get(key);
      if (before !== undefined) {
        at(r, undefined, `the same row as row ${before} (one row a record)`, `与第 ${before} 行重复（每条记录一行）`);
        row.ok = false;
        continue;
      }
      keys.set(key, r.row);
    }
    out.set(def.id, { sheet, name: got.name, rows });
  }
  return out;
}

/** The org a cell names: its key, or a path of names ("河畔家园/河畔家园1栋", from any ancestor down) that names one org. */
function orgResolver(orgs: { id: number; key: string; parent_id: number | null; type: string; name: string; path: string; deactivated_at: Date | null }[]) {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const names = (o: (typeof orgs)[number]) => {
    const chain: string[] = [];
    for (let x: (typeof orgs)[number] | undefined = o; x; x = x.parent_id === null ? undefined : byId.get(x.parent_id)) chain.unshift(x.name);
    return chain;
  };
  const chains = orgs.map((o) => ({ o, chain: names(o) }));
  return (ref: string): { org?: ImportOrg; ambiguous?: boolean } => {
    const keyed = byKey.get(ref);
    const pick = (o: (typeof orgs)[number]): ImportOrg => ({ id: o.id, key: o.key, path: o.path, type: o.type, name: o.name });
    if (keyed) return { org: pick(keyed) };
    const parts = ref.split(/\s*[/／>＞]\s*/).filter(Boolean);
    if (!parts.length) return {};
    const hits = chains.filter(({ chain }) => chain.length >= parts.length && parts.every((p, i) => chain[chain.length - parts.length + i] === p));
    if (hits.length === 1) return { org: pick(hits[0]!.o) };
    return hits.length > 1 ? { ambiguous: true } : {};
  };
}

/**
 * Applies the checked rows of each plugin sheet in the import's transaction,
 * after the core's sheets: resolves every row's org (its type, and for an
 * administrator on the web their subtrees); when no row has a problem (those
 * `problems` holds from the cell checks included) each plugin's `apply` runs.
 * Every problem is added to `problems`; the caller refuses the file if any.
 */
export async function applyPluginSheets(
  trx: Kysely<CoreTables>,
  deployment: Deployment,
  checked: ReturnType<typeof checkPluginRows>,
  problems: ImportProblem[],
  o: { now: Date; withinPaths?: string[] | undefined; actorId: string | null; requestId?: string | undefined },
): Promise<{ counts: Record<string, Record<string, number>>; preview: string[]; notes: string[] }> {
  const counts: Record<string, Record<string, number>> = {};
  const preview: string[] = [];
  const notes: string[] = [];
  if (![...checked.values()].some((s) => s.rows.length)) return { counts, preview, notes };
  const resolve = orgResolver(await trx.selectFrom('linli_orgs').select(['id', 'key', 'parent_id', 'type', 'name', 'path', 'deactivated_at']).execute());
  const ready = new Map<string, ImportRow[]>();
  const problemAt = (sheet: string) => (r: { row: number; columns: Record<string, string> }, column: string | undefined, en: string, zh: string) =>
    problems.push({ sheet, row: r.row, column: column ? r.columns[column] : undefined, en, zh });
  for (const { sheet, name, rows } of checked.values()) {
    const { def } = sheet;
    const at = problemAt(name);
    const mine: ImportRow[] = [];
    ready.set(def.id, mine);
    for (const r of rows) {
      if (def.org) {
        const ref = r.values[def.org.column];
        if (!ref) continue;
        const { org, ambiguous } = resolve(ref);
        const col = def.columns.find((c) => c.key === def.org!.column)!;
        if (!org) {
          if (ambiguous) at(r, col.key, `"${ref}" names more than one org: write its key (编码)`, `“${ref}”对应多个组织：请填组织编码`);
          else at(r, col.key, `no org has the key or path "${ref}" (neither in this file nor in the system)`, `找不到编码或名称路径为“${ref}”的组织（本文件和系统中都没有）`);
          continue;
        }
        if (def.org.types && !def.org.types.includes(org.type)) {
          at(r, col.key, `"${org.name}" is a ${org.type}, not one of ${def.org.types.join(', ')}`, `“${org.name}”的类型是 ${org.type}，此列须为 ${def.org.types.join('、')}`);
          continue;
        }
        if (o.withinPaths && !o.withinPaths.some((p) => org.path.startsWith(p))) {
          at(r, col.key, `"${org.name}" is outside the organizations you administer`, `“${org.name}”不在您管理的组织范围内`);
          continue;
        }
        if (r.ok) mine.push({ row: r.row, values: r.values, org });
      } else if (r.ok) {
        mine.push({ row: r.row, values: r.values });
      }
    }
  }
  if (problems.length) return { counts, preview, notes };
  for (const { sheet, name, rows } of checked.values()) {
    const { def } = sheet;
    const at = problemAt(name);
    const result = await def.apply({ db: trx, now: o.now, deployment, options: (deployment.config.plugins?.[sheet.plugin] as Record<string, unknown> | undefined) ?? {} }, ready.get(def.id)!);
    for (const p of result.problems ?? []) at({ row: p.row, columns: rows.find((r) => r.row === p.row)?.columns ?? {} }, p.column, en(p.message), p.message['zh-CN']);
    counts[def.id] = result.counts;
    preview.push(...result.preview);
    notes.push(...(result.notes ?? []));
    if (result.changed > 0) await audit(trx, { actorId: o.actorId, action: 'city.import', subjectType: 'import-sheet', subjectId: def.id, after: result.counts, requestId: o.requestId ?? null });
  }
  return { counts, preview, notes };
}

