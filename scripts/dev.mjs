#!/usr/bin/env node
// `npm run dev`: the developer loop. Every workspace package (core, sdk, server,
// plugins, …) is rebuilt into dist/ the moment one of its sources changes
// (esbuild, milliseconds); the server restarts on a changed dist/ file
// (`node --watch`, which follows every module the server imported, plugins
// included); the web app is served by Vite with hot module replacement on
// :5173, forwarding /api to the server on :3000. Ctrl-C stops everything.
// Arguments after `--` go to the server: `npm run dev -- --config examples/x/linli.config.json`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchPackage } from './build-package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const children = [];

function run(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options, env: { ...process.env, ...options.env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} stopped (${signal ?? code}); stopping the rest.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
/** Stops every child and waits (at most 15 s) for them, so the server closes its database and frees the data directory. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(running.map((c) => new Promise((resolve) => c.once('exit', resolve))));
  for (const c of running) c.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// 1. One build of everything, so dist/ is complete before the watchers and the server start (a turbo cache hit when nothing changed).
const build = spawn(node, [join(root, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
const built = await new Promise((resolve) => build.on('exit', resolve));
if (built !== 0) process.exit(built ?? 1);

// 2. A watcher per package that has TypeScript sources and runs from dist/ (the web app is Vite's), all in this process.
const packages = ['packages', 'plugins', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .filter((dir) => dir !== join(root, 'apps', 'web') && existsSync(join(dir, 'src')));
await Promise.all(packages.map((dir) => watchPackage(dir, (name) => console.log(`[dev] rebuilt ${name}`))));

// 3. The server, restarted on change, with readable logs.
const serverArgs = process.argv.slice(2);
run('server', node, ['--watch', '--watch-preserve-output', 'apps/server/dist/main.js', ...serverArgs], { env: { LINLI_LOG_FORMAT: process.env.LINLI_LOG_FORMAT ?? 'pretty' } });

// 4. The web app with hot module replacement.
const api = process.env.LINLI_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
run('web app', node, [join(root, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--clearScreen', 'false'], { cwd: join(root, 'apps/web'), env: { LINLI_API_URL: api } });
console.log(`[dev] open the web app Vite prints below (hot reload; /api goes to ${api}). Edit any package or plugin: it rebuilds and the server restarts.`);
