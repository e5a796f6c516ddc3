import { describe, expect, it } from 'vitest';
import { LinliError } from '../errors.js';
import { actor, compiled, formRegistry, grant, NOW, paths, ticket, workflow } from '../test-fixtures.js';
import { makeCalendar } from '../time/calendar.js';
import { allowedActions, planCreate, planTransition, type EngineContext } from './engine.js';

const ctx: EngineContext = { forms: formRegistry() };
const wf = compiled();
const HOUR = 3_600_000;

/** The LinliError `fn` throws; fails the test when it throws nothing or something else. */
function caught(fn: () => unknown): LinliError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LinliError);
    return e as LinliError;
  }
  throw new Error('expected a LinliError, nothing was thrown');
}

// People of the fixture city.
const resident = actor('p-resident', grant('resident', paths.compoundA, { seesScope: false }));
const neighbour = actor('p-neighbour', grant('resident', paths.compoundB, { seesScope: false }));
const gridWorker = actor('p-gw', grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundA, paths.compoundB] }));
const communityStaff = actor('p-staff', grant('community_staff', paths.community));
const commandOfficer = actor('p-cmd', grant('command_officer', paths.otherStreet));
const officer = actor('p-officer', grant('department_officer', paths.department));
const otherOfficer = actor('p-officer2', grant('department_officer', paths.department));
const admin = actor('p-admin', grant('admin', paths.city, { admin: true }));

const intake = { title: '  楼道堆放杂物  ', category: '环境卫生', description: '三号楼楼道堆满纸箱，有火灾隐患' };

/** The fixture ticket after dispatch to the department, assigned to p-officer. */
const dispatched = () =>
  ticket({ state: 'dispatched', assigneeOrgId: '6', assigneeOrgPath: paths.department, assigneePersonId: 'p-officer', version: 5 });

describe('planCreate', () => {
  it('plans a ticket in the initial state with the data, title and deadline', () => {
    const plan = planCreate(ctx, wf, resident, paths.compoundA, intake, NOW);
    expect(plan).toEqual({
      state: 'collected',
      title: '楼道堆放杂物',
      deadline: new Date(NOW.getTime() + 24 * HOUR),
      data: intake,
      resolve: [],
      effects: ['schedule-deadlines'],
    });
  });

  describe('permission, by the create rules and their scopes', () => {
    it('lets a resident file at their own compound ("ancestor")', () => {
      expect(() => planCreate(ctx, wf, resident, paths.compoundA, intake, NOW)).not.toThrow();
    });

    it('lets a resident file below their compound', () => {
      expect(() => planCreate(ctx, wf, resident, `${paths.compoundA}8/`, intake, NOW)).not.toThrow();
    });

    it('refuses a resident filing at another compound with LINLI_ERR_FORBIDDEN', () => {
      const e = caught(() => planCreate(ctx, wf, neighbour, paths.compoundA, intake, NOW));
      expect(e.code).toBe('LINLI_ERR_FORBIDDEN');
      expect(e.statusCode).toBe(403);
      expect(e.message).toContain('测试诉求');
    });

    it('refuses a resident filing above their compound', () => {
      expect(caught(() => planCreate(ctx, wf, resident, paths.community, intake, NOW)).code).toBe('LINLI_ERR_FORBIDDEN');
    });

    it('lets a grid worker file at every compound of the grid, but not at the community', () => {
      expect(planCreate(ctx, wf, gridWorker, paths.compoundA, intake, NOW).state).toBe('collected');
      expect(planCreate(ctx, wf, gridWorker, paths.compoundB, intake, NOW).state).toBe('collected');
      expect(caught(() => planCreate(ctx, wf, gridWorker, paths.community, intake, NOW)).code).toBe('LINLI_ERR_FORBIDDEN');
    });

    it('lets the command officer file anywhere ("any")', () => {
      expect(planCreate(ctx, wf, commandOfficer, paths.compoundB, intake, NOW).state).toBe('collected');
    });

    it('refuses roles the create rules do not name, even high up', () => {
      expect(caught(() => planCreate(ctx, wf, admin, paths.compoundA, intake, NOW)).code).toBe('LINLI_ERR_FORBIDDEN');
      expect(caught(() => planCreate(ctx, wf, actor('p-none'), paths.compoundA, intake, NOW)).code).toBe('LINLI_ERR_FORBIDDEN');
    });

    it('checks permission before the form: a stranger with bad data gets 403, not 422', () => {
      expect(caught(() => planCreate(ctx, wf, neighbour, paths.compoundA, {}, NOW)).code).toBe('LINLI_ERR_FORBIDDEN');
    });
  });

  describe('intake form validation', () => {
    it('maps every invalid field to its path in LINLI_ERR_FORM_INVALID', () => {
      const e = caught(() =>
        planCreate(ctx, wf, resident, paths.compoundA, { title: '楼道', category: '违章建筑', address: { room: '101' }, colour: 'red' }, NOW),
      );
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.statusCode).toBe(422);
      expect(e.message).toContain('"test.intake"');
      expect(e.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: '/description', message: 'is required', expected: 'a value' }),
          expect.objectContaining({ path: '/colour', message: 'is not a known field' }),
          expect.objectContaining({ path: '/category', message: 'must be equal to one of the allowed values', expected: 'one of ["环境卫生","物业服务","邻里纠纷"]' }),
          expect.objectContaining({ path: '/address/building', message: 'is required', expected: 'a value' }),
        ]),
      );
      expect(e.details).toHaveLength(4);
      // The answer carries each detail's message in the reader's language (ajv-i18n), English by default.
      expect(e.toJSON()).toEqual({ code: 'LINLI_ERR_FORM_INVALID', message: e.message, details: e.details!.map(({ localized: _, ...d }) => d) });
      expect(e.toJSON('zh-CN').details?.find((d) => d.path === '/description')?.message).toBe('此项必填');
      expect(e.toJSON('zh-CN').details?.find((d) => d.path === '/category')?.message).toBe('应当是预设定的枚举值之一');
    });

    it('refuses data that is not an object', () => {
      const e = caught(() => planCreate(ctx, wf, resident, paths.compoundA, null, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.details).toMatchObject([{ path: '/', message: 'must be object', expected: 'object' }]);
    });
  });

  describe('title', () => {
    it('comes from the titleField, trimmed', () => {
      expect(planCreate(ctx, wf, resident, paths.compoundA, { ...intake, title: '\t路灯不亮 ' }, NOW).title).toBe('路灯不亮');
    });

    it('falls back to the workflow title when the titleField is blank', () => {
      expect(planCreate(ctx, wf, resident, paths.compoundA, { ...intake, title: '    ' }, NOW).title).toBe('测试诉求');
    });

    it('falls back to the workflow title when the titleField is absent from the data', () => {
      const def = workflow();
      def.titleField = 'idCard';
      expect(planCreate(ctx, compiled(def), resident, paths.compoundA, intake, NOW).title).toBe('测试诉求');
    });

    it('falls back to the workflow title when the titleField holds no string', () => {
      const def = workflow();
      def.titleField = 'floors';
      expect(planCreate(ctx, compiled(def), resident, paths.compoundA, { ...intake, floors: 6 }, NOW).title).toBe('测试诉求');
    });

    it('falls back to the workflow title when the workflow has no titleField', () => {
      const def = workflow();
      delete def.titleField;
      expect(planCreate(ctx, compiled(def), resident, paths.compoundA, intake, NOW).title).toBe('测试诉求');
    });

    it('is cut to 200 characters', () => {
      const def = workflow();
      def.titleField = 'description';
      const long = '长'.repeat(250);
      const plan = planCreate(ctx, compiled(def), resident, paths.compoundA, { ...intake, description: long }, NOW);
      expect(plan.title).toBe('长'.repeat(200));
    });
  });

  describe('deadline', () => {
    it('is null when the initial state has no time limit', () => {
      const def = workflow();
      delete def.states[0]?.timeLimit;
      expect(planCreate(ctx, compiled(def), resident, paths.compoundA, intake, NOW).deadline).toBeNull();
    });

    it('counts working days on the context calendar from now', () => {
      const def = workflow();
      def.states[0] = { id: 'collected', title: { 'zh-CN': '已收集' }, timeLimit: { days: 2, workingDays: true } };
      // Wednesday 10:00 Beijing; Thursday is a holiday → Friday, Monday → Monday 10:00 Beijing.
      const withHoliday: EngineContext = { forms: ctx.forms, calendar: makeCalendar({ holidays: ['2025-06-05'] }) };
      expect(planCreate(withHoliday, compiled(def), resident, paths.compoundA, intake, NOW).deadline).toEqual(new Date('2025-06-09T02:00:00Z'));
      // Without the context calendar: Thursday, Friday.
      expect(planCreate(ctx, compiled(def), resident, paths.compoundA, intake, NOW).deadline).toEqual(new Date('2025-06-06T02:00:00Z'));
    });
  });
});

describe('planTransition', () => {
  describe('version', () => {
    it('refuses a stale version with LINLI_ERR_VERSION_CONFLICT naming both versions', () => {
      const e = caught(() => planTransition(ctx, wf, ticket({ version: 3 }), gridWorker, { action: 'claim', version: 2 }, NOW));
      expect(e.code).toBe('LINLI_ERR_VERSION_CONFLICT');
      expect(e.statusCode).toBe(409);
      expect(e.message).toContain('you had version 2, it is now 3');
    });

    it('checks the version before the permission', () => {
      const e = caught(() => planTransition(ctx, wf, ticket({ version: 3 }), neighbour, { action: 'nonsense', version: 4 }, NOW));
      expect(e.code).toBe('LINLI_ERR_VERSION_CONFLICT');
    });
  });

  describe('permission', () => {
    it('refuses an unknown action with LINLI_ERR_ACTION_NOT_ALLOWED', () => {
      const e = caught(() => planTransition(ctx, wf, ticket(), gridWorker, { action: 'escalate', version: 3 }, NOW));
      expect(e.code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
      expect(e.statusCode).toBe(403);
      expect(e.message).toContain('"escalate"');
    });

    it('refuses an action that does not leave the current state', () => {
      // "handle" leaves "dispatched"; the ticket is "collected", and p-officer would be allowed otherwise.
      const e = caught(() => planTransition(ctx, wf, ticket({ assigneePersonId: 'p-officer' }), officer, { action: 'handle', version: 3, data: { result: '已清理' } }, NOW));
      expect(e.code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
    });

    it('refuses an actor whose roles the transition does not allow', () => {
      expect(caught(() => planTransition(ctx, wf, ticket(), resident, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' } }, NOW)).code).toBe(
        'LINLI_ERR_ACTION_NOT_ALLOWED',
      );
      // The right role outside the ticket's scope.
      const staffElsewhere = actor('p-s2', grant('community_staff', paths.otherStreet));
      expect(caught(() => planTransition(ctx, wf, ticket(), staffElsewhere, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' } }, NOW)).code).toBe(
        'LINLI_ERR_ACTION_NOT_ALLOWED',
      );
    });

    it('refuses a department officer when the ticket is assigned to another org', () => {
      const t = ticket({ state: 'dispatched', assigneeOrgId: '5', assigneeOrgPath: paths.compoundB });
      expect(caught(() => planTransition(ctx, wf, t, officer, { action: 'return', version: 3, comment: '不归我们' }, NOW)).code).toBe(
        'LINLI_ERR_ACTION_NOT_ALLOWED',
      );
    });

    it('refuses every action on a closed ticket', () => {
      const closed = ticket({ state: 'closed', closedAt: NOW });
      for (const action of ['confirm', 'reject', 'claim']) {
        expect(caught(() => planTransition(ctx, wf, closed, resident, { action, version: 3, comment: 'x' }, NOW)).code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
      }
    });

    it('checks the permission before the form', () => {
      expect(caught(() => planTransition(ctx, wf, ticket(), resident, { action: 'dispatch', version: 3, data: {} }, NOW)).code).toBe(
        'LINLI_ERR_ACTION_NOT_ALLOWED',
      );
    });
  });

  describe('step form and comment', () => {
    it('validates the step form, mapping errors to field paths', () => {
      const e = caught(() => planTransition(ctx, wf, ticket(), communityStaff, { action: 'dispatch', version: 3, data: { note: 5, extra: true } }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.message).toContain('"test.dispatch"');
      expect(e.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: '/assigneeOrgId', message: 'is required', expected: 'a value' }),
          expect.objectContaining({ path: '/extra', message: 'is not a known field' }),
          expect.objectContaining({ path: '/note', message: 'must be string', expected: 'string' }),
        ]),
      );
    });

    it('validates missing step data as an empty object', () => {
      const e = caught(() => planTransition(ctx, wf, ticket(), communityStaff, { action: 'dispatch', version: 3 }, NOW));
      expect(e.details).toMatchObject([{ path: '/assigneeOrgId', message: 'is required', expected: 'a value' }]);
    });

    it('refuses data on a step that has no form', () => {
      const t = ticket({ state: 'handled' });
      const e = caught(() => planTransition(ctx, wf, t, resident, { action: 'confirm', version: 3, data: { satisfaction: '满意' } }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.message).toContain('"confirm"');
      expect(e.details).toEqual([{ path: '/data', message: 'this step takes no form data' }]);
    });

    it('accepts an empty object on a step that has no form', () => {
      const change = planTransition(ctx, wf, ticket({ state: 'handled' }), resident, { action: 'confirm', version: 3, data: {} }, NOW);
      expect(change.toState).toBe('closed');
      expect(change.eventData).toBeNull();
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['only whitespace', '  \n\t '],
    ])('refuses a %s comment where one is required', (_label, comment) => {
      const e = caught(() => planTransition(ctx, wf, ticket(), gridWorker, { action: 'reject', version: 3, comment }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.details).toEqual([{ path: '/comment', message: 'a comment is required for this step' }]);
    });

    it('keeps the comment trimmed, and null when blank on a step that does not require one', () => {
      const rejected = planTransition(ctx, wf, ticket(), gridWorker, { action: 'reject', version: 3, comment: '  重复诉求 ' }, NOW);
      expect(rejected.comment).toBe('重复诉求');
      const claimed = planTransition(ctx, wf, ticket(), gridWorker, { action: 'claim', version: 3, comment: '   ' }, NOW);
      expect(claimed.comment).toBeNull();
    });
  });

  describe('the change', () => {
    it('names the step, both states and the expected version, and restarts the deadline', () => {
      const change = planTransition(ctx, wf, ticket(), communityStaff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6', note: '请城管处理' } }, NOW);
      expect(change).toEqual({
        action: 'dispatch',
        fromState: 'collected',
        toState: 'dispatched',
        expectedVersion: 3,
        // "dispatched" allows 2 working days: Wednesday 10:00 Beijing → Friday 10:00.
        deadline: new Date('2025-06-06T02:00:00Z'),
        closedAt: null,
        eventData: { assigneeOrgId: '6', note: '请城管处理' },
        comment: null,
        visibility: 'internal',
        assigneeOrgId: '6',
        assigneePersonId: null,
        resolve: [],
        effects: ['schedule-deadlines'],
      });
    });

    it('uses the context calendar for the new deadline', () => {
      const withHoliday: EngineContext = { forms: ctx.forms, calendar: makeCalendar({ holidays: ['2025-06-06'] }) };
      const change = planTransition(withHoliday, wf, ticket(), communityStaff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' } }, NOW);
      expect(change.deadline).toEqual(new Date('2025-06-09T02:00:00Z'));
    });

    it('leaves the assignees alone (undefined) when no effect touches them', () => {
      const change = planTransition(ctx, wf, dispatched(), actor('p-officer'), { action: 'handle', version: 5, data: { result: '已清理完毕' } }, NOW);
      expect(change).not.toHaveProperty('assigneeOrgId');
      expect(change).not.toHaveProperty('assigneePersonId');
      expect(change.deadline).toEqual(new Date(NOW.getTime() + 3 * 24 * HOUR));
      expect(change.eventData).toEqual({ result: '已清理完毕' });
    });

    it('sets closedAt to now when the step enters a terminal state, with no deadline', () => {
      const change = planTransition(ctx, wf, ticket({ state: 'handled' }), resident, { action: 'confirm', version: 3 }, NOW);
      expect(change.toState).toBe('closed');
      expect(change.closedAt).toEqual(NOW);
      expect(change.deadline).toBeNull();
      const rejected = planTransition(ctx, wf, dispatched(), gridWorker, { action: 'reject', version: 5, comment: '不属实' }, NOW);
      expect(rejected.closedAt).toEqual(NOW);
    });

    it('does not close a ticket on a non-terminal step', () => {
      expect(planTransition(ctx, wf, ticket(), gridWorker, { action: 'claim', version: 3 }, NOW).closedAt).toBeNull();
    });
  });

  describe('effects', () => {
    it('assign-org takes the org from the form field, numbers included', () => {
      const change = planTransition(ctx, wf, ticket(), commandOfficer, { action: 'dispatch', version: 3, data: { assigneeOrgId: 6 } }, NOW);
      expect(change.assigneeOrgId).toBe('6');
    });

    it('assign-org refuses an empty field', () => {
      const e = caught(() => planTransition(ctx, wf, ticket(), communityStaff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '' } }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.details).toEqual([{ path: '/assigneeOrgId', message: 'is required' }]);
    });

    it('clear-assignee clears the person', () => {
      const t = ticket({ assigneePersonId: 'p-gw' });
      expect(planTransition(ctx, wf, t, communityStaff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '6' } }, NOW).assigneePersonId).toBeNull();
    });

    it('assign-person with a field assigns the person named in the form', () => {
      const change = planTransition(ctx, wf, dispatched(), otherOfficer, { action: 'assign', version: 5, data: { personId: 'p-officer2' } }, NOW);
      expect(change.assigneePersonId).toBe('p-officer2');
      expect(change).not.toHaveProperty('assigneeOrgId');
    });

    it('assign-person with a field refuses a form without it', () => {
      const e = caught(() => planTransition(ctx, wf, dispatched(), otherOfficer, { action: 'assign', version: 5, data: {} }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.message).toContain('"assign"');
      expect(e.details).toEqual([{ path: '/personId', message: 'is required' }]);
    });

    it('assign-person with actor assigns the person taking the step', () => {
      const change = planTransition(ctx, wf, ticket(), gridWorker, { action: 'claim', version: 3 }, NOW);
      expect(change.assigneePersonId).toBe('p-gw');
      expect(change.eventData).toBeNull();
      expect(change.toState).toBe('collected');
    });

    it('assign-ticket-org sends the ticket back to its own org', () => {
      const change = planTransition(ctx, wf, dispatched(), officer, { action: 'return', version: 5, comment: '非本单位职责' }, NOW);
      expect(change.assigneeOrgId).toBe('4');
      expect(change.toState).toBe('collected');
      expect(change.comment).toBe('非本单位职责');
      expect(change.deadline).toEqual(new Date(NOW.getTime() + 24 * HOUR));
    });

    it('set-deadline takes the deadline from the form, over the state limit', () => {
      const due = '2025-07-01T10:00:00+08:00';
      const change = planTransition(ctx, wf, dispatched(), officer, { action: 'extend', version: 5, data: { due } }, NOW);
      expect(change.deadline).toEqual(new Date('2025-07-01T02:00:00Z'));
    });

    it.each([
      ['in the past', '2025-06-01T00:00:00Z'],
      ['exactly now', NOW.toISOString()],
      ['not a date', 'next Tuesday-ish'],
    ])('set-deadline refuses a deadline %s', (_label, due) => {
      const e = caught(() => planTransition(ctx, wf, dispatched(), officer, { action: 'extend', version: 5, data: { due } }, NOW));
      expect(e.code).toBe('LINLI_ERR_FORM_INVALID');
      expect(e.details).toEqual([{ path: '/due', message: 'the deadline must be a date in the future' }]);
    });
  });
});

describe('allowedActions', () => {
  it('lists, in definition order, the steps the actor may take from the current state', () => {
    expect(allowedActions(wf, ticket(), gridWorker)).toEqual(['claim', 'reject']);
    expect(allowedActions(wf, ticket(), communityStaff)).toEqual(['dispatch']);
    expect(allowedActions(wf, ticket(), commandOfficer)).toEqual(['dispatch']);
  });

  it('is empty for the reporter of a ticket still being collected', () => {
    expect(allowedActions(wf, ticket(), resident)).toEqual([]);
  });

  it('follows the assigned org and person of a dispatched ticket', () => {
    expect(allowedActions(wf, dispatched(), officer)).toEqual(['assign', 'extend', 'return', 'handle']);
    expect(allowedActions(wf, dispatched(), otherOfficer)).toEqual(['assign', 'extend', 'return']);
    expect(allowedActions(wf, dispatched(), gridWorker)).toEqual(['reject']);
  });

  it('lets the reporter confirm a handled ticket', () => {
    expect(allowedActions(wf, ticket({ state: 'handled' }), resident)).toEqual(['confirm']);
    expect(allowedActions(wf, ticket({ state: 'handled' }), neighbour)).toEqual([]);
  });

  it('is empty on a terminal state, even for an admin', () => {
    expect(allowedActions(wf, ticket({ state: 'closed' }), admin)).toEqual([]);
    expect(allowedActions(wf, ticket({ state: 'rejected' }), gridWorker)).toEqual([]);
  });

  it('agrees with planTransition: every listed action is accepted by the permission check', () => {
    const t = dispatched();
    for (const action of allowedActions(wf, t, officer)) {
      const e = (() => {
        try {
          planTransition(ctx, wf, t, officer, { action, version: 5, data: {} }, NOW);
          return null;
        } catch (err) {
          return err as LinliError;
        }
      })();
      expect(e?.code, action).not.toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
    }
  });
});

describe('planTransition keeps the clock on steps that stay in their state', () => {
  const ctx: EngineContext = { forms: formRegistry() };
  const wf = compiled(workflow());
  const worker = actor('p-worker', grant('grid_worker', paths.compoundA));

  it('keeps the running deadline when a step stays in the same state (claiming, progress reports)', () => {
    const running = new Date('2025-06-04T12:00:00Z');
    const change = planTransition(ctx, wf, ticket({ deadline: running }), worker, { action: 'claim', version: 3 }, NOW);
    expect(change.toState).toBe('collected');
    expect(change.deadline).toEqual(running);
  });

  it('starts a new deadline when the ticket enters another state', () => {
    const staff = actor('p-staff', grant('community_staff', paths.compoundA));
    const change = planTransition(ctx, wf, ticket({ deadline: new Date('2025-06-04T12:00:00Z') }), staff, { action: 'dispatch', version: 3, data: { assigneeOrgId: '9' } }, NOW);
    expect(change.deadline).not.toEqual(new Date('2025-06-04T12:00:00Z'));
    expect(change.deadline!.getTime()).toBeGreaterThan(NOW.getTime());
  });
});
