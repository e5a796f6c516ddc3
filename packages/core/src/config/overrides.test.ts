import { describe, expect, it } from 'vitest';
import type { PluginManifest } from '../plugins/manifest.js';
import { computeDeadline } from '../time/calendar.js';
import { available, cityConfig, loose, plugin, workflow, type Loose } from '../test-fixtures.js';
import { checkCityConfig } from './check.js';
import { loadDeployment } from './deployment.js';
import { effectiveCity } from './effective.js';

const FILE = 'linli.config.json';
const SDK = '0.1.0';

/** A bundled practice with a complaint form and workflow, declaring what a city may change. */
const complaints = (over: Partial<PluginManifest> = {}) =>
  plugin('complaints', {
    forms: [
      {
        id: 'complaints.intake',
        title: { 'zh-CN': '投诉', en: 'Complaint' },
        schema: {
          type: 'object',
          properties: {
            title: { type: 'string', title: '事项', minLength: 2, maxLength: 100 },
            category: { type: 'string', title: '类别', enum: ['环境', '设施', '其他'] },
            location: { type: 'string', title: '位置', maxLength: 200 },
            level: { type: 'string', title: '紧急程度', enum: ['急', '缓'] },
            photos: { type: 'array', title: '照片', maxItems: 9, items: { type: 'string' } },
          },
          required: ['title', 'category'],
          additionalProperties: false,
        },
        uiSchema: { 'ui:order': ['title', 'category', 'location', 'level', 'photos'] },
        translations: { en: { '/title': 'Subject', '/category': 'Category', '/category=环境': 'Environment', '/location': 'Where', '/level=急': 'Urgent' } },
      },
    ],
    workflows: [{ ...workflow(), id: 'complaints.complaint', intakeForm: 'complaints.intake' }],
    overridable: {
      forms: { 'complaints.intake': { fields: ['location', 'level', 'photos', 'category', 'title'], addFields: true, reads: ['category'] } },
      workflows: { 'complaints.complaint': { timeLimits: ['collected', 'dispatched'], allow: ['dispatch'] } },
    },
    ...over,
  });

const base = () => {
  const c = loose(cityConfig());
  c.plugins = { complaints: {} };
  return c;
};

function check(edit: (c: Loose) => void, p: PluginManifest = complaints()) {
  const c = base();
  edit(c);
  return checkCityConfig(c, { file: FILE, available: available(p), sdkVersion: SDK, now: new Date('2026-06-01T00:00:00Z') });
}
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('overrides of a plugin’s form', () => {
  it('change titles, help, labels and choices, tighten limits, hide an optional field and add one', () => {
    const r = check((c) => {
      c.overrides = {
        forms: {
          'complaints.intake': {
            title: { 'zh-CN': '物业投诉', en: 'Property complaint' },
            fields: {
              location: { title: '具体位置', help: '楼栋、单元、楼层', helpEn: 'Building, entrance, floor', maxLength: 80, required: true },
              level: { hidden: true },
              photos: { maxItems: 3 },
              category: { enum: ['环境', '设施'], enumLabels: { 设施: 'Facilities' } },
              title: { minLength: 4, titleEn: 'What is wrong' },
            },
            add: { roomNo: { schema: { type: 'string', title: '房号', maxLength: 20 }, titleEn: 'Room', required: false } },
          },
        },
      };
    });
    expect(r.issues).toEqual([]);
    const form = r.plugins[0]!.forms!.find((f) => f.id === 'complaints.intake')! as Loose;
    expect(form.title).toEqual({ 'zh-CN': '物业投诉', en: 'Property complaint' });
    expect(form.schema.properties.location).toMatchObject({ title: '具体位置', maxLength: 80 });
    expect(form.schema.required).toEqual(['title', 'category', 'location']);
    expect(form.schema.properties.level).toBeUndefined();
    expect(form.uiSchema['ui:order']).toEqual(['title', 'category', 'location', 'photos', 'roomNo']);
    expect(form.uiSchema.location['ui:help']).toBe('楼栋、单元、楼层');
    expect(form.schema.properties.photos.maxItems).toBe(3);
    expect(form.schema.properties.category.enum).toEqual(['环境', '设施']);
    expect(form.schema.properties.title.minLength).toBe(4);
    expect(form.schema.properties.roomNo).toEqual({ type: 'string', title: '房号', maxLength: 20 });
    expect(form.translations.en).toEqual({
      '/': 'Property complaint',
      '/title': 'What is wrong',
      '/category': 'Category',
      '/category=环境': 'Environment',
      '/category=设施': 'Facilities',
      '/location': 'Where',
      '/location@help': 'Building, entrance, floor',
      '/roomNo': 'Room',
    });
    // The plugin's own definition is untouched: another city sees the original.
    expect((complaints().forms as Loose)[0].schema.properties.level).toBeDefined();
  });

  it('refuses what would break the plugin or what it does not declare, each at its path', () => {
    const r = check((c) => {
      c.overrides = {
        forms: {
          'complaints.intake': {
            fields: {
              category: { hidden: true, enum: ['环境', '新类别'] },
              title: { hidden: true },
              location: { maxLength: 500 },
              photos: { minLength: 2 },
              nosuch: { title: '无' },
            },
          },
          'complaints.other': { title: { 'zh-CN': '无' } },
        },
      };
    });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/category/hidden', message: expect.stringContaining('reads field "category"') }),
      expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/title/hidden', message: expect.stringContaining('is required') }),
      expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/location/maxLength', expected: 'at most 200' }),
      expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/photos/minLength', expected: 'a field of type string' }),
      expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/nosuch', message: 'form "complaints.intake" has no field "nosuch"' }),
      expect.objectContaining({ path: '/overrides/forms/complaints.other' }),
    ]);
    // Category: hiding is refused first; a new choice for a field the plugin reads is refused too.
    const enumOnly = check((c) => (c.overrides = { forms: { 'complaints.intake': { fields: { category: { enum: ['环境', '新类别'] } } } } }));
    expect(enumOnly.issues).toEqual([expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/category/enum', expected: 'a subset of ["环境","设施","其他"]' })]);
  });

  it('refuses behaviour changes a plugin does not declare, but allows its wording', () => {
    const strict = complaints({ overridable: {} });
    const r = check((c) => (c.overrides = { forms: { 'complaints.intake': { fields: { location: { maxLength: 10 } }, add: { x: { schema: { type: 'string', title: 'x' } } } } } }), strict);
    expect(paths(r.issues)).toEqual(['/overrides/forms/complaints.intake/fields/location/maxLength', '/overrides/forms/complaints.intake/add']);
    expect(check((c) => (c.overrides = { forms: { 'complaints.intake': { fields: { location: { title: '地点', titleEn: 'Place' } } } } }), strict).issues).toEqual([]);
  });

  it('refuses a shape mistake through the config schema, with the path', () => {
    const r = check((c) => (c.overrides = { forms: { 'complaints.intake': { fields: { location: { type: 'integer' } } } } }));
    expect(r.issues).toEqual([expect.objectContaining({ path: '/overrides/forms/complaints.intake/fields/location/type', message: 'is not a known field' })]);
  });
});

describe('overrides of a plugin’s workflow', () => {
  it('change state time limits, titles and who may take a step; a new ticket gets the new deadline', () => {
    const raw = base();
    raw.overrides = {
      workflows: {
        'complaints.complaint': {
          states: { collected: { timeLimit: { hours: 12 }, title: { 'zh-CN': '待受理' } }, dispatched: { timeLimit: { days: 5, workingDays: true } } },
          transitions: { dispatch: { title: { 'zh-CN': '派给物业' }, allow: [{ role: 'community_staff', scope: 'ancestor' }] } },
        },
      },
    };
    const d = loadDeployment(raw, { file: FILE, available: available(complaints()), sdkVersion: SDK, now: new Date('2026-06-01T00:00:00Z') });
    const wf = d.workflows.get('complaints.complaint')!;
    expect(wf.state('collected')).toMatchObject({ title: { 'zh-CN': '待受理' }, timeLimit: { hours: 12 } });
    expect(wf.transition('dispatch')).toMatchObject({ title: { 'zh-CN': '派给物业' }, allow: [{ role: 'community_staff', scope: 'ancestor' }] });
    const filed = new Date('2026-06-03T01:00:00Z');
    expect(computeDeadline(wf.state('collected')!.timeLimit, filed, d.calendar)).toEqual(new Date('2026-06-03T13:00:00Z'));
    // The effective city shows the result and which ids the city changed.
    const eff = effectiveCity(d);
    expect(eff.overridden.workflows).toEqual(['complaints.complaint']);
    expect(eff.workflows.find((w) => w.id === 'complaints.complaint')).toMatchObject({ source: 'plugin:complaints', states: expect.arrayContaining([expect.objectContaining({ id: 'collected', timeLimit: { hours: 12 } })]) });
    expect('overrides' in eff).toBe(false);
  });

  it('refuses a time limit on a terminal state, undeclared states and steps, unknown ids and roles', () => {
    const r = check((c) => {
      c.overrides = {
        workflows: {
          'complaints.complaint': {
            states: { closed: { timeLimit: { hours: 1 } }, handled: { timeLimit: { days: 1 } }, nosuch: { title: { 'zh-CN': '无' } } },
            transitions: { confirm: { allow: [{ scope: 'any' }] }, dispatch: { allow: [{ role: 'wizard', scope: 'any' }] }, fly: { title: { 'zh-CN': '飞' } } },
          },
          'complaints.nosuch': { title: { 'zh-CN': '无' } },
        },
      };
    });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/states/closed/timeLimit', message: expect.stringContaining('terminal state') }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/states/handled/timeLimit', expected: 'a state in ["collected","dispatched"]' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/states/nosuch' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/transitions/confirm/allow', expected: 'a step in ["dispatch"]' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/transitions/dispatch/allow/0/role', message: 'unknown role "wizard"' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/transitions/fly' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.nosuch', expected: 'one of ["complaints.complaint"]' }),
    ]);
  });
});

describe('org attributes', () => {
  const attributes = (c: Loose) => {
    c.orgAttributes = [
      { id: 'compoundType', title: { 'zh-CN': '小区类型' }, orgTypes: ['compound'], values: [{ value: '商品房' }, { value: '无物业', en: 'No property company' }] },
    ];
    c.orgs.children[0].children[0].children[1].attributes = { compoundType: '无物业' };
    c.orgs.children[0].children[0].children[0].attributes = { compoundType: '商品房' };
  };

  it('are inherited down the tree and decide where a workflow is offered', () => {
    const raw = base();
    attributes(raw);
    raw.overrides = { workflows: { 'complaints.complaint': { offerWhere: { compoundType: ['商品房'] } } } };
    const d = loadDeployment(raw, { file: FILE, available: available(complaints()), sdkVersion: SDK });
    expect(d.orgAttributes.get('hepan-1')).toEqual({ compoundType: '无物业' });
    expect(d.orgAttributes.get('tiandao-wy')).toEqual({ compoundType: '商品房' });
    expect(d.orgAttributes.get('yongfu')).toEqual({});
    expect(d.workflows.get('complaints.complaint')!.def.offerWhere).toEqual({ compoundType: ['商品房'] });
  });

  it('refuses unknown attributes and values, and an attribute on a type that cannot carry it', () => {
    const r = check((c) => {
      attributes(c);
      c.orgs.children[0].children[0].attributes = { compoundType: '商品房' };
      c.orgs.children[0].children[0].children[1].attributes = { compoundType: '别墅', age: 'old' };
      c.routing = { rules: [{ attributes: { compoundType: ['无物业', '公寓'] }, to: { nearest: 'community' } }] };
      c.overrides = { workflows: { 'complaints.complaint': { offerWhere: { kind: ['x'] } } } };
    });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: '/orgs/children/0/children/0/attributes/compoundType', message: 'a community cannot carry org attribute "compoundType"' }),
      expect.objectContaining({ path: '/orgs/children/0/children/0/children/1/attributes/compoundType', expected: 'one of ["商品房","无物业"]' }),
      expect.objectContaining({ path: '/orgs/children/0/children/0/children/1/attributes/age', message: 'unknown org attribute "age"' }),
      expect.objectContaining({ path: '/routing/rules/0/attributes/compoundType/1', message: '"公寓" is not a value of org attribute "compoundType"' }),
      expect.objectContaining({ path: '/overrides/workflows/complaints.complaint/offerWhere/kind', message: 'unknown org attribute "kind"' }),
    ]);
  });
});

describe('calendar coverage', () => {
  const warnings = (now: string, holidays: string[]) => {
    const c = base();
    c.calendar = { holidays };
    return checkCityConfig(c, { file: FILE, available: available(complaints()), sdkVersion: SDK, now: new Date(now) }).warnings;
  };
  it('warns when the current year has no dates, and from November when the next one has none', () => {
    expect(warnings('2026-06-01T00:00:00Z', ['2026-10-01'])).toEqual([]);
    expect(warnings('2027-01-04T00:00:00Z', ['2026-10-01'])).toEqual([
      expect.objectContaining({ path: '/calendar/holidays', message: expect.stringContaining('for 2027'), expected: expect.stringContaining('/calendar/sources') }),
    ]);
    // 31 October 17:00 UTC is 1 November in Beijing: the next year is due.
    expect(warnings('2026-10-31T17:00:00Z', ['2026-10-01']).map((w) => w.message)).toEqual([expect.stringContaining('for 2027')]);
    expect(warnings('2026-10-31T15:00:00Z', ['2026-10-01'])).toEqual([]);
  });
});
