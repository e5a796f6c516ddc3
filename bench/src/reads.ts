import type { Deployment } from '@linli/core';
import { dashboardRows, listTickets, loadActor } from '@linli/db';
import type { CompiledQuery } from 'kysely';
import { captureQueries } from './capture.js';
import { OVERDUE_ACTION } from './bulk.js';
import { PAGE, QUEUE_STATE, type Fixtures, type users } from './fixtures.js';
import type { BenchTarget } from './target.js';

/**
 * The read paths: a queue page (an org's subtree, one state, newest first)
 * at the first page and at the oldest, for a community and for the whole
 * city; and the dashboard of a community, a street and the city. Each comes
 * with the SQL the server runs for it (captured from @linli/db's functions)
 * for the raw side and --explain.
 */
export interface ReadScenario {
  id: string;
  label: string;
  user: keyof typeof users;
  apiPath: string;
  queries: CompiledQuery[];
  /** Why it is not measured (e.g. the data has no deep page). */
  skipped?: string;
}

export async function readScenarios(target: BenchTarget, deployment: Deployment, fx: Fixtures): Promise<ReadScenario[]> {
  const { db } = target.database;
  const actorOf = (who: keyof typeof users) => loadActor(db, fx.personId[who], deployment.roles);
  const out: ReadScenario[] = [];

  const lists = [
    { id: 'list.community.first', label: 'queue: community, page 1', user: 'communityReader', org: fx.org.community, cursor: undefined },
    { id: 'list.community.deep', label: 'queue: community, oldest page', user: 'communityReader', org: fx.org.community, cursor: fx.deepCursor.community },
    { id: 'list.city.first', label: 'queue: whole city, page 1', user: 'cityReader', org: fx.org.city, cursor: undefined },
    { id: 'list.city.deep', label: 'queue: whole city, oldest page', user: 'cityReader', org: fx.org.city, cursor: fx.deepCursor.city },
  ] as const;
  for (const l of lists) {
    if (l.cursor === null) {
      out.push({ id: l.id, label: l.label, user: l.user, apiPath: '', queries: [], skipped: `too few "${QUEUE_STATE}" tickets for a deep page` });
      continue;
    }
    const actor = await actorOf(l.user);
    const queries = await captureQueries(target, (rec) => listTickets(rec, actor, { state: QUEUE_STATE, orgPath: l.org.path, limit: PAGE, cursor: l.cursor ?? undefined }));
    const qs = new URLSearchParams({ orgId: String(l.org.id), state: QUEUE_STATE, limit: String(PAGE), ...(l.cursor ? { cursor: l.cursor } : {}) });
    out.push({ id: l.id, label: l.label, user: l.user, apiPath: `/api/tickets?${qs}`, queries });
  }

  const now = new Date();
  const admin = await actorOf('dashboard');
  for (const [key, label] of [['community', 'dashboard: community'], ['street', 'dashboard: street'], ['city', 'dashboard: whole city']] as const) {
    const org = fx.org[key];
    const queries = await captureQueries(target, (rec) => dashboardRows(rec, admin, { now, orgPath: org.path, overdueAction: OVERDUE_ACTION }));
    out.push({ id: `dashboard.${key}`, label, user: 'dashboard', apiPath: `/api/dashboard?orgId=${org.id}`, queries });
  }
  return out;
}
