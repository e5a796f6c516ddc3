import { seesPath, sql, type Actor } from '@linli/sdk';
import type { Hall } from '../store/halls.js';
import type { Env } from './env.js';

export interface IndicatorRow {
  orgId: string;
  name: string;
  level: string;
  levelTitle: string;
  halls: number;
  sessionsHeld: number;
  topicsRaised: number;
  topicsAccepted: number;
  topicsDeclined: number;
  /** Topics deliberated and voted on 组织协商. */
  consultations: number;
  /** Resolutions carried out 解决问题 (done, or done and publicized). */
  problemsSolved: number;
  topicsOpen: number;
}

type Counts = Omit<IndicatorRow, 'orgId' | 'name' | 'level' | 'levelTitle' | 'halls'>;
const zero = (): Counts => ({ sessionsHeld: 0, topicsRaised: 0, topicsAccepted: 0, topicsDeclined: 0, consultations: 0, problemsSolved: 0, topicsOpen: 0 });
const levelTitle: Record<string, string> = { compound: '小区', community: '社区', street: '街道', district: '区', city: '市' };

/**
 * The seed's figures (开展活动、组织协商、解决问题) per compound, rolled up to
 * every community, street and city above them whose whole area the actor
 * oversees, so a partial sum is never shown under a street's name.
 */
export async function indicators(env: Env, actor: Actor, halls: readonly Hall[], within?: string): Promise<IndicatorRow[]> {
  if (halls.length === 0) return [];
  const totals = await countsByCompound(env, halls);
  const ancestorIds = [...new Set(halls.flatMap((h) => h.compound.path.split('/').filter(Boolean).slice(0, -1)))].map(Number);
  const ancestors = ancestorIds.length ? await env.db.selectFrom('linli_orgs').select(['id', 'name', 'type', 'path']).where('id', 'in', ancestorIds).execute() : [];
  const oversees = (path: string) => seesPath(actor, path);
  const rows = new Map<string, { row: IndicatorRow; path: string }>();
  const add = (id: string, name: string, level: string, path: string, c: Counts) => {
    const entry = rows.get(id) ?? { row: { orgId: id, name, level, levelTitle: levelTitle[level] ?? level, halls: 0, ...zero() }, path };
    entry.row.halls += 1;
    for (const k of Object.keys(c) as (keyof Counts)[]) entry.row[k] += c[k];
    rows.set(id, entry);
  };
  for (const h of halls) {
    const c = totals.get(h.compound.id)!;
    add(h.compound.id, h.compound.name, 'compound', h.compound.path, c);
    for (const a of ancestors) {
      if (h.compound.path.startsWith(a.path) && oversees(a.path) && (!within || a.path.startsWith(within))) add(String(a.id), a.name, a.type, a.path, c);
    }
  }
  return [...rows.values()].sort((a, b) => comparePaths(a.path, b.path)).map((r) => r.row);
}

async function countsByCompound(env: Env, halls: readonly Hall[]): Promise<Map<string, Counts>> {
  const ids = halls.map((h) => Number(h.compound.id));
  const sessions = await env.db
    .selectFrom('wdh_sessions')
    .select(['compound_org_id', sql<number>`count(*) filter (where status in ('held', 'closed'))::int`.as('held')])
    .where('compound_org_id', 'in', ids)
    .groupBy('compound_org_id')
    .execute();
  const topics = await env.db
    .selectFrom('wdh_topics')
    .select([
      'compound_org_id',
      sql<number>`count(*)::int`.as('raised'),
      sql<number>`count(*) filter (where state not in ('proposed', 'declined'))::int`.as('accepted'),
      sql<number>`count(*) filter (where state = 'declined')::int`.as('declined'),
      sql<number>`count(*) filter (where state in ('completed', 'publicized'))::int`.as('solved'),
      sql<number>`count(*) filter (where state in ('proposed', 'accepted', 'scheduled', 'implementing'))::int`.as('open'),
    ])
    .where('compound_org_id', 'in', ids)
    .groupBy('compound_org_id')
    .execute();
  const votes = await env.db
    .selectFrom('wdh_votes as v')
    .innerJoin('wdh_sessions as s', 's.id', 'v.session_id')
    .select(['s.compound_org_id', sql<number>`count(*)::int`.as('n')])
    .where('s.compound_org_id', 'in', ids)
    .groupBy('s.compound_org_id')
    .execute();
  const out = new Map<string, Counts>(halls.map((h) => [h.compound.id, zero()]));
  for (const s of sessions) out.get(String(s.compound_org_id))!.sessionsHeld = s.held;
  for (const t of topics) Object.assign(out.get(String(t.compound_org_id))!, { topicsRaised: t.raised, topicsAccepted: t.accepted, topicsDeclined: t.declined, problemsSolved: t.solved, topicsOpen: t.open });
  for (const v of votes) out.get(String(v.compound_org_id))!.consultations = v.n;
  return out;
}

/** Tree order: an org before its subtree, siblings by id (`/1/9/` before `/1/10/`). */
function comparePaths(a: string, b: string): number {
  const x = a.split('/').filter(Boolean).map(Number);
  const y = b.split('/').filter(Boolean).map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
