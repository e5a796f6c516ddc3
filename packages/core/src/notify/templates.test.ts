import { describe, expect, it } from 'vitest';
import type { CityConfig } from '../schemas/types.js';
import { builtinNoticeKinds } from './builtin.js';
import { buildNoticeCatalog } from './catalog.js';
import { afterQuietHours } from './quiet-hours.js';
import { renderNotice, smsLimits, smsText, templateIssues } from './templates.js';

const city = (notifications: CityConfig['notifications']): CityConfig => ({ name: 't', title: { 'zh-CN': '测' }, orgs: { key: 'r', type: 'city', name: '市' }, notifications });

describe('notice templates', () => {
  it('ship zh-CN and en for every built-in kind, using only its variables', () => {
    for (const k of builtinNoticeKinds) expect(templateIssues(k.id, k.vars, k.template), k.id).toEqual([]);
  });

  it('refuse a city template with an unknown variable, naming the kind and the variable', () => {
    const { issues } = buildNoticeCatalog(city({ templates: { 'ticket.overdue': { body: { 'zh-CN': '{residentPhone}的工单#{ticketId}已超期' } } } }), [], 'linli.config.json');
    expect(issues).toEqual([expect.objectContaining({ file: 'linli.config.json', path: '/notifications/templates/ticket.overdue/body/zh-CN', message: 'notice "ticket.overdue" uses the unknown variable {residentPhone}' })]);
    expect(buildNoticeCatalog(city({ templates: { 'ticket.exploded': { title: { 'zh-CN': 'x' } } } }), [], 'f').issues[0]?.message).toBe('there is no notice kind "ticket.exploded"');
  });

  it("refuse a plugin's kind outside its name or with a bad template", () => {
    const notices = [{ id: 'other.kind', label: { 'zh-CN': 'x' }, vars: ['a'], template: { title: { 'zh-CN': '{a}', en: '{a}' }, body: { 'zh-CN': '{b}', en: '{a}' } } }];
    const paths = buildNoticeCatalog(city(undefined), [{ name: 'mine', notices }], 'f').issues.map((i) => i.path);
    expect(paths).toEqual(['/notices/0/id', '/notices/0/template/body/zh-CN']);
  });

  it('render in the reader\'s language and keep an SMS within one segment', () => {
    const overdue = builtinNoticeKinds.find((k) => k.id === 'ticket.overdue')!;
    expect(renderNotice(overdue.template, { ticketId: '7', ticketTitle: '路灯', deadline: '2026-11-27 09:00' }, 'en').title).toBe('Overdue: 路灯');
    const text = smsText(overdue.template, { ticketId: '7', ticketTitle: '很长的标题'.repeat(20), deadline: '2026-11-27 09:00' }, 'zh-CN', '天长邻里');
    expect([...text].length).toBeLessThanOrEqual(smsLimits.text);
    expect(text.startsWith('【天长邻里】工单#7“很长的标题')).toBe(true);
  });
});

describe('quiet hours', () => {
  const q = { start: '22:00', end: '07:00' };
  it('hold a delivery inside them until they end, in local time, across midnight', () => {
    expect(afterQuietHours(new Date('2026-12-01T15:00:00Z'), q, 8).toISOString()).toBe('2026-12-01T23:00:00.000Z'); // 23:00 → 07:00
    expect(afterQuietHours(new Date('2026-12-01T20:00:00Z'), q, 8).toISOString()).toBe('2026-12-01T23:00:00.000Z'); // 04:00 → 07:00
    expect(afterQuietHours(new Date('2026-12-01T01:00:00Z'), q, 8).toISOString()).toBe('2026-12-01T01:00:00.000Z'); // 09:00: now
    expect(afterQuietHours(new Date('2026-12-01T05:00:00Z'), { start: '12:00', end: '14:00' }, 8).toISOString()).toBe('2026-12-01T06:00:00.000Z'); // 13:00 → 14:00
    expect(afterQuietHours(new Date('2026-12-01T05:00:00Z'), null, 8).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
