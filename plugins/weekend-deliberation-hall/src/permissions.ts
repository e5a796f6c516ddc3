import { holdsRoleAt, holdsRoleWithin, isAdminAt, seesPath, seesWithin, type Actor } from '@linli/sdk';

/**
 * Who may do what in a weekend deliberation hall. The ticket steps are the
 * core's actor rules (below); the plugin's own routes ask the predicates
 * further down, which read the same grants. permissions.test.ts is the table.
 */

/** The community checks each topic for reasonableness 合理性: community staff and the community secretary. */
export const screeners = [
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'community_secretary', scope: 'ancestor' },
  { role: 'admin', scope: 'ancestor' },
] as const;

/**
 * The compound deliberation committee 小区议事委员会 convenes sessions and
 * records their votes, led by the community party organization: the compound
 * branch secretary with the community's staff.
 */
export const conveners = [...screeners, { role: 'branch_secretary', scope: 'ancestor' }] as const;

/** 监督落实: the community, the compound branch and the grid workers who visit the neighbours of the works. */
export const supervisors = [
  ...conveners,
  { role: 'grid_leader', scope: 'ancestor' },
  { role: 'grid_worker', scope: 'ancestor' },
  { role: 'party_grid_worker', scope: 'ancestor' },
] as const;

/** Who raises topics: residents and everyone serving the compound; the property company and the owners' committee for their own compound (checked by the afterCreate hook). */
export const proposers = [
  { role: 'resident', scope: 'ancestor' },
  { role: 'building_leader', scope: 'ancestor' },
  { role: 'grid_leader', scope: 'ancestor' },
  { role: 'grid_worker', scope: 'ancestor' },
  { role: 'party_grid_worker', scope: 'ancestor' },
  { role: 'branch_secretary', scope: 'ancestor' },
  { role: 'volunteer', scope: 'ancestor' },
  ...screeners,
  { role: 'owners_committee_member', scope: 'any' },
  { role: 'property_staff', scope: 'any' },
] as const;

/** Who each predicate lets through, as the 403 message names them. */
export const who = {
  conveners: 'community staff, the community secretary or the compound branch secretary (社区工作人员、社区书记或小区党支部书记)',
} as const;

const conveningRoles = new Set<string>(conveners.map((r) => r.role));

/**
 * Sees the hall's sessions, agendas, votes and indicators: staff whose scope
 * covers the compound, and the people of its own side orgs (a role held
 * inside the compound: its property company, owners' committee, branch).
 */
export function canSeeHall(actor: Actor, compoundPath: string): boolean {
  return seesPath(actor, compoundPath) || seesWithin(actor, compoundPath);
}

/** Reads the public notice 公示: everyone of the compound, residents included, and the staff who see the hall. */
export function canReadNotice(actor: Actor, compoundPath: string): boolean {
  return canSeeHall(actor, compoundPath) || holdsRoleAt(actor, compoundPath) || holdsRoleWithin(actor, compoundPath);
}

/** Schedules sessions, manages their agendas, records who came and how they voted. */
export function canConvene(actor: Actor, compoundPath: string): boolean {
  return isAdminAt(actor, compoundPath) || holdsRoleAt(actor, compoundPath, [...conveningRoles]);
}

/** Raises a topic at `orgPath` (the compound or one of its buildings): anyone with a role there, or inside the compound. */
export function canPropose(actor: Actor, compoundPath: string, orgPath: string): boolean {
  return holdsRoleAt(actor, orgPath) || holdsRoleWithin(actor, compoundPath);
}
