import type { LoadResult } from './load.js';

export interface Measurement {
  id: string;
  label: string;
  api: LoadResult | null;
  raw: LoadResult | null;
  /** CPU time of the server process per API request, in ms (user + system), warm-up included. */
  serverCpuMs?: number;
}

export interface TargetCheck {
  /** The measurement (or 'cold-start' / 'memory') it is about. */
  id: string;
  target: string;
  value: string;
  pass: boolean;
}

export interface Extras {
  coldStartMs: number[];
  memory: { maxRssMb: number; peakMb: number } | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
export const coldStartOf = (e: Extras) => median(e.coldStartMs);

/**
 * The issue's targets (2-core machine, PostgreSQL, 1M tickets). Printed
 * PASS/FAIL beside each measurement; a FAIL never fails the process.
 */
export function checkTargets(ms: Measurement[], extras: Extras): TargetCheck[] {
  const out: TargetCheck[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  for (const m of ms) {
    if ((m.id === 'create' || m.id === 'transition') && m.api && m.raw && m.raw.throughput > 0) {
      const r = m.api.throughput / m.raw.throughput;
      out.push({ id: m.id, target: 'API ≥ 65% of raw', value: pct(r), pass: r >= 0.65 && m.api.errors === 0 });
    }
    const p99 = m.api?.p99 ?? m.raw?.p99;
    if (m.id.startsWith('list.') && p99 !== undefined) {
      // A queue page: fast enough for the person waiting, and not far behind the database's own limit (issue 19).
      const r = m.api && m.raw && m.raw.throughput > 0 ? m.api.throughput / m.raw.throughput : undefined;
      out.push({
        id: m.id,
        target: r === undefined ? 'p99 < 20 ms' : 'p99 < 20 ms, API ≥ 50% of raw',
        value: `${p99.toFixed(1)} ms`,
        pass: p99 < 20 && (m.api ?? m.raw)!.errors === 0 && (r === undefined || r >= 0.5),
      });
    }
    if (m.id === 'dashboard.community' && p99 !== undefined) out.push({ id: m.id, target: 'p99 < 100 ms', value: `${p99.toFixed(1)} ms`, pass: p99 < 100 });
    if (m.id === 'dashboard.city' && p99 !== undefined) out.push({ id: m.id, target: 'p99 < 500 ms', value: `${p99.toFixed(1)} ms`, pass: p99 < 500 });
  }
  if (extras.coldStartMs.length) {
    const c = coldStartOf(extras);
    out.push({ id: 'cold-start', target: '< 2 s', value: `${(c / 1000).toFixed(2)} s`, pass: c < 2000 });
  }
  if (extras.memory) out.push({ id: 'memory', target: 'RSS < 200 MB', value: `${extras.memory.maxRssMb.toFixed(0)} MB`, pass: extras.memory.maxRssMb < 200 });
  return out;
}

/**
 * Each write phase's CPU per operation, API beside raw: on a saturated
 * machine the throughput ratio is about the inverse ratio of these totals,
 * so this says which process the missing percent is spent in.
 */
export function cpuSplitLines(ms: Measurement[]): string[] {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '?' : x.toFixed(2));
  const side = (name: string, server: number | undefined, r: LoadResult | null) => {
    if (!r?.cpu) return null;
    const parts = [server, r.cpu.databaseMs, r.cpu.generatorMs];
    const all = parts.every((p) => typeof p === 'number') ? (parts as number[]).reduce((a, b) => a + b, 0) : undefined;
    return `${name} ${server === undefined ? '' : `${f(server)} + `}${f(r.cpu.databaseMs)} + ${f(r.cpu.generatorMs)} = ${f(all)}`;
  };
  return ms
    .filter((m) => m.id === 'create' || m.id === 'transition')
    .flatMap((m) => {
      const sides = [side('API', m.serverCpuMs, m.api), side('raw', 0, m.raw)].filter(Boolean);
      return sides.length ? [`  ${m.label}: ${sides.join(' · ')}`] : [];
    });
}

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

export function formatTable(ms: Measurement[], targets: TargetCheck[], extras: Extras): string {
  const head = ['phase', 'API req/s', 'p50 ms', 'p99 ms', 'raw op/s', 'p50 ms', 'p99 ms', 'API/raw', 'target', ''];
  const rows: string[][] = ms.map((m) => {
    const t = targets.find((x) => x.id === m.id);
    const ratio = m.api && m.raw && m.raw.throughput > 0 ? `${((m.api.throughput / m.raw.throughput) * 100).toFixed(0)}%` : '–';
    const errs = (m.api?.errors ?? 0) + (m.raw?.errors ?? 0);
    return [
      `${m.label}${errs ? ` (${errs} errors)` : ''}`,
      m.api ? n0.format(m.api.throughput) : '–',
      ms1(m.api?.p50),
      ms1(m.api?.p99),
      m.raw ? n0.format(m.raw.throughput) : '–',
      ms1(m.raw?.p50),
      ms1(m.raw?.p99),
      ratio,
      t ? `${t.target}` : '',
      t ? (t.pass ? 'PASS' : 'FAIL') : '',
    ];
  });
  const cold = targets.find((t) => t.id === 'cold-start');
  if (cold) rows.push([`cold start (median of ${extras.coldStartMs.length})`, '', '', '', '', '', '', cold.value, cold.target, cold.pass ? 'PASS' : 'FAIL']);
  const mem = targets.find((t) => t.id === 'memory');
  if (mem) rows.push([`server RSS under load (peak ${extras.memory!.peakMb.toFixed(0)} MB incl. start)`, '', '', '', '', '', '', mem.value, mem.target, mem.pass ? 'PASS' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 8 ? padEnd(c, widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// CJK characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[─░█–≥]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
