import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fail } from './errors.js';

describe('error codes', () => {
  it('are each documented in README.md with their status, and nothing else is', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `(STU_ERR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(documented).toEqual(Object.entries(fail.table).map(([code, e]) => [code, e.status]));
  });

  it('say what happened in Chinese to a Chinese reader, in English to others', () => {
    const full = fail('STU_ERR_FULL', ['李秀兰书记工作室', '12月1日（周二） 09:00–11:00']);
    expect(full.statusCode).toBe(409);
    expect(full.localizedMessage('zh-CN')).toBe('李秀兰书记工作室 12月1日（周二） 09:00–11:00的最后一个名额刚刚被其他居民约走了，您的预约没有成功，请选择其他时间。');
    expect(full.localizedMessage('en')).toMatch(/^Someone else has just taken the last place/);
  });
});
