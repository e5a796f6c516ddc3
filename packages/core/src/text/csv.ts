/** A value of one CSV cell: numbers as they are, null and undefined as empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell. Quoted when it holds a quote, comma or line break; a text that
 * starts like a spreadsheet formula (= + - @, a tab or CR) gets a leading
 * apostrophe, so opening the file never runs anything (OWASP "CSV
 * injection"). Numbers, and texts that are plain numbers (`-5`, `2.5`), are
 * left alone.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?[0-9]+(\.[0-9]+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows as a CSV file for spreadsheet programs: UTF-8 with a byte-order mark
 * (so Excel reads Chinese right), CRLF line ends, a final line end.
 *
 * @example
 * reply.type('text/csv; charset=utf-8').send(toCsv([['编号', '小区'], [1, '曙光小区']]));
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
