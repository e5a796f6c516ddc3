import { describe, expect, it } from 'vitest';
import type { Org, RoleInfo } from '../api/types';
import { homeOf, isResidentOnly } from './portal';

const roles: RoleInfo[] = [
  { id: 'resident', title: { 'zh-CN': '居民' }, ticketScope: 'own' },
  { id: 'volunteer', title: { 'zh-CN': '志愿者' }, ticketScope: 'own' },
  { id: 'grid_worker', title: { 'zh-CN': '网格员' }, heldAt: 'grid' },
];
const role = (r: string, orgId: string) => ({ id: `${r}${orgId}`, role: r, orgId, orgName: '', gridId: null });
const orgs: Org[] = [
  { id: '7', key: 'hepan', type: 'compound', kind: 'level', name: '河畔家园', parentId: '3' } as Org,
  { id: '8', key: 'hepan-5', type: 'building', kind: 'level', name: '5栋', parentId: '7' } as Org,
];
const org = (id: string) => orgs.find((o) => o.id === id);

describe('the resident portal', () => {
  it('is home for people whose every role sees only their own tickets', () => {
    expect(isResidentOnly({ roles: [role('resident', '7')] }, roles)).toBe(true);
    expect(isResidentOnly({ roles: [role('resident', '7'), role('volunteer', '7')] }, roles)).toBe(true);
    // A resident who is also a grid worker works from the queue.
    expect(isResidentOnly({ roles: [role('resident', '7'), role('grid_worker', '3')] }, roles)).toBe(false);
    expect(isResidentOnly({ roles: [] }, roles)).toBe(false);
  });

  it('preselects the building, else the compound, where the person lives', () => {
    expect(homeOf({ roles: [role('resident', '7')] }, org)?.name).toBe('河畔家园');
    expect(homeOf({ roles: [role('resident', '7'), role('volunteer', '8')] }, org)?.name).toBe('5栋');
  });
});
