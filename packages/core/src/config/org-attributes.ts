import type { ErrorDetail } from '../errors.js';
import type { CityConfig, OrgNodeConfig, WorkflowDefinition } from '../schemas/types.js';

/** Attribute values by attribute id, as an org has them (its own, else inherited from the orgs above). */
export type OrgAttributes = Readonly<Record<string, string>>;

/**
 * Every org's attributes by org key: the values each attribute lists the org
 * under (`orgAttributes[].values[].orgs`), else those of the org it sits
 * under (a building is of its compound's type; a compound's property
 * company too).
 */
export function orgAttributeMap(config: Pick<CityConfig, 'orgs' | 'orgAttributes'>): Map<string, OrgAttributes> {
  const own = new Map<string, Record<string, string>>();
  for (const a of config.orgAttributes ?? []) {
    for (const v of a.values) for (const key of v.orgs ?? []) own.set(key, { ...own.get(key), [a.id]: v.value });
  }
  const out = new Map<string, OrgAttributes>();
  const walk = (node: OrgNodeConfig, inherited: OrgAttributes) => {
    const mine = { ...inherited, ...own.get(node.key) };
    out.set(node.key, mine);
    for (const c of [...(node.children ?? []), ...(node.side ?? [])]) walk(c, mine);
  };
  walk(config.orgs, {});
  return out;
}

/** Whether every condition (attribute → allowed values) holds for an org with these attributes. */
export function attributesMatch(where: Readonly<Record<string, readonly string[]>> | undefined, attrs: OrgAttributes | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([id, values]) => {
    const v = attrs?.[id];
    return v !== undefined && values.includes(v);
  });
}

/** Whether a workflow is offered at an org with these attributes (its `offerWhere`). */
export const isOfferedAt = (wf: Pick<WorkflowDefinition, 'offerWhere'>, attrs: OrgAttributes | undefined) => attributesMatch(wf.offerWhere, attrs);

export interface OrgAttributesCheckContext {
  file: string;
  /** Org key → its JSON pointer in /orgs. */
  orgKeys: ReadonlyMap<string, string>;
  /** Org key → its type. */
  orgTypes: ReadonlyMap<string, string>;
  workflows: ReadonlyMap<string, { def: WorkflowDefinition; file: string; pointer: string }>;
}

/**
 * What the JSON Schema cannot say about org attributes: each is defined once,
 * lists real orgs of types that may carry it, each org at most once, and every
 * routing rule and workflow names attributes and values that exist.
 */
export function checkOrgAttributes(config: CityConfig, ctx: OrgAttributesCheckContext): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const issue = (path: string, message: string, expected: string) => issues.push({ file: ctx.file, path, message, expected });
  const defs = new Map<string, string[]>();
  config.orgAttributes?.forEach((a, i) => {
    const at = `/orgAttributes/${i}`;
    if (defs.has(a.id)) issue(`${at}/id`, `duplicate org attribute "${a.id}"`, 'an id used once');
    const values = a.values.map((v) => v.value);
    defs.set(a.id, values);
    const listedUnder = new Map<string, string>();
    a.values.forEach((v, k) => {
      if (values.indexOf(v.value) !== k) issue(`${at}/values/${k}/value`, `duplicate value "${v.value}"`, 'a value listed once');
      v.orgs?.forEach((key, n) => {
        const path = `${at}/values/${k}/orgs/${n}`;
        const type = ctx.orgTypes.get(key);
        if (!ctx.orgKeys.has(key)) issue(path, `unknown org "${key}"`, 'the key of an org in /orgs');
        else if (listedUnder.has(key)) issue(path, `org "${key}" is already "${listedUnder.get(key)}"`, `one value of "${a.id}" per org`);
        else if (a.orgTypes && type && !a.orgTypes.includes(type)) issue(path, `"${key}" is a ${type}, which cannot carry org attribute "${a.id}"`, `an org of type ${a.orgTypes.join(' or ')}`);
        listedUnder.set(key, v.value);
      });
    });
  });
  const known = `one of ${JSON.stringify([...defs.keys()])} (defined in /orgAttributes)`;
  const checkValues = (path: string, id: string, values: readonly string[]) => {
    const allowed = defs.get(id);
    if (!allowed) return issue(path, `unknown org attribute "${id}"`, known);
    values.forEach((v, k) => {
      if (!allowed.includes(v)) issue(`${path}/${k}`, `"${v}" is not a value of org attribute "${id}"`, `one of ${JSON.stringify(allowed)}`);
    });
  };
  config.routing?.rules?.forEach((r, i) => {
    for (const [id, values] of Object.entries(r.attributes ?? {})) checkValues(`/routing/rules/${i}/attributes/${id}`, id, values);
  });
  for (const [id, w] of ctx.workflows) {
    for (const [attr, values] of Object.entries(w.def.offerWhere ?? {})) {
      // A plugin's workflow gets offerWhere only from the city's overrides: point there.
      checkValues(w.file === ctx.file ? `${w.pointer}/offerWhere/${attr}` : `/overrides/workflows/${id}/offerWhere/${attr}`, attr, values);
    }
  }
  return issues;
}
