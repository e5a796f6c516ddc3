import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV for spreadsheets', () => {
  it('starts with a byte-order mark, ends lines with CRLF', () => {
    expect(toCsv([['编号', '小区'], [1, '曙光小区']])).toBe('\uFEFF编号,小区\r\n1,曙光小区\r\n');
  });

  it('quotes separators and quotes, and leaves empty cells empty', () => {
    expect([csvCell('a,b'), csvCell('say "hi"'), csvCell('two\nlines'), csvCell(null), csvCell(undefined), csvCell('')]).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', '', '', '']);
  });

  it('defuses what a spreadsheet would run as a formula, but not numbers', () => {
    expect(['=1+1', '+86 138', '-x', '@SUM(A1)', '\tcmd', '=HYPERLINK("x","y")'].map(csvCell)).toEqual([
      "'=1+1",
      "'+86 138",
      "'-x",
      "'@SUM(A1)",
      "'\tcmd",
      '"\'=HYPERLINK(""x"",""y"")"',
    ]);
    expect([csvCell(-5), csvCell('-5'), csvCell('-2.5'), csvCell(17.5)]).toEqual(['-5', '-5', '-2.5', '17.5']);
  });
});
