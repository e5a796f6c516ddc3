import { parseArgs } from 'node:util';

export type Backend = 'postgres' | 'pglite';

export interface BenchOptions {
  backend: Backend;
  databaseUrl: string | undefined;
  tickets: number;
  /** Seconds each write phase (create, transition) runs after its warm-up. */
  duration: number;
  /** Seconds each read phase (a list page, a dashboard) runs: reads converge faster. */
  readDuration: number;
  warmup: number;
  /**
   * Seconds each kind of request is sent, unrecorded, before its phases are measured: reads, then
   * writes (V8 optimizes a route's code only after serving it for a while; bench/README.md).
   */
  serverWarmup: { read: number; write: number };
  /** Slices each measured phase is cut into, API and raw in turn (PostgreSQL). */
  slices: number;
  concurrency: number;
  /** Reads are measured as a handful of staff clicking around, not a flood: latency, not throughput, is the target. */
  readConcurrency: number;
  coldStarts: number;
  explain: boolean;
  quick: boolean;
  /** Keep the data of the previous run when it has at least --tickets tickets (iterating on queries at 1M). */
  reuse: boolean;
  schema: string;
}

export const usage = `Usage: npm run bench -- [options]

  --backend postgres|pglite  database (default: postgres when DATABASE_URL is set, else pglite)
  --tickets N                tickets to seed (default: 1,000,000 on PostgreSQL, 100,000 on PGlite, 20,000 with --quick)
  --duration S               seconds per write phase, after a warm-up (default 10)
  --concurrency C            concurrent clients for create/transition, API and raw alike (default 32)
  --read-concurrency R       concurrent clients for list and dashboard reads (default 4)
  --explain                  print EXPLAIN (ANALYZE, BUFFERS) of the list and dashboard queries
  --quick                    small sizes and 1 s phases: a smoke run of every phase
  --reuse                    keep the previous run's data when it is big enough (skips seeding)
  --schema NAME              PostgreSQL schema to run in (default "bench"; another name lets two runs share a server)
  -h, --help                 this help

PostgreSQL runs in the schema "bench" or --schema (dropped and recreated at start);
PGlite in .linli/bench/pglite. Results: bench/results/latest.json.`;

const positiveInt = (name: string, v: string | undefined, dflt: number): number => {
  if (v === undefined) return dflt;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${v}".`);
  return n;
};

const schemaName = (v: string | undefined): string => {
  if (v === undefined) return 'bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(v)) throw new Error(`--schema must be a lower-case PostgreSQL identifier, got "${v}".`);
  return v;
};

/** Parses the flags; throws an Error with a message meant for the person at the terminal. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      backend: { type: 'string' },
      tickets: { type: 'string' },
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      'read-concurrency': { type: 'string' },
      explain: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      schema: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const databaseUrl = env.DATABASE_URL || undefined;
  const backend = (values.backend ?? (databaseUrl ? 'postgres' : 'pglite')) as Backend;
  if (backend !== 'postgres' && backend !== 'pglite') throw new Error(`--backend must be postgres or pglite, got "${values.backend}".`);
  if (backend === 'postgres' && !databaseUrl) throw new Error('--backend postgres needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test');
  const quick = values.quick === true;
  const duration = positiveInt('duration', values.duration, quick ? 1 : 10);
  return {
    backend,
    databaseUrl: backend === 'postgres' ? databaseUrl : undefined,
    tickets: positiveInt('tickets', values.tickets, quick ? 20_000 : backend === 'postgres' ? 1_000_000 : 100_000),
    duration,
    readDuration: Math.min(duration, 5),
    warmup: quick ? 0.3 : 1,
    serverWarmup: quick ? { read: 0, write: 0 } : { read: 2, write: 5 },
    slices: quick ? 2 : 5,
    concurrency: positiveInt('concurrency', values.concurrency, quick ? 8 : 32),
    readConcurrency: positiveInt('read-concurrency', values['read-concurrency'], quick ? 2 : 4),
    coldStarts: quick ? 1 : 3,
    explain: values.explain === true,
    quick,
    reuse: values.reuse === true,
    schema: schemaName(values.schema),
  };
}
