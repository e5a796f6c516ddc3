import { describe, expect, it } from 'vitest';
import type { CityConfig, WorkflowDefinition } from '../schemas/types.js';
import { computeDeadline } from '../time/calendar.js';
import { checkCityConfig } from './check.js';
import { loadDeployment } from './deployment.js';

const FILE = 'linli.config.json';

const workflow = (): WorkflowDefinition => ({
  id: 'req.main',
  title: { 'zh-CN': '诉求' },
  intakeForm: 'req.intake',
  create: [{ role: 'resident', scope: 'ancestor' }],
  initial: 'open',
  states: [
    { id: 'open', title: { 'zh-CN': '待办' }, timeLimit: { hours: 24, remindBeforeHours: 4 } },
    { id: 'dispatched', title: { 'zh-CN': '已派单' }, timeLimit: { days: 3, workingDays: true } },
    { id: 'waiting', title: { 'zh-CN': '等待' } },
    { id: 'done', title: { 'zh-CN': '办结' }, terminal: true },
  ],
  transitions: [
    { name: 'dispatch', title: { 'zh-CN': '派单' }, from: 'open', to: 'dispatched', allow: [{ scope: 'any' }], effects: [{ type: 'route' }] },
    { name: 'wait', title: { 'zh-CN': '等待' }, from: 'dispatched', to: 'waiting', allow: [{ scope: 'any' }] },
    { name: 'return', title: { 'zh-CN': '退回' }, from: 'dispatched', to: 'open', allow: [{ scope: 'any' }], commentRequired: true, effects: [{ type: 'assign-previous' }] },
    { name: 'finish', title: { 'zh-CN': '办结' }, from: ['dispatched', 'waiting'], to: 'done', allow: [{ scope: 'any' }] },
  ],
});

/** A valid city using every new section. */
const city = (): CityConfig => ({
  name: 'req',
  title: { 'zh-CN': '测试市' },
  orgs: {
    key: 'city',
    type: 'city',
    name: '测试市',
    side: [{ key: 'cgj', type: 'department', name: '城管局' }],
    children: [
      {
        key: 'street',
        type: 'street',
        name: '街道',
        children: [{ key: 'comm', type: 'community', name: '社区', side: [{ key: 'comm-party', type: 'party_committee', name: '社区党委' }], children: [{ key: 'cmp', type: 'compound', name: '小区' }] }],
      },
    ],
  },
  grids: [{ key: 'g1', name: '一网格', org: 'comm', covers: ['cmp'] }],
  forms: [{ id: 'req.intake', title: { 'zh-CN': '诉求' }, schema: { type: 'object', properties: { category: { type: 'string' } } } }],
  workflows: [workflow()],
  calendar: { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] },
  routing: { rules: [{ category: ['市容'], grid: ['g1'], orgType: ['compound'], workflow: ['req.main'], to: { org: 'cgj' } }], fallback: ['grid', 'community'] },
  escalation: {
    reportWithin: { hours: 24 },
    whistle: { roles: ['grid_leader', 'community_secretary'], targets: [{ nearest: 'party_committee', lead: true }, { org: 'cgj', reportWithin: { days: 1, workingDays: true } }] },
    overdue: [{ workflow: 'req.main', state: 'dispatched', steps: [{ afterHours: 24, to: [{ parent: 'assignee' }] }] }],
  },
  notifications: { webhooks: [{ id: 'ops', url: 'http://127.0.0.1:9/hook', secretEnv: 'LINLI_HOOK_SECRET', events: ['ticket.overdue', 'ticket.whistle'] }] },
});

const check = (mutate: (c: any) => void = () => {}) => {
  const c: any = structuredClone(city());
  mutate(c);
  return checkCityConfig(c, { file: FILE, available: new Map(), sdkVersion: '0.1.0' }).issues;
};
const paths = (issues: { path: string }[]) => issues.map((i) => i.path).sort();

describe('the calendar, routing, escalation and notification sections', () => {
  it('accept a city that uses them all', () => {
    expect(check()).toEqual([]);
  });

  it('refuse time limits that are negative or not whole numbers, at their path', () => {
    expect(paths(check((c) => (c.workflows[0].states[0].timeLimit = { hours: -2 })))).toEqual(['/workflows/0/states/0/timeLimit/hours']);
    expect(paths(check((c) => (c.workflows[0].states[1].timeLimit = { days: '3 days' })))).toEqual(['/workflows/0/states/1/timeLimit/days']);
    expect(check((c) => (c.workflows[0].states[1].timeLimit = { days: 1.5 }))[0]).toMatchObject({ file: FILE, path: '/workflows/0/states/1/timeLimit/days', message: 'must be integer' });
  });

  it('refuse a reminder that would come before the state is entered', () => {
    const issues = check((c) => (c.workflows[0].states[0].timeLimit = { hours: 4, remindBeforeHours: 4 }));
    expect(issues).toEqual([expect.objectContaining({ file: FILE, path: '/workflows/0/states/0/timeLimit/remindBeforeHours', expected: 'fewer than 4 hours' })]);
    expect(check((c) => (c.workflows[0].states[1].timeLimit = { days: 1, remindBeforeHours: 23 }))).toEqual([]);
  });

  it('check calendar dates (a shape error first, then what a schema cannot say)', () => {
    expect(paths(check((c) => c.calendar.holidays.push('2026-02-30')))).toEqual(['/calendar/holidays/5']);
    const issues = check((c) => c.calendar.workdays.push('2026-10-01', '2026-10-08'));
    expect(paths(issues)).toEqual(['/calendar/workdays/1', '/calendar/workdays/2']);
    expect(issues.find((i) => i.path === '/calendar/workdays/1')?.message).toContain('both as a holiday and as a working day');
    expect(issues.find((i) => i.path === '/calendar/workdays/2')?.expected).toBe('a Saturday or Sunday (调休)');
  });

  it('check that routing names real orgs, grids, types and workflows', () => {
    const issues = check((c) => {
      c.routing.rules.push({ grid: ['g9'], orgType: ['castle'], workflow: ['nope'], to: { org: 'ghost' } }, { to: { nearest: 'ministry' } });
      c.routing.fallback.push('village');
    });
    expect(paths(issues)).toEqual(['/routing/fallback/2', '/routing/rules/1/grid/0', '/routing/rules/1/orgType/0', '/routing/rules/1/to/org', '/routing/rules/1/workflow/0', '/routing/rules/2/to/nearest']);
    // A target is one org or one type, never both.
    expect(paths(check((c) => c.routing.rules.push({ to: { org: 'cgj', nearest: 'department' } })))).toEqual(['/routing/rules/1/to']);
  });

  it('check escalation roles, targets, workflows and states', () => {
    const issues = check((c) => {
      c.escalation.whistle.roles.push('mayor');
      c.escalation.whistle.targets.push({ org: 'nowhere', lead: true });
      c.escalation.overdue.push({ workflow: 'req.main', state: 'nope', steps: [{ afterHours: 1, to: [{ nearest: 'palace' }] }] });
      c.escalation.overdue.push({ workflow: 'req.main', state: 'waiting', steps: [{ afterHours: 1, to: [{ parent: 'org' }] }] });
      c.escalation.overdue.push({ workflow: 'other', steps: [{ afterHours: 1, to: [{ parent: 'org' }] }] });
    });
    expect(paths(issues)).toEqual([
      '/escalation/overdue/1/state',
      '/escalation/overdue/1/steps/0/to/0/nearest',
      '/escalation/overdue/2/state',
      '/escalation/overdue/3/workflow',
      '/escalation/whistle/roles/2',
      '/escalation/whistle/targets',
      '/escalation/whistle/targets/2/org',
    ]);
    expect(issues.find((i) => i.path === '/escalation/overdue/2/state')?.message).toContain('never overdue');
    expect(paths(check((c) => c.escalation.overdue.push({ steps: [{ afterHours: -1, to: [] }] })))).toEqual(['/escalation/overdue/1/steps/0/afterHours', '/escalation/overdue/1/steps/0/to']);
  });

  it('check webhooks: a secret (or its variable) exactly once, an http(s) URL, known events, unique ids', () => {
    expect(paths(check((c) => c.notifications.webhooks.push({ id: 'ops', url: 'http://127.0.0.1:9/b', secret: '0123456789abcdef', events: ['*'] })))).toEqual(['/notifications/webhooks/1/id']);
    expect(check((c) => (c.notifications.webhooks[0].secret = '0123456789abcdef')).length).toBeGreaterThan(0);
    expect(check((c) => delete c.notifications.webhooks[0].secretEnv).length).toBeGreaterThan(0);
    expect(paths(check((c) => (c.notifications.webhooks[0].url = 'ftp://example/hook')))).toContain('/notifications/webhooks/0/url');
    expect(paths(check((c) => (c.notifications.webhooks[0].events = ['ticket.exploded'])))).toContain('/notifications/webhooks/0/events/0');
  });

  it('give the deployment the city calendar: working days skip holidays and count make-up days', () => {
    const d = loadDeployment(city(), { file: FILE, available: new Map(), sdkVersion: '0.1.0' });
    // Wednesday 30 September 15:00 in Beijing, 3 working days: Oct 1–7 are off (here 1, 2, 5, 6, 7 and the
    // weekend 3–4), Thursday 8 and Friday 9 count, and Saturday 10 is a make-up working day.
    const due = computeDeadline({ days: 3, workingDays: true }, new Date('2026-09-30T07:00:00Z'), d.calendar);
    expect(due?.toISOString()).toBe('2026-10-10T07:00:00.000Z');
    expect(loadDeployment({ ...city(), calendar: undefined }, { file: FILE, available: new Map(), sdkVersion: '0.1.0' }).calendar.holidays.size).toBe(0);
  });
});
