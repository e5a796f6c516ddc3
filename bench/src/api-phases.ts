import type { Fixtures, WorkTicket } from './fixtures.js';
import { users } from './fixtures.js';
import { Api, apiCreate, apiGet, apiTransition } from './http.js';
import type { LoadResult } from './load.js';
import type { ReadScenario } from './reads.js';
import type { Extras, Measurement } from './report.js';
import { BENCH_PASSWORD } from './seed.js';
import { sampleMemory, startLinli, type LinliServer, type StartSpec } from './server-process.js';

export interface ApiPhaseOptions {
  coldStarts: number;
  concurrency: number;
  readConcurrency: number;
  duration: number;
  readDuration: number;
  /** Seconds each kind of request is served, unrecorded, before its kind of phase is measured (0: none). */
  serverWarmup: { read: number; write: number };
  /** Runs a phase; `side` says whose database connections it uses. */
  load: (concurrency: number, seconds: number, op: (w: number) => Promise<void>, side: 'server' | 'raw') => Promise<LoadResult>;
  phase: (line: string) => void;
}

/**
 * Everything measured through `linli serve`: cold starts (the last server
 * stays up), then the reads, then the writes, with the server's RSS sampled
 * throughout and its CPU time per request recorded for each phase.
 */
export async function runApiPhases(
  spec: StartSpec,
  o: ApiPhaseOptions,
  reads: ReadScenario[],
  fx: Fixtures,
  hands: WorkTicket[][],
  measurements: Measurement[],
  warnings: string[],
): Promise<Extras> {
  const extras: Extras = { coldStartMs: [], memory: null };
  let server: LinliServer | null = null;
  try {
    for (let i = 0; i < o.coldStarts; i++) {
      o.phase(`cold start ${i + 1}/${o.coldStarts}: linli serve → /healthz`);
      if (server) await server.stop();
      server = await startLinli(spec);
      extras.coldStartMs.push(server.coldStartMs);
    }
    const s = server!;
    const api = new Api(s.origin, Math.max(o.concurrency, o.readConcurrency));
    try {
      const token = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await api.login(u, BENCH_PASSWORD)] as const))) as Record<keyof typeof users, string>;
      const memory = sampleMemory(s);
      // The server's CPU time per request: unlike throughput, it does not depend on what else the machine runs.
      const measure = async (id: string, concurrency: number, seconds: number, op: (w: number) => Promise<void>) => {
        const before = s.cpuSeconds();
        const r = await o.load(concurrency, seconds, op, 'server');
        const after = s.cpuSeconds();
        const m = measurements.find((x) => x.id === id)!;
        m.api = r;
        if (before !== null && after !== null && r.allOps > 0) m.serverCpuMs = ((after - before) * 1000) / r.allOps;
      };
      const served: ReadScenario[] = [];
      for (const r of reads) {
        if (r.skipped) continue;
        if (await routeExists(api, token[r.user], r.apiPath)) served.push(r);
        else warnings.push(`${r.label}: GET ${r.apiPath.split('?')[0]} is not served; measured the SQL directly (raw column only).`);
      }
      // Steady state, as a server that has run for days: V8 optimizes a route's code only after it has
      // served it for a while, so without this the first phase measured would pay for the JIT.
      if (o.serverWarmup.read > 0) {
        o.phase(`server warm-up: each read ${o.serverWarmup.read} s, unrecorded`);
        for (const r of served) await o.load(o.readConcurrency, o.serverWarmup.read, apiGet(api, token[r.user], r.apiPath), 'server');
      }
      for (const r of served) {
        o.phase(`API ${r.label}: ${o.readConcurrency} clients × ${o.readDuration} s`);
        await measure(r.id, o.readConcurrency, o.readDuration, apiGet(api, token[r.user], r.apiPath));
      }
      // The writes warm up only now: every read phase measures the seeded data set.
      if (o.serverWarmup.write > 0) {
        o.phase(`server warm-up: create and transition ${o.serverWarmup.write} s each, unrecorded`);
        await o.load(o.concurrency, o.serverWarmup.write, apiCreate(api, token.writer, fx), 'server');
        await o.load(o.concurrency, o.serverWarmup.write, apiTransition(api, token.writer, hands), 'server');
      }
      o.phase(`API create: ${o.concurrency} clients × ${o.duration} s`);
      await measure('create', o.concurrency, o.duration, apiCreate(api, token.writer, fx));
      o.phase(`API transition: ${o.concurrency} clients × ${o.duration} s`);
      await measure('transition', o.concurrency, o.duration, apiTransition(api, token.writer, hands));
      extras.memory = memory.stop();
    } finally {
      await api.close();
    }
  } finally {
    await server?.stop();
  }
  return extras;
}

/** A read route the server may not have: 404 from the router means "not there". */
async function routeExists(api: Api, token: string, path: string): Promise<boolean> {
  try {
    await api.call('GET', path, token);
    return true;
  } catch (e) {
    if (/answered 404/.test((e as Error).message)) return false;
    throw e;
  }
}
