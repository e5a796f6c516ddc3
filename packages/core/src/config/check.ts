import { buildNoticeCatalog } from '../notify/catalog.js';
import { ajvErrorsToDetails, createAjv, FormRegistry } from '../forms/registry.js';
import { defaultOrgTypes, defaultRoles } from '../org/defaults.js';
import type { ErrorDetail } from '../errors.js';
import { pluginEventProblems, type PluginManifest, type ResolvedPluginManifest } from '../plugins/manifest.js';
import { cityConfigSchema } from '../schemas/config.js';
import type { CityConfig, FormDefinition, GridBoundary, OrgNodeConfig, OrgTypeDefinition, RoleDefinition, WorkflowDefinition } from '../schemas/types.js';
import { checkWorkflow } from '../workflow/validate.js';
import { calendarWarnings } from './calendar-coverage.js';
import { checkCityServices } from './check-services.js';
import { checkOrgAttributes } from './org-attributes.js';
import { cityView, orgKeyProblems, type CityView } from './plugin-options.js';
import { applyOverrides } from './overrides.js';
import semver from 'semver';

const ajv = createAjv();
const validateConfigShape = ajv.compile(cityConfigSchema);

export interface ConfigCheckOptions {
  file: string;
  /** Every plugin installed, by name; the config enables some of them. */
  available: ReadonlyMap<string, PluginManifest>;
  /** Names of every installed plugin, for the message about an unknown one (default: the available ones). */
  installed?: string[] | undefined;
  /** The SDK version of this Linli, to check each plugin's supported range. */
  sdkVersion: string;
  /** Today, for the calendar's coverage warnings (default: the real time). */
  now?: Date;
}

export interface ConfigCheckResult {
  issues: ErrorDetail[];
  /** What does not stop the city but will hurt it (a calendar that has run out). */
  warnings: ErrorDetail[];
  config?: CityConfig;
  /** The plugins the config enables, in dependency order. */
  plugins: ResolvedPluginManifest[];
  orgTypes: OrgTypeDefinition[];
  roles: RoleDefinition[];
  /**
   * Every form of the plugins and the config, compiled while checking (when the config's shape
   * passed): the deployment serves with this registry rather than compiling them all again.
   */
  forms?: FormRegistry;
}

/**
 * Validates a city config and the plugins it enables, returning every problem
 * found (never only the first), each with its file and JSON path.
 */
export function checkCityConfig(raw: unknown, opts: ConfigCheckOptions): ConfigCheckResult {
  const issue = (path: string, message: string, expected?: string, file = opts.file): ErrorDetail =>
    expected ? { file, path, message, expected } : { file, path, message };
  const empty = { plugins: [], orgTypes: defaultOrgTypes, roles: defaultRoles, warnings: [] };
  if (!validateConfigShape(raw)) {
    return { ...empty, issues: ajvErrorsToDetails(validateConfigShape.errors).map((d) => ({ ...d, file: opts.file })) };
  }
  const config = raw as unknown as CityConfig;
  const issues: ErrorDetail[] = [];

  // Plugins: known, compatible, dependencies enabled, options valid — in shape, then against the city.
  const plugins: ResolvedPluginManifest[] = [];
  // Plugins whose options are wrong: their one error says so; what is built from the options (forms) is not checked on top.
  const unusable = new Set<string>();
  let city: CityView | undefined;
  for (const [name, options] of Object.entries(config.plugins ?? {})) {
    const p = opts.available.get(name);
    const at = `/plugins/${name}`;
    if (!p) {
      issues.push(issue(at, `unknown plugin "${name}"`, `one of ${JSON.stringify(opts.installed ?? [...opts.available.keys()])}`));
      continue;
    }
    if (!semver.satisfies(opts.sdkVersion, p.sdk)) {
      issues.push(issue(at, `plugin "${name}" ${p.version} supports SDK ${p.sdk}, but this Linli has SDK ${opts.sdkVersion}`, `a version of the plugin for SDK ${opts.sdkVersion}`));
    }
    for (const dep of p.dependencies ?? []) {
      if (!(config.plugins ?? {})[dep]) issues.push(issue(at, `plugin "${name}" needs plugin "${dep}", which is not enabled`, `"${dep}" under /plugins`));
    }
    let valid = true;
    if (p.optionsSchema) {
      const validate = ajv.compile(p.optionsSchema);
      valid = validate(options);
      if (!valid) issues.push(...ajvErrorsToDetails(validate.errors, at).map((d) => ({ ...d, file: opts.file })));
    }
    if (valid) {
      city ??= cityView(config);
      const against = [...orgKeyProblems(p.optionsSchema, options, city), ...optionProblems(p, options as Record<string, unknown>, city)];
      issues.push(...against.map((d) => ({ ...d, path: `${at}${d.path === '/' ? '' : d.path}`, file: opts.file })));
      valid = against.length === 0;
    }
    if (!valid) unusable.add(name);
    plugins.push({ ...p, forms: resolveForms(p, options as Record<string, unknown>, Object.keys(config.plugins ?? {}), valid, (message) => issues.push(issue(at, message, 'options the plugin can build its forms from'))) });
  }
  // Each plugin after the plugins it needs: the server migrates and seeds in this order.
  const cycle = (name: string, chain: string[]) =>
    issues.push(issue(`/plugins/${name}`, `plugins depend on each other in a cycle: ${chain.join(' → ')}`, 'dependencies without a cycle'));
  plugins.splice(0, plugins.length, ...dependencyOrder(plugins, cycle));
  // Events: named after their plugin; subscribed only from a (optional) dependency, and only to an event it declares.
  for (const e of pluginEventProblems(plugins)) issues.push(issue(e.path, e.message, e.expected, `plugin:${e.plugin}`));

  // Org types and roles: defaults, plus what the config and plugins add.
  const orgTypes = config.orgTypes ?? defaultOrgTypes;
  const roles = [...defaultRoles, ...(config.roles ?? []), ...plugins.flatMap((p) => p.roles ?? [])];
  const typeById = new Map(orgTypes.map((t) => [t.id, t]));
  const roleById = new Map<string, RoleDefinition>();
  for (const r of roles) roleById.set(r.id, r);

  // The org tree.
  const orgKeys = new Map<string, string>();
  const orgTypeOf = new Map<string, string>();
  // parentType: null at the root; undefined under a node whose own type is unknown (already
  // reported there — its children are not blamed for it).
  const walk = (node: OrgNodeConfig, path: string, parentType: string | null | undefined, asSide: boolean) => {
    if (orgKeys.has(node.key)) issues.push(issue(`${path}/key`, `duplicate org key "${node.key}" (first at ${orgKeys.get(node.key)})`, 'a key used once'));
    else orgKeys.set(node.key, path);
    orgTypeOf.set(node.key, node.type);
    const type = typeById.get(node.type);
    if (!type) {
      issues.push(issue(`${path}/type`, `unknown org type "${node.type}"`, `one of ${JSON.stringify([...typeById.keys()])}`));
    } else if (asSide && type.kind !== 'side') {
      issues.push(issue(`${path}/type`, `"${node.type}" is a level of the tree, not a side-organization`, 'a type with kind "side"'));
    } else if (!asSide && type.kind !== 'level') {
      issues.push(issue(`${path}/type`, `"${node.type}" is a side-organization; list it under "side"`, 'a type with kind "level"'));
    } else if (!asSide && parentType !== undefined) {
      const allowed = type.parents ?? [];
      if (parentType === null ? allowed.length > 0 : !allowed.includes(parentType)) {
        issues.push(issue(`${path}/type`, parentType === null ? `"${node.type}" cannot be the root` : `a ${node.type} cannot be placed under a ${parentType}`, allowed.length ? `a parent of type ${allowed.join(' or ')}` : 'the root'));
      }
    }
    const known = type ? node.type : undefined;
    node.children?.forEach((c, i) => walk(c, `${path}/children/${i}`, known, false));
    node.side?.forEach((c, i) => walk(c, `${path}/side/${i}`, known, true));
  };
  walk(config.orgs, '/orgs', null, false);

  const gridKeys = new Set<string>();
  config.grids?.forEach((g, i) => {
    if (gridKeys.has(g.key)) issues.push(issue(`/grids/${i}/key`, `duplicate grid key "${g.key}"`, 'a key used once'));
    gridKeys.add(g.key);
    if (!orgKeys.has(g.org)) issues.push(issue(`/grids/${i}/org`, `unknown org "${g.org}"`, 'the key of an org in /orgs'));
    g.covers.forEach((c, k) => {
      if (!orgKeys.has(c)) issues.push(issue(`/grids/${i}/covers/${k}`, `unknown org "${c}"`, 'the key of an org in /orgs'));
    });
    for (const [at, ring] of boundaryRings(g.boundary)) {
      const [first, last] = [ring[0], ring.at(-1)];
      if (first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) {
        issues.push(issue(`/grids/${i}/boundary/coordinates${at}`, 'the ring is not closed', 'the last position equal to the first (GeoJSON)'));
      }
    }
  });

  const usernames = new Set<string>();
  config.people?.forEach((p, i) => {
    if (usernames.has(p.username)) issues.push(issue(`/people/${i}/username`, `duplicate username "${p.username}"`, 'a username used once'));
    usernames.add(p.username);
    p.roles.forEach((r, k) => {
      const at = `/people/${i}/roles/${k}`;
      const role = roleById.get(r.role);
      if (!role) return issues.push(issue(`${at}/role`, `unknown role "${r.role}"`, `one of ${JSON.stringify([...roleById.keys()])}`));
      if (role.heldAt === 'grid') {
        if (!r.grid) issues.push(issue(`${at}/grid`, `"${r.role}" is held at a grid`, 'the key of a grid in /grids'));
        else if (!gridKeys.has(r.grid)) issues.push(issue(`${at}/grid`, `unknown grid "${r.grid}"`, 'the key of a grid in /grids'));
      } else if (!r.org) issues.push(issue(`${at}/org`, `"${r.role}" is held at an org`, 'the key of an org in /orgs'));
      else if (!orgKeys.has(r.org)) issues.push(issue(`${at}/org`, `unknown org "${r.org}"`, 'the key of an org in /orgs'));
    });
  });

  // Single sign-on over plain HTTP would carry codes and tokens in clear: only a provider on this machine (a test's) may use it.
  if (config.sso) {
    const host = /^https?:\/\/([^/:?#]+|\[[^\]]+\])/.exec(config.sso.issuer)?.[1] ?? '';
    const loopback = host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
    if (!config.sso.issuer.startsWith('https://') && !loopback) issues.push(issue('/sso/issuer', `"${config.sso.issuer}" is not https`, 'the https:// issuer URL of the identity service (http only for 127.0.0.1 or localhost)'));
  }

  // The city's overrides of its plugins' forms and workflows: what runs is the result.
  const overridden = applyOverrides(plugins, config.overrides, { file: opts.file, isKnownRole: (id) => roleById.has(id) });
  // An override of a plugin whose options are wrong is not judged: its forms were not built.
  const ofUnusable = (path: string) => [...unusable].some((n) => path.startsWith(`/overrides/forms/${n}.`) || path.startsWith(`/overrides/workflows/${n}.`));
  issues.push(...overridden.issues.filter((i) => !ofUnusable(i.path)));
  plugins.splice(0, plugins.length, ...overridden.plugins.map((p) => withoutStepsOfDisabledPlugins(p, config.plugins ?? {}, (path, message, expected) => issues.push(issue(path, message, expected, `plugin:${p.name}`)))));

  // The city's own forms and workflows carry its name, so they never collide with a plugin's.
  const prefix = `${config.name}.`;
  config.forms?.forEach((f, i) => {
    if (!f.id.startsWith(prefix)) issues.push(issue(`/forms/${i}/id`, `form "${f.id}" of this city must be named "${prefix}…"`, `"${prefix}${f.id}"`));
  });
  config.workflows?.forEach((w, i) => {
    if (!w.id.startsWith(prefix)) issues.push(issue(`/workflows/${i}/id`, `workflow "${w.id}" of this city must be named "${prefix}…"`, `"${prefix}${w.id}"`));
  });

  // Forms and workflows from the plugins and from the config itself.
  const forms = new FormRegistry();
  const sources: { file: string; base: string; manifest: Pick<ResolvedPluginManifest, 'forms' | 'workflows'> }[] = [
    ...plugins.map((p) => ({ file: `plugin:${p.name}`, base: '', manifest: p })),
    { file: opts.file, base: '', manifest: config },
  ];
  const workflowIds = new Map<string, string>();
  const workflowDefs = new Map<string, { def: WorkflowDefinition; file: string; pointer: string }>();
  for (const s of sources) {
    s.manifest.forms?.forEach((f, i) => {
      try {
        forms.register(f, s.file);
      } catch (e) {
        issues.push(issue(`/forms/${i}/id`, (e as Error).message, 'a form id used once', s.file));
      }
    });
  }
  for (const s of sources) {
    s.manifest.workflows?.forEach((w, i) => {
      const pointer = `/workflows/${i}`;
      if (workflowIds.has(w.id)) issues.push(issue(`${pointer}/id`, `the workflow id "${w.id}" is also defined by ${workflowIds.get(w.id)}`, 'a workflow id used once', s.file));
      workflowIds.set(w.id, s.file);
      if (!unusable.has(s.file.slice('plugin:'.length))) issues.push(...checkWorkflow(w, { file: s.file, pointer, isKnownForm: (id) => forms.has(id), isKnownRole: (id) => roleById.has(id) }));
      // The intake page offers places of these types: a type the city lacks would offer nothing, silently.
      w.intake?.places?.forEach((type, k) => {
        if (!typeById.has(type)) issues.push(issue(`${pointer}/intake/places/${k}`, `unknown org type "${type}"`, `one of ${JSON.stringify([...typeById.keys()])}`, s.file));
      });
      workflowDefs.set(w.id, { def: w, file: s.file, pointer });
    });
  }

  // Calendar, routing, escalation and notifications name orgs, grids, roles and workflows checked above.
  issues.push(...checkCityServices(config, { file: opts.file, orgKeys, gridKeys, orgTypes: typeById, roles: roleById, workflows: workflowDefs }));
  issues.push(...buildNoticeCatalog(config, plugins, opts.file).issues);
  issues.push(...checkOrgAttributes(config, { file: opts.file, orgKeys, orgTypes: orgTypeOf, workflows: workflowDefs }));

  const warnings = [...overridden.warnings, ...calendarWarnings(config.calendar, opts.now ?? new Date(), opts.file)];
  return { issues, warnings, config, plugins, orgTypes, roles, forms };
}

/**
 * The plugins ordered so each comes after the enabled plugins it depends on,
 * optional dependencies included (config order otherwise): the server migrates and seeds them in this order.
 * A cycle is reported once, at the plugin where it was entered.
 */
function dependencyOrder<P extends Pick<PluginManifest, 'name' | 'dependencies' | 'optionalDependencies'>>(plugins: readonly P[], onCycle: (name: string, chain: string[]) => void): P[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: P[] = [];
  const visit = (p: P, chain: string[]): void => {
    const s = state.get(p.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const start = chain.indexOf(p.name);
      onCycle(p.name, [...chain.slice(start), p.name]);
      return;
    }
    state.set(p.name, 'visiting');
    for (const dep of [...(p.dependencies ?? []), ...(p.optionalDependencies ?? [])]) {
      const d = byName.get(dep);
      if (d) visit(d, [...chain, p.name]);
    }
    state.set(p.name, 'done');
    ordered.push(p);
  };
  for (const p of plugins) visit(p, []);
  return ordered;
}

/** What the plugin's own `validateOptions` says of valid-shaped options; a throw is one problem, not a crash of `linli check`. */
function optionProblems(p: PluginManifest, options: Record<string, unknown>, city: CityView): ErrorDetail[] {
  if (!p.validateOptions) return [];
  try {
    return p.validateOptions(options ?? {}, city);
  } catch (e) {
    return [{ path: '/', message: `plugin "${p.name}" could not check its options: ${(e as Error).message}` }];
  }
}

/**
 * A plugin's forms for this city: the list, or what its forms function makes
 * of the options (and of the plugins the city enables). With invalid options (already reported) it is not called.
 */
function resolveForms(p: PluginManifest, options: Record<string, unknown>, enabled: string[], valid: boolean, report: (message: string) => void): FormDefinition[] | undefined {
  if (typeof p.forms !== 'function') return p.forms;
  if (!valid) return [];
  try {
    return p.forms(options ?? {}, { plugins: enabled });
  } catch (e) {
    report(`plugin "${p.name}" could not build its forms from these options: ${(e as Error).message}`);
    return [];
  }
}

/** Each ring of a grid boundary with its JSON path below `coordinates`. */
function boundaryRings(b: GridBoundary | undefined): [string, readonly (readonly number[])[]][] {
  if (!b) return [];
  if (b.type === 'Polygon') return b.coordinates.map((r, k) => [`/${k}`, r]);
  return b.coordinates.flatMap((poly, p) => poly.map((r, k): [string, readonly (readonly number[])[]] => [`/${p}/${k}`, r]));
}

/**
 * A plugin's workflows without the steps that need a plugin the city does not
 * enable (`requiresPlugin`), and without the states only those steps reach or
 * leave: nobody sees or takes them. A step may only need
 * one of its plugin's dependencies or optional dependencies.
 */
function withoutStepsOfDisabledPlugins<P extends ResolvedPluginManifest>(p: P, enabled: Record<string, unknown>, report: (path: string, message: string, expected: string) => void): P {
  if (!p.workflows?.some((w) => w.transitions.some((t) => t.requiresPlugin))) return p;
  const may = [...(p.dependencies ?? []), ...(p.optionalDependencies ?? [])];
  const workflows = p.workflows.map((w, i) => {
    w.transitions.forEach((t, k) => {
      if (t.requiresPlugin && !may.includes(t.requiresPlugin)) report(`/workflows/${i}/transitions/${k}/requiresPlugin`, `step "${t.name}" of ${w.id} requires plugin "${t.requiresPlugin}", which is neither a dependency nor an optional dependency of "${p.name}"`, 'one of its dependencies or optionalDependencies');
    });
    const kept = w.transitions.filter((t) => !t.requiresPlugin || Object.prototype.hasOwnProperty.call(enabled, t.requiresPlugin));
    if (kept.length === w.transitions.length) return w;
    // A state only those steps reach or leave (业主表决中 without the owners' plugin) goes with them.
    const touched = (ts: typeof kept) => new Set(ts.flatMap((t) => [...(Array.isArray(t.from) ? t.from : [t.from]), t.to]));
    const still = touched(kept);
    const dropped = [...touched(w.transitions)].filter((s) => !still.has(s) && s !== w.initial);
    return { ...w, transitions: kept, states: w.states.filter((s) => !dropped.includes(s.id)) };
  });
  return { ...p, workflows };
}
