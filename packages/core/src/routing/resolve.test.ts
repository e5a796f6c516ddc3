import { describe, expect, it } from 'vitest';
import type { RoutingConfig } from '../schemas/types.js';
import { gridOrg, nearestOfType, type Neighbourhood, type PlaceOrg } from './neighbourhood.js';
import { namedOrgKeys, resolveRoute, resolveTargets } from './resolve.js';

const org = (id: string, key: string, type: string, parentId: string | null, path: string, kind: 'level' | 'side' = 'level'): PlaceOrg => ({ id, key, name: key, type, kind, parentId, path });

// 天长市 /1/ → 广陵街道 /1/2/ → 永福社区 /1/2/3/ → 河畔家园 /1/2/3/4/ → 1栋 /1/2/3/4/5/
const city = org('1', 'tianchang', 'city', null, '/1/');
const street = org('2', 'guangling', 'street', '1', '/1/2/');
const community = org('3', 'yongfu', 'community', '2', '/1/2/3/');
const compound = org('4', 'hepan', 'compound', '3', '/1/2/3/4/');
const building = org('5', 'hepan-b1', 'building', '4', '/1/2/3/4/5/');
const cgj = org('10', 'tc-cgj', 'department', '1', '/1/10/', 'side');
const xf = org('11', 'tc-xf', 'department', '1', '/1/11/', 'side');
const party = org('12', 'yongfu-party', 'party_committee', '3', '/1/2/3/12/', 'side');
const rc = org('13', 'yongfu-rc', 'residents_committee', '3', '/1/2/3/13/', 'side');
const property = org('14', 'hepan-property', 'property_company', '4', '/1/2/3/4/14/', 'side');

function place(at: PlaceOrg[], over: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    lineage: at,
    sides: new Map([
      ['1', [cgj, xf]],
      ['3', [party, rc]],
      ['4', [property]],
    ]),
    grids: [{ key: 'yongfu-g1', orgId: '4' }],
    byKey: new Map([cgj, xf].map((o) => [o.key, o])),
    ...over,
  };
}
const atBuilding = place([building, compound, community, street, city]);
const routing: RoutingConfig = {
  rules: [
    { category: ['物业服务'], to: { nearest: 'property_company' } },
    { category: ['邻里纠纷'], to: { nearest: 'residents_committee' } },
    { category: ['安全隐患'], grid: ['other-grid'], to: { org: 'tc-cgj' } },
    { category: ['安全隐患'], orgType: ['building'], to: { org: 'tc-xf' } },
    { workflow: ['street-works'], to: { org: 'tc-cgj' } },
    { category: ['公共设施'], to: { org: 'tc-missing' } },
  ],
};
const route = (category: string | undefined, n = atBuilding, workflow = 'grid-request') =>
  resolveRoute(routing, { workflow, data: category === undefined ? {} : { category } }, n);

describe('dispatch rules (routing)', () => {
  it('sends a property matter to the property company of the compound', () => {
    expect(route('物业服务')).toEqual({ org: property, via: { rule: 0 } });
  });

  it('finds side-organizations on the way up the tree (the community residents committee)', () => {
    expect(route('邻里纠纷')).toEqual({ org: rc, via: { rule: 1 } });
  });

  it('matches on grid and on the type of the ticket’s org, in rule order', () => {
    // Rule 2 needs another grid; rule 3 needs a building: the ticket is in a building of yongfu-g1.
    expect(route('安全隐患')).toEqual({ org: xf, via: { rule: 3 } });
    const atCompound = place([compound, community, street, city]);
    expect(route('安全隐患', atCompound)?.via).toEqual({ fallback: 'grid' });
    expect(route('安全隐患', place([compound, community, street, city], { grids: [{ key: 'other-grid', orgId: '4' }] }))).toEqual({ org: cgj, via: { rule: 2 } });
  });

  it('matches on the workflow', () => {
    expect(route(undefined, atBuilding, 'street-works')).toEqual({ org: cgj, via: { rule: 4 } });
  });

  it('skips a rule whose fixed org does not exist, and falls back grid → community → street', () => {
    expect(route('公共设施')).toEqual({ org: compound, via: { fallback: 'grid' } });
    const noGrid = place([building, compound, community, street, city], { grids: [] });
    expect(route('其他', noGrid)).toEqual({ org: community, via: { fallback: 'community' } });
    const streetOnly = place([street, city], { grids: [] });
    expect(route('其他', streetOnly)).toEqual({ org: street, via: { fallback: 'street' } });
  });

  it('uses the configured category field and fallback chain, and says so when nothing fits', () => {
    const custom: RoutingConfig = { categoryField: 'kind', rules: [{ category: ['物业服务'], to: { nearest: 'property_company' } }], fallback: ['district'] };
    expect(resolveRoute(custom, { workflow: 'w', data: { kind: '物业服务', category: '其他' } }, atBuilding)?.org).toEqual(property);
    expect(resolveRoute(custom, { workflow: 'w', data: { category: '物业服务' } }, atBuilding)).toBeNull();
    expect(route('其他', place([]))).toBeNull();
  });

  it('has sensible defaults without a routing section', () => {
    expect(resolveRoute(undefined, { workflow: 'w', data: { category: '物业服务' } }, atBuilding)).toEqual({ org: compound, via: { fallback: 'grid' } });
  });

  it('finds the nearest org of a type and the grid’s org', () => {
    expect(nearestOfType(atBuilding, 'party_committee')).toEqual(party);
    expect(nearestOfType(atBuilding, 'department')).toEqual(cgj);
    expect(nearestOfType(atBuilding, 'district')).toBeNull();
    expect(gridOrg(atBuilding)).toEqual(compound);
  });
});

describe('escalation targets', () => {
  it('resolves fixed, nearest and parent targets, keeping the lead flag and dropping duplicates', () => {
    const n = place([compound, community, street, city], { assignee: { org: cgj, parent: city } });
    const targets = resolveTargets(
      [{ nearest: 'party_committee', lead: true }, { org: 'tc-cgj' }, { org: 'tc-cgj', lead: true }, { parent: 'assignee' }, { parent: 'org' }, { org: 'nowhere' }, { nearest: 'district' }],
      n,
    );
    expect(targets.map((t) => [t.org.key, t.lead])).toEqual([
      ['yongfu-party', true],
      ['tc-cgj', true],
      ['tianchang', false],
      ['yongfu', false],
    ]);
  });

  it('goes up from the ticket’s own org when it is not assigned, and stops at the root', () => {
    expect(resolveTargets([{ parent: 'assignee' }], place([compound, community, street, city])).map((t) => t.org.key)).toEqual(['yongfu']);
    expect(resolveTargets([{ parent: 'org' }], place([city]))).toEqual([]);
  });

  it('lists the org keys the config names, for the loader', () => {
    expect(
      namedOrgKeys({
        routing,
        escalation: { whistle: { targets: [{ org: 'tc-zjj' }, { nearest: 'party_committee' }] }, overdue: [{ steps: [{ to: [{ org: 'tc-command' }, { parent: 'assignee' }] }] }] },
      }).sort(),
    ).toEqual(['tc-cgj', 'tc-command', 'tc-missing', 'tc-xf', 'tc-zjj']);
  });
});
