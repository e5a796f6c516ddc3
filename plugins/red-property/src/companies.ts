import type { ErrorDetail, PluginContext } from '@linli/sdk';
import { fail } from './errors.js';
import { readSettings } from './settings.js';
import type { Db } from './store/tables.js';

export interface OrgRef {
  id: string;
  key: string;
  name: string;
  path: string;
}

/** A compound of the practice, with the property company that serves it. */
export interface Compound extends OrgRef {
  company: OrgRef;
}

/** A property company 物业服务企业 and the compounds it serves (one company may serve several). */
export interface Company extends OrgRef {
  compounds: OrgRef[];
}

export interface Directory {
  compounds: Compound[];
  companies: Company[];
}

const cache = new WeakMap<PluginContext, Directory>();

/**
 * The compounds and companies of `propertyCompanies`, resolved against the
 * org tree once per server (orgs do not change while it runs). Checks what
 * the options schema cannot: that each key names an org of the right type.
 */
export async function directory(ctx: PluginContext, db: Db): Promise<Directory> {
  const known = cache.get(ctx);
  if (known) return known;
  const map = readSettings(ctx.options).propertyCompanies;
  const keys = [...new Set(Object.entries(map).flat())];
  const rows = keys.length ? await db.selectFrom('linli_orgs').select(['id', 'key', 'type', 'name', 'path']).where('key', 'in', keys).execute() : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const issues: ErrorDetail[] = [];
  const ref = (key: string, type: string, path: string): OrgRef | undefined => {
    const o = byKey.get(key);
    if (!o) issues.push({ path, message: `unknown org "${key}"`, expected: 'the key of an org in /orgs' });
    else if (o.type !== type) issues.push({ path, message: `"${key}" is of type ${o.type}`, expected: `an org of type ${type}` });
    else return { id: String(o.id), key: o.key, name: o.name, path: o.path };
    return undefined;
  };
  const compounds: Compound[] = [];
  for (const [compoundKey, companyKey] of Object.entries(map)) {
    const at = `/plugins/red-property/propertyCompanies/${compoundKey}`;
    const compound = ref(compoundKey, 'compound', at);
    const company = ref(companyKey, 'property_company', at);
    if (compound && company) compounds.push({ ...compound, company });
  }
  if (issues.length) throw fail('RP_ERR_CONFIG', [issues.map((i) => `${i.path}: ${i.message}`).join('; ')], issues);
  const companies = new Map<string, Company>();
  for (const c of compounds) {
    const co = companies.get(c.company.id) ?? { ...c.company, compounds: [] };
    co.compounds.push({ id: c.id, key: c.key, name: c.name, path: c.path });
    companies.set(co.id, co);
  }
  const dir = { compounds, companies: [...companies.values()] };
  cache.set(ctx, dir);
  return dir;
}

/** The configured compound an org lies in (a complaint may be filed at one of its buildings). */
export const compoundAt = (dir: Directory, orgPath: string): Compound | undefined => dir.compounds.find((c) => orgPath.startsWith(c.path));
export const companyById = (dir: Directory, id: string): Company | undefined => dir.companies.find((c) => c.id === id);
export const compoundById = (dir: Directory, id: string): Compound | undefined => dir.compounds.find((c) => c.id === id);
