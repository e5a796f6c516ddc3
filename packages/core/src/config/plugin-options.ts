import type { ErrorDetail } from '../errors.js';
import type { CityConfig, OrgNodeConfig } from '../schemas/types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One org of the city as a plugin's option check sees it. */
export interface CityOrg {
  key: string;
  type: string;
  name: string;
  /** The key of the org it hangs under (a side org's: the org it sits beside); null at the root. */
  parent: string | null;
  /** Whether it is a side organization (a committee, a property company) rather than a level of the tree. */
  side: boolean;
}

/** What a plugin's `validateOptions` may read of the city: its config, and each org by key. */
export interface CityView {
  config: CityConfig;
  org(key: string): CityOrg | undefined;
  /** Whether `key` is `ancestor` or lies below it (through levels and side orgs). */
  isWithin(key: string, ancestor: string): boolean;
}

export function cityView(config: CityConfig): CityView {
  const orgs = new Map<string, CityOrg>();
  const walk = (n: OrgNodeConfig, parent: string | null, side: boolean) => {
    if (!orgs.has(n.key)) orgs.set(n.key, { key: n.key, type: n.type, name: n.name, parent, side });
    n.children?.forEach((c) => walk(c, n.key, false));
    n.side?.forEach((c) => walk(c, n.key, true));
  };
  walk(config.orgs, null, false);
  return {
    config,
    org: (key) => orgs.get(key),
    isWithin(key, ancestor) {
      // Bounded by the tree's size: a config's keys are unique (checked), so parents never loop.
      for (let k: string | null | undefined = key, i = 0; k && i <= orgs.size; k = orgs.get(k)?.parent, i++) if (k === ancestor) return true;
      return false;
    },
  };
}

/**
 * Option values an options schema marks as naming an org of the city:
 * `{ type: 'string', 'x-linli-org': ['compound'] }` (an org of one of those
 * types; `true` for any type), on a value, an array's items, or an object's
 * `propertyNames`. Each unknown key or wrong type is one problem at its path,
 * so `linli check` refuses a city whose plugin options name an org it lacks.
 */
export function orgKeyProblems(schema: unknown, value: unknown, city: CityView, path = ''): ErrorDetail[] {
  if (!isObj(schema)) return [];
  const problems: ErrorDetail[] = [];
  const check = (s: Json, v: unknown, at: string) => {
    const wanted = s['x-linli-org'];
    if (!wanted || typeof v !== 'string') return;
    const types = Array.isArray(wanted) ? (wanted as string[]) : null;
    const org = city.org(v);
    if (!org) problems.push({ path: at || '/', message: `unknown org "${v}"`, expected: 'the key of an org in /orgs' });
    else if (types && !types.includes(org.type)) problems.push({ path: at || '/', message: `"${v}" is of type ${org.type}`, expected: `an org of type ${types.join(' or ')}` });
  };
  check(schema, value, path);
  if (isObj(value)) {
    const props = isObj(schema.properties) ? schema.properties : {};
    const names = isObj(schema.propertyNames) ? schema.propertyNames : null;
    for (const [k, v] of Object.entries(value)) {
      const at = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (names) check(names, k, at);
      const sub = props[k] ?? (isObj(schema.additionalProperties) ? schema.additionalProperties : undefined);
      problems.push(...orgKeyProblems(sub, v, city, at));
    }
  }
  if (Array.isArray(value) && isObj(schema.items)) value.forEach((v, i) => problems.push(...orgKeyProblems(schema.items, v, city, `${path}/${i}`)));
  return problems;
}
