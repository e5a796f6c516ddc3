import { describe, expect, it } from 'vitest';
import type { Org, Workflow } from '../api/types';
import { asksForPin, defaultPlace, intakeWording, offeredAt, placesFor } from './intake';

const org = (id: string, type: string, path: string, deactivated = false) => ({ id, key: `k${id}`, type, kind: 'level', name: `org ${id}`, parentId: null, path, depth: path.split('/').length - 2, deactivated }) as unknown as Org;
const community = org('3', 'community', '/1/3/');
const hepan = org('7', 'compound', '/1/3/7/');
const b1 = org('8', 'building', '/1/3/7/8/');
const b2 = org('9', 'building', '/1/3/7/9/');
const tiandao = org('10', 'compound', '/1/3/10/');
const closed = org('11', 'compound', '/1/3/11/', true);
const orgs = [community, hepan, b1, b2, tiandao, closed];
const role = (r: string, orgId: string) => ({ id: `${r}${orgId}`, role: r, orgId, orgName: '', gridId: null });
const wf = (over: Partial<Workflow>) => ({ id: 'w', title: { 'zh-CN': '网格诉求' }, intakeForm: 'f', ...over }) as unknown as Workflow;
const ids = (list: Org[]) => list.map((o) => o.id);

describe('the intake page', () => {
  it("words the kind from the workflow's intake data, with neutral defaults", () => {
    const t = (k: string) => `[${k}]`;
    const pick = (x: unknown) => (x as { 'zh-CN': string } | undefined)?.['zh-CN'] ?? '';
    const grid = wf({ intake: { title: { 'zh-CN': '小区里的问题' }, submit: { 'zh-CN': '提交反映' } } } as never);
    expect(intakeWording(grid, t, pick)).toEqual({ title: '小区里的问题', hint: '', where: '[new.place]', submit: '提交反映', success: '[new.success]' });
    // Nothing declared: the workflow's title and words that fit any kind of matter.
    expect(intakeWording(wf({ title: { 'zh-CN': '议事厅议题' } }), t, pick)).toMatchObject({ title: '议事厅议题', submit: '[new.submit]', success: '[new.success]' });
    expect(asksForPin(grid)).toBe(true);
    expect(asksForPin(wf({ intake: { mapPin: false } } as never))).toBe(false);
  });

  it('offers the places of the declared types where one of my roles may file, never a deactivated one', () => {
    const create = [{ role: 'resident', scope: 'ancestor' }, { role: 'building_leader', scope: 'ancestor' }, { role: 'command_officer', scope: 'any' }];
    const grid = wf({ create } as never);
    expect(ids(placesFor(grid, [role('resident', '7')], orgs))).toEqual(['7', '8', '9']);
    // A building leader is offered their own building, not all of them.
    expect(ids(placesFor(grid, [role('building_leader', '8')], orgs))).toEqual(['8']);
    expect(ids(placesFor(grid, [role('command_officer', '1')], orgs))).toEqual(['7', '8', '9', '10']);
    expect(placesFor(grid, [role('volunteer', '7')], orgs)).toEqual([]);
    // Door-knocking problems are filed at buildings only.
    const door = wf({ create: [{ role: 'grid_worker', scope: 'ancestor' }], intake: { places: ['building'] } } as never);
    expect(ids(placesFor(door, [role('grid_worker', '3')], orgs))).toEqual(['8', '9']);
    // No create rule: anyone, anywhere of the right type.
    expect(ids(placesFor(wf({ intake: { places: ['compound'] } } as never), [], orgs))).toEqual(['7', '10']);
  });

  it('starts from where I live, or the offered place above it, or the only one', () => {
    expect(defaultPlace([hepan, b1, b2], b1)).toBe('8');
    expect(defaultPlace([hepan, tiandao], b1)).toBe('7');
    expect(defaultPlace([b2], undefined)).toBe('9');
    expect(defaultPlace([b1, b2], community)).toBe('');
  });

  it('offers a workflow only where the place’s attributes fit its offerWhere', () => {
    const elevator = wf({ offerWhere: { compoundType: ['老旧小区'] } });
    expect(offeredAt(elevator, { compoundType: '老旧小区' })).toBe(true);
    expect(offeredAt(elevator, { compoundType: '商品房' })).toBe(false);
    expect(offeredAt(wf({}), {})).toBe(true);
  });
});
