import { describe, expect, it, vi } from 'vitest';
import { FormRegistry } from '../forms/registry.js';
import { LinliError } from '../errors.js';
import { defaultRoles } from '../org/defaults.js';
import { available, cityConfig, loose, plugin, workflow } from '../test-fixtures.js';
import { formatIssues, loadDeployment } from './deployment.js';

const FILE = 'cities/testcity/linli.config.json';

function caught(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LinliError);
    return e as LinliError;
  }
  throw new Error('expected a LinliError, nothing was thrown');
}

const pluginWithForms = () =>
  plugin('volunteer-points', {
    roles: [{ id: 'volunteer_captain', title: { 'zh-CN': '志愿队长' }, heldAt: 'org' }],
    forms: [{ id: 'points.wish', title: { 'zh-CN': '微心愿' }, schema: { type: 'object', properties: { wish: { type: 'string' } }, required: ['wish'] } }],
    workflows: [{ ...workflow(), id: 'micro-wish', intakeForm: 'points.wish' }],
  });

describe('loadDeployment', () => {
  it("builds a plugin's forms from the city's options when its forms are a function, and reports what it cannot build", () => {
    const scored = (options: Record<string, unknown>) => {
      const criteria = options.criteria as string[];
      if (criteria.includes('')) throw new Error('a criterion needs a name');
      return [{ id: 'scores.evaluate', title: { 'zh-CN': '考核评分' }, schema: { type: 'object', properties: Object.fromEntries(criteria.map((c) => [c, { type: 'integer', minimum: 0, maximum: 10 }])) } }];
    };
    const p = plugin('scores', { optionsSchema: { type: 'object', properties: { criteria: { type: 'array', items: { type: 'string' } } }, required: ['criteria'] }, forms: scored });
    const load = (options: unknown) => {
      const raw = cityConfig();
      raw.plugins = { scores: options };
      return loadDeployment(raw, { file: FILE, available: available(p), sdkVersion: '0.1.0' });
    };
    const d = load({ criteria: ['service', 'cleanliness'] });
    expect(d.forms.errors('scores.evaluate', { service: 11 })).toMatchObject([{ path: '/service', message: 'must be <= 10', expected: 'a number <= 10' }]);
    expect(d.plugins[0]?.forms?.map((f) => f.id)).toEqual(['scores.evaluate']);
    // Invalid options are reported as such; the function is not called with them.
    expect(caught(() => load({})).details.map((i) => i.path)).toEqual(['/plugins/scores/criteria']);
    expect(caught(() => load({ criteria: [''] })).details).toEqual([
      expect.objectContaining({ path: '/plugins/scores', message: 'plugin "scores" could not build its forms from these options: a criterion needs a name' }),
    ]);
  });

  it('compiles each form once: the deployment serves with the registry its check built', () => {
    const raw = cityConfig();
    raw.plugins = { 'volunteer-points': {} };
    const register = vi.spyOn(FormRegistry.prototype, 'register');
    try {
      const d = loadDeployment(raw, { file: FILE, available: available(pluginWithForms()), sdkVersion: '0.1.0' });
      const ids = d.forms.list().map((f) => f.id).sort();
      expect(ids).toEqual(expect.arrayContaining(['points.wish', 'test.intake']));
      expect(register.mock.calls.map(([f]) => f.id).sort()).toEqual(ids);
    } finally {
      register.mockRestore();
    }
  });

  it('composes a valid config with its plugins', () => {
    const raw = cityConfig();
    raw.plugins = { 'volunteer-points': {} };
    const p = pluginWithForms();
    const d = loadDeployment(raw, { file: FILE, available: available(p, plugin('unused')), sdkVersion: '0.1.0' });
    expect(d.config).toBe(raw);
    expect(d.plugins).toEqual([p]);
    expect(d.forms.has('points.wish')).toBe(true);
    expect(d.forms.has('test.intake')).toBe(true);
    expect(d.forms.errors('points.wish', {})).toMatchObject([{ path: '/wish', message: 'is required', expected: 'a value' }]);
    expect(d.workflows.list().map((w) => [w.id, w.source])).toEqual([
      ['micro-wish', 'plugin "volunteer-points"'],
      ['test.request', FILE],
    ]);
    expect(d.workflows.get('test.request')?.isTerminal('closed')).toBe(true);
    expect([...d.roles.keys()]).toEqual([...defaultRoles.map((r) => r.id), 'volunteer_captain']);
    expect(d.orgTypes.map((t) => t.id)).toContain('compound');
    expect(d.calendar.utcOffsetHours).toBe(8);
  });

  it('throws LINLI_ERR_CONFIG_INVALID listing every problem as details', () => {
    const raw = loose(cityConfig());
    raw.orgs.children[0].children[0].children[1].children[0].type = 'flat';
    raw.people[2].roles[0].role = 'landlord';
    raw.plugins = { ghost: {} };
    const e = caught(() => loadDeployment(raw, { file: FILE, available: available(), sdkVersion: '0.1.0' }));
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.statusCode).toBe(500);
    expect(e.message).toBe(`The configuration is invalid: 3 problem(s) in ${FILE}`);
    expect(e.details?.map((d) => [d.file, d.path])).toEqual([
      [FILE, '/plugins/ghost'],
      [FILE, '/orgs/children/0/children/0/children/1/children/0/type'],
      [FILE, '/people/2/roles/0/role'],
    ]);
    expect(e.details?.every((d) => typeof d.expected === 'string')).toBe(true);
  });

  it('throws LINLI_ERR_CONFIG_INVALID on a config of the wrong shape', () => {
    const e = caught(() => loadDeployment({ name: 'x' }, { file: FILE, available: available(), sdkVersion: '0.1.0' }));
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details).toEqual([
      { file: FILE, path: '/title', message: 'is required', expected: 'a value' },
      { file: FILE, path: '/orgs', message: 'is required', expected: 'a value' },
    ]);
  });

  it('throws on an incompatible plugin rather than loading it', () => {
    const raw = cityConfig();
    raw.plugins = { 'volunteer-points': {} };
    const e = caught(() => loadDeployment(raw, { file: FILE, available: available(pluginWithForms()), sdkVersion: '1.0.0' }));
    expect(e.details).toHaveLength(1);
    expect(e.details?.[0]?.path).toBe('/plugins/volunteer-points');
  });
});

describe('formatIssues', () => {
  it('prints one line per issue as file:path, message and what was expected', () => {
    expect(
      formatIssues([
        { file: FILE, path: '/people/2/roles/0/role', message: 'unknown role "landlord"', expected: 'one of ["admin"]' },
        { path: '/orgs', message: 'is required' },
      ]),
    ).toBe(`${FILE}:/people/2/roles/0/role  unknown role "landlord" (expected one of ["admin"])\n:/orgs  is required`);
  });

  it('prints nothing for no issues', () => {
    expect(formatIssues([])).toBe('');
  });
});
