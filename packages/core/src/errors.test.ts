import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineErrors, errorTable, LinliError, unprocessable } from './errors.js';

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

  it("speaks the reader's language: Chinese templates, arguments in both languages, reordered arguments, details", () => {
    const fail = defineErrors({ X_ERR_ONE: { status: 422, message: 'Only %s serving %s may %s.', 'zh-CN': '只有服务%2$s的%1$s可以%3$s。' } });
    const e = fail('X_ERR_ONE', [{ 'zh-CN': '居委会', en: "residents' committee" }, '河畔家园', { 'zh-CN': '安排会商', en: 'schedule meetings' }], [
      { path: '/date', message: 'is closed', localized: { 'zh-CN': '已结束', en: 'is closed' } },
    ]);
    expect(e.message).toBe("Only residents' committee serving 河畔家园 may schedule meetings.");
    expect(e.toJSON('zh-CN')).toEqual({ code: 'X_ERR_ONE', message: '只有服务河畔家园的居委会可以安排会商。', details: [{ path: '/date', message: '已结束' }] });
    expect(e.toJSON('en').details).toEqual([{ path: '/date', message: 'is closed' }]);
    expect(new LinliError('LINLI_ERR_VERSION_CONFLICT', [1, 2]).toJSON('zh-CN').message).toContain('其他人');
    expect(unprocessable({ 'zh-CN': '没有人能办理', en: 'Nobody can act' }).toJSON('zh-CN').message).toBe('没有人能办理');
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
