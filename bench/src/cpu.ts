import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * Where a phase's CPU went, per operation: the server, the database and the
 * load generator itself. On a 2-core machine every write phase saturates
 * the cores, so throughput is roughly 2 cores ÷ the CPU one operation costs
 * everybody; the split says which process an improvement has to come from
 * (and that the load generator's own share is not the server's fault).
 * Linux /proc only; elsewhere the split is left out.
 */
export interface CpuSplit {
  /** ms of CPU per operation of the bench process (HTTP client or database driver). */
  generatorMs: number;
  /**
   * ms of CPU per operation of the PostgreSQL backends serving the phase's own connections (found by
   * their application_name), or null (PGlite, or /proc unreadable). Background processes (WAL writer,
   * checkpointer, autovacuum) and anybody else's connections are left out.
   */
  databaseMs: number | null;
}

/** Who the phase's database connections say they are (`application_name`), one name per side. */
export const DB_APP = { server: 'linli-bench-server', raw: 'linli-bench-raw' } as const;

/** A connection string that names its connections `app` (pg reads `application_name` from the URL). */
export function urlWithApp(url: string, app: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', app);
  return u.toString();
}

// Clock ticks per second of /proc/<pid>/stat: 100 on every Linux this runs on (USER_HZ).
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far, or null when it is gone or /proc is not there. */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds so far of every process now running (a backend opened during the phase started from zero). */
function everyProcess(): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    const s = processCpuSeconds(Number(pid));
    if (s !== null) out.set(Number(pid), s);
  }
  return out;
}

/** The backends connected as `app` right now. */
async function backendsOf(databaseUrl: string, app: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [app]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/**
 * Starts counting; `perOp(ops)` gives the CPU per operation since then. The
 * backends are looked up at the end (pools open connections as load grows);
 * the pools keep them for the whole phase, so none takes its time away.
 */
export function cpuMeter(database: { url: string; app: string } | null) {
  const self0 = process.cpuUsage();
  const before = database ? everyProcess() : null;
  return {
    async perOp(ops: number): Promise<CpuSplit | undefined> {
      if (ops <= 0) return undefined;
      const self = process.cpuUsage(self0);
      let databaseMs: number | null = null;
      if (database && before && before.size > 0) {
        const pids = await backendsOf(database.url, database.app);
        const used = pids.reduce((sum, pid) => sum + Math.max(0, (processCpuSeconds(pid) ?? 0) - (before.get(pid) ?? 0)), 0);
        databaseMs = pids.length ? (used * 1000) / ops : null;
      }
      return { generatorMs: (self.user + self.system) / 1000 / ops, databaseMs };
    },
  };
}
