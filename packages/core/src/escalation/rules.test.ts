import { describe, expect, it } from 'vitest';
import type { EscalationConfig } from '../schemas/types.js';
import { canSeeTicket, type Actor, type RoleGrant } from '../tickets/actor.js';
import { mayBlowWhistle, mayReportFor, overdueLadder } from './rules.js';

const grant = (role: string, path: string, over: Partial<RoleGrant> = {}): RoleGrant => ({ id: role, role, orgId: '0', orgPath: path, scopePaths: [path], seesScope: true, admin: false, ...over });
const who = (...grants: RoleGrant[]): Actor => ({ personId: '7', grants });
const ticket = { workflow: 'grid-request', orgPath: '/1/2/3/4/', assigneeOrgPath: '/1/10/', assigneePersonId: null, reporterId: '99' };
const config: EscalationConfig = {
  whistle: { roles: ['grid_leader', 'community_secretary'], targets: [{ nearest: 'party_committee', lead: true }] },
  overdue: [
    { workflow: 'grid-request', state: 'dispatched', steps: [{ afterHours: 24, to: [{ parent: 'assignee' }] }] },
    { workflow: 'grid-request', steps: [{ afterHours: 12, to: [{ nearest: 'community' }] }] },
    { steps: [{ afterHours: 48, to: [{ nearest: 'street' }] }] },
  ],
};

describe('who may blow the whistle (吹哨)', () => {
  it('needs a whistle role at the ticket’s org or above it', () => {
    expect(mayBlowWhistle(config, who(grant('community_secretary', '/1/2/3/')), ticket)).toBe(true);
    // A grid leader's grant covers the compounds of the grid.
    expect(mayBlowWhistle(config, who(grant('grid_leader', '/1/2/3/', { scopePaths: ['/1/2/3/4/'] })), ticket)).toBe(true);
    expect(mayBlowWhistle(config, who(grant('community_secretary', '/1/2/9/')), ticket)).toBe(false);
    expect(mayBlowWhistle(config, who(grant('grid_worker', '/1/2/3/', { scopePaths: ['/1/2/3/4/'] })), ticket)).toBe(false);
  });

  it('is off without a whistle section, and limited to the listed workflows', () => {
    const secretary = who(grant('community_secretary', '/1/2/3/'));
    expect(mayBlowWhistle(undefined, secretary, ticket)).toBe(false);
    expect(mayBlowWhistle({ whistle: { ...config.whistle!, workflows: ['other'] } }, secretary, ticket)).toBe(false);
  });
});

describe('who may report (报到) for a unit', () => {
  it('is staff of the unit or above it, never a resident', () => {
    expect(mayReportFor(who(grant('department_officer', '/1/10/')), '/1/10/')).toBe(true);
    // The community secretary reports for the community party committee (a side-organization under it).
    expect(mayReportFor(who(grant('community_secretary', '/1/2/3/')), '/1/2/3/12/')).toBe(true);
    expect(mayReportFor(who(grant('department_officer', '/1/11/')), '/1/10/')).toBe(false);
    expect(mayReportFor(who(grant('resident', '/1/2/3/12/', { seesScope: false })), '/1/2/3/12/')).toBe(false);
  });
});

describe('overdue ladders', () => {
  it('takes the first entry that names (or leaves open) the workflow and state', () => {
    expect(overdueLadder(config, 'grid-request', 'dispatched')?.steps[0]?.afterHours).toBe(24);
    expect(overdueLadder(config, 'grid-request', 'sorted')?.steps[0]?.afterHours).toBe(12);
    expect(overdueLadder(config, 'other', 'x')?.steps[0]?.afterHours).toBe(48);
    expect(overdueLadder(undefined, 'grid-request', 'dispatched')).toBeUndefined();
  });
});

describe('escalation targets see the ticket', () => {
  it('lets staff of an org the ticket was escalated to see it, and nobody else', () => {
    const officer = who(grant('department_officer', '/1/11/'));
    expect(canSeeTicket(officer, ticket)).toBe(false);
    expect(canSeeTicket(officer, { ...ticket, escalationPaths: ['/1/11/'] })).toBe(true);
    expect(canSeeTicket(who(grant('resident', '/1/11/', { seesScope: false })), { ...ticket, escalationPaths: ['/1/11/'] })).toBe(false);
  });
});
