import type { LocalizedText } from '../i18n.js';
import type { FormDefinition, RoleDefinition, WorkflowDefinition } from '../schemas/types.js';

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
  /** JSON Schema of the plugin's options under `plugins.<name>` in a city config. */
  optionsSchema?: Record<string, unknown>;
  forms?: FormDefinition[];
  workflows?: WorkflowDefinition[];
  roles?: RoleDefinition[];
}
