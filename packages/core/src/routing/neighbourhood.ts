/**
 * What routing and escalation need to know about where a ticket sits, loaded
 * by the database layer in a few indexed queries so the decisions themselves
 * stay pure and testable here.
 */
export interface PlaceOrg {
  id: string;
  key: string;
  name: string;
  type: string;
  kind: 'level' | 'side';
  parentId: string | null;
  path: string;
}

export interface Neighbourhood {
  /** The ticket's org and every org above it, nearest first: `lineage[0]` is the ticket's org. */
  lineage: PlaceOrg[];
  /** Side-organizations attached to each org of the lineage, by that org's id, in id order. */
  sides: ReadonlyMap<string, PlaceOrg[]>;
  /** Grids that cover an org of the lineage: the grid's key and the id of the org it covers there. */
  grids: readonly { key: string; orgId: string }[];
  /** Orgs the config names by key (fixed targets of rules and escalations). */
  byKey: ReadonlyMap<string, PlaceOrg>;
  /** The org the ticket is assigned to and its parent, when it is assigned. */
  assignee?: { org: PlaceOrg; parent: PlaceOrg | null } | undefined;
}

/**
 * The nearest org of `type` from the ticket's org upwards: at each level the
 * org itself, then the side-organizations attached to it (so "party_committee"
 * from a compound finds its community's party committee).
 */
export function nearestOfType(n: Neighbourhood, type: string): PlaceOrg | null {
  for (const org of n.lineage) {
    if (org.type === type) return org;
    const side = (n.sides.get(org.id) ?? []).find((s) => s.type === type);
    if (side) return side;
  }
  return null;
}

/** The org a grid covers at or above the ticket's org: where the grid's workers handle it. */
export function gridOrg(n: Neighbourhood): PlaceOrg | null {
  for (const org of n.lineage) if (n.grids.some((g) => g.orgId === org.id)) return org;
  return null;
}

/** The parent of `org` when it is in the lineage (or is the assignee). */
export function parentOf(n: Neighbourhood, org: PlaceOrg): PlaceOrg | null {
  if (n.assignee && n.assignee.org.id === org.id) return n.assignee.parent;
  const i = n.lineage.findIndex((o) => o.id === org.id);
  return i >= 0 ? (n.lineage[i + 1] ?? null) : null;
}
