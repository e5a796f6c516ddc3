import { describe, expect, it } from 'vitest';
import type { Org } from '../api/types';
import { buildOrgTree, homeOrgId, treeOrder } from './orgs';

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
});
