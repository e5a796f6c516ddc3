import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineErrors, errorTable, LinliError } from './errors.js';

describe('error table', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

  it('documents every code in docs/errors.md with its HTTP status', () => {
    for (const [code, { status }] of Object.entries(errorTable)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, `${code} is missing from docs/errors.md`).toBeDefined();
      expect(row).toContain(`| ${status}`);
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `(LINLI_ERR_[A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(errorTable).sort());
  });

  it('fills message templates and serializes without a stack', () => {
    const e = new LinliError('LINLI_ERR_VERSION_CONFLICT', [1, 2]);
    expect(e.statusCode).toBe(409);
    expect(e.message).toContain('version 1, it is now 2');
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'LINLI_ERR_VERSION_CONFLICT', message: e.message });
  });

  it('lets plugins define their own coded errors, and refuses badly named codes', () => {
    const fail = defineErrors({ TLO_ERR_NO_QUORUM: { status: 422, message: 'Missing: %s' } });
    const e = fail('TLO_ERR_NO_QUORUM', ['业委会']);
    expect(e).toBeInstanceOf(LinliError);
    expect(e.toJSON()).toEqual({ code: 'TLO_ERR_NO_QUORUM', message: 'Missing: 业委会' });
    expect(e.statusCode).toBe(422);
    expect(() => defineErrors({ nope: { status: 400, message: '' } })).toThrow(/PREFIX_ERR_NAME/);
  });
});
