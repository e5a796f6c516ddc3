import { describe, expect, it } from 'vitest';
import { actor, grant, paths } from '../test-fixtures.js';
import type { TicketScope } from './actor.js';
import { matchesAny, matchesRule } from './rules.js';

/** A ticket filed by p-resident at compound A, dispatched to the department, handled by p-officer. */
const scope = (over: Partial<TicketScope> = {}): TicketScope => ({
  orgPath: paths.compoundA,
  assigneeOrgPath: paths.department,
  assigneePersonId: 'p-officer',
  reporterId: 'p-resident',
  ...over,
});

describe('matchesRule: scope "org" (held at exactly the ticket org)', () => {
  const rule = { role: 'branch_secretary', scope: 'org' } as const;

  it('matches a grant held at the ticket org', () => {
    expect(matchesRule(rule, actor('p1', grant('branch_secretary', paths.compoundA)), scope())).toBe(true);
  });

  it('does not match a grant held above the ticket org', () => {
    expect(matchesRule(rule, actor('p1', grant('branch_secretary', paths.community)), scope())).toBe(false);
  });

  it('does not match a grant held below the ticket org', () => {
    expect(matchesRule(rule, actor('p1', grant('branch_secretary', paths.compoundA)), scope({ orgPath: paths.community }))).toBe(false);
  });

  it('does not match the right org with another role', () => {
    expect(matchesRule(rule, actor('p1', grant('property_staff', paths.compoundA)), scope())).toBe(false);
  });

  it('matches any one of a grid grant’s scope paths exactly', () => {
    const gw = grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundA, paths.compoundB] });
    const r = { role: 'grid_worker', scope: 'org' } as const;
    expect(matchesRule(r, actor('p1', gw), scope({ orgPath: paths.compoundB }))).toBe(true);
    // The grid belongs to the community but does not cover the community itself.
    expect(matchesRule(r, actor('p1', gw), scope({ orgPath: paths.community }))).toBe(false);
  });
});

describe('matchesRule: scope "ancestor" (held at the ticket org or above)', () => {
  const rule = { role: 'community_staff', scope: 'ancestor' } as const;

  it.each([
    ['the ticket org itself', paths.compoundA, true],
    ['its community', paths.community, true],
    ['its street', paths.street, true],
    ['the city', paths.city, true],
    ['a sibling compound', paths.compoundB, false],
    ['another street', paths.otherStreet, false],
  ])('held at %s → %s', (_label, at, expected) => {
    expect(matchesRule(rule, actor('p1', grant('community_staff', at)), scope())).toBe(expected);
  });

  it('does not treat /1/2/3/4/ as an ancestor of /1/2/3/41/', () => {
    expect(matchesRule(rule, actor('p1', grant('community_staff', paths.compoundA)), scope({ orgPath: paths.compound41 }))).toBe(false);
  });

  it('does not match a grant held below the ticket org', () => {
    expect(matchesRule(rule, actor('p1', grant('community_staff', paths.compoundA)), scope({ orgPath: paths.community }))).toBe(false);
  });

  it('needs the role even when the scope is right', () => {
    expect(matchesRule(rule, actor('p1', grant('community_secretary', paths.community)), scope())).toBe(false);
  });

  it('without a role, any grant covering the ticket org matches', () => {
    expect(matchesRule({ scope: 'ancestor' }, actor('p1', grant('volunteer', paths.street)), scope())).toBe(true);
    expect(matchesRule({ scope: 'ancestor' }, actor('p1', grant('volunteer', paths.compoundB)), scope())).toBe(false);
  });
});

describe('matchesRule: scope "assigned-org"', () => {
  const rule = { role: 'department_officer', scope: 'assigned-org' } as const;

  it('matches a grant held at the assigned org', () => {
    expect(matchesRule(rule, actor('p2', grant('department_officer', paths.department)), scope())).toBe(true);
  });

  it('matches a grant held above the assigned org', () => {
    expect(matchesRule(rule, actor('p2', grant('department_officer', paths.city)), scope())).toBe(true);
  });

  it('does not match when the ticket is not assigned to an org', () => {
    expect(matchesRule(rule, actor('p2', grant('department_officer', paths.city)), scope({ assigneeOrgPath: null }))).toBe(false);
  });

  it('does not match a grant covering only the ticket org, not the assigned org', () => {
    expect(matchesRule(rule, actor('p2', grant('department_officer', paths.compoundA)), scope())).toBe(false);
  });

  it('does not match another role at the assigned org', () => {
    expect(matchesRule(rule, actor('p2', grant('property_staff', paths.department)), scope())).toBe(false);
  });
});

describe('matchesRule: scope "assigned-person"', () => {
  it('matches the person the ticket is assigned to, even with no role at all', () => {
    expect(matchesRule({ scope: 'assigned-person' }, actor('p-officer'), scope())).toBe(true);
  });

  it('does not match anyone else', () => {
    expect(matchesRule({ scope: 'assigned-person' }, actor('p-other', grant('admin', paths.city, { admin: true })), scope())).toBe(false);
  });

  it('does not match when nobody is assigned', () => {
    expect(matchesRule({ scope: 'assigned-person' }, actor('p-officer'), scope({ assigneePersonId: null }))).toBe(false);
  });

  it('with a role, the assignee must also hold that role somewhere', () => {
    const rule = { role: 'department_officer', scope: 'assigned-person' } as const;
    expect(matchesRule(rule, actor('p-officer', grant('department_officer', paths.otherStreet)), scope())).toBe(true);
    expect(matchesRule(rule, actor('p-officer', grant('volunteer', paths.department)), scope())).toBe(false);
  });
});

describe('matchesRule: scope "reporter"', () => {
  it('matches the person who filed the ticket', () => {
    expect(matchesRule({ scope: 'reporter' }, actor('p-resident', grant('resident', paths.compoundA, { seesScope: false })), scope())).toBe(true);
  });

  it('does not match someone else, whatever their roles', () => {
    expect(matchesRule({ scope: 'reporter' }, actor('p-x', grant('admin', paths.city, { admin: true })), scope())).toBe(false);
  });

  it('does not match when the ticket has no reporter', () => {
    expect(matchesRule({ scope: 'reporter' }, actor('p-resident'), scope({ reporterId: null }))).toBe(false);
  });

  it('with a role, the reporter must hold it', () => {
    const rule = { role: 'resident', scope: 'reporter' } as const;
    expect(matchesRule(rule, actor('p-resident', grant('resident', paths.compoundB)), scope())).toBe(true);
    expect(matchesRule(rule, actor('p-resident', grant('volunteer', paths.compoundA)), scope())).toBe(false);
    expect(matchesRule(rule, actor('p-resident'), scope())).toBe(false);
  });
});

describe('matchesRule: scope "any"', () => {
  it('matches anyone holding the role, wherever it is held', () => {
    const rule = { role: 'command_officer', scope: 'any' } as const;
    expect(matchesRule(rule, actor('p3', grant('command_officer', paths.otherStreet)), scope())).toBe(true);
    expect(matchesRule(rule, actor('p3', grant('community_staff', paths.compoundA)), scope())).toBe(false);
  });

  it('without a role, matches anyone holding any role but not someone with none', () => {
    expect(matchesRule({ scope: 'any' }, actor('p3', grant('volunteer', paths.otherStreet)), scope())).toBe(true);
    expect(matchesRule({ scope: 'any' }, actor('p3'), scope())).toBe(false);
  });
});

describe('matchesRule with several grants ("dual entry, cross appointment")', () => {
  it('uses whichever grant fits the rule', () => {
    const person = actor(
      'p4',
      grant('branch_secretary', paths.compoundA),
      grant('owners_committee_member', paths.compoundA),
      grant('department_officer', paths.department),
    );
    expect(matchesRule({ role: 'owners_committee_member', scope: 'org' }, person, scope())).toBe(true);
    expect(matchesRule({ role: 'department_officer', scope: 'assigned-org' }, person, scope())).toBe(true);
    expect(matchesRule({ role: 'department_officer', scope: 'ancestor' }, person, scope())).toBe(false);
  });

  it('a grid grant with several scope paths covers each of them and their subtrees', () => {
    const gw = grant('grid_worker', paths.community, { gridId: 'g1', scopePaths: [paths.compoundA, paths.compoundB] });
    const rule = { role: 'grid_worker', scope: 'ancestor' } as const;
    expect(matchesRule(rule, actor('p5', gw), scope({ orgPath: paths.compoundA }))).toBe(true);
    expect(matchesRule(rule, actor('p5', gw), scope({ orgPath: `${paths.compoundB}9/` }))).toBe(true);
    expect(matchesRule(rule, actor('p5', gw), scope({ orgPath: paths.compound41 }))).toBe(false);
    expect(matchesRule(rule, actor('p5', gw), scope({ orgPath: paths.community }))).toBe(false);
  });
});

describe('matchesAny', () => {
  it('is true when one rule matches and false for no rules', () => {
    const rules = [
      { role: 'admin', scope: 'ancestor' },
      { scope: 'reporter' },
    ] as const;
    expect(matchesAny(rules, actor('p-resident'), scope())).toBe(true);
    expect(matchesAny(rules, actor('p-x', grant('admin', paths.compoundB)), scope())).toBe(false);
    expect(matchesAny(rules, actor('p-x', grant('admin', paths.street)), scope())).toBe(true);
    expect(matchesAny([], actor('p-resident', grant('admin', paths.city)), scope())).toBe(false);
  });
});
