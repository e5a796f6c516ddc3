import { holdsRoleAt, holdsRoleWithin, isAdminAt, seesPath, type Actor } from '@linli/sdk';
import type { Company, Compound } from './companies.js';

/**
 * Who may do what in red property. Ticket steps are the core's actor rules
 * (workflows/); the plugin's own routes ask these predicates, which read the
 * same grants. permissions.test.ts is the table.
 */

/** The community party organization 社区党组织: who evaluates property companies 考核评价权. */
export const evaluatorRoles = ['community_secretary', 'branch_secretary'] as const;
/** Who keeps a compound's three ledgers and records its four-party meetings: the party branch, the community and its residents' committee. */
export const bookkeeperRoles = ['community_secretary', 'community_staff', 'branch_secretary', 'residents_committee_member'] as const;

/** Sees a compound's complaints figures, ledgers and meetings: staff whose scope covers it, and its property company's people. */
export function canSeeCompound(actor: Actor, c: Compound): boolean {
  return seesPath(actor, c.path) || seesPath(actor, c.company.path);
}

/** Sees a company's figures and credit file: staff covering one of its compounds, and the company's own people. */
export function canSeeCompany(actor: Actor, co: Company): boolean {
  return seesPath(actor, co.path) || co.compounds.some((c) => seesPath(actor, c.path));
}

/** Evaluates a company: a community secretary or branch secretary whose scope covers one of the compounds it serves. */
export function canEvaluate(actor: Actor, co: Company): boolean {
  return co.compounds.some((c) => holdsRoleAt(actor, c.path, evaluatorRoles));
}

/** Holds any role at the company (or under it): such a person never scores it, whatever else they hold (交叉任职). */
export function worksFor(actor: Actor, co: Company): boolean {
  return holdsRoleWithin(actor, co.path);
}

/** Keeps the three ledgers 三本账 and records four-party meetings of a compound. */
export function canKeepBooks(actor: Actor, c: Compound): boolean {
  return holdsRoleAt(actor, c.path, bookkeeperRoles) || isAdminAt(actor, c.path);
}
