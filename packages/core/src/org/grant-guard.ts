import type { LocalizedText } from '../i18n.js';
import type { RoleDefinition } from '../schemas/types.js';
import { grantCovers, type Actor } from '../tickets/actor.js';

/**
 * Where a role assignment reaches: the org it is held at, and every path its
 * holder acts in — the org's subtree; for a "host" role at a side
 * organization, the org that side organization is attached to; for a grid
 * role, the orgs the grid covers.
 */
export interface GrantReach {
  orgPath: string;
  scopePaths: readonly string[];
}

/** Why a grant (or its removal) is refused; null when it is allowed. */
export type GrantRefusal = 'scope' | 'personalData' | 'tickets';

/** The refusal as the error's last argument reads it, in both languages. */
export const grantRefusalText: Record<GrantRefusal, LocalizedText> = {
  scope: { 'zh-CN': '它超出了您管理的组织范围', en: 'it reaches beyond the organizations you administer' },
  personalData: { 'zh-CN': '该角色可查看居民个人信息，而您在那里的角色不能', en: 'it reads personal data there, and none of your roles there does' },
  tickets: { 'zh-CN': '该角色可查看那里的工单，而您在那里的角色不能', en: 'it sees the tickets there, and none of your roles there does' },
};

/**
 * Nobody grants a role above their own scope (SECURITY.md). A person may give
 * or take away a role only when
 * 1. an administrator role of theirs covers every path the assignment
 *    reaches (so an administrator role is given only by an administrator of
 *    all it would administer), and
 * 2. each power the role carries — reading personal data (`personalData`),
 *    seeing the tickets of its scope (any `ticketScope` but "own") — is one a
 *    role of theirs already has over every one of those paths.
 * Taking a role away is held to the same rule, so nobody removes a grant they
 * could not have made. Pure: the server resolves the reach and raises the error.
 */
export function grantRefusal(granter: Actor, role: RoleDefinition, reach: GrantReach, roles: ReadonlyMap<string, RoleDefinition>): GrantRefusal | null {
  const paths = [reach.orgPath, ...reach.scopePaths];
  const coveredBy = (has: (g: Actor['grants'][number]) => boolean) => paths.every((p) => granter.grants.some((g) => has(g) && grantCovers(g, p)));
  if (!coveredBy((g) => g.admin)) return 'scope';
  if (role.personalData === true && !coveredBy((g) => roles.get(g.role)?.personalData === true)) return 'personalData';
  if ((role.ticketScope ?? 'subtree') !== 'own' && !coveredBy((g) => g.seesScope)) return 'tickets';
  return null;
}
