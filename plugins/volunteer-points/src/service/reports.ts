import { personIdOf, sql, toCsv, type Actor } from '@linli/sdk';
import { staffScopes } from '../permissions.js';
import { starsFor, type ScorecardKind } from '../settings.js';
import { listEntries, type EntryView } from '../store/ledger.js';
import { localDate, type Env } from './env.js';
import { kindTitle, registrationsOf } from './members.js';

export interface Scope {
  scopes: string[];
  within?: string | undefined;
}

/** An end for open periods that both databases store (JavaScript's own last date overflows timestamptz). */
const farFuture = new Date('9999-12-31T00:00:00Z');

const kindLabel = (e: { member_kind: string | null; unit_org_id: number | null }) => (e.unit_org_id !== null ? '共建单位' : kindTitle[e.member_kind as 'resident' | 'in_service'] ?? '');
const entryKindTitle: Record<string, string> = { wish: '微心愿', service: '志愿服务', correction: '更正' };

export function entryJson(e: EntryView, offsetHours: number) {
  return {
    id: String(e.id),
    date: localDate(e.occurred_at, offsetHours),
    recordedAt: e.recorded_at.toISOString(),
    orgName: e.org_name,
    accountKind: e.unit_org_id !== null ? 'unit' : e.member_kind === 'resident' ? 'resident' : 'inService',
    accountKindTitle: kindLabel(e),
    accountName: e.account_name,
    /** What an export shows for the account: a member's registration number, a unit's name. */
    accountRef: e.unit_org_id !== null ? e.account_name : `报到党员 #${e.member_id}`,
    kind: e.kind,
    kindTitle: entryKindTitle[e.kind] ?? e.kind,
    points: e.points,
    hours: e.hours,
    ticketId: e.ticket_id === null ? null : String(e.ticket_id),
    activityTitle: e.activity_title,
    correctsId: e.corrects_id === null ? null : String(e.corrects_id),
    note: e.note,
  };
}

/** The ledger for staff: entries at compounds in their scope, in a period. */
export async function ledger(env: Env, scope: Scope, start: Date, end: Date, limit: number) {
  return (await listEntries(env.db, { scopes: scope.scopes, within: scope.within, start, end, limit })).map((e) => entryJson(e, env.offsetHours));
}


/**
 * The ledger of a period as CSV for the year-end paperwork. Personal fields
 * are left out: no phone numbers, work units, skills, nor the free-text notes
 * (a correction's reason may name a resident).
 */
export async function ledgerCsv(env: Env, scope: Scope, start: Date, end: Date): Promise<string> {
  const rows = await ledger(env, scope, start, end, 100_000);
  const header = ['编号', '日期', '小区', '类别', '对象', '事项', '分值', '时长(小时)', '关联工单', '关联活动', '更正记录'];
  // A file travels further than a screen: members appear by their registration number, never by name (units, being organizations, by name).
  const lines = rows.reverse().map((r) => [r.id, r.date, r.orgName, r.accountKindTitle, r.accountRef, r.kindTitle, r.points, r.hours, r.ticketId, r.activityTitle, r.correctsId]);
  return toCsv([header, ...lines]);
}

interface Totals {
  member_id: number | null;
  unit_org_id: number | null;
  points: number;
  hours: number;
  wishes: number;
}

/** Points, hours and wishes per account in a period, from the ledger (corrections included, in the period of what they correct). */
async function totals(env: Env, scope: Scope, start: Date, end: Date): Promise<Totals[]> {
  if (!scope.scopes.length) return [];
  let q = env.db
    .selectFrom('volunteer_points_ledger as l')
    .select(['l.member_id', 'l.unit_org_id'])
    .select([
      sql<number>`sum(l.points)::int`.as('points'),
      sql<number>`coalesce(sum(l.hours) filter (where l.kind = 'service'), 0)::float8`.as('hours'),
      sql<number>`count(*) filter (where l.kind = 'wish')::int`.as('wishes'),
    ])
    .where('l.occurred_at', '>=', start)
    .where('l.occurred_at', '<', end)
    .where((eb) => eb.or(scope.scopes.map((p) => eb('l.org_path', 'like', `${p}%`))));
  if (scope.within) q = q.where('l.org_path', 'like', `${scope.within}%`);
  return q.groupBy(['l.member_id', 'l.unit_org_id']).execute();
}

/** 积分排行: the top volunteers (members and co-building units) by points in a period. */
export async function rankings(env: Env, scope: Scope, start: Date, end: Date, limit: number) {
  const t = (await totals(env, scope, start, end)).filter((x) => x.points > 0).sort((a, b) => b.points - a.points || b.hours - a.hours);
  const names = await accountNames(env, t);
  let rank = 0;
  let last = Number.NaN;
  return t.slice(0, limit).map((x, i) => {
    if (x.points !== last) rank = i + 1;
    last = x.points;
    const n = names.get(key(x))!;
    return { rank, name: n.name, kindTitle: n.kindTitle, compoundName: n.compoundName, points: x.points, hours: x.hours, wishes: x.wishes };
  });
}

const key = (x: { member_id: number | null; unit_org_id: number | null }) => (x.member_id !== null ? `m${x.member_id}` : `u${x.unit_org_id}`);

async function accountNames(env: Env, t: Totals[]) {
  const out = new Map<string, { name: string; kindTitle: string; compoundName: string }>();
  const memberIds = t.flatMap((x) => (x.member_id !== null ? [x.member_id] : []));
  const unitIds = t.flatMap((x) => (x.unit_org_id !== null ? [x.unit_org_id] : []));
  if (memberIds.length) {
    const rows = await env.db
      .selectFrom('volunteer_points_members as m')
      .innerJoin('linli_people as p', 'p.id', 'm.person_id')
      .innerJoin('linli_orgs as c', 'c.id', 'm.compound_org_id')
      .select(['m.id', 'm.kind', 'p.display_name', 'c.name'])
      .where('m.id', 'in', memberIds)
      .execute();
    for (const r of rows) out.set(`m${r.id}`, { name: r.display_name, kindTitle: kindTitle[r.kind], compoundName: r.name });
  }
  if (unitIds.length) {
    const rows = await env.db.selectFrom('linli_orgs as u').innerJoin('linli_orgs as h', 'h.id', 'u.parent_id').select(['u.id', 'u.name', 'h.name as host']).where('u.id', 'in', unitIds).execute();
    for (const r of rows) out.set(`u${r.id}`, { name: r.name, kindTitle: '共建单位', compoundName: r.host });
  }
  return out;
}

const cardTitle: Record<ScorecardKind, string> = { branch: '社区所属党支部', resident: '在册党员', unit: '共建单位', inService: '在职党员' };

/**
 * 四类成绩单: for a year, every party branch of a compound, every registered
 * member (在册 and 在职), and every co-building unit in scope — with no points
 * too, so the zeros show — with the stars their points reach (评星定级).
 * A branch's score is what the members registered with its compound earned.
 */
export async function scorecards(env: Env, scope: Scope, year: string) {
  if (!scope.scopes.length) return [];
  const period = { start: new Date(Date.parse(`${year}-01-01T00:00:00Z`) - env.offsetHours * 3_600_000), end: new Date(Date.parse(`${Number(year) + 1}-01-01T00:00:00Z`) - env.offsetHours * 3_600_000) };
  const byAccount = new Map((await totals(env, { scopes: [''] }, period.start, period.end)).map((x) => [key(x), x]));
  const inScope = (path: string) => scope.scopes.some((p) => path.startsWith(p)) && (!scope.within || path.startsWith(scope.within));
  const stars = env.settings.stars;
  const card = (kind: ScorecardKind, name: string, orgName: string, t: { points: number; hours: number; wishes: number }, members: number | null) => ({
    kind,
    kindTitle: cardTitle[kind],
    year,
    name,
    orgName,
    members,
    points: t.points,
    hours: t.hours,
    wishes: t.wishes,
    stars: starsFor(t.points, stars[kind]),
    starsText: '★'.repeat(starsFor(t.points, stars[kind])) || '—',
  });
  const zero = { points: 0, hours: 0, wishes: 0 };

  const members = (await env.db
    .selectFrom('volunteer_points_members as m')
    .innerJoin('linli_people as p', 'p.id', 'm.person_id')
    .innerJoin('linli_orgs as c', 'c.id', 'm.compound_org_id')
    .select(['m.id', 'm.kind', 'm.compound_path', 'm.branch_org_id', 'p.display_name', 'c.name as compound_name'])
    .orderBy('m.compound_path')
    .orderBy('m.id')
    .execute()).filter((m) => inScope(m.compound_path));
  const branches = (await env.db
    .selectFrom('linli_orgs as b')
    .innerJoin('linli_orgs as c', 'c.id', 'b.parent_id')
    .select(['b.id', 'b.name', 'c.path', 'c.name as compound_name'])
    .where('b.type', '=', 'party_branch')
    .where('c.type', '=', 'compound')
    .orderBy('c.path')
    .execute()).filter((b) => inScope(b.path));
  const units = (await env.db
    .selectFrom('linli_orgs as u')
    .innerJoin('linli_orgs as h', 'h.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'h.path', 'h.name as host_name'])
    .where('u.type', '=', 'co_building_unit')
    .orderBy('u.path')
    .execute()).filter((u) => inScope(u.path));

  const out = [];
  for (const b of branches) {
    const mine = members.filter((m) => m.branch_org_id === b.id);
    const t = mine.reduce((s, m) => {
      const x = byAccount.get(`m${m.id}`) ?? zero;
      return { points: s.points + x.points, hours: s.hours + x.hours, wishes: s.wishes + x.wishes };
    }, zero);
    out.push(card('branch', b.name, b.compound_name, t, mine.length));
  }
  for (const kind of ['resident', 'inService'] as const) {
    for (const m of members.filter((x) => (x.kind === 'resident') === (kind === 'resident'))) out.push(card(kind, m.display_name, m.compound_name, byAccount.get(`m${m.id}`) ?? zero, null));
  }
  for (const u of units) out.push(card('unit', u.name, u.host_name, byAccount.get(`u${u.id}`) ?? zero, null));
  const order: ScorecardKind[] = ['branch', 'resident', 'unit', 'inService'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.points - a.points);
}

/** 我的积分: the actor's own entries and balance, whoever they are. */
export async function myPoints(env: Env, actor: Actor) {
  const regs = await registrationsOf(env.db, personIdOf(actor));
  if (!regs.length) return [];
  const entries = await listEntries(env.db, { scopes: [], memberIds: regs.map((r) => r.id), start: new Date(0), end: farFuture, limit: 1000 });
  return entries.map((e) => entryJson(e, env.offsetHours));
}

export async function balanceOfPerson(env: Env, actor: Actor): Promise<number> {
  const regs = await registrationsOf(env.db, personIdOf(actor));
  if (!regs.length) return 0;
  const r = await env.db.selectFrom('volunteer_points_ledger').select(sql<number>`coalesce(sum(points), 0)::int`.as('n')).where('member_id', 'in', regs.map((x) => x.id)).executeTakeFirstOrThrow();
  return r.n;
}

/** Points earned this year in scope: the dashboard number. */
export async function pointsThisYear(env: Env, scope: Scope): Promise<number> {
  const year = localDate(env.now, env.offsetHours).slice(0, 4);
  const start = new Date(Date.parse(`${year}-01-01T00:00:00Z`) - env.offsetHours * 3_600_000);
  const end = new Date(Date.parse(`${Number(year) + 1}-01-01T00:00:00Z`) - env.offsetHours * 3_600_000);
  return (await totals(env, scope, start, end)).reduce((s, x) => s + x.points, 0);
}

export const scopeOf = (actor: Actor, within?: string): Scope => ({ scopes: staffScopes(actor), within });
