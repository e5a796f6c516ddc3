import type { ActorRule } from '../schemas/types.js';
import { isWithin, parentPath } from '../org/path.js';
import { grantCovers, type Actor, type TicketScope } from './actor.js';

/** Whether the actor satisfies one `allow` rule of a transition (or `create` rule of a workflow). */
export function matchesRule(rule: ActorRule, actor: Actor, t: TicketScope): boolean {
  const grants = rule.role === undefined ? actor.grants : actor.grants.filter((g) => g.role === rule.role);
  switch (rule.scope) {
    case 'reporter':
      return t.reporterId === actor.personId && (rule.role === undefined || grants.length > 0);
    case 'assigned-person':
      return t.assigneePersonId === actor.personId && (rule.role === undefined || grants.length > 0);
    case 'any':
      return grants.length > 0;
    case 'org':
      return grants.some((g) => g.scopePaths.includes(t.orgPath));
    case 'ancestor':
      return grants.some((g) => grantCovers(g, t.orgPath));
    case 'assigned-org':
      return t.assigneeOrgPath !== null && grants.some((g) => grantCovers(g, t.assigneeOrgPath as string));
    case 'host':
      return grants.some((g) => isWithin(t.orgPath, parentPath(g.orgPath)));
    case 'enrolled':
      return rule.enrolment !== undefined && (actor.enrolments?.[rule.enrolment] ?? []).some((p) => isWithin(t.orgPath, p));
  }
}

export function matchesAny(rules: readonly ActorRule[], actor: Actor, t: TicketScope): boolean {
  return rules.some((r) => matchesRule(r, actor, t));
}

/** Whether any rule of these lets the actor act on a ticket they cannot see (`enrolled`, `host`). */
export function matchesOutsideView(rules: readonly ActorRule[], actor: Actor, t: TicketScope): boolean {
  return rules.some((r) => (r.scope === 'enrolled' || r.scope === 'host') && matchesRule(r, actor, t));
}
