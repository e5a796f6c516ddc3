import { describe, expect, it } from 'vitest';
import { FormRegistry } from '../forms/registry.js';
import type { WorkflowDefinition } from '../schemas/types.js';
import { CompiledWorkflow } from '../workflow/registry.js';
import type { Actor } from './actor.js';
import { planCreate, planTransition } from './engine.js';
import { withPatch, type Ticket } from './types.js';

const forms = new FormRegistry();
forms.register({ id: 'r.intake', title: { 'zh-CN': '诉求' }, schema: { type: 'object', properties: { category: { type: 'string' } } } }, 'test');
forms.register({ id: 'r.dispatch', title: { 'zh-CN': '派单' }, schema: { type: 'object', properties: { assigneeOrgId: { type: 'string' } } } }, 'test');

const def = (over: Partial<WorkflowDefinition> = {}): WorkflowDefinition => ({
  id: 'r',
  title: { 'zh-CN': '路由' },
  intakeForm: 'r.intake',
  create: [{ scope: 'any' }],
  initial: 'new',
  states: [
    { id: 'new', title: { 'zh-CN': '新' } },
    { id: 'dispatched', title: { 'zh-CN': '已派单' }, timeLimit: { days: 3, workingDays: true } },
    { id: 'done', title: { 'zh-CN': '完成' }, terminal: true },
  ],
  transitions: [
    { name: 'dispatch', title: { 'zh-CN': '派单' }, from: 'new', to: 'dispatched', allow: [{ scope: 'any' }], form: 'r.dispatch', effects: [{ type: 'route', field: 'assigneeOrgId' }] },
    { name: 'auto', title: { 'zh-CN': '自动派单' }, from: 'new', to: 'dispatched', allow: [{ scope: 'any' }], effects: [{ type: 'route' }] },
    { name: 'return', title: { 'zh-CN': '退回' }, from: 'dispatched', to: 'new', allow: [{ scope: 'any' }], commentRequired: true, effects: [{ type: 'assign-previous' }] },
    { name: 'finish', title: { 'zh-CN': '完成' }, from: 'dispatched', to: 'done', allow: [{ scope: 'any' }] },
  ],
  ...over,
});
const me: Actor = { personId: '1', grants: [{ id: 'g', role: 'x', orgId: '1', orgPath: '/1/', scopePaths: ['/1/'], seesScope: true, admin: false }] };
const now = new Date('2026-09-30T07:00:00Z');
const t = (state: string): Ticket => ({
  id: '9', workflow: 'r', state, version: 2, orgId: '4', orgPath: '/1/4/', assigneeOrgId: null, assigneeOrgPath: null, assigneePersonId: null,
  reporterId: '1', title: 't', data: { category: '公共设施' }, deadline: null, createdAt: now, updatedAt: now, closedAt: null,
});

describe('routing and return effects in the engine', () => {
  it('asks the server to route when the dispatcher picks no org, and honours a pick', () => {
    const wf = new CompiledWorkflow(def(), 'test');
    expect(planTransition({ forms }, wf, t('new'), me, { action: 'dispatch', version: 2, data: {} }, now)).toMatchObject({ resolve: ['route'] });
    const picked = planTransition({ forms }, wf, t('new'), me, { action: 'dispatch', version: 2, data: { assigneeOrgId: '10' } }, now);
    expect(picked.assigneeOrgId).toBe('10');
    expect(picked.resolve).toEqual([]);
    expect(planTransition({ forms }, wf, t('new'), me, { action: 'auto', version: 2 }, now)).toMatchObject({ resolve: ['route'] });
  });

  it('marks a return for the server to restore the previous holder, and still needs the reason', () => {
    const wf = new CompiledWorkflow(def(), 'test');
    expect(() => planTransition({ forms }, wf, t('dispatched'), me, { action: 'return', version: 2 }, now)).toThrow(/comment|invalid/);
    expect(planTransition({ forms }, wf, t('dispatched'), me, { action: 'return', version: 2, comment: '不属于本单位职责' }, now)).toMatchObject({ resolve: ['assign-previous'], effects: ['schedule-deadlines', 'notify-returned'], comment: '不属于本单位职责' });
  });

  it('routes on create only when the workflow asks for it', () => {
    expect(planCreate({ forms }, new CompiledWorkflow(def(), 'test'), me, '/1/4/', { category: '公共设施' }, now).resolve).toEqual([]);
    expect(planCreate({ forms }, new CompiledWorkflow(def({ routeOnCreate: true }), 'test'), me, '/1/4/', { category: '公共设施' }, now).resolve).toEqual(['route']);
  });
});

describe('a plan is complete and immutable', () => {
  it('is frozen, and a patch makes a new plan instead of changing it', () => {
    const wf = new CompiledWorkflow(def(), 'test');
    const plan = planTransition({ forms }, wf, t('new'), me, { action: 'dispatch', version: 2, data: {} }, now);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.resolve) && Object.isFrozen(plan.effects)).toBe(true);
    expect(() => {
      (plan as { deadline: Date | null }).deadline = null;
    }).toThrow(TypeError);
    const patched = withPatch(plan, { assigneeOrgId: '10' });
    expect(patched).not.toBe(plan);
    expect(Object.isFrozen(patched)).toBe(true);
    expect([plan.assigneeOrgId, patched.assigneeOrgId]).toEqual([undefined, '10']);
    expect(withPatch(plan, {})).toBe(plan);
  });
});
