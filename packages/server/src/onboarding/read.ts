import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetter, importLimits, sheets, type ColumnDef, type SheetDef, type SheetId } from './sheets.js';

/** One problem of an import, where a person finds it: sheet, row and column, in both languages. */
export interface ImportProblem {
  sheet: string;
  row?: number | undefined;
  column?: string | undefined;
  en: string;
  zh: string;
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  values: Record<string, string>;
  /** Column letter of each column key, to name a cell in a problem. */
  columns: Record<string, string>;
}

/** A sheet a plugin adds (plugin-sheets.ts), as the reader finds it: its names and columns. */
export interface ReadableSheet {
  id: string;
  zh: string;
  en: string;
  aliases?: string[];
  columns: ColumnDef[];
}

/** A plugin sheet's rows, by sheet id, with the name the file gave it. */
export type PluginRows = Map<string, { name: string; rows: SheetRow[] }>;

export type ParsedRoster = Record<SheetId, SheetRow[]> & { sheetNames: Record<SheetId, string>; plugin: PluginRows };

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_*]+/g, '');
const headersOf = (def: SheetDef | ReadableSheet) => new Map(def.columns.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])].map((h) => [norm(h), c.key] as const)));

/** The text of a cell; formulas give their computed result, or a problem when the file has none. */
function cellText(v: ExcelJS.CellValue, problem: (en: string, zh: string) => void): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('error' in v) {
    problem(`the cell holds the error ${v.error}`, `单元格是错误值 ${v.error}`);
    return '';
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if ('hyperlink' in v) return String(v.text ?? '').trim();
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (r === undefined || r === null) {
      problem('a formula without a computed value: paste the column as values', '公式没有计算结果：请将该列“选择性粘贴为数值”');
      return '';
    }
    return cellText(r as ExcelJS.CellValue, problem);
  }
  return String(v as unknown).trim();
}

/** Which template sheet a worksheet is (the core's, then the plugins'), by its name, or for a CSV by its headers. */
function identify(ws: ExcelJS.Worksheet, byHeaders: boolean, extra: readonly ReadableSheet[]): SheetDef | ReadableSheet | undefined {
  const name = norm(ws.name);
  const all: (SheetDef | ReadableSheet)[] = [...sheets, ...extra];
  const named = all.find((s) => norm(s.zh) === name || norm(s.en) === name || ('aliases' in s && (s.aliases ?? []).some((a) => norm(a) === name)) || (s.id === 'grants' && ['grants', '角色授权'].includes(name)));
  if (named || !byHeaders) return named;
  const headers = new Set<string>();
  ws.getRow(1).eachCell((c) => headers.add(norm(String(c.value ?? ''))));
  return all.find((s) => s.columns.filter((c) => c.required).every((c) => [c.zh, c.en, ...(c.aliases ?? [])].some((h) => headers.has(norm(h)))) && (s.id !== 'people' || !headers.has(norm('角色'))));
}

const isCore = (def: SheetDef | ReadableSheet): def is SheetDef => sheets.includes(def as SheetDef);

/**
 * Reads an .xlsx workbook or a .csv table into rows keyed by column, with
 * every problem found (unknown sheet, missing column, formula without a
 * value, too many rows). The file is refused before reading when it is larger
 * than `importLimits.maxBytes`.
 */
export async function readRoster(file: { name: string; bytes: Uint8Array }, extra: readonly ReadableSheet[] = []): Promise<{ roster: ParsedRoster; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const roster = { orgs: [], grids: [], people: [], grants: [], sheetNames: { orgs: '组织', grids: '网格', people: '人员', grants: '角色' }, plugin: new Map() } as ParsedRoster;
  if (file.bytes.byteLength > importLimits.maxBytes) {
    const mb = importLimits.maxBytes / 1024 / 1024;
    problems.push({ sheet: file.name, en: `the file is larger than ${mb} MB: split it (for example one file per street)`, zh: `文件超过 ${mb} MB：请拆分（例如每个街道一个文件）` });
    return { roster, problems };
  }
  // Loaded when a roster is read or written: the spreadsheet library is not held by a server that never imports one.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const csv = /\.csv$/i.test(file.name);
  try {
    if (csv) {
      // Keep every cell as text: a key like 0012 or a phone number must not become a number or a date.
      await wb.csv.read(Readable.from(Buffer.from(file.bytes)), { sheetName: file.name, map: (v: unknown) => v });
    } else {
      await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    }
  } catch (e) {
    problems.push({ sheet: file.name, en: `the file cannot be read as ${csv ? 'CSV' : 'an Excel workbook (.xlsx)'}: ${(e as Error).message}`, zh: `无法按${csv ? ' CSV ' : ' Excel（.xlsx）'}读取该文件：${(e as Error).message}` });
    return { roster, problems };
  }
  let total = 0;
  for (const ws of wb.worksheets) {
    const def = identify(ws, csv, extra);
    if (!def) {
      if (ws.name === '说明' || norm(ws.name) === 'instructions' || ws.actualRowCount === 0) continue;
      const known = [...sheets, ...extra];
      problems.push({ sheet: ws.name, en: `unknown sheet: name it one of ${known.map((s) => `${s.zh} (${s.en})`).join(', ')}`, zh: `无法识别的工作表：请命名为 ${known.map((s) => s.zh).join('、')} 之一` });
      continue;
    }
    let target: SheetRow[];
    if (isCore(def)) {
      roster.sheetNames[def.id] = ws.name;
      target = roster[def.id];
    } else {
      const got = roster.plugin.get(def.id) ?? { name: ws.name, rows: [] };
      roster.plugin.set(def.id, got);
      target = got.rows;
    }
    const known = headersOf(def);
    const columns: Record<string, number> = {};
    ws.getRow(1).eachCell((cell, col) => {
      const key = known.get(norm(String(cell.value ?? '')));
      if (key && columns[key] === undefined) columns[key] = col;
    });
    for (const c of def.columns.filter((c) => c.required && columns[c.key] === undefined)) {
      problems.push({ sheet: ws.name, row: 1, en: `missing column "${c.zh}" (${c.en})`, zh: `缺少列“${c.zh}”` });
    }
    const letters = Object.fromEntries(Object.entries(columns).map(([k, n]) => [k, columnLetter(n)]));
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      if (++total > importLimits.maxRows) return;
      const values: Record<string, string> = {};
      for (const [key, col] of Object.entries(columns)) {
        values[key] = cellText(row.getCell(col).value, (en, zh) => problems.push({ sheet: ws.name, row: rowNumber, column: columnLetter(col), en, zh }));
      }
      if (Object.values(values).every((v) => v === '')) return;
      target.push({ row: rowNumber, values, columns: letters });
    });
  }
  if (total > importLimits.maxRows) {
    problems.push({ sheet: file.name, en: `more than ${importLimits.maxRows} rows: split the file`, zh: `超过 ${importLimits.maxRows} 行：请拆分文件` });
  }
  return { roster, problems };
}
