import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fail } from './errors.js';

describe('error codes', () => {
  it('are each documented in README.md with their status, and nothing else is', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `(VP_ERR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(documented).toEqual(Object.entries(fail.table).map(([code, e]) => [code, e.status]));
  });

  it('say each thing once per language: a Chinese message without English, an English one without Chinese (but the term 双报到)', () => {
    for (const [code, e] of Object.entries(fail.table).filter(([code]) => code !== 'VP_ERR_OPTIONS')) {
      const zh = (e as { 'zh-CN'?: string })['zh-CN'];
      expect(zh, code).toBeDefined();
      expect(zh, code).not.toMatch(/[A-Za-z]{3,}/);
      expect(e.message.replace(/双报到/g, ''), code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reach the reader in their language, with the arguments each sentence needs', () => {
    const e = fail('VP_ERR_NOT_COMPOUND', ['永福社区', '永福社区']);
    expect(e.localizedMessage('zh-CN')).toBe('永福社区 不是小区：报到、微心愿和积分都按小区登记，请选择一个小区。');
    expect(e.localizedMessage('en')).toBe('永福社区 is not a compound: registrations, wishes and points are kept per compound; choose a compound.');
  });
});
