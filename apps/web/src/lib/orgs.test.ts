import { describe, expect, it } from 'vitest';
import type { Org } from '../api/types';
import { buildOrgTree, homeOrgId, stillInReach, treeOrder } from './orgs';

const org = (id: string, parentId: string | null, path: string, kind: 'level' | 'side' = 'level'): Org => ({ id, key: `k${id}`, parentId, type: 't', kind, name: `org ${id}`, path, depth: path.split('/').length - 3, deactivated: false });
const orgs = [org('3', '1', '/1/3/', 'side'), org('1', null, '/1/'), org('4', '2', '/1/2/4/'), org('2', '1', '/1/2/')];

describe('org tree', () => {
  it('nests level orgs under their parents and hangs side orgs beside them', () => {
    const [root] = buildOrgTree(orgs);
    expect(root?.org.id).toBe('1');
    expect(root?.side.map((o) => o.id)).toEqual(['3']);
    expect(root?.children.map((n) => n.org.id)).toEqual(['2']);
    expect(root?.children[0]?.children.map((n) => n.org.id)).toEqual(['4']);
  });
  it('orders a parent before its subtree', () => {
    expect(treeOrder(orgs).map((o) => o.id)).toEqual(['1', '2', '4', '3']);
  });
  it("takes a person's broadest role as where they work from", () => {
    const role = (orgId: string) => ({ id: orgId, role: 'r', orgId, orgName: '', gridId: null, gridName: null });
    expect(homeOrgId({ id: '9', username: 'u', name: 'n', roles: [role('4'), role('2')] }, orgs)).toBe('2');
    expect(homeOrgId({ id: '9', username: 'u', name: 'n', roles: [] }, orgs)).toBeNull();
  });
  it('tells whether a ticket stays in my reach after a step: filed or held by me, or at or under one of my orgs', () => {
    const me = { id: '9', roles: [{ id: 'a', role: 'r', orgId: '2', orgName: '', gridId: null, gridName: null }] };
    expect(stillInReach({ orgId: '4', assigneeOrgId: null }, me, orgs)).toBe(true);
    expect(stillInReach({ orgId: '1', assigneeOrgId: '4' }, me, orgs)).toBe(true);
    // Returned by my unit (2) to the desk above (1): out of my reach.
    expect(stillInReach({ orgId: '1', assigneeOrgId: '3' }, me, orgs)).toBe(false);
    expect(stillInReach({ orgId: '1', assigneeOrgId: null, reporterId: '9' }, me, orgs)).toBe(true);
    // A role that sees only its own tickets (a volunteer's) gives no reach once the claim is given up.
    const volunteer = { id: '9', roles: [{ id: 'a', role: 'volunteer', orgId: '2', orgName: '', gridId: null, gridName: null }] };
    const roles = [{ id: 'volunteer', ticketScope: 'own' as const }];
    expect(stillInReach({ orgId: '4', assigneeOrgId: null, assigneePersonId: '9' }, volunteer, orgs, roles)).toBe(true);
    expect(stillInReach({ orgId: '4', assigneeOrgId: null, assigneePersonId: null }, volunteer, orgs, roles)).toBe(false);
  });
});
