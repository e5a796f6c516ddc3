#!/usr/bin/env node
// Builds the workspace package in the current directory (its `npm run build`):
// every src/**/*.ts except tests (*.test.ts, test-*.ts) transpiled one file at
// a time to dist/**/*.js with source maps. No bundling and no type checking:
// the sources are isolated modules (tsconfig: isolatedModules,
// verbatimModuleSyntax), so a file-by-file transpile emits what tsc would, in
// a fraction of a second instead of ten; `npm run typecheck` (part of
// `npm test`) checks the types. scripts/dev.mjs uses watchPackage.
import { readdirSync, rmSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const isTest = (f) => /(^|\/)(test-[^/]*|[^/]*\.test)\.tsx?$/.test(f);

/** The package's source files to emit, as absolute paths. */
function entries(dir) {
  return readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !isTest(f))
    .sort()
    .map((f) => join(dir, 'src', f));
}

function options(dir, logLevel) {
  return { entryPoints: entries(dir), outdir: join(dir, 'dist'), outbase: join(dir, 'src'), format: 'esm', platform: 'node', target: 'node20', sourcemap: true, logLevel };
}

export async function buildPackage(dir) {
  // A file removed from src/ must not linger in dist/ and be imported by mistake.
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  await esbuild.build(options(dir, 'warning'));
}

/** Rebuilds a package's changed files as they are saved; a file added under src/ is picked up too. Returns a stop function. */
export async function watchPackage(dir, onRebuilt = () => {}) {
  let opts = options(dir, 'warning');
  let initial = true; // the first build only repeats what `npm run build` wrote
  const report = {
    name: 'report',
    setup: (b) =>
      b.onEnd((r) => {
        if (initial) initial = false;
        else if (r.errors.length === 0) onRebuilt(relative(process.cwd(), dir));
      }),
  };
  let ctx = await esbuild.context({ ...opts, plugins: [report] });
  await ctx.watch();
  const watcher = watch(join(dir, 'src'), { recursive: true }, async () => {
    const now = entries(dir);
    if (now.join() === opts.entryPoints.join()) return;
    opts = { ...opts, entryPoints: now };
    await ctx.dispose();
    ctx = await esbuild.context({ ...opts, plugins: [report] });
    await ctx.watch();
  });
  return async () => {
    watcher.close();
    await ctx.dispose();
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildPackage(process.cwd());
