import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../errors.js';
import { checkContext, loose, workflow, type Loose } from '../test-fixtures.js';
import { checkWorkflow, fromStates } from './validate.js';

const FILE = 'workflows/test.json';

/** Checks a broken copy of the fixture workflow. */
function check(breakIt: (w: Loose) => void, pointer?: string): ErrorDetail[] {
  const w = loose(workflow());
  breakIt(w);
  return checkWorkflow(w, checkContext(pointer === undefined ? {} : { pointer }));
}

/** The one issue at `path`; fails when there is none or several. */
function only(issues: ErrorDetail[], path: string): ErrorDetail {
  const found = issues.filter((i) => i.path === path);
  expect(found, `issues at ${path} in ${JSON.stringify(issues, null, 2)}`).toHaveLength(1);
  return found[0] as ErrorDetail;
}

describe('fromStates', () => {
  it('wraps a single state and passes an array through', () => {
    expect(fromStates({ from: 'a' })).toEqual(['a']);
    expect(fromStates({ from: ['a', 'b'] })).toEqual(['a', 'b']);
  });
});

describe('checkWorkflow: a valid workflow', () => {
  it('has no issues', () => {
    expect(checkWorkflow(workflow(), checkContext())).toEqual([]);
  });

  it('has no issues under a pointer either', () => {
    expect(checkWorkflow(workflow(), checkContext({ pointer: '/workflows/0' }))).toEqual([]);
  });

  it('accepts a role-less rule, self-loops and a transition from several states', () => {
    const w = workflow();
    expect(w.transitions.some((t) => Array.isArray(t.from))).toBe(true);
    expect(w.transitions.some((t) => t.from === t.to)).toBe(true);
    expect(w.transitions.some((t) => t.allow.some((r) => r.role === undefined))).toBe(true);
    expect(checkWorkflow(w, checkContext())).toEqual([]);
  });
});

describe('checkWorkflow: schema errors', () => {
  it('reports every missing required field at its path, with the file', () => {
    const issues = check((w) => {
      delete w.intakeForm;
      delete w.states[1].title;
      delete w.transitions[2].allow;
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: FILE, path: '/intakeForm', message: 'is required', expected: 'a value' },
        { file: FILE, path: '/states/1/title', message: 'is required', expected: 'a value' },
        { file: FILE, path: '/transitions/2/allow', message: 'is required', expected: 'a value' },
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('prefixes schema paths with the pointer base', () => {
    const issues = check((w) => delete w.initial, '/workflows/3');
    expect(issues).toEqual([{ file: FILE, path: '/workflows/3/initial', message: 'is required', expected: 'a value' }]);
  });

  it('rejects a bad id with the pattern it expected', () => {
    const issues = check((w) => (w.id = 'Grid Request'), '/workflows/2');
    const i = only(issues, '/workflows/2/id');
    expect(i.file).toBe(FILE);
    expect(i.expected).toBe('a string matching ^[a-z][a-z0-9_.-]*$');
  });

  it('rejects a bad state id and a bad transition name', () => {
    const issues = check((w) => {
      w.states[4].id = '1rejected';
      w.transitions[7].to = '1rejected';
      w.transitions[0].name = 'Claim!';
    });
    expect(only(issues, '/states/4/id').expected).toBe('a string matching ^[a-z][a-z0-9_.-]*$');
    expect(only(issues, '/transitions/0/name').expected).toBe('a string matching ^[a-z][a-z0-9_.-]*$');
  });

  it('rejects an unknown rule scope with the list of scopes', () => {
    const issues = check((w) => (w.create[0].scope = 'everyone'));
    expect(only(issues, '/create/0/scope')).toEqual({
      file: FILE,
      path: '/create/0/scope',
      message: 'must be equal to one of the allowed values',
      expected: 'one of ["org","ancestor","assigned-org","assigned-person","reporter","any","host","enrolled"]',
    });
  });

  it('rejects a wrongly typed field with the type expected', () => {
    expect(only(check((w) => (w.states = 'collected')), '/states')).toMatchObject({ file: FILE, expected: 'array' });
    expect(only(check((w) => (w.transitions[0].commentRequired = 'yes')), '/transitions/0/commentRequired')).toMatchObject({ expected: 'boolean' });
  });

  it('rejects a non-object workflow at the pointer itself, or at / without one', () => {
    expect(checkWorkflow('nope', checkContext())).toEqual([{ file: FILE, path: '/', message: 'must be object', expected: 'object' }]);
    expect(checkWorkflow(null, checkContext({ pointer: '/workflows/0' }))).toEqual([
      { file: FILE, path: '/workflows/0', message: 'must be object', expected: 'object' },
    ]);
  });

  it('rejects an unknown property', () => {
    const issues = check((w) => (w.states[0].deadline = 3));
    expect(only(issues, '/states/0/deadline')).toEqual({ file: FILE, path: '/states/0/deadline', message: 'is not a known field' });
  });

  it('rejects too few states and an empty allow list', () => {
    const issues = check((w) => {
      w.states = w.states.slice(0, 1);
      w.transitions[0].allow = [];
    });
    expect(only(issues, '/states').message).toMatch(/fewer than 2 items/);
    expect(only(issues, '/transitions/0/allow').message).toMatch(/fewer than 1 items/);
  });

  it.each([
    ['a negative hour limit', { hours: -1 }, '/states/0/timeLimit/hours', 'must be >= 1', 'a number >= 1'],
    ['a zero hour limit', { hours: 0 }, '/states/0/timeLimit/hours', 'must be >= 1', 'a number >= 1'],
    ['a zero day limit', { days: 0 }, '/states/0/timeLimit/days', 'must be >= 1', 'a number >= 1'],
    ['a negative day limit', { days: -3, workingDays: true }, '/states/0/timeLimit/days', 'must be >= 1', 'a number >= 1'],
    ['more than a year of days', { days: 400 }, '/states/0/timeLimit/days', 'must be <= 366', 'a number <= 366'],
    ['a negative reminder', { hours: 24, remindBeforeHours: -2 }, '/states/0/timeLimit/remindBeforeHours', 'must be >= 1', 'a number >= 1'],
  ])('rejects %s', (_label, timeLimit, path, message, expected) => {
    const issues = check((w) => (w.states[0].timeLimit = timeLimit));
    expect(issues).toEqual([{ file: FILE, path, message, expected }]);
  });

  it.each([
    ['fractional days', { days: 1.5 }, '/states/1/timeLimit/days'],
    ['fractional hours', { hours: 1.5 }, '/states/1/timeLimit/hours'],
    ['days as a string', { days: '2' }, '/states/1/timeLimit/days'],
  ])('rejects %s as not an integer', (_label, timeLimit, path) => {
    const issues = check((w) => (w.states[1].timeLimit = timeLimit));
    expect(only(issues, path)).toMatchObject({ file: FILE, expected: 'integer' });
  });

  it('rejects a time limit with neither hours nor days, naming both', () => {
    const issues = check((w) => (w.states[1].timeLimit = { workingDays: true }), '/workflows/0');
    expect(issues).toEqual([
      { file: FILE, path: '/workflows/0/states/1/timeLimit/hours', message: 'is required', expected: 'a value' },
      { file: FILE, path: '/workflows/0/states/1/timeLimit/days', message: 'is required', expected: 'a value' },
      {
        file: FILE,
        path: '/workflows/0/states/1/timeLimit',
        message: 'must match exactly one schema in oneOf',
        expected: 'exactly one of the allowed forms (for a time limit: either "hours" or "days")',
      },
    ]);
  });

  it('rejects a time limit with both hours and days', () => {
    const issues = check((w) => (w.states[0].timeLimit = { hours: 4, days: 1 }));
    expect(issues).toEqual([
      { file: FILE, path: '/states/0/timeLimit', message: 'must match exactly one schema in oneOf', expected: 'exactly one of the allowed forms (for a time limit: either "hours" or "days")' },
    ]);
  });

  it('rejects an effect missing its field', () => {
    const issues = check((w) => (w.transitions[1].effects[0] = { type: 'assign-org' }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.file === FILE && i.path.startsWith('/transitions/1/effects/0'))).toBe(true);
    expect(issues.map((i) => i.path)).toContain('/transitions/1/effects/0/field');
  });

  it('stops at schema errors: no semantic check runs on a malformed workflow', () => {
    const issues = check((w) => {
      delete w.id;
      w.initial = 'nowhere';
    });
    expect(issues).toEqual([{ file: FILE, path: '/id', message: 'is required', expected: 'a value' }]);
  });
});

describe('checkWorkflow: semantic errors', () => {
  it('reports a duplicate state id at the second occurrence', () => {
    const issues = check((w) => (w.states[4].id = 'closed'));
    expect(only(issues, '/states/4/id')).toEqual({ file: FILE, path: '/states/4/id', message: 'duplicate state "closed"', expected: 'a state id used once' });
  });

  it('reports a duplicate transition name at the second occurrence', () => {
    const issues = check((w) => (w.transitions[7].name = 'dispatch'), '/workflows/1');
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/workflows/1/transitions/7/name',
        message: 'duplicate transition name "dispatch"',
        expected: 'a transition name used once',
      },
    ]);
  });

  it('reports an unknown initial state, listing the states', () => {
    const issues = check((w) => (w.initial = 'nowhere'));
    expect(only(issues, '/initial')).toEqual({
      file: FILE,
      path: '/initial',
      message: 'unknown state "nowhere"',
      expected: 'one of ["collected","dispatched","handled","closed","rejected"]',
    });
    // Reachability is not judged from a state that does not exist.
    expect(issues.filter((i) => i.message.includes('cannot be reached'))).toEqual([]);
  });

  it('reports a terminal initial state', () => {
    const issues = check((w) => (w.initial = 'closed'), '/workflows/0');
    expect(only(issues, '/workflows/0/initial')).toEqual({
      file: FILE,
      path: '/workflows/0/initial',
      message: 'the initial state "closed" is terminal',
      expected: 'a non-terminal state',
    });
  });

  it('reports a workflow without a terminal state', () => {
    const issues = check((w) => {
      w.states[3].terminal = false;
      delete w.states[4].terminal;
      w.transitions.push(
        { name: 'reopen', title: { 'zh-CN': '重办' }, from: ['closed', 'rejected'], to: 'collected', allow: [{ scope: 'reporter' }] },
      );
    });
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/states',
        message: 'no terminal state: tickets could never be closed',
        expected: 'at least one state with "terminal": true',
      },
    ]);
  });

  it('reports an unknown target state', () => {
    const issues = check((w) => (w.transitions[5].to = 'done'));
    expect(only(issues, '/transitions/5/to')).toEqual({
      file: FILE,
      path: '/transitions/5/to',
      message: 'unknown state "done"',
      expected: 'one of ["collected","dispatched","handled","closed","rejected"]',
    });
  });

  it('reports an unknown source state given as a string', () => {
    const issues = check((w) => (w.transitions[6].from = 'handeld'));
    expect(only(issues, '/transitions/6/from')).toMatchObject({ file: FILE, message: 'unknown state "handeld"', expected: expect.stringContaining('"handled"') });
  });

  it('reports an unknown source state inside an array at its index', () => {
    const issues = check((w) => (w.transitions[7].from = ['collected', 'sortd']), '/workflows/5');
    expect(only(issues, '/workflows/5/transitions/7/from/1')).toMatchObject({ file: FILE, message: 'unknown state "sortd"', expected: expect.stringMatching(/^one of \[/) });
    expect(issues.filter((i) => i.path === '/workflows/5/transitions/7/from/0')).toEqual([]);
  });

  it('reports a transition out of a terminal state (string form)', () => {
    const issues = check((w) =>
      w.transitions.push({ name: 'reopen', title: { 'zh-CN': '重办' }, from: 'closed', to: 'collected', allow: [{ scope: 'reporter' }] }),
    );
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/transitions/8/from',
        message: 'transition "reopen" leaves the terminal state "closed"',
        expected: 'a non-terminal state, or "reopen" on the transition',
      },
    ]);
  });

  it('reports a transition out of a terminal state (array form) at its index', () => {
    const issues = check((w) => (w.transitions[7].from = ['collected', 'closed']));
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/transitions/7/from/1',
        message: 'transition "reject" leaves the terminal state "closed"',
        expected: 'a non-terminal state, or "reopen" on the transition',
      },
    ]);
  });

  it('reports an unreachable state', () => {
    const issues = check((w) => {
      // "handled" is only entered by "handle"; send that elsewhere.
      w.transitions[5].to = 'closed';
    });
    expect(issues).toEqual([
      { file: FILE, path: '/states/2', message: 'state "handled" cannot be reached from "collected"', expected: 'a transition leading to it' },
    ]);
  });

  it('reports states reachable only from an unreachable state', () => {
    const issues = check((w) => {
      w.states.push({ id: 'island', title: { 'zh-CN': '孤岛' } }, { id: 'lagoon', title: { 'zh-CN': '泻湖' } });
      w.transitions.push(
        { name: 'drift', title: { 'zh-CN': '漂' }, from: 'island', to: 'lagoon', allow: [{ scope: 'any' }] },
        { name: 'sink', title: { 'zh-CN': '沉' }, from: 'lagoon', to: 'closed', allow: [{ scope: 'any' }] },
      );
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['/states/5', 'state "island" cannot be reached from "collected"'],
      ['/states/6', 'state "lagoon" cannot be reached from "collected"'],
    ]);
  });

  it('reports a non-terminal dead end', () => {
    const issues = check((w) => {
      w.states.splice(3, 0, { id: 'waiting', title: { 'zh-CN': '等待' } });
      w.transitions.push({ name: 'wait', title: { 'zh-CN': '等' }, from: 'handled', to: 'waiting', allow: [{ scope: 'reporter' }] });
    });
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/states/3',
        message: 'state "waiting" is a dead end: no transition leaves it and it is not terminal',
        expected: 'a transition out of it, or "terminal": true',
      },
    ]);
  });

  it('reports a time limit on a terminal state', () => {
    const issues = check((w) => (w.states[3].timeLimit = { days: 7 }), '/workflows/0');
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/workflows/0/states/3/timeLimit',
        message: 'terminal state "closed" has a time limit',
        expected: 'no time limit on a terminal state',
      },
    ]);
  });

  it('reports an unknown intake form', () => {
    const issues = check((w) => (w.intakeForm = 'test.intak'));
    expect(issues).toEqual([{ file: FILE, path: '/intakeForm', message: 'unknown form "test.intak"', expected: 'the id of a registered form' }]);
  });

  it('reports an unknown step form', () => {
    const issues = check((w) => (w.transitions[3].form = 'test.postpone'));
    expect(issues).toEqual([
      { file: FILE, path: '/transitions/3/form', message: 'unknown form "test.postpone"', expected: 'the id of a registered form' },
    ]);
  });

  it('asks the context, not a fixed list, which forms exist', () => {
    const issues = checkWorkflow(workflow(), checkContext({ isKnownForm: (id) => id !== 'test.handle' }));
    expect(issues.map((i) => i.path)).toEqual(['/transitions/5/form']);
  });

  it('reports an unknown role in a create rule', () => {
    const issues = check((w) => (w.create[1].role = 'grid_wroker'));
    expect(issues).toEqual([
      { file: FILE, path: '/create/1/role', message: 'unknown role "grid_wroker"', expected: 'a role defined by the config or a plugin' },
    ]);
  });

  it('reports an unknown role in an allow rule', () => {
    const issues = check((w) => (w.transitions[1].allow[1].role = 'dispatcher'), '/workflows/4');
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/workflows/4/transitions/1/allow/1/role',
        message: 'unknown role "dispatcher"',
        expected: 'a role defined by the config or a plugin',
      },
    ]);
  });

  it('reports an effect that reads a field on a transition without a form', () => {
    const issues = check((w) => delete w.transitions[2].form);
    expect(issues).toEqual([
      {
        file: FILE,
        path: '/transitions/2/effects/0/field',
        message: 'effect "assign-person" reads a form field but the transition has no form',
        expected: 'a "form" on the transition',
      },
    ]);
  });

  it('lets field-less effects run on a transition without a form', () => {
    const w = workflow();
    const ret = w.transitions.find((t) => t.name === 'return');
    const claim = w.transitions.find((t) => t.name === 'claim');
    expect(ret?.form).toBeUndefined();
    expect(claim?.form).toBeUndefined();
    expect(checkWorkflow(w, checkContext())).toEqual([]);
  });

  it('reports every mistake at once', () => {
    const issues = check((w) => {
      w.intakeForm = 'nope.intake'; // unknown intake form
      w.create[0].role = 'mayor'; // unknown role
      w.states[4].id = 'closed'; // duplicate state id
      w.transitions[7].to = 'closed';
      w.states[3].timeLimit = { hours: 1 }; // limit on a terminal state
      w.transitions[1].form = 'nope.dispatch'; // unknown step form
      w.transitions[4].name = 'assign'; // duplicate transition name
      w.transitions[5].to = 'finished'; // unknown target; "handled" becomes unreachable
      w.transitions[6].allow = [{ role: 'ghost', scope: 'reporter' }]; // unknown role
    }, '/workflows/0');
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        '/workflows/0/intakeForm',
        '/workflows/0/create/0/role',
        '/workflows/0/states/4/id',
        '/workflows/0/states/3/timeLimit',
        '/workflows/0/transitions/1/form',
        '/workflows/0/transitions/4/name',
        '/workflows/0/transitions/5/to',
        '/workflows/0/transitions/6/allow/0/role',
        '/workflows/0/states/2',
      ].sort(),
    );
    expect(issues.every((i) => i.file === FILE && typeof i.expected === 'string' && i.expected.length > 0)).toBe(true);
  });
});
