import type { Fixtures, WorkTicket } from './fixtures.js';
import { users } from './fixtures.js';
import { Api, apiCreate, apiGet, apiTransition } from './http.js';
import { mergeSlices, type LoadResult } from './load.js';
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
  load: Load;
  phase: (line: string) => void;
  /** Each measured phase is run as this many slices, API and raw in turn, when the raw side can run beside the server. */
  slices: number;
}

type Op = (w: number) => Promise<void>;
export type Load = (concurrency: number, seconds: number, op: Op, side: 'server' | 'raw', slice?: { warmupSeconds?: number; latencies?: number[] }) => Promise<LoadResult>;

/**
 * The raw side, opened while the server runs (PostgreSQL: both can use the
 * database at once). Each op is a fresh closure: `warm` ones work on tickets
 * of their own, so the measured tickets start without the warm-up's history.
 */
export interface RawSide {
  read(r: ReadScenario): Op;
  create(): Op;
  transition(warm: boolean): Op;
  close(): Promise<void>;
}

/** The tickets each side's transitions move: the measured ones, and others for the warm-up. */
export interface Hands {
  measured: WorkTicket[][];
  warmup: WorkTicket[][];
}

// After the first slice the pools and the JIT are warm: a short unrecorded start only fills the clients' pipeline again.
const SLICE_WARMUP_SECONDS = 0.3;

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
  hands: Hands,
  measurements: Measurement[],
  warnings: string[],
  openRaw?: () => Promise<RawSide>,
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
      /**
       * A phase. With the raw side beside the server it runs in slices, API and raw in turn:
       * the machine's speed drifts (other virtual machines on the host), and a phase a minute after
       * the other would carry that drift into the ratio; slices spread it over both sides alike.
       */
      const measureSliced = async (id: string, label: string, concurrency: number, duration: number, apiOp: Op, rawOp: Op | null) => {
        const slices = rawOp ? o.slices : 1;
        const seconds = duration / slices;
        o.phase(rawOp ? `${label}: API and raw in turn, ${slices} × ${seconds} s each, ${concurrency} clients` : `API ${label}: ${concurrency} clients × ${duration} s`);
        const side = { api: { parts: [] as LoadResult[], latencies: [] as number[] }, raw: { parts: [] as LoadResult[], latencies: [] as number[] } };
        let serverCpu: number | null = 0;
        for (let i = 0; i < slices; i++) {
          const warmupSeconds = i === 0 ? undefined : SLICE_WARMUP_SECONDS;
          const before = s.cpuSeconds();
          side.api.parts.push(await o.load(concurrency, seconds, apiOp, 'server', { warmupSeconds, latencies: side.api.latencies }));
          const after = s.cpuSeconds();
          serverCpu = before === null || after === null || serverCpu === null ? null : serverCpu + (after - before);
          if (rawOp) side.raw.parts.push(await o.load(concurrency, seconds, rawOp, 'raw', { warmupSeconds, latencies: side.raw.latencies }));
        }
        const m = measurements.find((x) => x.id === id)!;
        m.api = mergeSlices(side.api.parts, side.api.latencies, concurrency);
        if (serverCpu !== null && m.api.allOps > 0) m.serverCpuMs = (serverCpu * 1000) / m.api.allOps;
        if (rawOp) m.raw = mergeSlices(side.raw.parts, side.raw.latencies, concurrency);
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
      const raw = openRaw ? await openRaw() : null;
      try {
        for (const r of served) await measureSliced(r.id, r.label, o.readConcurrency, o.readDuration, apiGet(api, token[r.user], r.apiPath), raw ? raw.read(r) : null);
        // The writes warm up only now: every read phase measures the seeded data set.
        const writes = [
          { id: 'create', api: () => apiCreate(api, token.writer, fx), raw: () => raw!.create() },
          { id: 'transition', api: (warm: boolean) => apiTransition(api, token.writer, warm ? hands.warmup : hands.measured), raw: (warm: boolean) => raw!.transition(warm) },
        ];
        for (const w of writes) {
          if (o.serverWarmup.write > 0) {
            o.phase(`warm-up: ${w.id}${raw ? ', API then raw' : ''}, ${o.serverWarmup.write} s each, unrecorded`);
            await o.load(o.concurrency, o.serverWarmup.write, w.api(true), 'server');
            if (raw) await o.load(o.concurrency, o.serverWarmup.write, w.raw(true), 'raw');
          }
          await measureSliced(w.id, measurements.find((m) => m.id === w.id)!.label, o.concurrency, o.duration, w.api(false), raw ? w.raw(false) : null);
        }
      } finally {
        await raw?.close();
      }
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
