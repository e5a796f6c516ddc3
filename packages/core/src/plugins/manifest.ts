import type { CityView } from '../config/plugin-options.js';
import type { ErrorDetail } from '../errors.js';
import type { LocalizedText } from '../i18n.js';
import type { NoticeKindDefinition } from '../notify/templates.js';
import type { FormDefinition, PluginOverridable, RoleDefinition, WorkflowDefinition } from '../schemas/types.js';

export type { PluginOverridable };

/**
 * What the core needs to know of a plugin to validate and compose a
 * deployment. The SDK (`@linli/sdk`) extends this with the server-side parts
 * (routes, hooks, migrations, seed, web pages), which the core never looks at.
 */
export interface PluginManifest {
  /** Unique, kebab-case: `three-linked-office`. Also the key under `plugins` in a city config. */
  name: string;
  version: string;
  /** The SDK versions this plugin supports, as a semver range (`^0.1.0`). */
  sdk: string;
  title: LocalizedText;
  /** Names of plugins this one needs enabled, whose public API it may use. */
  dependencies?: string[];
  /**
   * Names of plugins this one works with when the city enables them, and
   * without when it does not (a red-property meeting lists the owners'
   * committee when owners' self-governance is on). When enabled they are
   * migrated, seeded and initialized first, like dependencies; ask
   * `pluginEnabled(ctx, name)` before using their public API.
   */
  optionalDependencies?: string[];
  /**
   * JSON Schema of the plugin's options under `plugins.<name>` in a city
   * config. A value marked `'x-linli-org': ['compound']` (or `true`) must name
   * an org of the city (of one of those types): `linli check` says which not.
   */
  optionsSchema?: Record<string, unknown>;
  /**
   * What the schema cannot say about the options, checked against the city
   * (pure: no I/O) by `linli check` and the server's start, after the schema:
   * each problem with its path inside the options (`/offices/0/compound`),
   * reported under `/plugins/<name>`. Options with a problem count as
   * invalid: nothing built from them (forms) is checked on top.
   */
  validateOptions?: (options: Record<string, unknown>, city: CityView) => ErrorDetail[];
  /**
   * The plugin's forms; or a function of its options (already valid), for
   * forms built from a city's settings — a list of scoring criteria, say.
   * `linli check` and the server call it once and treat the result like a list.
   */
  forms?: FormDefinition[] | ((options: Record<string, unknown>, city: { plugins: readonly string[] }) => FormDefinition[]);
  workflows?: WorkflowDefinition[];
  roles?: RoleDefinition[];
  /**
   * What a city may change in its config (`overrides`) without forking the
   * plugin: per form, the fields whose limits, choices or visibility may
   * change, whether fields may be added, and the fields the plugin's code
   * reads (never hidden, choices only narrowed); per workflow, the states
   * whose time limit and the steps whose `allow` list may change. Wording
   * (titles, help, English labels) may always change. See config/overrides.ts.
   */
  overridable?: PluginOverridable;
  /**
   * The kinds of notice the plugin sends (`<name>.<kind>`), as data: their
   * variables and wording in zh-CN and en. The server refuses to start when a
   * template uses a variable its kind does not declare; a city may reword
   * them (`notifications.templates`) and people choose their channels.
   */
  notices?: NoticeKindDefinition[];
  /**
   * Columns of the plugin's own tables that copy an org's materialized path
   * (so "in my scope" is an indexed prefix range), as data. When an org moves
   * — on the org-tree page or by a spreadsheet import — the server rewrites
   * them with the org's subtree and its tickets, in the same transaction, so a
   * compound moved to another community takes its records along.
   */
  orgPathColumns?: OrgPathColumn[];
}

/** One column holding a copied org path (`LinliPlugin.orgPathColumns`): plain identifiers. */
export interface OrgPathColumn {
  table: string;
  column: string;
}

/** A plugin as a checked deployment holds it: its forms resolved against the city's options. */
export type ResolvedPluginManifest<P extends PluginManifest = PluginManifest> = Omit<P, 'forms'> & { forms?: FormDefinition[] };
