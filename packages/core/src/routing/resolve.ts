import type { EscalationTarget, RoutingConfig } from '../schemas/types.js';
import { attributesMatch, type OrgAttributes } from '../config/org-attributes.js';
import { gridOrg, nearestOfType, parentOf, type Neighbourhood, type PlaceOrg } from './neighbourhood.js';

export const defaultFallback: readonly string[] = ['grid', 'community', 'street'];

export interface RouteDecision {
  org: PlaceOrg;
  /** Which rule (index in `routing.rules`) or fallback entry decided, for the ticket's history. */
  via: { rule: number } | { fallback: string };
}

export interface RouteInput {
  workflow: string;
  data: Record<string, unknown>;
}

/**
 * Who handles a ticket: the first rule whose conditions all hold and whose
 * target exists, else the first entry of the fallback chain that exists.
 * Conditions left out of a rule match anything.
 */
export function resolveRoute(
  routing: RoutingConfig | undefined,
  input: RouteInput,
  n: Neighbourhood,
  /** The attributes of an org by key (deployment.orgAttributes), for rules with `attributes`. */
  attributes?: ReadonlyMap<string, OrgAttributes>,
): RouteDecision | null {
  const here = n.lineage[0];
  if (!here) return null;
  const categoryValue = input.data[routing?.categoryField ?? 'category'];
  const category = typeof categoryValue === 'string' ? categoryValue : undefined;
  const gridKeys = new Set(n.grids.map((g) => g.key));
  const rules = routing?.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.workflow && !r.workflow.includes(input.workflow)) continue;
    if (r.category && (category === undefined || !r.category.includes(category))) continue;
    if (r.grid && !r.grid.some((g) => gridKeys.has(g))) continue;
    if (r.orgType && !r.orgType.includes(here.type)) continue;
    if (r.attributes && !attributesMatch(r.attributes, attributes?.get(here.key))) continue;
    const org = 'org' in r.to && r.to.org !== undefined ? (n.byKey.get(r.to.org) ?? null) : nearestOfType(n, (r.to as { nearest: string }).nearest);
    if (org) return { org, via: { rule: i } };
  }
  for (const step of routing?.fallback ?? defaultFallback) {
    const org = step === 'grid' ? gridOrg(n) : nearestOfType(n, step);
    if (org) return { org, via: { fallback: step } };
  }
  return null;
}

/** An escalation target resolved to an org, with its own settings. */
export interface ResolvedTarget {
  org: PlaceOrg;
  lead: boolean;
  target: EscalationTarget;
}

/**
 * Resolves escalation targets to distinct orgs. A target that names nothing
 * here (no parent above the root, no org of that type) is skipped, not an
 * error: the ladder still reaches the targets that exist.
 */
export function resolveTargets(targets: readonly EscalationTarget[], n: Neighbourhood): ResolvedTarget[] {
  const out: ResolvedTarget[] = [];
  for (const t of targets) {
    let org: PlaceOrg | null = null;
    if (t.org !== undefined) org = n.byKey.get(t.org) ?? null;
    else if (t.nearest !== undefined) org = nearestOfType(n, t.nearest);
    else if (t.parent !== undefined) {
      const from = t.parent === 'assignee' && n.assignee ? n.assignee.org : n.lineage[0];
      org = from ? parentOf(n, from) : null;
    }
    if (!org) continue;
    const existing = out.find((o) => o.org.id === org!.id);
    if (existing) existing.lead ||= t.lead === true;
    else out.push({ org, lead: t.lead === true, target: t });
  }
  return out;
}

/** Every org key the routing rules and escalation targets name, for the loader to fetch. */
export function namedOrgKeys(config: { routing?: RoutingConfig; escalation?: { whistle?: { targets: readonly EscalationTarget[] }; overdue?: readonly { steps: readonly { to: readonly EscalationTarget[] }[] }[] } }): string[] {
  const keys = new Set<string>();
  for (const r of config.routing?.rules ?? []) if ('org' in r.to && r.to.org) keys.add(r.to.org);
  for (const t of config.escalation?.whistle?.targets ?? []) if (t.org) keys.add(t.org);
  for (const l of config.escalation?.overdue ?? []) for (const s of l.steps) for (const t of s.to) if (t.org) keys.add(t.org);
  return [...keys];
}
