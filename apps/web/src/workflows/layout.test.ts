import { describe, expect, it } from 'vitest';
import type { Workflow } from '../api/types';
import { layoutWorkflow, shortRoleList, smoothPath, textWidth } from './layout';

const wf: Workflow = {
  id: 'w',
  title: { 'zh-CN': '流程' },
  intakeForm: 'f',
  create: [{ role: 'resident', scope: 'org' }],
  initial: 'a',
  states: [
    { id: 'a', title: { 'zh-CN': '已收集' }, timeLimit: { hours: 24 } },
    { id: 'b', title: { 'zh-CN': '已梳理' } },
    { id: 'c', title: { 'zh-CN': '已办结' }, terminal: true },
  ],
  transitions: [
    { name: 'sort', title: { 'zh-CN': '梳理' }, from: 'a', to: 'b', allow: [] },
    { name: 'close', title: { 'zh-CN': '办结' }, from: ['a', 'b'], to: 'c', allow: [] },
  ],
};

describe('workflow diagram layout', () => {
  const d = layoutWorkflow(wf, (id) => ({ title: id, note: id === 'a' ? '24 小时' : null }), (name) => ({ title: name, roles: '网格员' }));
  it('places every state and one edge per source state of each transition', () => {
    expect(d.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(d.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>b', 'a>c', 'b>c']);
    expect(d.nodes.find((n) => n.id === 'a')).toMatchObject({ initial: true, terminal: false });
    expect(d.nodes.find((n) => n.id === 'c')).toMatchObject({ terminal: true });
  });
  it('lays out top to bottom inside the drawing', () => {
    const y = (id: string) => d.nodes.find((n) => n.id === id)!.y;
    expect(y('a')).toBeLessThan(y('b'));
    expect(y('b')).toBeLessThan(y('c'));
    for (const n of d.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(d.width);
    }
    for (const e of d.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });
  it('draws smooth paths and short role lists', () => {
    expect(smoothPath([{ x: 0, y: 0 }, { x: 10, y: 10 }])).toMatch(/^M0,0 C/);
    expect(shortRoleList(['甲', '乙', '丙', '丁'], (n) => `等 ${n} 个角色`, '、')).toBe('甲、乙等 4 个角色');
    expect(shortRoleList(['甲', '乙', '丙'], (n) => `等 ${n}`, '、')).toBe('甲、乙、丙');
    expect(textWidth('网格', 12)).toBe(24);
  });
});
