import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fail } from './errors.js';

describe('error codes', () => {
  it('are each documented in README.md with their status, and nothing else is', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `(DM_ERR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(documented).toEqual(Object.entries(fail.table).map(([code, e]) => [code, e.status]));
  });
});
