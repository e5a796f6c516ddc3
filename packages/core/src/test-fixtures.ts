/**
 * Shared fixtures for the core's unit tests (excluded from the build by
 * `src/**\/test-*.ts`). Every builder returns a fresh object, so a test may
 * mutate what it gets without affecting another test.
 */
import { FormRegistry } from './forms/registry.js';
import { defaultRoles } from './org/defaults.js';
import type { PluginManifest } from './plugins/manifest.js';
import type { CityConfig, FormDefinition, WorkflowDefinition } from './schemas/types.js';
import type { Actor, RoleGrant } from './tickets/actor.js';
import type { Ticket } from './tickets/types.js';
import { CompiledWorkflow } from './workflow/registry.js';
import type { WorkflowCheckContext } from './workflow/validate.js';

/** A deep copy that a test may freely break (shape errors are the point of some tests). */
export type Loose = any;
export const loose = <T>(value: T): Loose => structuredClone(value);

/**
 * Org paths of a small city (DOMAIN.md §1): 天长市 /1/ → 广陵街道 /1/2/ → 永福社区
 * /1/2/3/ → 天岛小区 /1/2/3/4/ and 河畔家园 /1/2/3/5/; the city's urban
 * management department /1/6/ is a side-organization; /1/2/3/41/ shares the
 * prefix "4" with 天岛小区 to catch naive string-prefix matching.
 */
export const paths = {
  city: '/1/',
  street: '/1/2/',
  community: '/1/2/3/',
  compoundA: '/1/2/3/4/',
  compoundB: '/1/2/3/5/',
  department: '/1/6/',
  compound41: '/1/2/3/41/',
  otherStreet: '/1/7/',
} as const;

// ---------------------------------------------------------------- forms

export const intakeForm = (): FormDefinition => ({
  id: 'test.intake',
  title: { 'zh-CN': '反映诉求', en: 'Report a problem' },
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 2, maxLength: 100 },
      category: { type: 'string', enum: ['环境卫生', '物业服务', '邻里纠纷'] },
      description: { type: 'string', minLength: 5 },
      address: {
        type: 'object',
        properties: { building: { type: 'string' }, room: { type: 'string' } },
        required: ['building'],
        additionalProperties: false,
      },
      contactPhone: { type: 'string', pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true },
      idCard: { type: 'string', 'x-linli-sensitive': true },
      floors: { type: 'integer' },
    },
    required: ['title', 'category', 'description'],
    additionalProperties: false,
  },
});

export const stepForm = (id: string, properties: Record<string, unknown>, required: string[]): FormDefinition => ({
  id,
  title: { 'zh-CN': id },
  schema: { type: 'object', properties, required, additionalProperties: false },
});

export const dispatchForm = () => stepForm('test.dispatch', { assigneeOrgId: { type: ['string', 'integer'] }, note: { type: 'string' } }, ['assigneeOrgId']);
export const assignForm = () => stepForm('test.assign', { personId: { type: 'string' } }, []);
export const extendForm = () => stepForm('test.extend', { due: { type: 'string' } }, ['due']);
export const handleForm = () => stepForm('test.handle', { result: { type: 'string', minLength: 2 } }, ['result']);

export const allForms = (): FormDefinition[] => [intakeForm(), dispatchForm(), assignForm(), extendForm(), handleForm()];

export function formRegistry(forms: FormDefinition[] = allForms(), source = 'test'): FormRegistry {
  const registry = new FormRegistry();
  for (const f of forms) registry.register(f, source);
  return registry;
}

// ---------------------------------------------------------------- workflow

/**
 * A small closed loop: collect → dispatch → handle → confirm, with claiming,
 * reassignment, extension, return and rejection, so that every effect and
 * every rule scope is used once.
 */
export const workflow = (): WorkflowDefinition => ({
  id: 'test.request',
  title: { 'zh-CN': '测试诉求', en: 'Test request' },
  intakeForm: 'test.intake',
  titleField: 'title',
  create: [
    { role: 'resident', scope: 'ancestor' },
    { role: 'grid_worker', scope: 'ancestor' },
    { role: 'command_officer', scope: 'any' },
  ],
  initial: 'collected',
  states: [
    { id: 'collected', title: { 'zh-CN': '已收集' }, timeLimit: { hours: 24 } },
    { id: 'dispatched', title: { 'zh-CN': '已派单' }, timeLimit: { days: 2, workingDays: true } },
    { id: 'handled', title: { 'zh-CN': '待评价' }, timeLimit: { days: 3 } },
    { id: 'closed', title: { 'zh-CN': '已办结' }, terminal: true },
    { id: 'rejected', title: { 'zh-CN': '不予受理' }, terminal: true },
  ],
  transitions: [
    { name: 'claim', title: { 'zh-CN': '认领' }, from: 'collected', to: 'collected', allow: [{ role: 'grid_worker', scope: 'ancestor' }], effects: [{ type: 'assign-person', actor: true }] },
    {
      name: 'dispatch',
      title: { 'zh-CN': '派单' },
      from: 'collected',
      to: 'dispatched',
      allow: [{ role: 'community_staff', scope: 'ancestor' }, { role: 'command_officer', scope: 'any' }],
      form: 'test.dispatch',
      effects: [{ type: 'assign-org', field: 'assigneeOrgId' }, { type: 'clear-assignee' }],
    },
    { name: 'assign', title: { 'zh-CN': '指派' }, from: 'dispatched', to: 'dispatched', allow: [{ role: 'department_officer', scope: 'assigned-org' }], form: 'test.assign', effects: [{ type: 'assign-person', field: 'personId' }] },
    { name: 'extend', title: { 'zh-CN': '延期' }, from: 'dispatched', to: 'dispatched', allow: [{ role: 'department_officer', scope: 'assigned-org' }], form: 'test.extend', effects: [{ type: 'set-deadline', field: 'due' }] },
    { name: 'return', title: { 'zh-CN': '退回' }, from: 'dispatched', to: 'collected', allow: [{ role: 'department_officer', scope: 'assigned-org' }], commentRequired: true, effects: [{ type: 'assign-ticket-org' }] },
    { name: 'handle', title: { 'zh-CN': '办结' }, from: 'dispatched', to: 'handled', allow: [{ scope: 'assigned-person' }], form: 'test.handle' },
    { name: 'confirm', title: { 'zh-CN': '评价销号' }, from: 'handled', to: 'closed', allow: [{ scope: 'reporter' }] },
    { name: 'reject', title: { 'zh-CN': '不予受理' }, from: ['collected', 'dispatched'], to: 'rejected', allow: [{ role: 'grid_worker', scope: 'ancestor' }], commentRequired: true },
  ],
});

export const compiled = (def: WorkflowDefinition = workflow()) => new CompiledWorkflow(def, 'test');

const knownForms = new Set(allForms().map((f) => f.id));
const knownRoles = new Set(defaultRoles.map((r) => r.id));

export const checkContext = (over: Partial<WorkflowCheckContext> = {}): WorkflowCheckContext => ({
  file: 'workflows/test.json',
  isKnownForm: (id) => knownForms.has(id),
  isKnownRole: (id) => knownRoles.has(id),
  ...over,
});

// ---------------------------------------------------------------- actors and tickets

let grantSeq = 0;

/** A role grant; `scopePaths` defaults to the org's own path. */
export function grant(role: string, orgPath: string, over: Partial<RoleGrant> = {}): RoleGrant {
  return {
    id: `g${++grantSeq}`,
    role,
    orgId: orgPath.split('/').filter(Boolean).at(-1) ?? '',
    orgPath,
    scopePaths: [orgPath],
    seesScope: true,
    admin: false,
    ...over,
  };
}

export const actor = (personId: string, ...grants: RoleGrant[]): Actor => ({ personId, grants });

export const NOW = new Date('2025-06-04T02:00:00Z'); // Wednesday 10:00 in Beijing

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: '100',
    workflow: 'test.request',
    state: 'collected',
    version: 3,
    orgId: '4',
    orgPath: paths.compoundA,
    assigneeOrgId: null,
    assigneeOrgPath: null,
    assigneePersonId: null,
    reporterId: 'p-resident',
    title: '楼道堆放杂物',
    data: {},
    deadline: null,
    createdAt: new Date('2025-06-01T00:00:00Z'),
    updatedAt: new Date('2025-06-01T00:00:00Z'),
    closedAt: null,
    ...over,
  };
}

// ---------------------------------------------------------------- city config and plugins

/** A small valid city: one street, one community, two compounds, one grid, three people. */
export const cityConfig = (): CityConfig => ({
  name: 'test',
  title: { 'zh-CN': '测试市', en: 'Test city' },
  orgs: {
    key: 'tianchang',
    type: 'city',
    name: '天长市',
    side: [{ key: 'tc-cgj', type: 'department', name: '天长市城市管理局' }],
    children: [
      {
        key: 'guangling',
        type: 'street',
        name: '广陵街道',
        children: [
          {
            key: 'yongfu',
            type: 'community',
            name: '永福社区',
            side: [{ key: 'yongfu-party', type: 'party_committee', name: '永福社区联合党委' }],
            children: [
              { key: 'tiandao', type: 'compound', name: '天岛小区', side: [{ key: 'tiandao-wy', type: 'property_company', name: '天岛物业' }] },
              { key: 'hepan', type: 'compound', name: '河畔家园', children: [{ key: 'hepan-1', type: 'building', name: '1号楼' }] },
            ],
          },
        ],
      },
    ],
  },
  grids: [{ key: 'grid-1', name: '永福一网格', org: 'yongfu', covers: ['tiandao', 'hepan'] }],
  people: [
    { username: 'admin', name: '管理员', roles: [{ role: 'admin', org: 'tianchang' }] },
    { username: 'wang.gw', name: '王网格', roles: [{ role: 'grid_worker', grid: 'grid-1' }, { role: 'party_grid_worker', grid: 'grid-1' }] },
    { username: 'li.resident', name: '李居民', phone: '13800000000', roles: [{ role: 'resident', org: 'tiandao' }] },
  ],
  forms: allForms(),
  workflows: [workflow()],
});

export function plugin(name: string, over: Partial<PluginManifest> = {}): PluginManifest {
  return { name, version: '1.0.0', sdk: '^0.1.0', title: { 'zh-CN': name }, ...over };
}

export const available = (...plugins: PluginManifest[]): Map<string, PluginManifest> => new Map(plugins.map((p) => [p.name, p]));
