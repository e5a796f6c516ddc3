import { loadDeployment, type Ticket } from '@linli/core';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { SDK_VERSION } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { escalationCity } from '../test-escalation-city.js';
import { deadlineJobs } from './deadline-jobs.js';

const deployment = loadDeployment(escalationCity(), { file: '<test>', available: new Map([[gridRequestsPlugin.name, gridRequestsPlugin]]), sdkVersion: SDK_VERSION });
const now = new Date('2026-11-24T01:00:00Z');
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: '7', workflow: 'grid-request', state: 'dispatched', version: 3, orgId: '13', orgPath: '/1/2/3/13/', assigneeOrgId: '5', assigneeOrgPath: '/1/5/',
  assigneePersonId: null, reporterId: '1', title: '路灯不亮', data: {}, deadline: new Date('2026-11-27T01:00:00Z'), createdAt: now, updatedAt: now, closedAt: null, ...over,
});

describe('the jobs a state’s time limit schedules', () => {
  it('are the reminder, the overdue mark and each step of the overdue ladder, at their times', () => {
    expect(deadlineJobs(deployment, ticket(), now).map((j) => [j.kind, j.key, j.runAt.toISOString()])).toEqual([
      ['ticket.remind', 'remind:7:dispatched:1795741200000', '2026-11-26T17:00:00.000Z'],
      ['ticket.overdue', 'overdue:7:dispatched:1795741200000', '2026-11-27T01:00:00.000Z'],
      ['ticket.escalate', 'escalate:7:dispatched:1795741200000:0', '2026-11-28T01:00:00.000Z'],
      ['ticket.escalate', 'escalate:7:dispatched:1795741200000:1', '2026-11-30T01:00:00.000Z'],
    ]);
  });

  it('name one stay in a state: a later step that keeps the state and deadline schedules the same keys', () => {
    const keys = (t: Ticket) => deadlineJobs(deployment, t, now).map((j) => j.key);
    expect(keys(ticket({ version: 9 }))).toEqual(keys(ticket()));
    expect(keys(ticket({ deadline: new Date('2026-11-28T01:00:00Z') }))).not.toEqual(keys(ticket()));
  });

  it('skip a reminder whose time has passed, and schedule nothing without a deadline or once closed', () => {
    expect(deadlineJobs(deployment, ticket(), new Date('2026-11-26T18:00:00Z')).map((j) => j.kind)).not.toContain('ticket.remind');
    expect(deadlineJobs(deployment, ticket({ deadline: null }), now)).toEqual([]);
    expect(deadlineJobs(deployment, ticket({ closedAt: now }), now)).toEqual([]);
    // A state with no ladder and no reminder configured still gets its overdue mark.
    expect(deadlineJobs(deployment, ticket({ state: 'handled' }), now).map((j) => j.kind)).toEqual(['ticket.overdue']);
  });
});
