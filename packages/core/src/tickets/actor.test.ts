import { describe, expect, it } from 'vitest';
import { actor, grant, paths } from '../test-fixtures.js';
import { canSeeTicket, grantCovers, isAdminFor, type TicketScope } from './actor.js';

const ticket = (over: Partial<TicketScope> = {}): TicketScope => ({
  orgPath: paths.compoundA,
  assigneeOrgPath: null,
  assigneePersonId: null,
  reporterId: 'p-resident',
  ...over,
});

describe('grantCovers', () => {
  it('covers the grant’s own path and everything below it', () => {
    const g = grant('community_staff', paths.community);
    expect(grantCovers(g, paths.community)).toBe(true);
    expect(grantCovers(g, paths.compoundA)).toBe(true);
    expect(grantCovers(g, `${paths.compoundA}12/`)).toBe(true);
    expect(grantCovers(g, paths.street)).toBe(false);
    expect(grantCovers(g, paths.department)).toBe(false);
  });

  it('for a grid grant, covers each of its scope paths, not the grid’s org', () => {
    const g = grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundA, paths.compoundB] });
    expect(grantCovers(g, paths.compoundA)).toBe(true);
    expect(grantCovers(g, paths.compoundB)).toBe(true);
    expect(grantCovers(g, paths.community)).toBe(false);
    expect(grantCovers(g, paths.compound41)).toBe(false);
  });

  it('covers nothing with no scope paths', () => {
    expect(grantCovers(grant('grid_worker', paths.community, { scopePaths: [] }), paths.compoundA)).toBe(false);
  });
});

describe('canSeeTicket', () => {
  it('shows the ticket to its reporter, even with no grant', () => {
    expect(canSeeTicket(actor('p-resident'), ticket())).toBe(true);
  });

  it('shows the ticket to the person it is assigned to, even with no grant', () => {
    expect(canSeeTicket(actor('p-officer'), ticket({ assigneePersonId: 'p-officer' }))).toBe(true);
  });

  it('shows it to staff whose scope covers the ticket org', () => {
    expect(canSeeTicket(actor('p-staff', grant('community_staff', paths.community)), ticket())).toBe(true);
    expect(canSeeTicket(actor('p-staff', grant('street_secretary', paths.street)), ticket())).toBe(true);
  });

  it('shows it to staff whose scope covers the assigned org', () => {
    const officer = actor('p-officer', grant('department_officer', paths.department));
    expect(canSeeTicket(officer, ticket({ assigneeOrgPath: paths.department }))).toBe(true);
    expect(canSeeTicket(officer, ticket())).toBe(false);
  });

  it('hides it from staff of a sibling org', () => {
    expect(canSeeTicket(actor('p-staff', grant('branch_secretary', paths.compoundB)), ticket())).toBe(false);
    expect(canSeeTicket(actor('p-staff', grant('branch_secretary', paths.compoundA)), ticket({ orgPath: paths.compound41 }))).toBe(false);
  });

  it('shows it to a grid worker through any of the grid’s scope paths', () => {
    const gw = actor('p-gw', grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundB, paths.compoundA] }));
    expect(canSeeTicket(gw, ticket())).toBe(true);
    expect(canSeeTicket(gw, ticket({ orgPath: paths.compoundB }))).toBe(true);
    expect(canSeeTicket(gw, ticket({ orgPath: paths.community }))).toBe(false);
  });

  it('residents (seesScope=false) see only their own tickets, not their neighbours’', () => {
    const resident = actor('p-neighbour', grant('resident', paths.compoundA, { seesScope: false }));
    expect(canSeeTicket(resident, ticket())).toBe(false);
    expect(canSeeTicket(resident, ticket({ reporterId: 'p-neighbour' }))).toBe(true);
    expect(canSeeTicket(resident, ticket({ assigneeOrgPath: paths.compoundA }))).toBe(false);
  });

  it('a volunteer sees the tickets assigned to them, and nothing else in scope', () => {
    const volunteer = actor('p-vol', grant('volunteer', paths.community, { seesScope: false }));
    expect(canSeeTicket(volunteer, ticket({ assigneePersonId: 'p-vol' }))).toBe(true);
    expect(canSeeTicket(volunteer, ticket())).toBe(false);
  });

  it('a person who is both resident and staff sees through the staff grant', () => {
    const both = actor('p-both', grant('resident', paths.compoundA, { seesScope: false }), grant('community_staff', paths.community));
    expect(canSeeTicket(both, ticket())).toBe(true);
  });

  it('hides it from a person with no grants who neither filed nor holds it', () => {
    expect(canSeeTicket(actor('p-nobody'), ticket({ reporterId: null }))).toBe(false);
  });
});

describe('isAdminFor', () => {
  it('is true for an admin grant covering the path', () => {
    const admin = actor('p-admin', grant('admin', paths.street, { admin: true }));
    expect(isAdminFor(admin, paths.street)).toBe(true);
    expect(isAdminFor(admin, paths.compoundA)).toBe(true);
  });

  it('is false above or beside the admin grant', () => {
    const admin = actor('p-admin', grant('admin', paths.street, { admin: true }));
    expect(isAdminFor(admin, paths.city)).toBe(false);
    expect(isAdminFor(admin, paths.department)).toBe(false);
    expect(isAdminFor(admin, paths.otherStreet)).toBe(false);
  });

  it('is false for a non-admin grant covering the path', () => {
    expect(isAdminFor(actor('p-staff', grant('community_secretary', paths.city)), paths.compoundA)).toBe(false);
  });

  it('uses the admin grant among several', () => {
    const person = actor('p-x', grant('community_staff', paths.city), grant('admin', paths.community, { admin: true }));
    expect(isAdminFor(person, paths.compoundB)).toBe(true);
    expect(isAdminFor(person, paths.street)).toBe(false);
  });

  it('is false with no grants', () => {
    expect(isAdminFor(actor('p-x'), paths.city)).toBe(false);
  });
});
