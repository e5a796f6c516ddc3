import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { processCpuSeconds } from './cpu.js';

/**
 * `linli serve` as a child process, exactly as an operator starts it, so
 * the bench measures the shipped server (cold start, memory, logging and
 * all) and its own CPU is not mixed with the server's.
 */
export interface LinliServer {
  pid: number;
  origin: string;
  /** From spawn to the first 200 from /healthz. */
  coldStartMs: number;
  /** Resident set size now and the kernel's high-water mark, in MB (Linux /proc). */
  memory(): { rssMb: number; peakMb: number } | null;
  /** CPU seconds (user + system) the server has used so far (Linux /proc), or null. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export interface StartSpec {
  repoRoot: string;
  configPath: string;
  env: Record<string, string>;
  /** The server's stderr goes here (startup errors); its request log (stdout) is discarded. */
  logFile: string;
}

const DB_ENV = ['DATABASE_URL', 'LINLI_DB_SCHEMA', 'LINLI_DATA_DIR', 'LINLI_CONFIG', 'PORT', 'HOST'];

export async function startLinli(spec: StartSpec, timeoutMs = 120_000): Promise<LinliServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of DB_ENV) delete env[k];
  Object.assign(env, spec.env);
  const log = openSync(spec.logFile, 'a');
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(spec.repoRoot, 'packages/cli/bin/linli.js'), 'serve', '--config', spec.configPath, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: spec.repoRoot,
    env,
    stdio: ['ignore', 'ignore', log],
  });
  closeSync(log);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  try {
    for (;;) {
      if (exited !== null) throw new Error(`linli serve exited with code ${exited} before it was ready; see ${spec.logFile}:\n${tail(spec.logFile)}`);
      if (performance.now() - started > timeoutMs) throw new Error(`linli serve was not ready after ${timeoutMs / 1000} s; see ${spec.logFile}`);
      if (await healthy(origin)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  } catch (e) {
    await stop(child);
    throw e;
  }
  const coldStartMs = performance.now() - started;
  return { pid: child.pid!, origin, coldStartMs, memory: () => memoryOf(child.pid!), cpuSeconds: () => processCpuSeconds(child.pid!), stop: () => stop(child) };
}

async function healthy(origin: string): Promise<boolean> {
  try {
    const res = await request(`${origin}/healthz`, { headersTimeout: 1000, bodyTimeout: 1000 });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false; // not listening yet
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null; // not Linux, or the process is gone
  }
}

/** Samples the server's RSS while load runs; the peak is what the target is about. */
export function sampleMemory(server: LinliServer, everyMs = 200) {
  let maxRss = 0;
  const take = () => {
    const m = server.memory();
    if (m && m.rssMb > maxRss) maxRss = m.rssMb;
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxRssMb: maxRss, peakMb: server.memory()?.peakMb ?? NaN };
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
