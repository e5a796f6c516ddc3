import type { Me, Org, RoleInfo } from '../api/types';

export interface OrgNode {
  org: Org;
  /** Level children (street → community → compound → building), in name order. */
  children: OrgNode[];
  /** Side organizations attached here (party branch, property company, owners' committee…). */
  side: Org[];
}

/** The org tree from the flat list the API pages through (each org knows its parent). */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { org: o, children: [], side: [] } as OrgNode]));
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (o.kind === 'side') parent.side.push(o);
    else parent.children.push(node);
  }
  return roots;
}

/** Orgs in tree order (a parent before its children, level orgs before side orgs), for pickers. */
export function treeOrder(orgs: readonly Org[]): Org[] {
  return [...orgs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isUnder(org: Org, ancestor: Org): boolean {
  return org.path.startsWith(ancestor.path);
}

/**
 * Where a person works from: the org of their broadest role (the shortest
 * path). A grid role counts at the grid's org. Null for someone without roles.
 */
export function homeOrgId(me: Me, orgs: readonly Org[]): string | null {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const held = me.roles.map((r) => byId.get(r.orgId)).filter((o): o is Org => !!o);
  held.sort((a, b) => a.depth - b.depth);
  return held[0]?.id ?? null;
}

export function orgName(org: Org | undefined, lang: 'zh-CN' | 'en'): string {
  if (!org) return '';
  return lang === 'en' && org.nameEn ? org.nameEn : org.name;
}

/**
 * Whether a ticket is still within my reach after a step I took: I filed it
 * or hold it, or one of my roles sits at or above its place or its handling
 * unit. A unit that returned a ticket (退回) no longer is: the page says the
 * step is done and leads back to the queue instead of reloading a ticket it
 * may no longer open. An estimate from my roles (the server decides); when it
 * says yes the page reloads as before. A role that shows only its holder's
 * own tickets (`ticketScope: own`: a volunteer who gave up a claim) gives no
 * reach, as on the server.
 */
export function stillInReach(
  ticket: { orgId: string; assigneeOrgId?: string | null; assigneePersonId?: string | null; reporterId?: string | null },
  me: Pick<Me, 'id' | 'roles'>,
  orgs: readonly Org[],
  roles: readonly Pick<RoleInfo, 'id' | 'ticketScope'>[] = [],
): boolean {
  if (ticket.reporterId === me.id || ticket.assigneePersonId === me.id) return true;
  const path = (id: string | null) => (id ? orgs.find((o) => o.id === id)?.path : undefined);
  const overseeing = me.roles.filter((r) => roles.find((x) => x.id === r.role)?.ticketScope !== 'own');
  const mine = overseeing.map((r) => path(r.orgId)).filter((p): p is string => !!p);
  return [ticket.orgId, ticket.assigneeOrgId ?? null].some((id) => {
    const p = path(id);
    return !!p && mine.some((m) => p.startsWith(m));
  });
}
