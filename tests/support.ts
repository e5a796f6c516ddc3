import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Helpers for tests that run the real `linli` CLI as a child process, as a user would. */
export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = `${root}packages/cli/bin/linli.js`;
export const exampleConfig = `${root}examples/tianchang/linli.config.json`;
export const built = existsSync(`${root}packages/cli/dist/bin.js`);

/**
 * The example city with only the plugins a test names, written to a temp file
 * beside the example (so plugin discovery and `$schema` still resolve).
 */
export function exampleWith(plugins: Record<string, unknown>): string {
  const config = JSON.parse(readFileSync(exampleConfig, 'utf8'));
  config.plugins = plugins;
  const file = `${root}examples/tianchang/.test-${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(file, JSON.stringify(config));
  return file;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `linli serve --demo` and waits (bounded) until /healthz answers 200. */
export async function serve(env: Record<string, string>, args: string[] = [], timeoutMs = 300_000, config = exampleConfig): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve', '--demo', '--config', config, '--port', String(port), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, output: () => out };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${out}`);
}

export async function stop(s: Served, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  // A child killed by a signal keeps exitCode null and has signalCode set; its 'exit' event may be gone already.
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.child.exitCode;
  const done = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill(signal);
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  const code = await done;
  clearTimeout(timer);
  return code;
}

export async function api(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
