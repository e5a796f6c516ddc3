import type { Actor, EscalationConfig } from '@linli/core';
import { escalationsCanReach, minimalPaths, type CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';

/** Which of the app's own pages are for this person: the web menu shows only those (the routes still decide access). */
export interface MenuHints {
  /** Holds a role that works a scope (not a resident's or volunteer's own requests): dashboard, messages, org tree, workflows. */
  staff: boolean;
  /** Acts for an org an escalation can call on (吹哨报到): 待报到. */
  reports: boolean;
}

/** The orgs an escalation config names outright: fixed keys and the types `nearest` climbs to. */
function namedTargets(escalation: EscalationConfig | undefined): { keys: string[]; types: string[] } {
  const targets = [...(escalation?.whistle?.targets ?? []), ...(escalation?.overdue ?? []).flatMap((l) => l.steps.flatMap((s) => s.to))];
  return {
    keys: [...new Set(targets.flatMap((t) => (t.org ? [t.org] : [])))],
    types: [...new Set(targets.flatMap((t) => (t.nearest ? [t.nearest] : [])))],
  };
}

export async function menuHints(db: Kysely<CoreTables>, escalation: EscalationConfig | undefined, actor: Actor): Promise<MenuHints> {
  const staffGrants = actor.grants.filter((g) => g.seesScope || g.admin);
  const paths = minimalPaths(actor.grants.filter((g) => g.seesScope).flatMap((g) => g.scopePaths));
  return { staff: staffGrants.length > 0, reports: await escalationsCanReach(db, paths, namedTargets(escalation)) };
}
