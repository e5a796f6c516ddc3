import { describe, expect, it } from 'vitest';
import { definePlugin } from './plugin.js';
import { publicDeclarationProblems, type PublicDataSource } from './public.js';

const closed = { type: 'object', properties: { title: { type: 'string' } }, additionalProperties: false };
const source = (over: Partial<PublicDataSource> = {}): PublicDataSource => ({ id: 'resolutions', title: { 'zh-CN': '决议' }, item: closed, load: async () => [], ...over });

describe('public declarations', () => {
  it('accepts closed item schemas and pages that show a declared source', () => {
    expect(publicDeclarationProblems({ name: 'p', publicData: [source()], web: { publicPages: [{ id: 'r', title: { 'zh-CN': '决议' }, source: 'resolutions', heading: 'title', fields: [] }] } })).toEqual([]);
  });

  it('refuses a field marked sensitive, an open object, a bad or repeated id, and a page without its source', () => {
    const problems = publicDeclarationProblems({
      name: 'p',
      publicData: [
        source({ item: { type: 'object', properties: { phone: { type: 'string', 'x-linli-sensitive': true } }, additionalProperties: false } }),
        source({ item: { type: 'object', properties: { who: { type: 'object', properties: {} } }, additionalProperties: false } }),
        source({ id: 'Bad Id' }),
      ],
      web: { publicPages: [{ id: 'x', title: { 'zh-CN': 'x' }, source: 'missing', heading: 'title', fields: [] }] },
    });
    expect(problems).toEqual([
      'public data "resolutions" of plugin "p": field /phone is marked x-linli-sensitive and can never be public',
      'public data "resolutions" of plugin "p" is declared twice',
      'public data "resolutions" of plugin "p": object /who must say additionalProperties: false',
      'public data "Bad Id" of plugin "p" needs a kebab-case id',
      'public page "x" of plugin "p" shows "missing", which is no public data source of the plugin',
    ]);
  });

  it('makes definePlugin refuse such a plugin when it is imported', () => {
    expect(() => definePlugin({ name: 'leaky', version: '0.1.0', sdk: '^0.1.0', title: { 'zh-CN': '泄露' }, publicData: [source({ item: { type: 'object', properties: {} } })] })).toThrow(/additionalProperties: false/);
  });
});
