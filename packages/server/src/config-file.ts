import { readFileSync } from 'node:fs';
import { LinliError } from '@linli/core';

/** Reads a JSON config file; a syntax error names the line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`], [{ file, path: '/', message: 'cannot read the file' }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
    const where = Number.isFinite(pos) ? lineCol(text, pos) : '';
    throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`${file}${where} is not valid JSON`], [{ file, path: '/', message: `${msg}${where}`, expected: 'valid JSON' }]);
  }
}

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
}
