import type { CpuSplit } from './cpu.js';

/**
 * A closed-loop load generator: `concurrency` workers each run `op` back to
 * back until the time is up. The same loop drives the HTTP API and the raw
 * driver, so both sides are measured the same way. A warm-up runs first and
 * is not recorded (JIT, connection pools, caches).
 */
export interface LoadOptions {
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  /** Hard cap on recorded operations, whatever the time (a bound on what a run can write). */
  maxOps?: number;
  /** Also receives every recorded latency: slices of one phase are summed up with `mergeSlices`. */
  latencies?: number[];
  op: (worker: number) => Promise<void>;
}

export interface LoadResult {
  /** Operations recorded (after the warm-up). */
  ops: number;
  /** Operations completed, warm-up included: what CPU time used during the phase is divided by. */
  allOps: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  concurrency: number;
  /** Where the phase's CPU went per operation (cpu.ts), when measured. */
  cpu?: CpuSplit;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let stop = false;
  let failedInARow = 0;
  const maxOps = o.maxOps ?? 2_000_000;
  // Deadlines are read from the clock, not set with timers: an in-process
  // database (PGlite) resolves its promises without ever yielding to the
  // timer queue, so a timer-driven stop would never fire.
  const begin = performance.now();
  const recordFrom = begin + o.warmupSeconds * 1000;
  const end = recordFrom + o.seconds * 1000;
  let lastFinish = recordFrom;
  let allOps = 0;

  const worker = async (w: number) => {
    for (;;) {
      const t0 = performance.now();
      if (stop || t0 >= end) return;
      try {
        await o.op(w);
        allOps++;
        failedInARow = 0;
        const t1 = performance.now();
        if (t0 >= recordFrom) {
          latencies.push(t1 - t0);
          o.latencies?.push(t1 - t0);
          lastFinish = Math.max(lastFinish, t1);
          if (latencies.length >= maxOps) stop = true;
        }
      } catch (e) {
        if (t0 >= recordFrom) errors++;
        firstError ??= (e as Error).message ?? String(e);
        // Something is plainly broken (server down, bad fixture): stop instead of spinning.
        if (++failedInARow > 200) stop = true;
      }
    }
  };

  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const seconds = (lastFinish - recordFrom) / 1000;
  return { ...summarize(latencies, errors, firstError, seconds, o.concurrency), allOps };
}

export function summarize(latencies: number[], errors: number, firstError: string | null, seconds: number, concurrency: number): Omit<LoadResult, 'allOps'> {
  const sorted = Float64Array.from(latencies).sort();
  // Nearest-rank percentile: the latency that p of the requests did not exceed.
  const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : NaN);
  const sum = latencies.reduce((s, x) => s + x, 0);
  return {
    ops: latencies.length,
    errors,
    firstError,
    seconds,
    throughput: seconds > 0 ? latencies.length / seconds : 0,
    p50: pct(0.5),
    p99: pct(0.99),
    mean: latencies.length ? sum / latencies.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    concurrency,
  };
}

/** One phase run as several slices (interleaved with the other side's): their latencies, counts, time and CPU summed. */
export function mergeSlices(slices: readonly LoadResult[], latencies: number[], concurrency: number): LoadResult {
  const sum = (f: (r: LoadResult) => number) => slices.reduce((s, r) => s + f(r), 0);
  const allOps = sum((r) => r.allOps);
  const merged: LoadResult = {
    ...summarize(latencies, sum((r) => r.errors), slices.find((r) => r.firstError)?.firstError ?? null, sum((r) => r.seconds), concurrency),
    allOps,
  };
  const withCpu = slices.filter((r) => r.cpu);
  if (withCpu.length === slices.length && allOps > 0) {
    const weighted = (f: (r: LoadResult) => number | null) => (slices.some((r) => f(r) === null) ? null : sum((r) => f(r)! * r.allOps) / allOps);
    merged.cpu = { generatorMs: weighted((r) => r.cpu!.generatorMs)!, databaseMs: weighted((r) => r.cpu!.databaseMs) };
  }
  return merged;
}
