import { personIdOf, notFound, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { ActivityInput, AttendanceInput, TeamInput } from '../forms/activity.js';
import { canOrganize, organizerRoles, seesPath, staffScopes } from '../permissions.js';
import { sql } from '@linli/sdk';
import { parseId, type Db } from '../store/tables.js';
import { assertParticipating, localDate, orgOr404, startOfLocalDate, type Env, type OrgRow } from './env.js';
import { award } from './ledger.js';
import { registrationsOf } from './members.js';

/** Where teams and activities live: a community or a compound that takes part, served by the actor. */
async function organizedOrg(env: Env, actor: Actor, id: string, what: string): Promise<OrgRow> {
  const org = await orgOr404(env, id);
  if (!seesPath(actor, org.path)) throw notFound(`Organization ${id}`);
  if (org.type !== 'community' && org.type !== 'compound') throw fail('VP_ERR_NOT_COMPOUND', [org.name, org.name], [{ path: '/orgId', message: 'choose a community or a compound' }]);
  await assertParticipating(env, org, '/orgId');
  if (!canOrganize(actor, org.path)) throw fail('VP_ERR_NOT_STAFF', [org.name, '社区工作人员或小区党支部书记', what, organizerRoles.join(', ')]);
  return org;
}

export async function createTeam(env: Env, actor: Actor, input: TeamInput): Promise<number> {
  const org = await organizedOrg(env, actor, input.orgId, '组建志愿服务队');
  const row = await env.db
    .insertInto('volunteer_points_teams')
    .values({ org_id: org.id, org_path: org.path, name: input.name.trim(), leader: input.leader ?? null, description: input.description ?? null, created_by: personIdOf(actor), created_at: env.now })
    .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw fail('VP_ERR_TEAM_EXISTS', [org.name, input.name], [{ path: '/name', message: 'a team of this name exists here' }]);
  return row.id;
}

export async function listTeams(env: Env, actor: Actor, within?: string) {
  const scopes = staffScopes(actor);
  const regs = await registrationsOf(env.db, personIdOf(actor));
  const paths = [...scopes, ...regs.map((r) => r.community_path)];
  if (!paths.length) return [];
  let q = env.db
    .selectFrom('volunteer_points_teams as t')
    .innerJoin('linli_orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.name', 't.leader', 't.description', 'o.name as org_name', 't.created_at'])
    .select(sql<number>`(select count(*) from volunteer_points_activities a where a.team_id = t.id)::int`.as('activities'))
    // A team at a community shows to members of its compounds; one at a compound, to that compound's community.
    .where((eb) => eb.or(paths.flatMap((p) => [eb('t.org_path', 'like', `${p}%`), eb(eb.val(p), 'like', sql<string>`t.org_path || '%'`)])));
  if (within) q = q.where('t.org_path', 'like', `${within}%`);
  const rows = await q.orderBy('t.org_path').orderBy('t.id').execute();
  return rows.map((t) => ({ id: String(t.id), name: t.name, leader: t.leader, description: t.description, orgName: t.org_name, activities: t.activities, createdAt: t.created_at.toISOString() }));
}

export async function createActivity(env: Env, actor: Actor, input: ActivityInput): Promise<number> {
  const org = await organizedOrg(env, actor, input.orgId, '发布志愿服务活动');
  let teamId: number | null = null;
  if (input.teamId !== undefined) {
    const n = parseId(input.teamId);
    const team = n === null ? undefined : await env.db.selectFrom('volunteer_points_teams').select(['id', 'org_path']).where('id', '=', n).executeTakeFirst();
    if (!team || !seesPath(actor, team.org_path)) throw notFound(`Team ${input.teamId}`);
    teamId = team.id;
  }
  if (!Number.isFinite(input.plannedHours) || input.plannedHours <= 0 || input.plannedHours > env.settings.maxHoursPerActivity) {
    throw fail('VP_ERR_BAD_HOURS', [input.plannedHours, env.settings.maxHoursPerActivity, env.settings.maxHoursPerActivity], [{ path: '/plannedHours', message: 'out of range' }]);
  }
  const row = await env.db
    .insertInto('volunteer_points_activities')
    .values({ team_id: teamId, org_id: org.id, org_path: org.path, title: input.title, activity_date: input.date, place: input.place ?? null, planned_hours: input.plannedHours, created_by: personIdOf(actor), created_at: env.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function activityRow(db: Db, id: string, lock = false) {
  const n = parseId(id);
  if (n === null) return undefined;
  const q = db
    .selectFrom('volunteer_points_activities as a')
    .innerJoin('linli_orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.title', sql<string>`a.activity_date::text`.as('date'), 'a.org_id', 'a.org_path', 'o.name as org_name', 'a.planned_hours'])
    .where('a.id', '=', n);
  return lock ? q.forUpdate('a').executeTakeFirst() : q.executeTakeFirst();
}

/** 报名: a registered member of the activity's community signs up, before the day is over. */
export async function signUp(env: Env, actor: Actor, id: string): Promise<void> {
  const regs = await registrationsOf(env.db, personIdOf(actor));
  if (!regs.length) throw fail('VP_ERR_NOT_REGISTERED', []);
  const a = await activityRow(env.db, id);
  // An activity at a compound is open to its community's members; one at a community, to the community's.
  const member = a && (regs.find((r) => a.org_path.startsWith(r.compound_path)) ?? regs.find((r) => a.org_path.startsWith(r.community_path)));
  if (!a || !member) throw notFound(`Activity ${id}`);
  if (a.date < localDate(env.now, env.offsetHours)) throw fail('VP_ERR_ACTIVITY_PAST', [a.date, a.date]);
  const row = await env.db
    .insertInto('volunteer_points_signups')
    .values({ activity_id: a.id, member_id: member.id, signed_up_at: env.now, hours: null, attended_at: null, entry_id: null })
    .onConflict((oc) => oc.columns(['activity_id', 'member_id']).doNothing())
    .returning('member_id')
    .executeTakeFirst();
  if (!row) throw fail('VP_ERR_ALREADY_SIGNED_UP', []);
}

/**
 * 出勤: the organizer records the hours each signed-up member served; each
 * becomes a ledger entry (hours × points per hour) in the same transaction.
 * One bad line refuses the whole request: nothing is saved.
 */
export async function recordAttendance(env: Env, actor: Actor, id: string, input: AttendanceInput): Promise<number> {
  const a = await activityRow(env.db, id, true);
  if (!a || !seesPath(actor, a.org_path)) throw notFound(`Activity ${id}`);
  if (!canOrganize(actor, a.org_path)) throw fail('VP_ERR_NOT_STAFF', [a.org_name, '社区工作人员或小区党支部书记', '登记出勤', organizerRoles.join(', ')]);
  if (localDate(env.now, env.offsetHours) < a.date) throw fail('VP_ERR_ACTIVITY_NOT_YET', [a.date, a.date]);
  const max = env.settings.maxHoursPerActivity;
  let total = 0;
  for (const [i, e] of input.entries.entries()) {
    // Half-hour steps, more than nothing, at most the city's cap: 0, -2 and 30 are refused.
    if (!(e.hours > 0 && e.hours <= max && Number.isInteger(e.hours * 2))) throw fail('VP_ERR_BAD_HOURS', [e.hours, max, max], [{ path: `/entries/${i}/hours`, message: `0.5 … ${max}, in half hours` }]);
    const memberId = parseId(e.memberId);
    const signup =
      memberId === null
        ? undefined
        : await env.db
            .selectFrom('volunteer_points_signups as s')
            .innerJoin('volunteer_points_members as m', 'm.id', 's.member_id')
            .innerJoin('linli_people as p', 'p.id', 'm.person_id')
            .select(['s.member_id', 's.attended_at', 'm.compound_org_id', 'm.compound_path', 'p.display_name'])
            .where('s.activity_id', '=', a.id)
            .where('s.member_id', '=', memberId)
            .forUpdate('s')
            .executeTakeFirst();
    if (!signup) throw fail('VP_ERR_NOT_SIGNED_UP', [e.memberId, e.memberId], [{ path: `/entries/${i}/memberId`, message: 'not signed up' }]);
    if (signup.attended_at) throw fail('VP_ERR_ATTENDANCE_RECORDED', [signup.display_name, signup.display_name], [{ path: `/entries/${i}/memberId`, message: 'already recorded' }]);
    const entryId = await award(env, {
      account: { memberId: signup.member_id },
      orgId: signup.compound_org_id,
      orgPath: signup.compound_path,
      kind: 'service',
      points: Math.max(1, Math.round(e.hours * env.settings.pointsPerHour)),
      hours: e.hours,
      activityId: a.id,
      // Counted on the day served, whenever it is recorded.
      occurredAt: new Date(startOfLocalDate(a.date, env.offsetHours).getTime() + 12 * 3_600_000),
      note: a.title,
      by: personIdOf(actor),
    });
    await env.db.updateTable('volunteer_points_signups').set({ hours: e.hours, attended_at: env.now, entry_id: entryId }).where('activity_id', '=', a.id).where('member_id', '=', signup.member_id).execute();
    total += 1;
  }
  return total;
}

/** Activities a person sees: staff in their scope; members in the communities they registered with. */
export async function listActivities(env: Env, actor: Actor, within?: string) {
  const me = personIdOf(actor);
  const regs = await registrationsOf(env.db, me);
  const paths = [...staffScopes(actor), ...regs.map((r) => r.community_path)];
  if (!paths.length) return [];
  const mine = regs.map((r) => r.id);
  let q = env.db
    .selectFrom('volunteer_points_activities as a')
    .innerJoin('linli_orgs as o', 'o.id', 'a.org_id')
    .leftJoin('volunteer_points_teams as t', 't.id', 'a.team_id')
    .select(['a.id', 'a.title', sql<string>`a.activity_date::text`.as('date'), 'a.place', 'a.planned_hours', 'o.name as org_name', 't.name as team_name'])
    .select([
      sql<number>`(select count(*) from volunteer_points_signups s where s.activity_id = a.id)::int`.as('signups'),
      sql<number>`(select count(*) from volunteer_points_signups s where s.activity_id = a.id and s.attended_at is not null)::int`.as('attended'),
      (mine.length
        ? sql<boolean>`exists (select 1 from volunteer_points_signups s where s.activity_id = a.id and s.member_id in (${sql.join(mine)}))`
        : sql<boolean>`false`
      ).as('signed_up'),
    ])
    .where((eb) => eb.or(paths.map((p) => eb('a.org_path', 'like', `${p}%`))));
  if (within) q = q.where('a.org_path', 'like', `${within}%`);
  const rows = await q.orderBy('a.activity_date', 'desc').orderBy('a.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: String(r.id),
    title: r.title,
    date: r.date,
    place: r.place,
    plannedHours: r.planned_hours,
    orgName: r.org_name,
    teamName: r.team_name,
    signups: r.signups,
    attended: r.attended,
    signedUp: r.signed_up,
    signedUpTitle: r.signed_up ? '已报名' : '',
  }));
}

/** Who signed up and what they served: the organizer's sheet (staff of the activity's org only). */
export async function listSignups(env: Env, actor: Actor, id: string) {
  const a = await activityRow(env.db, id);
  if (!a || !seesPath(actor, a.org_path)) throw notFound(`Activity ${id}`);
  const rows = await env.db
    .selectFrom('volunteer_points_signups as s')
    .innerJoin('volunteer_points_members as m', 'm.id', 's.member_id')
    .innerJoin('linli_people as p', 'p.id', 'm.person_id')
    .innerJoin('linli_orgs as c', 'c.id', 'm.compound_org_id')
    .leftJoin('volunteer_points_ledger as l', 'l.id', 's.entry_id')
    .select(['s.member_id', 'p.display_name', 'c.name as compound_name', 'm.kind', 's.signed_up_at', 's.hours', 's.attended_at', 'l.points'])
    .where('s.activity_id', '=', a.id)
    .orderBy('s.signed_up_at')
    .execute();
  return rows.map((r) => ({
    memberId: String(r.member_id),
    name: r.display_name,
    compoundName: r.compound_name,
    kindTitle: r.kind === 'in_service' ? '在职党员' : '在册党员',
    signedUpAt: r.signed_up_at.toISOString(),
    hours: r.hours,
    points: r.points ?? null,
    attendedTitle: r.attended_at ? '已出勤' : '待登记',
  }));
}
