#!/usr/bin/env node
/**
 * `npm run bench`: seeds a city's worth of tickets, then measures the hot
 * paths through the HTTP API of a real `linli serve` and the same SQL run
 * directly through the driver, side by side in one run. See bench/README.md.
 *
 * Order: seed → raw reads → (server) cold starts, API reads, API writes →
 * raw writes → report. Every read runs before any write, so reads measure the
 * seeded data set and not the thousands of fresh open tickets the write
 * phases file in seconds.
 */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverPlugins, loadCity } from '@linli/server';
import { runApiPhases, type Load, type RawSide } from './api-phases.js';
import { explain, replay } from './capture.js';
import { createWorkTickets, loadFixtures } from './fixtures.js';
import { cpuMeter, DB_APP } from './cpu.js';
import { runLoad } from './load.js';
import { parseOptions, usage, type BenchOptions } from './options.js';
import { report } from './output.js';
import { formatCount } from './progress.js';
import { rawCreate, rawTransition } from './raw.js';
import { checkAgainstDb, rawStatements, schemaFeatures } from './raw-statements.js';
import { readScenarios } from './reads.js';
import type { Measurement } from './report.js';
import { prepareData } from './seed.js';
import { openPglite, openPostgres, pgliteVersion, type BenchTarget } from './target.js';
import { dealTickets } from './work.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const configPath = join(repoRoot, 'examples/tianchang/linli.config.json');
const resultsDir = join(repoRoot, 'bench/results');
const workDir = join(repoRoot, '.linli/bench');

const say = (line = '') => process.stdout.write(`${line}\n`);
const phase = (line: string) => process.stderr.write(`▸ ${line}\n`);

async function main(argv: string[]): Promise<number> {
  let opts: BenchOptions | 'help';
  try {
    opts = parseOptions(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (opts === 'help') {
    say(usage);
    return 0;
  }
  const o = opts;
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const warnings: string[] = [];
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), os: `${osType()} ${release()}`, loadAverageAtStart: loadavg()[0]!, loadAverageAtEnd: NaN };
  say(`Linli bench · ${o.backend} · ${formatCount(o.tickets)} tickets · concurrency ${o.concurrency} (reads ${o.readConcurrency}) · ${o.duration} s per write phase · ${machine.cores} cores`);

  const city = await loadCity({ configPath, available: await discoverPlugins(repoRoot) });
  const open = (reset: boolean): Promise<BenchTarget> =>
    o.backend === 'postgres' ? openPostgres(o.databaseUrl!, o.schema, reset) : openPglite(join(workDir, 'pglite'), reset);
  // `side`: whose database connections the phase uses (the server's or the bench's own), for the CPU split.
  const load: Load = async (concurrency, seconds, op, side = 'raw', slice = {}) => {
    const meter = cpuMeter(o.databaseUrl ? { url: o.databaseUrl, app: DB_APP[side] } : null);
    const r = await runLoad({ concurrency, seconds, warmupSeconds: slice.warmupSeconds ?? o.warmup, op, ...(slice.latencies ? { latencies: slice.latencies } : {}) });
    const cpu = await meter.perOp(r.allOps);
    return cpu ? { ...r, cpu } : r;
  };

  // On PostgreSQL the raw side runs beside the server, in turn with it; PGlite is one process's at a time.
  const interleaved = o.backend === 'postgres';

  // ── 1. Data, and the raw reads ───────────────────────────────────────
  const target = await open(!o.reuse);
  const versions: Record<string, string> = { node: process.version, [o.backend === 'postgres' ? 'postgres' : 'pglitePostgres']: target.serverVersion, pglite: pgliteVersion() };
  say(`node ${versions.node} · ${o.backend === 'postgres' ? `PostgreSQL ${target.serverVersion}` : `PGlite ${versions.pglite} (PostgreSQL ${target.serverVersion})`} · plugins: ${city.plugins.map((p) => p.name).join(', ')}`);
  const measurements: Measurement[] = [
    { id: 'create', label: `ticket create (c=${o.concurrency})`, api: null, raw: null },
    { id: 'transition', label: `ticket transition (c=${o.concurrency})`, api: null, raw: null },
  ];
  const byId = (id: string) => measurements.find((m) => m.id === id)!;
  let explained = '';
  const setup = await (async () => {
    try {
      phase(o.reuse ? 'Preparing data (reusing it when big enough)' : 'Seeding');
      const seed = await prepareData(target, city, o.tickets, o.reuse);
      say(
        seed.reused
          ? `Reused ${formatCount(seed.tickets)} tickets, ${formatCount(seed.events)} events.`
          : `Seeded ${formatCount(seed.tickets)} tickets and ${formatCount(seed.events)} events in ${seed.loadSeconds.toFixed(1)} s, indexes and vacuum ${seed.indexSeconds.toFixed(1)} s.`,
      );
      const { db } = target.database;
      const fx = await loadFixtures(db);
      const st = rawStatements(db, await schemaFeatures(db));
      const rawWork = await createWorkTickets(db, fx, o.concurrency * 16);
      const apiWork = await createWorkTickets(db, fx, o.concurrency * 16);
      // Tickets of their own for the warm-ups, so the measured ones start without the warm-up's history.
      const warmWork = { raw: await createWorkTickets(db, fx, o.concurrency * 16), api: await createWorkTickets(db, fx, o.concurrency * 16) };
      const drift = await checkAgainstDb(target, st, { orgId: fx.createOrgs[0]!.id, ticketId: rawWork[0]!.id, actorId: fx.personId.writer });
      if (drift.length) warnings.push(`The raw statements differ from @linli/db's; update bench/src/raw-statements.ts:\n  ${drift.join('\n  ')}`);
      const reads = await readScenarios(target, city.deployment, fx);
      for (const r of reads) {
        if (r.skipped) warnings.push(`${r.label}: ${r.skipped}`);
        else measurements.push({ id: r.id, label: r.label, api: null, raw: null });
      }
      if (o.explain) {
        for (const r of reads.filter((x) => !x.skipped)) explained += `\n=== ${r.label} ===\n${await explain(target, r.queries)}\n`;
        say(explained);
      }
      // PostgreSQL: measured beside the server's, in turn (api-phases.ts); PGlite: now, before the server opens the data.
      if (!interleaved) {
        for (const r of reads.filter((x) => !x.skipped)) {
          phase(`raw ${r.label}: ${o.readConcurrency} clients × ${o.readDuration} s`);
          byId(r.id).raw = await load(o.readConcurrency, o.readDuration, replay(target, r.queries), 'raw');
        }
      }
      const deal = (t: typeof rawWork) => dealTickets(t, o.concurrency);
      return { seed, fx, st, reads, hands: { raw: { measured: deal(rawWork), warmup: deal(warmWork.raw) }, api: { measured: deal(apiWork), warmup: deal(warmWork.api) } } };
    } finally {
      // PGlite: the server opens the same directory next, and only one process may.
      await target.close();
    }
  })();
  const { seed, fx, st, reads, hands } = setup;

  // ── 2. The server: cold start, API reads, API writes ─────────────────
  // The raw side's operations, on a target of their own.
  const rawSide = (t: BenchTarget): RawSide => ({
    read: (r) => replay(t, r.queries),
    create: () => rawCreate(t, st, fx, city.deployment),
    transition: (warm) => rawTransition(t, st, fx, city.deployment, warm ? hands.raw.warmup : hands.raw.measured),
    close: () => t.close(),
  });
  const extras = await runApiPhases(
    { repoRoot, configPath, env: { ...target.serverEnv, LINLI_RATE_LIMIT_ANONYMOUS: '0', LINLI_RATE_LIMIT_SESSION: '0' }, logFile: join(workDir, 'server.log') },
    { coldStarts: o.coldStarts, concurrency: o.concurrency, readConcurrency: o.readConcurrency, duration: o.duration, readDuration: o.readDuration, serverWarmup: o.serverWarmup, slices: o.slices, load, phase },
    reads,
    fx,
    hands.api,
    measurements,
    warnings,
    interleaved ? async () => rawSide(await open(false)) : undefined,
  );

  // ── 3. PGlite: the raw writes after the server, on the same data again ──
  if (!interleaved) {
    const raw = rawSide(await open(false));
    try {
      // The same warm-up as the server's writes had, so both sides are measured in their steady state.
      if (o.serverWarmup.write > 0) {
        phase(`raw warm-up: create and transition ${o.serverWarmup.write} s each, unrecorded`);
        await load(o.concurrency, o.serverWarmup.write, raw.create(), 'raw');
        await load(o.concurrency, o.serverWarmup.write, raw.transition(true), 'raw');
      }
      phase(`raw create: ${o.concurrency} clients × ${o.duration} s`);
      byId('create').raw = await load(o.concurrency, o.duration, raw.create(), 'raw');
      phase(`raw transition: ${o.concurrency} clients × ${o.duration} s`);
      byId('transition').raw = await load(o.concurrency, o.duration, raw.transition(false), 'raw');
    } finally {
      await raw.close();
    }
  }

  // ── 4. Report ───────────────────────────────────────────────────────
  machine.loadAverageAtEnd = loadavg()[0]!;
  report(
    resultsDir,
    {
      backend: o.backend,
      tickets: o.tickets,
      machine,
      versions,
      plugins: city.plugins.map((p) => `${p.name}@${p.version}`),
      options: { ...o, databaseUrl: undefined },
      seed,
      explain: explained,
    },
    measurements,
    extras,
    warnings,
    say,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`✗ ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
