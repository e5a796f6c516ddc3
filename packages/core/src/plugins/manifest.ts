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
   * The events the plugin announces (`ctx.emit`), as data: `<name>.<event>`,
   * a title and the payload's JSON Schema. Other plugins subscribe with `on`.
   */
  events?: PluginEventDeclaration[];
  /**
   * The events of other plugins this one handles, by name (`<other>.<event>`):
   * the other must be one of `dependencies` or `optionalDependencies`, and
   * when the city enables it, it must declare the event (`linli check` and
   * the server's start say which not). The SDK adds each one's handler.
   */
  on?: { event: string }[];
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

/** One event a plugin announces (`LinliPlugin.events`). */
export interface PluginEventDeclaration {
  /** `<plugin>.<event>`, lowercase: `owners-self-governance.vote-closed`. */
  name: string;
  title: LocalizedText;
  /** JSON Schema of the payload: `emit` refuses a payload that does not match it. */
  payloadSchema?: Record<string, unknown>;
}

/** The plugin that declares an event, from its name (`owners-self-governance.vote-closed` → `owners-self-governance`). */
export const eventOwner = (event: string): string => event.split('.')[0] ?? '';

/**
 * What is wrong with the plugins' events and subscriptions, against the
 * plugins a city enables (pure): an event not named after its plugin or
 * declared twice; a subscription to a plugin that is neither a dependency nor
 * an optional dependency; a subscription to an event an enabled plugin does
 * not declare. A subscription to a plugin the city does not enable is fine:
 * its events never come. Each problem names the plugin and where.
 */
export function pluginEventProblems(enabled: readonly Pick<PluginManifest, 'name' | 'events' | 'on' | 'dependencies' | 'optionalDependencies'>[]): { plugin: string; path: string; message: string; expected: string }[] {
  const byName = new Map(enabled.map((p) => [p.name, p]));
  const problems: { plugin: string; path: string; message: string; expected: string }[] = [];
  for (const p of enabled) {
    const seen = new Set<string>();
    p.events?.forEach((e, i) => {
      if (eventOwner(e.name) !== p.name || !eventName.test(e.name)) problems.push({ plugin: p.name, path: `/events/${i}/name`, message: `plugin "${p.name}" declares the event "${e.name}"`, expected: `"${p.name}.<event>" (lowercase)` });
      else if (seen.has(e.name)) problems.push({ plugin: p.name, path: `/events/${i}/name`, message: `plugin "${p.name}" declares the event "${e.name}" twice`, expected: 'each event declared once' });
      seen.add(e.name);
    });
    p.on?.forEach((s, i) => {
      const owner = eventOwner(s.event);
      if (![...(p.dependencies ?? []), ...(p.optionalDependencies ?? [])].includes(owner)) {
        problems.push({ plugin: p.name, path: `/on/${i}/event`, message: `plugin "${p.name}" subscribes to "${s.event}" of plugin "${owner}", which is neither one of its dependencies nor of its optionalDependencies`, expected: `"${owner}" in dependencies or optionalDependencies` });
        return;
      }
      const other = byName.get(owner);
      if (other && !other.events?.some((e) => e.name === s.event)) {
        const declared = other.events?.map((e) => e.name) ?? [];
        problems.push({ plugin: p.name, path: `/on/${i}/event`, message: `plugin "${p.name}" subscribes to "${s.event}", which plugin "${owner}" does not declare`, expected: declared.length ? `one of ${JSON.stringify(declared)}` : `an event "${owner}" declares (it declares none)` });
      }
    });
  }
  return problems;
}

const eventName = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
