import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The Linli workspace a command runs in: the nearest folder at or above `cwd`
 * whose package.json declares npm workspaces (the repository root). New
 * plugins go to its plugins/, new cities to its examples/.
 */
export interface Workspace {
  root: string;
  /** Whether the root's workspaces include `plugins/*`, so `npm install` links a new plugin. */
  coversPlugins: boolean;
}

export function findWorkspace(cwd: string): Workspace | null {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: string[] | { packages?: string[] } };
      const globs = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces?.packages ?? null);
      if (globs) return { root: dir, coversPlugins: globs.some((g) => g === 'plugins/*' || g === 'plugins/**') };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export const notInWorkspace = (cwd: string) =>
  `No Linli workspace found at or above ${cwd}: run this in the repository (the folder whose package.json lists "plugins/*" under "workspaces").`;
