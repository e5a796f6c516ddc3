import { describe, expect, it } from 'vitest';
import { readSettings, validateOptions } from './settings.js';

const city = {} as Parameters<typeof validateOptions>[1];

describe('settings', () => {
  it('default to the Civil Code and 九不能九不宜', () => {
    const s = readSettings({});
    expect(s.matterRule.elevator).toBe('special');
    expect(s.matterRule['use-fund']).toBe('ordinary');
    expect(s.negativeList.filter((i) => i.kind === '不能')).toHaveLength(9);
    expect(s.negativeList.filter((i) => i.kind === '不宜')).toHaveLength(9);
  });

  it('refuse a matter mapped to an unknown rule and a list with an id twice', () => {
    expect(validateOptions({ matters: { elevator: 'nope' } }, city)).toEqual([expect.objectContaining({ path: '/matters/elevator' })]);
    const item = { id: 'a', kind: '不能', text: '受过刑事处罚', checker: 'community' };
    expect(validateOptions({ negativeList: [item, item] }, city)).toEqual([expect.objectContaining({ path: '/negativeList/1/id' })]);
    expect(validateOptions({ rules: { x: { participation: { area: '>=3/2', owners: '>=2/3' }, pass: { area: '>1/2', owners: '>1/2' } } } }, city)).toEqual([expect.objectContaining({ path: '/rules/x/participation/area' })]);
  });
});
