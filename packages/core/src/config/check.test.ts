import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../errors.js';
import { defaultOrgTypes, defaultRoles } from '../org/defaults.js';
import type { PluginManifest } from '../plugins/manifest.js';
import type { CityConfig } from '../schemas/types.js';
import { allForms, available, cityConfig, intakeForm, loose, plugin, workflow, type Loose } from '../test-fixtures.js';
import { checkCityConfig, type ConfigCheckOptions } from './check.js';

const FILE = 'linli.config.json';
const SDK = '0.1.3';

const opts = (...plugins: PluginManifest[]): ConfigCheckOptions => ({ file: FILE, available: available(...plugins), sdkVersion: SDK });

/** Checks a broken copy of the fixture config. */
function check(breakIt: (c: Loose) => void, ...plugins: PluginManifest[]) {
  const c = loose(cityConfig());
  breakIt(c);
  return checkCityConfig(c, opts(...plugins));
}

function only(issues: ErrorDetail[], path: string): ErrorDetail {
  const found = issues.filter((i) => i.path === path);
  expect(found, `issues at ${path} in ${JSON.stringify(issues, null, 2)}`).toHaveLength(1);
  return found[0] as ErrorDetail;
}

// A plugin that brings its own role, form and workflow, as plugins/grid-requests does.
const mediation = () =>
  plugin('property-mediation', {
    roles: [{ id: 'mediator', title: { 'zh-CN': '调解员' }, heldAt: 'org' }],
    forms: [{ id: 'mediation.intake', title: { 'zh-CN': '调解申请' }, schema: { type: 'object', properties: { what: { type: 'string' } } } }],
    workflows: [
      {
        ...workflow(),
        id: 'mediation',
        intakeForm: 'mediation.intake',
        create: [{ role: 'mediator', scope: 'ancestor' }],
      },
    ],
    optionsSchema: {
      type: 'object',
      properties: { weeklyDay: { enum: ['saturday', 'sunday'] }, quorum: { type: 'integer', minimum: 3 } },
      required: ['weeklyDay'],
      additionalProperties: false,
    },
  });

describe('checkCityConfig: a valid config', () => {
  it('has no issues and returns the config with the default org types and roles', () => {
    const raw = cityConfig();
    const result = checkCityConfig(raw, opts());
    expect(result.issues).toEqual([]);
    expect(result.config).toBe(raw);
    expect(result.plugins).toEqual([]);
    expect(result.orgTypes).toBe(defaultOrgTypes);
    expect(result.roles).toEqual(defaultRoles);
  });

  it('enables a plugin with valid options and adds its roles', () => {
    const p = mediation();
    const raw = cityConfig();
    raw.plugins = { 'property-mediation': { weeklyDay: 'saturday', quorum: 3 } };
    raw.people?.push({ username: 'zhao', name: '赵调解', roles: [{ role: 'mediator', org: 'yongfu' }] });
    const result = checkCityConfig(raw, opts(p, plugin('unused')));
    expect(result.issues).toEqual([]);
    expect(result.plugins).toEqual([p]);
    expect(result.roles.map((r) => r.id)).toContain('mediator');
  });

  it('lets a config workflow use a plugin’s form and role', () => {
    const raw = cityConfig();
    raw.plugins = { 'property-mediation': { weeklyDay: 'sunday' } };
    raw.workflows?.push({ ...workflow(), id: 'test.local-mediation', intakeForm: 'mediation.intake', create: [{ role: 'mediator', scope: 'org' }] });
    expect(checkCityConfig(raw, opts(mediation())).issues).toEqual([]);
  });

  it('uses the config’s org types instead of the defaults, and adds its roles to the defaults', () => {
    const raw: CityConfig = {
      name: 'village',
      title: { 'zh-CN': '某县' },
      orgTypes: [
        { id: 'county', title: { 'zh-CN': '县' }, kind: 'level', parents: [] },
        { id: 'town', title: { 'zh-CN': '镇' }, kind: 'level', parents: ['county'] },
        { id: 'village', title: { 'zh-CN': '村' }, kind: 'level', parents: ['town'] },
        { id: 'village_committee', title: { 'zh-CN': '村委会' }, kind: 'side' },
      ],
      roles: [{ id: 'village_head', title: { 'zh-CN': '村主任' }, heldAt: 'org', admin: true }],
      orgs: {
        key: 'county',
        type: 'county',
        name: '某县',
        children: [{ key: 'town', type: 'town', name: '某镇', children: [{ key: 'v1', type: 'village', name: '一村', side: [{ key: 'v1-vc', type: 'village_committee', name: '一村村委会' }] }] }],
      },
      people: [{ username: 'head', name: '村主任', roles: [{ role: 'village_head', org: 'v1' }] }],
    };
    const result = checkCityConfig(raw, opts());
    expect(result.issues).toEqual([]);
    expect(result.orgTypes.map((t) => t.id)).toEqual(['county', 'town', 'village', 'village_committee']);
    expect(result.roles.map((r) => r.id)).toEqual([...defaultRoles.map((r) => r.id), 'village_head']);
  });
});

describe('checkCityConfig: schema errors', () => {
  it('reports shape errors with the file and stops there', () => {
    const result = check((c) => {
      delete c.name;
      c.orgs.children[0].key = 'Guang Ling';
      c.orgs.children[0].type = 'nope'; // would be a semantic error, but the shape comes first
    });
    expect(result.config).toBeUndefined();
    expect(result.plugins).toEqual([]);
    expect(result.orgTypes).toBe(defaultOrgTypes);
    expect(result.roles).toBe(defaultRoles);
    expect(result.issues).toEqual([
      { file: FILE, path: '/name', message: 'is required', expected: 'a value' },
      { file: FILE, path: '/orgs/children/0/key', message: 'must match pattern "^[a-z0-9][a-z0-9_-]*$"', expected: 'a string matching ^[a-z0-9][a-z0-9_-]*$' },
    ]);
  });

  it('reports a wrongly shaped person and grid', () => {
    const result = check((c) => {
      c.people[0].phone = 'call me';
      c.grids[0].covers = [];
      c.people[1].roles[0].level = 3;
    });
    expect(result.issues.map((i) => i.path).sort()).toEqual(['/grids/0/covers', '/people/0/phone', '/people/1/roles/0/level']);
    expect(result.issues.every((i) => i.file === FILE)).toBe(true);
  });

  it('reports a config that is not an object', () => {
    expect(checkCityConfig([], opts()).issues).toEqual([{ file: FILE, path: '/', message: 'must be object', expected: 'object' }]);
  });
});

describe('checkCityConfig: the org tree', () => {
  it('reports an unknown org type with the known types', () => {
    const { issues } = check((c) => (c.orgs.children[0].children[0].children[1].children[0].type = 'flat'));
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/orgs/children/0/children/0/children/1/children/0/type',
        message: 'unknown org type "flat"',
        expected: `one of ${JSON.stringify(defaultOrgTypes.map((t) => t.id))}`,
      },
    ]);
  });

  it('reports an unknown type once, not again at each of its children', () => {
    // The community's type is misspelt: its compounds are not "under a comunity".
    const { issues } = check((c) => (c.orgs.children[0].children[0].type = 'comunity'));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['/orgs/children/0/children/0/type: unknown org type "comunity"']);
  });

  it('reports a level placed under a type that is not one of its parents', () => {
    // A compound directly under the street, skipping the community.
    const { issues } = check((c) => c.orgs.children[0].children.push({ key: 'lost', type: 'compound', name: '迷路小区' }));
    expect(issues).toEqual([
      { file: FILE, path: '/orgs/children/0/children/1/type', message: 'a compound cannot be placed under a street', expected: 'a parent of type community' },
    ]);
  });

  it('names every allowed parent, or the root', () => {
    const { issues } = check((c) => {
      c.orgs.children[0].children[0].children[0].children = [{ key: 'street2', type: 'street', name: '错位街道' }];
      c.orgs.children.push({ key: 'city2', type: 'city', name: '第二个市' });
    });
    expect(only(issues, '/orgs/children/0/children/0/children/0/children/0/type')).toMatchObject({
      message: 'a street cannot be placed under a compound',
      expected: 'a parent of type city or district',
    });
    expect(only(issues, '/orgs/children/1/type')).toMatchObject({ message: 'a city cannot be placed under a city', expected: 'the root' });
  });

  it('reports a root that is not a root type', () => {
    const { issues } = check((c) => {
      c.orgs = c.orgs.children[0];
      c.grids = [];
      c.people = [];
    });
    expect(issues).toEqual([{ file: FILE, path: '/orgs/type', message: '"street" cannot be the root', expected: 'a parent of type city or district' }]);
  });

  it('reports a level type listed as a side-organization', () => {
    const { issues } = check((c) => c.orgs.side.push({ key: 'side-compound', type: 'compound', name: '挂靠小区' }));
    expect(issues).toEqual([
      { file: FILE, path: '/orgs/side/1/type', message: '"compound" is a level of the tree, not a side-organization', expected: 'a type with kind "side"' },
    ]);
  });

  it('reports a side-organization type listed as a child', () => {
    const { issues } = check((c) => c.orgs.children[0].children.push({ key: 'gaj', type: 'department', name: '公安局' }));
    expect(issues).toEqual([
      { file: FILE, path: '/orgs/children/0/children/1/type', message: '"department" is a side-organization; list it under "side"', expected: 'a type with kind "level"' },
    ]);
  });

  it('reports a duplicate org key at the second place, naming the first', () => {
    const { issues } = check((c) => (c.orgs.children[0].children[0].children[1].key = 'tiandao'));
    expect(issues).toContainEqual({
      file: FILE,
      path: '/orgs/children/0/children/0/children/1/key',
      message: 'duplicate org key "tiandao" (first at /orgs/children/0/children/0/children/0)',
      expected: 'a key used once',
    });
  });

  it('catches a duplicate key between a side-organization and a level', () => {
    // Children are walked before the side-organizations of the same node.
    const { issues } = check((c) => (c.orgs.side[0].key = 'yongfu'));
    expect(only(issues, '/orgs/side/0/key').message).toBe('duplicate org key "yongfu" (first at /orgs/children/0/children/0)');
  });
});

describe('checkCityConfig: grids', () => {
  it('reports a duplicate grid key', () => {
    const { issues } = check((c) => c.grids.push({ key: 'grid-1', name: '重复网格', org: 'yongfu', covers: ['hepan'] }));
    expect(issues).toEqual([{ file: FILE, path: '/grids/1/key', message: 'duplicate grid key "grid-1"', expected: 'a key used once' }]);
  });

  it('reports an unknown grid org and unknown covered orgs at their index', () => {
    const { issues } = check((c) => {
      c.grids[0].org = 'shuguang';
      c.grids[0].covers = ['tiandao', 'hepan-2', 'tiandao-2'];
    });
    expect(issues).toEqual([
      { file: FILE, path: '/grids/0/org', message: 'unknown org "shuguang"', expected: 'the key of an org in /orgs' },
      { file: FILE, path: '/grids/0/covers/1', message: 'unknown org "hepan-2"', expected: 'the key of an org in /orgs' },
      { file: FILE, path: '/grids/0/covers/2', message: 'unknown org "tiandao-2"', expected: 'the key of an org in /orgs' },
    ]);
  });
});

describe('checkCityConfig: people', () => {
  it('reports an unknown role with the known roles', () => {
    const { issues } = check((c) => (c.people[2].roles[0].role = 'landlord'));
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/people/2/roles/0/role',
        message: 'unknown role "landlord"',
        expected: `one of ${JSON.stringify(defaultRoles.map((r) => r.id))}`,
      },
    ]);
  });

  it('reports a grid role without a grid', () => {
    const { issues } = check((c) => (c.people[1].roles[1] = { role: 'party_grid_worker', org: 'yongfu' }));
    expect(issues).toEqual([{ file: FILE, path: '/people/1/roles/1/grid', message: '"party_grid_worker" is held at a grid', expected: 'the key of a grid in /grids' }]);
  });

  it('reports a grid role at an unknown grid', () => {
    const { issues } = check((c) => (c.people[1].roles[0].grid = 'grid-9'));
    expect(issues).toEqual([{ file: FILE, path: '/people/1/roles/0/grid', message: 'unknown grid "grid-9"', expected: 'the key of a grid in /grids' }]);
  });

  it('reports an org role without an org', () => {
    const { issues } = check((c) => (c.people[0].roles[0] = { role: 'admin', grid: 'grid-1' }));
    expect(issues).toEqual([{ file: FILE, path: '/people/0/roles/0/org', message: '"admin" is held at an org', expected: 'the key of an org in /orgs' }]);
  });

  it('reports an org role at an unknown org', () => {
    const { issues } = check((c) => (c.people[2].roles[0].org = 'tiandao-9'));
    expect(issues).toEqual([{ file: FILE, path: '/people/2/roles/0/org', message: 'unknown org "tiandao-9"', expected: 'the key of an org in /orgs' }]);
  });

  it('reports a duplicate username at the second person', () => {
    const { issues } = check((c) => c.people.push({ username: 'wang.gw', name: '另一个王', roles: [] }));
    expect(issues).toEqual([{ file: FILE, path: '/people/3/username', message: 'duplicate username "wang.gw"', expected: 'a username used once' }]);
  });

  it('knows the roles a config adds', () => {
    const { issues } = check((c) => {
      c.roles = [{ id: 'landlord', title: { 'zh-CN': '房东' } }];
      c.people[2].roles.push({ role: 'landlord', org: 'hepan' });
    });
    expect(issues).toEqual([]);
  });
});

describe('checkCityConfig: plugins', () => {
  it('reports an unknown plugin with the installed ones', () => {
    const { issues, plugins } = check((c) => (c.plugins = { 'red-propperty': {} }), plugin('red-property'), plugin('volunteer-points'));
    expect(issues).toEqual([{ file: FILE, path: '/plugins/red-propperty', message: 'unknown plugin "red-propperty"', expected: 'one of ["red-property","volunteer-points"]' }]);
    expect(plugins).toEqual([]);
  });

  it('reports a plugin whose SDK range this Linli does not satisfy', () => {
    const { issues } = check((c) => (c.plugins = { 'red-property': {} }), plugin('red-property', { version: '2.0.0', sdk: '^0.2.0' }));
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/plugins/red-property',
        message: 'plugin "red-property" 2.0.0 supports SDK ^0.2.0, but this Linli has SDK 0.1.3',
        expected: 'a version of the plugin for SDK 0.1.3',
      },
    ]);
  });

  it.each([
    ['^0.1.0', true],
    ['~0.1.2', true],
    ['>=0.1.0 <0.2.0', true],
    ['0.1.x', true],
    ['^0.1.4', false],
    ['^1.0.0', false],
    ['0.2.x', false],
  ])('judges the SDK range %s against 0.1.3 with semver (compatible: %s)', (sdk, ok) => {
    const { issues } = check((c) => (c.plugins = { p: {} }), plugin('p', { sdk }));
    expect(issues.length === 0).toBe(ok);
  });

  it('reports a dependency that is not enabled', () => {
    const { issues } = check(
      (c) => (c.plugins = { 'three-linked-office': {} }),
      plugin('three-linked-office', { dependencies: ['red-property', 'volunteer-points'] }),
      plugin('red-property'),
      plugin('volunteer-points'),
    );
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/plugins/three-linked-office',
        message: 'plugin "three-linked-office" needs plugin "red-property", which is not enabled',
        expected: '"red-property" under /plugins',
      },
      {
        file: FILE,
        path: '/plugins/three-linked-office',
        message: 'plugin "three-linked-office" needs plugin "volunteer-points", which is not enabled',
        expected: '"volunteer-points" under /plugins',
      },
    ]);
  });

  it('accepts a dependency that is enabled', () => {
    const { issues } = check(
      (c) => (c.plugins = { 'three-linked-office': {}, 'red-property': {} }),
      plugin('three-linked-office', { dependencies: ['red-property'] }),
      plugin('red-property'),
    );
    expect(issues).toEqual([]);
  });

  it('returns the plugins in dependency order, whatever the order in the config', () => {
    const a = plugin('a-office', { dependencies: ['c-points'] });
    const b = plugin('b-property', { dependencies: ['a-office'] });
    const c = plugin('c-points');
    const d = plugin('d-standalone');
    const result = check((cfg) => (cfg.plugins = { 'b-property': {}, 'd-standalone': {}, 'a-office': {}, 'c-points': {} }), a, b, c, d);
    expect(result.issues).toEqual([]);
    const order = result.plugins.map((p) => p.name);
    expect(order).toHaveLength(4);
    expect(order.indexOf('c-points')).toBeLessThan(order.indexOf('a-office'));
    expect(order.indexOf('a-office')).toBeLessThan(order.indexOf('b-property'));
    // Without dependencies between them, plugins keep the config's order.
    expect(check((cfg) => (cfg.plugins = { 'd-standalone': {}, 'c-points': {} }), c, d).plugins.map((p) => p.name)).toEqual(['d-standalone', 'c-points']);
  });

  it('orders an optional dependency first when it is enabled, and needs nothing when it is not', () => {
    const hall = plugin('a-hall', { optionalDependencies: ['b-owners'] });
    const owners = plugin('b-owners');
    const both = check((cfg) => (cfg.plugins = { 'a-hall': {}, 'b-owners': {} }), hall, owners);
    expect(both.issues).toEqual([]);
    expect(both.plugins.map((p) => p.name)).toEqual(['b-owners', 'a-hall']);
    const alone = check((cfg) => (cfg.plugins = { 'a-hall': {} }), hall, owners);
    expect(alone.issues).toEqual([]);
    expect(alone.plugins.map((p) => p.name)).toEqual(['a-hall']);
  });

  it('leaves out the steps that require a plugin the city does not enable, and a state only they reach', () => {
    const base = workflow();
    const wf = {
      ...base,
      id: 'a-hall.request',
      states: [...base.states, { id: 'voting', title: { 'zh-CN': '业主表决中' } }],
      transitions: [
        ...base.transitions,
        { name: 'refer', title: { 'zh-CN': '交业主共同决定' }, from: 'collected', to: 'voting', allow: [{ role: 'grid_worker', scope: 'ancestor' as const }], requiresPlugin: 'b-owners' },
        { name: 'decided', title: { 'zh-CN': '业主表决通过' }, from: 'voting', to: 'closed', allow: [{ role: 'grid_worker', scope: 'ancestor' as const }], requiresPlugin: 'b-owners' },
      ],
    };
    const hall = plugin('a-hall', { optionalDependencies: ['b-owners'], workflows: [wf] });
    const owners = plugin('b-owners');
    const steps = (r: ReturnType<typeof check>) => r.plugins.find((p) => p.name === 'a-hall')!.workflows![0]!;
    const both = check((cfg) => (cfg.plugins = { 'a-hall': {}, 'b-owners': {} }), hall, owners);
    expect(both.issues).toEqual([]);
    expect(steps(both).transitions.map((t) => t.name)).toContain('refer');
    const alone = check((cfg) => (cfg.plugins = { 'a-hall': {} }), hall, owners);
    expect(alone.issues).toEqual([]);
    expect(steps(alone).transitions.map((t) => t.name)).not.toContain('refer');
    expect(steps(alone).states.map((st) => st.id)).not.toContain('voting');
    // Only a dependency or an optional dependency may be required.
    const stray = check((cfg) => (cfg.plugins = { 'a-hall': {} }), { ...hall, optionalDependencies: [] }, owners);
    expect(stray.issues.map((i) => i.message)).toContain('step "refer" of a-hall.request requires plugin "b-owners", which is neither a dependency nor an optional dependency of "a-hall"');
  });

  it('refuses a handler for an event the enabled plugin does not declare, and for a plugin that is no dependency', () => {
    const hall = plugin('a-hall', { optionalDependencies: ['b-owners'], on: [{ event: 'b-owners.vote-ended' }] });
    const owners = plugin('b-owners', { events: [{ name: 'b-owners.vote-closed', title: { 'zh-CN': '业主表决结束' } }] });
    const both = check((cfg) => (cfg.plugins = { 'a-hall': {}, 'b-owners': {} }), hall, owners);
    expect(both.issues).toEqual([
      { file: 'plugin:a-hall', path: '/on/0/event', message: 'plugin "a-hall" subscribes to "b-owners.vote-ended", which plugin "b-owners" does not declare', expected: 'one of ["b-owners.vote-closed"]' },
    ]);
    // Its events never come when it is off: nothing to refuse.
    expect(check((cfg) => (cfg.plugins = { 'a-hall': {} }), hall, owners).issues).toEqual([]);
    const stranger = check((cfg) => (cfg.plugins = { 'a-hall': {} }), { ...hall, optionalDependencies: [] }, owners);
    expect(stranger.issues[0]?.message).toBe('plugin "a-hall" subscribes to "b-owners.vote-ended" of plugin "b-owners", which is neither one of its dependencies nor of its optionalDependencies');
  });

  it('reports plugins that depend on each other in a cycle', () => {
    const a = plugin('a-office', { dependencies: ['b-property'] });
    const b = plugin('b-property', { dependencies: ['a-office'] });
    const result = check((cfg) => (cfg.plugins = { 'a-office': {}, 'b-property': {} }), a, b);
    expect(result.issues).toEqual([
      {
        file: FILE,
        path: '/plugins/a-office',
        message: 'plugins depend on each other in a cycle: a-office → b-property → a-office',
        expected: 'dependencies without a cycle',
      },
    ]);
    expect(result.plugins.map((p) => p.name).sort()).toEqual(['a-office', 'b-property']);
  });

  it('reports options that fail the plugin’s optionsSchema under /plugins/<name>', () => {
    const { issues } = check((c) => (c.plugins = { 'property-mediation': { quorum: 2, colour: 'red' } }), mediation());
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: FILE, path: '/plugins/property-mediation/weeklyDay', message: 'is required', expected: 'a value' },
        { file: FILE, path: '/plugins/property-mediation/colour', message: 'is not a known field' },
        { file: FILE, path: '/plugins/property-mediation/quorum', message: 'must be >= 3', expected: 'a number >= 3' },
      ]),
    );
    expect(issues).toHaveLength(3);
    const enumIssue = check((c) => (c.plugins = { 'property-mediation': { weeklyDay: 'monday' } }), mediation()).issues;
    expect(enumIssue).toEqual([
      { file: FILE, path: '/plugins/property-mediation/weeklyDay', message: 'must be equal to one of the allowed values', expected: 'one of ["saturday","sunday"]' },
    ]);
  });

  it('reports options that are not an object (config schema)', () => {
    const { issues } = check((c) => (c.plugins = { 'property-mediation': 'yes' }), mediation());
    expect(issues).toEqual([{ file: FILE, path: '/plugins/property-mediation', message: 'must be object', expected: 'object' }]);
  });

  it('knows the roles an enabled plugin adds, and not those of a plugin left off', () => {
    const person = { username: 'zhao', name: '赵调解', roles: [{ role: 'mediator', org: 'yongfu' }] };
    const off = check((c) => c.people.push(person), mediation());
    expect(off.issues.map((i) => i.path)).toEqual(['/people/3/roles/0/role']);
    const on = check((c) => {
      c.people.push(person);
      c.plugins = { 'property-mediation': { weeklyDay: 'saturday' } };
    }, mediation());
    expect(on.issues).toEqual([]);
  });
});

describe('checkCityConfig: forms and workflows', () => {
  it('reports the same form id from two plugins, in the second plugin', () => {
    const form = intakeForm();
    const { issues } = check(
      (c) => {
        c.plugins = { 'red-property': {}, 'volunteer-points': {} };
        c.forms = [];
        c.workflows = [];
      },
      plugin('red-property', { forms: [form] }),
      plugin('volunteer-points', { forms: [allForms()[1] as never, { ...form, title: { 'zh-CN': '另一个' } }] }),
    );
    expect(issues).toEqual([
      {
        file: 'plugin:volunteer-points',
        path: '/forms/1/id',
        message: 'The form id "test.intake" is claimed by both plugin:red-property and plugin:volunteer-points. Rename one of them.',
        expected: 'a form id used once',
      },
    ]);
  });

  it('reports a config form that reuses a plugin’s form id, in the config file', () => {
    const { issues } = check((c) => (c.plugins = { 'property-mediation': { weeklyDay: 'sunday' } }, c.forms.push({ id: 'mediation.intake', title: { 'zh-CN': '重复' }, schema: { type: 'object' } })), mediation());
    // A city's forms carry its name, so the reuse is also reported as a misnamed form.
    expect(issues).toEqual([
      { file: FILE, path: '/forms/5/id', message: 'form "mediation.intake" of this city must be named "test.…"', expected: '"test.mediation.intake"' },
      {
        file: FILE,
        path: '/forms/5/id',
        message: 'The form id "mediation.intake" is claimed by both plugin:property-mediation and linli.config.json. Rename one of them.',
        expected: 'a form id used once',
      },
    ]);
  });

  it('reports a duplicate workflow id within the config', () => {
    const { issues } = check((c) => c.workflows.push(workflow()));
    expect(issues).toEqual([
      { file: FILE, path: '/workflows/1/id', message: 'the workflow id "test.request" is also defined by linli.config.json', expected: 'a workflow id used once' },
    ]);
  });

  it('reports a config workflow reusing a plugin’s workflow id', () => {
    const { issues } = check(
      (c) => {
        c.plugins = { 'property-mediation': { weeklyDay: 'sunday' } };
        c.workflows[0].id = 'mediation';
      },
      mediation(),
    );
    expect(issues).toEqual([
      { file: FILE, path: '/workflows/0/id', message: 'workflow "mediation" of this city must be named "test.…"', expected: '"test.mediation"' },
      { file: FILE, path: '/workflows/0/id', message: 'the workflow id "mediation" is also defined by plugin:property-mediation', expected: 'a workflow id used once' },
    ]);
  });

  it('checks config workflows, pointing into the config file', () => {
    const { issues } = check((c) => {
      c.workflows[0].intakeForm = 'nope';
      c.workflows[0].transitions[0].allow[0].role = 'ghost';
    });
    expect(issues).toEqual([
      { file: FILE, path: '/workflows/0/intakeForm', message: 'unknown form "nope"', expected: 'the id of a registered form' },
      { file: FILE, path: '/workflows/0/transitions/0/allow/0/role', message: 'unknown role "ghost"', expected: 'a role defined by the config or a plugin' },
    ]);
  });

  it('refuses intake places of an org type the city does not have', () => {
    const { issues } = check((c) => (c.workflows[0].intake = { places: ['compound', 'flat'] }));
    expect(issues).toEqual([
      { file: FILE, path: '/workflows/0/intake/places/1', message: 'unknown org type "flat"', expected: `one of ${JSON.stringify(defaultOrgTypes.map((t) => t.id))}` },
    ]);
  });

  it('checks plugin workflows, pointing into the plugin', () => {
    const p = mediation();
    (p.workflows?.[0] as Loose).initial = 'closed';
    const { issues } = check((c) => (c.plugins = { 'property-mediation': { weeklyDay: 'sunday' } }), p);
    expect(issues).toEqual([
      { file: 'plugin:property-mediation', path: '/workflows/0/initial', message: 'the initial state "closed" is terminal', expected: 'a non-terminal state' },
      // "collected" is no longer the start, so nothing leads to it.
      expect.objectContaining({ file: 'plugin:property-mediation', path: '/workflows/0/states/0' }),
      expect.objectContaining({ file: 'plugin:property-mediation', path: '/workflows/0/states/1' }),
      expect.objectContaining({ file: 'plugin:property-mediation', path: '/workflows/0/states/2' }),
      expect.objectContaining({ file: 'plugin:property-mediation', path: '/workflows/0/states/4' }),
    ]);
  });

  it('reports a shape error in a plugin workflow with the plugin file', () => {
    const p = mediation();
    delete (p.workflows?.[0] as Loose).states;
    const { issues } = check((c) => (c.plugins = { 'property-mediation': { weeklyDay: 'sunday' } }), p);
    expect(issues).toEqual([{ file: 'plugin:property-mediation', path: '/workflows/0/states', message: 'is required', expected: 'a value' }]);
  });
});

describe('checkCityConfig: several mistakes at once', () => {
  it('reports three unrelated mistakes together, each at its own path', () => {
    const { issues } = check((c) => {
      c.orgs.children[0].children[0].children[0].side[0].type = 'property_firm';
      c.people[2].roles[0].role = 'landlord';
      c.plugins = { 'red-property': {} };
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['/orgs/children/0/children/0/children/0/side/0/type', '/people/2/roles/0/role', '/plugins/red-property']);
    expect(issues.every((i) => i.file === FILE && typeof i.expected === 'string')).toBe(true);
  });

  it('reports mistakes from every section in one pass', () => {
    const { issues } = check(
      (c) => {
        c.plugins = { 'red-property': {}, ghost: {} };
        c.orgs.side[0].type = 'street';
        c.grids[0].covers.push('nowhere');
        c.people[0].roles[0].org = 'nowhere';
        c.people[1].username = 'admin';
        c.workflows[0].intakeForm = 'missing.form';
      },
      plugin('red-property', { sdk: '^9.0.0', dependencies: ['volunteer-points'] }),
      plugin('volunteer-points'),
    );
    expect(issues.map((i) => i.path)).toEqual([
      '/plugins/red-property',
      '/plugins/red-property',
      '/plugins/ghost',
      '/orgs/side/0/type',
      '/grids/0/covers/2',
      '/people/0/roles/0/org',
      '/people/1/username',
      '/workflows/0/intakeForm',
    ]);
  });
});

describe('checkCityConfig: single sign-on', () => {
  const sso = (issuer: string) => ({ issuer, clientId: 'linli', claim: 'preferred_username', matchField: 'username', label: { 'zh-CN': '统一身份认证登录' } });

  it('takes an https issuer, or plain http on this machine only', () => {
    for (const issuer of ['https://ids.example.gov.cn/oidc', 'http://127.0.0.1:4000', 'http://localhost:4000']) {
      expect(check((c) => void (c.sso = sso(issuer))).issues, issuer).toEqual([]);
    }
    const { issues } = check((c) => void (c.sso = sso('http://ids.example.gov.cn')));
    expect(only(issues, '/sso/issuer').message).toContain('"http://ids.example.gov.cn" is not https');
  });

  it('refuses a matchField it cannot match and a missing label', () => {
    const { issues } = check((c) => void (c.sso = { ...sso('https://ids.example.gov.cn'), matchField: 'email', label: undefined }));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['/sso/label', 'is required'],
      ['/sso/matchField', 'must be equal to one of the allowed values'],
    ]);
  });
});
