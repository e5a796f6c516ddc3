import { join, relative } from 'node:path';
import { SDK_VERSION } from '@linli/sdk';
import type { Out } from '../commands.js';
import { pluginNames } from './names.js';
import { renderTemplate } from './render.js';
import { newTarget } from './target.js';

export interface NewPluginOptions {
  name: string;
  /** Chinese display name (default: the name). */
  title?: string | undefined;
  /** English display name (default: the name). */
  titleEn?: string | undefined;
  /** Where the command runs; the workspace is found from here. */
  cwd: string;
}

/**
 * `linli new-plugin <name>`: a working plugin in plugins/<name> — a form, a
 * workflow, a migration, routes, web pages, a hook, seed data, a test on the
 * testing kit and a README — whose own tests pass before it is changed.
 * Returns the exit code: 0 written, 1 refused (bad name, folder exists, no
 * workspace).
 */
export function newPlugin(o: NewPluginOptions, out: Out, err: Out): number {
  const target = newTarget('plugin', o, err);
  if (!target) return 1;
  const { ws, dir } = target;

  const n = pluginNames(o.name);
  const files = renderTemplate('plugin', dir, {
    ...n,
    titleZh: o.title ?? o.name,
    titleEn: o.titleEn ?? o.name,
    // As string literals, valid in both JSON and TypeScript.
    titleZhJs: JSON.stringify(o.title ?? o.name),
    titleEnJs: JSON.stringify(o.titleEn ?? o.name),
    sdkRange: `^${SDK_VERSION}`,
  });
  const shown = relative(o.cwd, dir) || '.';
  out(`✓ Created ${shown} (@linli/plugin-${o.name}):`);
  for (const f of files) out(`    ${f}`);
  if (!ws.coversPlugins) out(`\n  ! ${join(ws.root, 'package.json')} has no "plugins/*" under "workspaces": add it, or npm install will not link the plugin.`);
  out('');
  const step = (cmd: string, why: string) => out(`  ${cmd.padEnd(44)} ${why}`);
  out('Next steps:');
  step('1. npm install', 'links it into node_modules, where the server finds plugins');
  step(`2. npm test -w ${shown}`, 'runs its tests');
  out(`  3. enable it: add "${o.name}": {} under "plugins" in a city config (e.g. examples/tianchang/linli.config.json), then`);
  out('       npm run build && npx linli check examples/tianchang/linli.config.json');
  step('4. npm start', 'then open http://127.0.0.1:3000 (demo password: linli-demo)');
  out('  Guide: docs/plugin-guide.md');
  return 0;
}
