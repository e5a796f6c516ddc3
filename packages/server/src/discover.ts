import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LinliError } from '@linli/core';
import type { LinliPlugin } from '@linli/sdk';

/**
 * Finds the installed plugins: packages in node_modules (npm workspaces link
 * every folder under plugins/ there) named `@linli/plugin-<name>` or
 * `linli-plugin-<name>` whose package.json says `"linli": { "plugin": true }`.
 * A new practice is a new folder plus `npm install`; nothing in the server or
 * core changes. Only the plugins a config enables are imported.
 */
export interface InstalledPlugin {
  /** The plugin's name, as a city config enables it: `three-linked-office`. */
  name: string;
  packageName: string;
  dir: string;
  load(): Promise<LinliPlugin>;
}

export function findInstalledPlugins(...from: string[]): Map<string, InstalledPlugin> {
  // Where to look: the given places (the config's folder), the working
  // directory, and wherever this server package itself is installed.
  const roots = [...from, process.cwd(), fileURLToPath(new URL('.', import.meta.url))];
  const found = new Map<string, InstalledPlugin>();
  for (const nm of new Set(roots.flatMap(nodeModulesDirs))) {
    for (const dir of candidateDirs(nm)) {
      const pkgFile = join(dir, 'package.json');
      if (!existsSync(pkgFile)) continue;
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as PackageJson;
      const name = pkg.name.replace(/^@linli\/plugin-|^linli-plugin-/, '');
      if (!pkg.linli?.plugin || found.has(name)) continue;
      found.set(name, { name, packageName: pkg.name, dir, load: () => loadPlugin(dir, pkg) });
    }
  }
  return found;
}

/** Every installed plugin, imported (for tools that need them all). */
export async function discoverPlugins(...from: string[]): Promise<LinliPlugin[]> {
  return Promise.all([...findInstalledPlugins(...from).values()].map((p) => p.load()));
}

async function loadPlugin(dir: string, pkg: PackageJson): Promise<LinliPlugin> {
  const file = join(dir, entryOf(pkg));
  if (!existsSync(file)) {
    throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`plugin ${pkg.name} is not built (${file} is missing): run \`npm run build\` at the repository root`]);
  }
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const plugin = Object.values(mod).find(isPlugin);
  if (!plugin) throw new LinliError('LINLI_ERR_CONFIG_INVALID', [`${pkg.name} says it is a Linli plugin but exports no definePlugin(...) result`]);
  return plugin;
}

interface PackageJson {
  name: string;
  main?: string;
  exports?: string | { '.'?: string | { default?: string; import?: string } };
  linli?: { plugin?: boolean };
}

/** The file `import(pkg.name)` would load: the "." export's default, or main. */
function entryOf(pkg: PackageJson): string {
  const dot = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
  const entry = typeof dot === 'string' ? dot : (dot?.import ?? dot?.default ?? pkg.main);
  if (!entry) throw new Error(`${pkg.name} has no entry point (exports "." or main).`);
  return entry;
}

function isPlugin(v: unknown): v is LinliPlugin {
  return typeof v === 'object' && v !== null && typeof (v as LinliPlugin).name === 'string' && typeof (v as LinliPlugin).sdk === 'string' && typeof (v as LinliPlugin).version === 'string';
}

function nodeModulesDirs(from: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(from);
  for (;;) {
    const nm = join(dir, 'node_modules');
    if (existsSync(nm)) dirs.push(nm);
    const parent = dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}

function candidateDirs(nm: string): string[] {
  const out: string[] = [];
  const scoped = join(nm, '@linli');
  if (existsSync(scoped)) for (const d of readdirSync(scoped)) if (d.startsWith('plugin-')) out.push(join(scoped, d));
  for (const d of readdirSync(nm)) if (d.startsWith('linli-plugin-')) out.push(join(nm, d));
  return out;
}
