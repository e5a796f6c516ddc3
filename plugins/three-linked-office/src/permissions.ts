import { holdsRoleAt, isAdminAt, seesPath, type Actor } from '@linli/sdk';
import type { Party } from './parties.js';

/**
 * Who may do what in a three-linked office. The ticket steps are declared as
 * the core's actor rules (below); the plugin's own routes ask the predicates
 * further down, which read the same grants. permissions.test.ts is the table.
 */
export const communityStaff = [
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'community_secretary', scope: 'ancestor' },
] as const;

/**
 * Decisions, rejection and verification are recorded by the residents'
 * committee. The committee is a side-organization of the community, so its
 * people act on a compound's tickets through their community role (in
 * Tianchang the committee's members are the community's staff, 交叉任职).
 */
export const deciders = communityStaff;

/** The responsible party carries the decision out: whoever holds a role at the org the problem is assigned to. */
export const implementers = [
  { role: 'property_staff', scope: 'assigned-org' },
  { role: 'owners_committee_member', scope: 'assigned-org' },
  { role: 'residents_committee_member', scope: 'assigned-org' },
  { role: 'community_staff', scope: 'assigned-org' },
] as const;

export interface OrgRef {
  id: string;
  key: string;
  name: string;
  path: string;
}

/** What the permission rules need to know of an office. */
export interface OfficeScope {
  compound: OrgRef;
  parties: Record<Party, OrgRef>;
  partyCommittee: OrgRef | null;
}

/** Who each predicate lets through, as the 403 message names them. */
export const who = {
  conveners: "the residents' committee (居委会) or community staff",
  deciders: 'community staff or the community secretary',
  feeEnterers: "the residents' committee, community staff or the property company (物业)",
} as const;

const officeOrgPaths = (o: OfficeScope) => [o.parties.residentsCommittee.path, o.parties.propertyCompany.path, o.parties.ownersCommittee.path, ...(o.partyCommittee ? [o.partyCommittee.path] : [])];

/**
 * Sees the office, its meetings, agenda, minutes and indicators: staff whose
 * scope covers the compound, and the people of the office's own parties
 * (the property company's and owners' committee's orgs sit beside, not above,
 * the compound). Residents see only their own problems, through the core.
 */
export function canSeeOffice(actor: Actor, o: OfficeScope): boolean {
  return [o.compound.path, ...officeOrgPaths(o)].some((p) => seesPath(actor, p));
}

/** Schedules meetings, records attendance, manages the agenda: the residents' committee or community staff serving the compound. */
export function canConvene(actor: Actor, o: OfficeScope): boolean {
  return (
    holdsRoleAt(actor, o.compound.path, ['community_staff', 'community_secretary']) ||
    isAdminAt(actor, o.compound.path) ||
    holdsRoleAt(actor, o.parties.residentsCommittee.path, ['residents_committee_member'])
  );
}

/** Records a meeting's decision on a problem: exactly the people the workflow's `decide` step allows. */
export function canDecide(actor: Actor, o: OfficeScope): boolean {
  return holdsRoleAt(actor, o.compound.path, deciders.map((r) => r.role));
}

/** Enters the monthly fee collection rate: the conveners, or the office's property company. */
export function canEnterFeeRate(actor: Actor, o: OfficeScope): boolean {
  return canConvene(actor, o) || holdsRoleAt(actor, o.parties.propertyCompany.path, ['property_staff']);
}

/**
 * Raises a problem at `orgPath` (the compound or one of its buildings):
 * anyone with a role there, or in one of the office's parties. The workflow
 * lets property staff and owners' committee members file anywhere; this is
 * what keeps them to their own compound.
 */
export function canRaise(actor: Actor, o: OfficeScope, orgPath: string): boolean {
  return [orgPath, ...officeOrgPaths(o)].some((p) => holdsRoleAt(actor, p));
}
