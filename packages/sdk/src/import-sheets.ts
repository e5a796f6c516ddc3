import type { Deployment, LocalizedText } from '@linli/core';
import type { Kysely } from 'kysely';

/**
 * A sheet a plugin adds to the go-live spreadsheet import (`npx linli import`,
 * the administrators' import page) and to its export, as data. The core reads
 * it like its own sheets: headers in Chinese or English, every cell checked
 * against `rowSchema`, problems named by cell (`房屋和业主!C5`) in zh-CN and
 * en, all or nothing in one transaction, a dry run that rolls back. The
 * plugin says how a row is keyed and writes its rows in `apply`, inside the
 * import's transaction, after the core's own sheets (orgs made by the same
 * file exist by then).
 */
export interface ImportColumn {
  /** The key of the cell in a row's `values`. */
  key: string;
  /** The header: Chinese first (what the template writes), English accepted. */
  title: LocalizedText;
  /** Other headers accepted for the column. */
  aliases?: string[];
  /** An empty cell is a problem of the row. */
  required?: boolean;
  /** What goes in the column: the template's note and the problem when a cell does not fit `rowSchema`. */
  help: LocalizedText;
  /** Personal data (names, phones): its value is never repeated in a problem, a preview line or a log, only its cell. */
  sensitive?: boolean;
}

/** An org a row names, resolved by the core: by its key, or by a path of names as the org sheet names them (`河畔家园/河畔家园1栋`). */
export interface ImportOrg {
  id: number;
  key: string;
  path: string;
  type: string;
  name: string;
}

/** One row of a plugin's sheet, checked: its spreadsheet row number, its cells (non-empty ones), and the org its `org` column names. */
export interface ImportRow {
  row: number;
  values: Record<string, string>;
  org?: ImportOrg;
}

/** A problem `apply` finds, at a row and (by column key) a cell; the message must not contain a sensitive cell's value. */
export interface ImportSheetProblem {
  row: number;
  column?: string;
  message: LocalizedText;
}

export interface ImportSheetContext {
  /** The import's transaction: write here, and a dry run rolls it back. */
  db: Kysely<any>;
  now: Date;
  deployment: Deployment;
  /** The plugin's options in the city config. */
  options: Record<string, unknown>;
}

export interface ImportApplyResult {
  /** What changed and what was seen, by a name of the plugin's (`created`, `updated`, `notInSheet`, …). */
  counts: Record<string, number>;
  /** How many rows `counts` says were written: 0 on a re-import of the same file. */
  changed: number;
  /** What would change or changed, one line a change, in Chinese, with no personal data. */
  preview: string[];
  /** What to check that is no change: rows in the database the sheet left out (kept), one line each, in Chinese, with no personal data. */
  notes?: string[];
  /** Problems found against the database: any of them and nothing is imported. */
  problems?: ImportSheetProblem[];
}

export interface ImportSheetDefinition {
  /** `<plugin>.<sheet>`. */
  id: string;
  /** The sheet's name: Chinese first (what the template writes), English accepted. */
  title: LocalizedText;
  /** Other sheet names accepted. */
  aliases?: string[];
  columns: ImportColumn[];
  /** JSON Schema of a row's non-empty cells (all strings, by column key); each failing cell is a problem with the column's help. */
  rowSchema: Record<string, unknown>;
  /**
   * The column naming the org a row belongs to (an org key, or a path of
   * names): the core resolves it after its own sheets, checks its type, and
   * for an administrator importing on the web that it lies in the subtrees
   * they administer.
   */
  org?: { column: string; types?: string[] };
  /** The row's identity: two rows with one key are a problem; a re-import finds the same record by it. Called on checked rows. */
  key: (row: ImportRow) => string;
  /** Upserts the rows in the import's transaction. Rows in the database but not in the sheet are for the plugin to report, never to drop unasked. */
  apply: (ctx: ImportSheetContext, rows: ImportRow[]) => Promise<ImportApplyResult>;
  /** The rows for `linli export`, by column key, so importing the export into an empty city reproduces them. */
  export: (ctx: Omit<ImportSheetContext, 'now'>) => Promise<Record<string, string>[]>;
}
