import type { Me, Org, RoleInfo } from '../api/types';

/**
 * Whether the person uses Linli as a resident: every role they hold shows only
 * their own tickets (`ticketScope: own`, residents and volunteers). They land
 * on their portal; anyone with a staff role lands on the queue.
 */
export function isResidentOnly(me: Pick<Me, 'roles'>, roles: readonly RoleInfo[]): boolean {
  if (!me.roles.length) return false;
  return me.roles.every((r) => roles.find((x) => x.id === r.role)?.ticketScope === 'own');
}

/** Where the person lives, as their roles say: a building if one is named, else a compound. */
export function homeOf(me: Pick<Me, 'roles'>, org: (id: string) => Org | undefined): Org | undefined {
  const held = me.roles.map((r) => org(r.orgId)).filter((o): o is Org => o !== undefined);
  return held.find((o) => o.type === 'building') ?? held.find((o) => o.type === 'compound');
}
