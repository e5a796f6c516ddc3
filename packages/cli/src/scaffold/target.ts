import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Out } from '../commands.js';
import { nameProblem, titleProblem } from './names.js';
import { findWorkspace, notInWorkspace, type Workspace } from './workspace.js';

export interface NewThingOptions {
  name: string;
  title?: string | undefined;
  titleEn?: string | undefined;
  cwd: string;
}

/**
 * The first half of every `linli new-*` command: check the name and titles,
 * find the workspace, and refuse a folder that exists. Prints why and returns
 * null when the command must stop (exit 1).
 */
export function newTarget(kind: 'plugin' | 'city', o: NewThingOptions, err: Out): { ws: Workspace; dir: string } | null {
  const problem = nameProblem(o.name, kind);
  if (problem) return err(`✗ ${problem}`), null;
  for (const [flag, t] of [['--title', o.title], ['--title-en', o.titleEn]] as const) {
    const bad = t === undefined ? null : titleProblem(t);
    if (bad) return err(`✗ ${flag} ${bad}`), null;
  }
  const ws = findWorkspace(o.cwd);
  if (!ws) return err(`✗ ${notInWorkspace(o.cwd)}`), null;
  const dir = join(ws.root, kind === 'plugin' ? 'plugins' : 'examples', o.name);
  if (existsSync(dir)) return err(`✗ ${relative(o.cwd, dir) || dir} already exists: choose another name, or remove the folder first.`), null;
  return { ws, dir };
}
