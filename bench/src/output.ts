import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE, QUEUE_STATE } from './fixtures.js';
import { formatCount } from './progress.js';
import { checkTargets, coldStartOf, cpuSplitLines, formatTable, type Extras, type Measurement } from './report.js';

export interface RunInfo {
  backend: 'postgres' | 'pglite';
  tickets: number;
  machine: { cores: number; loadAverageAtStart: number; loadAverageAtEnd: number } & Record<string, unknown>;
  versions: Record<string, string>;
  plugins: string[];
  options: Record<string, unknown>;
  seed: unknown;
  explain: string;
}

/** Prints the table and its notes, and writes the same as JSON to bench/results. */
export function report(resultsDir: string, run: RunInfo, measurements: Measurement[], extras: Extras, warnings: string[], say: (line?: string) => void): void {
  const targets = checkTargets(measurements, extras);
  if (run.backend !== 'postgres' || run.tickets < 1_000_000 || run.machine.cores !== 2) {
    warnings.push(`The targets are set for PostgreSQL, 1,000,000 tickets and 2 cores; this run: ${run.backend}, ${formatCount(run.tickets)} tickets, ${run.machine.cores} cores. PASS/FAIL are indicative only.`);
  }
  say('');
  say(formatTable(measurements, targets, extras));
  say('');
  say(`Reads: the "${QUEUE_STATE}" queue, ${PAGE} per page, newest first; "oldest page" is the last one. Raw = the same SQL through the driver (${run.backend === 'postgres' ? 'pg, a pool of 10' : 'PGlite in-process'}).`);
  const cpu = measurements.filter((m) => m.serverCpuMs !== undefined).map((m) => `${m.label} ${m.serverCpuMs!.toFixed(2)}`);
  if (cpu.length) say(`Server CPU per request, ms: ${cpu.join(' · ')}.`);
  const split = cpuSplitLines(measurements);
  if (split.length) say(`CPU per operation, ms (server + the database backends serving the phase + load generator = all):\n${split.join('\n')}`);
  // Other processes on the machine move every latency: say how busy it was.
  say(`Load average (1 min): ${run.machine.loadAverageAtStart.toFixed(1)} at start, ${run.machine.loadAverageAtEnd.toFixed(1)} at end, on ${run.machine.cores} cores.`);
  for (const w of warnings) say(`! ${w}`);
  const json = `${JSON.stringify(
    {
      when: new Date().toISOString(),
      backend: run.backend,
      machine: run.machine,
      versions: run.versions,
      plugins: run.plugins,
      options: run.options,
      seed: run.seed,
      measurements,
      coldStart: { runsMs: extras.coldStartMs, medianMs: coldStartOf(extras) },
      memory: extras.memory,
      targets,
      warnings,
      ...(run.explain ? { explain: run.explain } : {}),
    },
    null,
    2,
  )}\n`;
  writeFileSync(join(resultsDir, 'latest.json'), json);
  writeFileSync(join(resultsDir, `latest-${run.backend}.json`), json);
  say(`Written to bench/results/latest.json (and latest-${run.backend}.json).`);
}
