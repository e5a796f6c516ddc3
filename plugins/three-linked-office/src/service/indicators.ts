import { seesPath, sql, type Actor } from '@linli/sdk';
import type { Office } from '../store/offices.js';
import type { Env } from './env.js';
import { round1 } from './fees.js';

export interface IndicatorRow {
  orgId: string;
  name: string;
  level: string;
  levelTitle: string;
  offices: number;
  meetingsHeld: number;
  problemsRaised: number;
  problemsSolved: number;
  problemsOpen: number;
  overdue: number;
  /** Mean days from raising to closing, over solved problems; null before the first is solved. */
  avgDaysToSolve: number | null;
  /** The latest month's collection rate, in percent (a rollup: the mean over its compounds' latest rates). */
  feeRate: number | null;
  feeRateMonth: string | null;
  /** The first month's rate on record, to show the change. */
  feeRateFirst: number | null;
}

interface Totals {
  meetingsHeld: number;
  raised: number;
  solved: number;
  open: number;
  overdue: number;
  solveSeconds: number;
  fee: { first: number; latest: number; month: string } | null;
}

const levelTitle: Record<string, string> = { compound: '小区', community: '社区', street: '街道', district: '区', city: '市' };

/**
 * Per compound: meetings held, problems raised and solved, mean days to
 * solve, the fee collection rate. Rolled up to every community, street and
 * city above them whose whole area the actor oversees, so a partial sum is
 * never shown under a street's name.
 */
export async function indicators(env: Env, actor: Actor, offices: readonly Office[], within?: string): Promise<IndicatorRow[]> {
  if (offices.length === 0) return [];
  const totals = await totalsByOffice(env, offices);
  const rows = new Map<string, { row: Omit<IndicatorRow, 'avgDaysToSolve' | 'feeRate' | 'feeRateMonth' | 'feeRateFirst'>; path: string; t: Totals[] }>();
  const ancestorIds = [...new Set(offices.flatMap((o) => o.compound.path.split('/').filter(Boolean).slice(0, -1)))].map(Number);
  const ancestors = ancestorIds.length ? await env.db.selectFrom('linli_orgs').select(['id', 'name', 'type', 'path']).where('id', 'in', ancestorIds).execute() : [];
  const oversees = (path: string) => seesPath(actor, path);

  const add = (id: string, name: string, level: string, path: string, t: Totals) => {
    const entry = rows.get(id) ?? {
      row: { orgId: id, name, level, levelTitle: levelTitle[level] ?? level, offices: 0, meetingsHeld: 0, problemsRaised: 0, problemsSolved: 0, problemsOpen: 0, overdue: 0 },
      path,
      t: [],
    };
    entry.t.push(t);
    rows.set(id, entry);
  };
  for (const o of offices) {
    const t = totals.get(o.id)!;
    add(o.compound.id, o.compound.name, 'compound', o.compound.path, t);
    for (const a of ancestors) {
      if (o.compound.path.startsWith(a.path) && oversees(a.path) && (!within || a.path.startsWith(within))) add(String(a.id), a.name, a.type, a.path, t);
    }
  }
  return [...rows.values()]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(({ row, t }) => {
      const sum = (f: (x: Totals) => number) => t.reduce((s, x) => s + f(x), 0);
      const fees = t.flatMap((x) => (x.fee ? [x.fee] : []));
      const solved = sum((x) => x.solved);
      return {
        ...row,
        offices: t.length,
        meetingsHeld: sum((x) => x.meetingsHeld),
        problemsRaised: sum((x) => x.raised),
        problemsSolved: solved,
        problemsOpen: sum((x) => x.open),
        overdue: sum((x) => x.overdue),
        avgDaysToSolve: solved ? round1(sum((x) => x.solveSeconds) / solved / 86_400) : null,
        feeRate: fees.length ? round1(fees.reduce((s, f) => s + f.latest, 0) / fees.length) : null,
        feeRateMonth: fees.length ? fees.map((f) => f.month).sort().at(-1)! : null,
        feeRateFirst: fees.length ? round1(fees.reduce((s, f) => s + f.first, 0) / fees.length) : null,
      };
    });
}

async function totalsByOffice(env: Env, offices: readonly Office[]): Promise<Map<string, Totals>> {
  const ids = offices.map((o) => Number(o.id));
  const meetings = await env.db
    .selectFrom('tlo_meetings')
    .select(['office_id', sql<number>`count(*) filter (where status in ('held', 'closed'))::int`.as('held')])
    .where('office_id', 'in', ids)
    .groupBy('office_id')
    .execute();
  const problems = await env.db
    .selectFrom('tlo_problems')
    .select([
      'office_id',
      sql<number>`count(*) filter (where state <> 'rejected')::int`.as('raised'),
      sql<number>`count(*) filter (where state = 'closed')::int`.as('solved'),
      sql<number>`count(*) filter (where state in ('raised', 'decided', 'implemented'))::int`.as('open'),
      sql<number>`count(*) filter (where state = 'decided' and deadline < ${env.now})::int`.as('overdue'),
      sql<number>`coalesce(sum(extract(epoch from solved_at - raised_at)) filter (where state = 'closed'), 0)::float8`.as('seconds'),
    ])
    .where('office_id', 'in', ids)
    .groupBy('office_id')
    .execute();
  const fees = await env.db.selectFrom('tlo_fee_rates').select(['office_id', 'month', 'rate']).where('office_id', 'in', ids).orderBy('month').execute();

  const out = new Map<string, Totals>();
  for (const o of offices) out.set(o.id, { meetingsHeld: 0, raised: 0, solved: 0, open: 0, overdue: 0, solveSeconds: 0, fee: null });
  for (const m of meetings) out.get(String(m.office_id))!.meetingsHeld = m.held;
  for (const p of problems) Object.assign(out.get(String(p.office_id))!, { raised: p.raised, solved: p.solved, open: p.open, overdue: p.overdue, solveSeconds: p.seconds });
  for (const f of fees) {
    const t = out.get(String(f.office_id))!;
    t.fee = { first: t.fee?.first ?? f.rate, latest: f.rate, month: f.month };
  }
  return out;
}

/** Problems solved (closed) by these offices: the dashboard's headline number. */
export async function solvedCount(env: Env, offices: readonly Office[]): Promise<number> {
  if (offices.length === 0) return 0;
  const r = await env.db
    .selectFrom('tlo_problems')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('office_id', 'in', offices.map((o) => Number(o.id)))
    .where('state', '=', 'closed')
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Tree order: an org before its subtree, siblings by id (`/1/9/` before `/1/10/`). */
function comparePaths(a: string, b: string): number {
  const x = a.split('/').filter(Boolean).map(Number);
  const y = b.split('/').filter(Boolean).map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
