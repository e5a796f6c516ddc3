import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository these tests run in. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * A throwaway copy of the workspace's shape outside the repository, so the
 * scaffold tests never leave a generated folder in it (other people run
 * their tests in the same checkout): a root package.json with npm
 * workspaces, the shared tsconfig, the example city, and node_modules linked
 * to the repository's (so @linli/sdk, @linli/testing and vitest resolve, and
 * the installed plugins are found).
 */
export function tempWorkspace(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'linli-scaffold-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'linli-scaffold-test', private: true, type: 'module', workspaces: ['packages/*', 'plugins/*'] }, null, 2));
  cpSync(join(repoRoot, 'tsconfig.json'), join(root, 'tsconfig.json'));
  cpSync(join(repoRoot, 'examples/tianchang/linli.config.json'), join(root, 'examples/tianchang/linli.config.json'));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
