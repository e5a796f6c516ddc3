import { describe, expect, it } from 'vitest';
import { LinliError } from '../errors.js';
import type { WorkflowDefinition } from '../schemas/types.js';
import { actor, allForms, checkContext, compiled, formRegistry, grant, NOW, paths, stepForm, ticket, workflow } from '../test-fixtures.js';
import { checkWorkflow } from '../workflow/validate.js';
import { readsInternalNotes } from './actor.js';
import { defaultVisibility, planTransition } from './engine.js';

const DAY = 86_400_000;
const rateForm = stepForm('test.rate', { rating: { type: 'integer', enum: [1, 2, 3, 4, 5] }, remark: { type: 'string' } }, ['rating']);
const ctx = { forms: formRegistry([...allForms(), rateForm]) };

/** The fixture workflow with a rating at closing and a reopen from handled or closed. */
function loop(over: Partial<WorkflowDefinition['transitions'][number]> = {}): WorkflowDefinition {
  const wf = workflow();
  wf.transitions = wf.transitions.map((t) => (t.name === 'confirm' ? { ...t, form: 'test.rate', rating: { field: 'rating' } } : t.name === 'handle' ? { ...t, visibility: 'public' } : t));
  wf.transitions.push({ name: 'reopen', title: { 'zh-CN': '重新办理' }, from: ['handled', 'closed'], to: 'collected', allow: [{ scope: 'reporter' }], commentRequired: true, reopen: { limit: 1, withinDays: 7 }, ...over });
  return wf;
}

const resident = actor('p-resident', grant('resident', paths.compoundA, { seesScope: false }));
const staff = actor('p-staff', grant('community_staff', paths.community));
const gridWorker = actor('p-gw', grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundA, paths.compoundB] }));
const officer = actor('p-officer', grant('department_officer', paths.department));

function caught(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LinliError);
    return e as LinliError;
  }
  throw new Error('expected a LinliError');
}

describe('internal notes and public replies', () => {
  const wf = compiled(loop());

  it('keeps staff steps internal by default, and a step declared public public', () => {
    expect(defaultVisibility(wf.transition('dispatch')!)).toBe('internal');
    const dispatch = planTransition(ctx, wf, ticket(), staff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' }, comment: '尽快' }, NOW);
    expect(dispatch.visibility).toBe('internal');
    const handled = planTransition(ctx, wf, ticket({ state: 'dispatched', assigneePersonId: 'p-officer' }), officer, { action: 'handle', version: 3, data: { result: '已清理' } }, NOW);
    expect(handled.visibility).toBe('public');
  });

  it("makes the reporter's own steps public by default", () => {
    const reopened = planTransition(ctx, wf, ticket({ state: 'handled' }), resident, { action: 'reopen', version: 3, comment: '还没修好' }, NOW);
    expect(reopened.visibility).toBe('public');
  });

  it("takes the actor's choice over the default", () => {
    const dispatch = planTransition(ctx, wf, ticket(), staff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' }, visibility: 'public' }, NOW);
    expect(dispatch.visibility).toBe('public');
  });

  it('lets staff read internal notes, and the resident reporter not', () => {
    expect(readsInternalNotes(resident, ticket())).toBe(false);
    expect(readsInternalNotes(staff, ticket())).toBe(true);
    expect(readsInternalNotes(gridWorker, ticket())).toBe(true);
    // The officer reads them on a ticket assigned to them or their department, not elsewhere.
    expect(readsInternalNotes(officer, ticket())).toBe(false);
    expect(readsInternalNotes(officer, ticket({ assigneeOrgPath: paths.department }))).toBe(true);
    // A staff member who filed a ticket at their own compound still reads it as staff.
    expect(readsInternalNotes(actor('p-gw', ...gridWorker.grants), ticket({ reporterId: 'p-gw' }))).toBe(true);
  });
});

describe('rating and reopening', () => {
  it('records the rating a step declares', () => {
    const wf = compiled(loop());
    const closed = planTransition(ctx, wf, ticket({ state: 'handled' }), resident, { action: 'confirm', version: 3, data: { rating: 4, remark: '很快' } }, NOW);
    expect(closed.rating).toBe(4);
    expect(closed.closedAt).toEqual(NOW);
  });

  it('reopens once, clearing the rating, and refuses a second time with LINLI_ERR_REOPEN_LIMIT', () => {
    const wf = compiled(loop());
    const first = planTransition(ctx, wf, ticket({ state: 'closed', closedAt: new Date(NOW.getTime() - DAY), rating: 2 }), resident, { action: 'reopen', version: 3, comment: '没修好' }, NOW);
    expect(first).toMatchObject({ reopen: true, rating: null, toState: 'collected', closedAt: null });
    const e = caught(() => planTransition(ctx, wf, ticket({ state: 'handled', reopenCount: 1 }), resident, { action: 'reopen', version: 3, comment: '又坏了' }, NOW));
    expect(e.code).toBe('LINLI_ERR_REOPEN_LIMIT');
  });

  it('refuses a reopen later than the window after closing with LINLI_ERR_REOPEN_WINDOW', () => {
    const wf = compiled(loop());
    const late = ticket({ state: 'closed', closedAt: new Date(NOW.getTime() - 8 * DAY) });
    expect(caught(() => planTransition(ctx, wf, late, resident, { action: 'reopen', version: 3, comment: '没修好' }, NOW)).code).toBe('LINLI_ERR_REOPEN_WINDOW');
    const longer = compiled(loop({ reopen: { withinDays: 10 } }));
    expect(planTransition(ctx, longer, late, resident, { action: 'reopen', version: 3, comment: '没修好' }, NOW).reopen).toBe(true);
  });

  it('lets only a reopen step leave a terminal state, and a rating step needs a form', () => {
    expect(checkWorkflow(loop(), checkContext({ isKnownForm: () => true }))).toEqual([]);
    const bad = loop();
    bad.transitions = bad.transitions.map(({ reopen: _reopen, ...t }) => t);
    expect(checkWorkflow(bad, checkContext({ isKnownForm: () => true })).map((i) => i.message)).toContain('transition "reopen" leaves the terminal state "closed"');
    const noForm = workflow();
    noForm.transitions = noForm.transitions.map((t) => (t.name === 'confirm' ? { ...t, rating: { field: 'rating' } } : t));
    expect(checkWorkflow(noForm, checkContext()).map((i) => i.message)).toContain('transition "confirm" records a rating but has no form');
  });
});

