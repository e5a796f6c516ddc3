import { buildNoticeCatalog, type NoticeCatalog } from '../notify/catalog.js';
import { LinliError } from '../errors.js';
import type { FormRegistry } from '../forms/registry.js';
import type { ResolvedPluginManifest } from '../plugins/manifest.js';
import type { CityConfig, OrgTypeDefinition, RoleDefinition } from '../schemas/types.js';
import { makeCalendar, type WorkingCalendar } from '../time/calendar.js';
import { WorkflowRegistry } from '../workflow/registry.js';
import type { ErrorDetail } from '../errors.js';
import { checkCityConfig, type ConfigCheckOptions } from './check.js';
import { orgAttributeMap, type OrgAttributes } from './org-attributes.js';

/** A checked city config with its plugins composed: everything the server runs on. */
export interface Deployment {
  config: CityConfig;
  plugins: ResolvedPluginManifest[];
  forms: FormRegistry;
  workflows: WorkflowRegistry;
  roles: ReadonlyMap<string, RoleDefinition>;
  orgTypes: readonly OrgTypeDefinition[];
  calendar: WorkingCalendar;
  /** Each org's attributes (config `orgAttributes`, inherited down the tree), by org key. */
  orgAttributes: ReadonlyMap<string, OrgAttributes>;
  /** Every notice kind the city can send, with its variables and (possibly reworded) templates. */
  notices: NoticeCatalog;
  /** Problems that do not stop the city (a working calendar that has run out); the server logs them at start. */
  warnings: ErrorDetail[];
}

/** Checks the config and composes it; throws LINLI_ERR_CONFIG_INVALID listing every problem. */
export function loadDeployment(raw: unknown, opts: ConfigCheckOptions): Deployment {
  const checked = checkCityConfig(raw, opts);
  if (checked.issues.length || !checked.config || !checked.forms) {
    throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`${checked.issues.length} problem(s) in ${opts.file}`], checked.issues);
  }
  // The check compiled every form already (a city without problems: the same forms, in the same order).
  const forms = checked.forms;
  const workflows = new WorkflowRegistry();
  for (const p of checked.plugins) p.workflows?.forEach((w) => workflows.register(w, `plugin "${p.name}"`));
  checked.config.workflows?.forEach((w) => workflows.register(w, opts.file));
  return {
    config: checked.config,
    plugins: checked.plugins,
    forms,
    workflows,
    roles: new Map(checked.roles.map((r) => [r.id, r])),
    orgTypes: checked.orgTypes,
    calendar: makeCalendar(checked.config.calendar),
    orgAttributes: orgAttributeMap(checked.config),
    notices: buildNoticeCatalog(checked.config, checked.plugins, opts.file).catalog,
    warnings: checked.warnings,
  };
}

/** Renders config problems the way `linli check` prints them: `file:/json/path  message (expected …)`. */
export function formatIssues(issues: readonly { file?: string; path: string; message: string; expected?: string }[]): string {
  return issues.map((i) => `${i.file ?? ''}:${i.path}  ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}`).join('\n');
}
