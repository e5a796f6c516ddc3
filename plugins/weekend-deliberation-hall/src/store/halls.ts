import type { ErrorDetail } from '@linli/sdk';
import { fail } from '../errors.js';
import type { Settings } from '../settings.js';
import type { Db } from './tables.js';

export interface OrgRef {
  id: string;
  key: string;
  name: string;
  path: string;
}

/** A compound's weekend deliberation hall, as the city config sets it up. */
export interface Hall {
  compound: OrgRef;
  place: string;
}

const at = (i: number, field: string) => `/plugins/weekend-deliberation-hall/halls/${i}/${field}`;

/**
 * The halls of the options, with their compounds from the org tree. Checks
 * what the options schema cannot (the key names a compound; one hall per
 * compound) and reports every problem at once with its path in the config:
 * the plugin's routes call it at start, so a server never runs with a hall
 * the city does not have.
 */
export async function loadHalls(db: Db, settings: Settings): Promise<Hall[]> {
  const keys = [...new Set(settings.halls.map((h) => h.compound))];
  const orgs = new Map(keys.length ? (await db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'name', 'path']).where('key', 'in', keys).execute()).map((o) => [o.key, o]) : []);
  const issues: ErrorDetail[] = [];
  const seen = new Set<string>();
  const halls: Hall[] = [];
  settings.halls.forEach((h, i) => {
    const org = orgs.get(h.compound);
    if (!org) issues.push({ path: at(i, 'compound'), message: `unknown org "${h.compound}"`, expected: 'the key of an org in /orgs' });
    else if (org.type !== 'compound') issues.push({ path: at(i, 'compound'), message: `"${h.compound}" is of type ${org.type}`, expected: 'an org of type compound' });
    else if (seen.has(h.compound)) issues.push({ path: at(i, 'compound'), message: `"${h.compound}" already has a hall`, expected: 'one hall per compound' });
    else {
      seen.add(h.compound);
      halls.push({ compound: { id: String(org.id), key: org.key, name: org.name, path: org.path }, place: h.place ?? `${org.name}党群服务站` });
    }
  });
  if (issues.length) throw fail('WDH_ERR_HALL_CONFIG', [`${issues.length} problem(s)`], issues);
  return halls;
}

/** The hall whose compound is at or above `orgPath` (a topic may be raised at a building). */
export function hallAt(halls: readonly Hall[], orgPath: string): Hall | undefined {
  return halls.find((h) => orgPath.startsWith(h.compound.path));
}
