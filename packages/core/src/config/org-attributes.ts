import type { ErrorDetail } from '../errors.js';
import type { CityConfig, OrgNodeConfig, WorkflowDefinition } from '../schemas/types.js';

/** Attribute values by attribute id, as an org has them (its own, else inherited from the orgs above). */
export type OrgAttributes = Readonly<Record<string, string>>;

/**
 * Every org's attributes by org key: an org inherits the values of the org it
 * sits under (a building is of its compound's type; a compound's property
 * company too) and its own values win.
 */
export function orgAttributeMap(config: Pick<CityConfig, 'orgs'>): Map<string, OrgAttributes> {
  const out = new Map<string, OrgAttributes>();
  const walk = (node: OrgNodeConfig, inherited: OrgAttributes) => {
    const own = { ...inherited, ...(node.attributes ?? {}) };
    out.set(node.key, own);
    for (const c of [...(node.children ?? []), ...(node.side ?? [])]) walk(c, own);
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

/**
 * What the JSON Schema cannot say about org attributes: each is defined once,
 * each org's value is one of its attribute's values and on an org type that
 * may carry it, and every routing rule and workflow names attributes and
 * values that exist.
 */
export function checkOrgAttributes(
  config: CityConfig,
  file: string,
  workflows: ReadonlyMap<string, { def: WorkflowDefinition; file: string; pointer: string }>,
): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const issue = (path: string, message: string, expected: string, where = file) => issues.push({ file: where, path, message, expected });
  const defs = new Map<string, { values: string[]; orgTypes?: readonly string[] }>();
  config.orgAttributes?.forEach((a, i) => {
    if (defs.has(a.id)) issue(`/orgAttributes/${i}/id`, `duplicate org attribute "${a.id}"`, 'an id used once');
    const values = a.values.map((v) => v.value);
    values.forEach((v, k) => {
      if (values.indexOf(v) !== k) issue(`/orgAttributes/${i}/values/${k}/value`, `duplicate value "${v}"`, 'a value listed once');
    });
    defs.set(a.id, { values, ...(a.orgTypes ? { orgTypes: a.orgTypes } : {}) });
  });
  const known = `one of ${JSON.stringify([...defs.keys()])} (defined in /orgAttributes)`;
  const checkValues = (path: string, id: string, values: readonly string[], where = file) => {
    const def = defs.get(id);
    if (!def) return issue(path, `unknown org attribute "${id}"`, known, where);
    values.forEach((v, k) => {
      if (!def.values.includes(v)) issue(`${path}/${k}`, `"${v}" is not a value of org attribute "${id}"`, `one of ${JSON.stringify(def.values)}`, where);
    });
  };

  const walk = (node: OrgNodeConfig, path: string) => {
    for (const [id, v] of Object.entries(node.attributes ?? {})) {
      const def = defs.get(id);
      const at = `${path}/attributes/${id}`;
      if (!def) issue(at, `unknown org attribute "${id}"`, known);
      else if (!def.values.includes(v)) issue(at, `"${v}" is not a value of org attribute "${id}"`, `one of ${JSON.stringify(def.values)}`);
      else if (def.orgTypes && !def.orgTypes.includes(node.type)) issue(at, `a ${node.type} cannot carry org attribute "${id}"`, `an org of type ${def.orgTypes.join(' or ')}`);
    }
    node.children?.forEach((c, i) => walk(c, `${path}/children/${i}`));
    node.side?.forEach((c, i) => walk(c, `${path}/side/${i}`));
  };
  walk(config.orgs, '/orgs');

  config.routing?.rules?.forEach((r, i) => {
    for (const [id, values] of Object.entries(r.attributes ?? {})) checkValues(`/routing/rules/${i}/attributes/${id}`, id, values);
  });
  for (const [id, w] of workflows) {
    for (const [attr, values] of Object.entries(w.def.offerWhere ?? {})) {
      // A plugin's workflow gets offerWhere only from the city's overrides: point there.
      const path = w.file === file ? `${w.pointer}/offerWhere/${attr}` : `/overrides/workflows/${id}/offerWhere/${attr}`;
      checkValues(path, attr, values);
    }
  }
  return issues;
}
