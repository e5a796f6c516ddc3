import { localDate, localDateTime, localize, notFound, parseId, personIdOf, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { TEAM_FORMED } from '../notices.js';
import { isDesk, mayMediate } from '../permissions.js';
import { poolMembers, readSettings, type Pool } from '../settings.js';
import { getCase, insertSession, insertTeam, orgByPath, teamOf, type CaseRow } from '../store/cases.js';
import { typed, type Db } from '../store/tables.js';
import { caseWorkflow } from '../workflows/case.js';

/** The lead 主调解员 and the others, by person id. */
export interface TeamInput {
  lead: string;
  others?: string[];
}
export interface SessionInput {
  heldOn: string;
  place?: string;
  partiesPresent: string[];
  absentMediator?: string;
  record: string;
}

export const settingsOf = (ctx: PluginContext) => readSettings(ctx.options);

/** The case a route names, or 404 (one the actor may not see is not found either). */
export async function caseFor(db: Db, id: string): Promise<CaseRow> {
  const n = parseId(id);
  const row = n === null ? undefined : await getCase(db, n);
  if (!row) throw notFound(`Mediation case ${id}`);
  return row;
}

export const stateTitle = (state: string, lang: 'zh-CN' | 'en' = 'zh-CN') => {
  const s = caseWorkflow.states.find((x) => x.id === state);
  return s ? localize(s.title, lang) : state;
};

/** Every pool member of the city, with their person id and name; a username the database lacks is left out. */
export async function mediators(ctx: PluginContext, db: Db): Promise<{ personId: number; username: string; name: string; pool: Pool }[]> {
  const members = poolMembers(settingsOf(ctx));
  if (!members.length) return [];
  const people = await db.selectFrom('linli_people').select(['id', 'username', 'display_name']).where('username', 'in', members.map((m) => m.username)).execute();
  const byName = new Map(people.map((p) => [p.username, p]));
  return members.flatMap((m) => {
    const p = byName.get(m.username);
    return p ? [{ personId: p.id, username: m.username, name: p.display_name, pool: m.pool }] : [];
  });
}

/**
 * 组建调解团队: the desk draws the team from the pools, the case moves to 调解中
 * through the ticket loop, and each mediator is told — all in `trx`.
 */
export async function formTeam(ctx: PluginContext, trx: Kysely<any>, actor: Actor, caseId: string, input: TeamInput): Promise<CaseRow> {
  const db = typed(trx);
  const c = await caseFor(db, caseId);
  const compound = await orgByPath(db, c.compound_path);
  if (!isDesk(actor, c.compound_path)) throw fail('DM_ERR_NOT_INTAKE', [compound?.name ?? c.compound_path]);
  if (c.state !== 'accepted') throw fail('DM_ERR_WRONG_STATE', [caseId, stateTitle(c.state, 'en'), 'form a team', caseId, stateTitle(c.state), '组建团队']);
  const s = settingsOf(ctx);
  const chosen = [input.lead, ...(input.others ?? [])];
  const ids = [...new Set(chosen)];
  const bad = (why: string, path = '/lead') => fail('DM_ERR_BAD_TEAM', [why, s.teamSize.min, s.teamSize.max], [{ path, message: why }]);
  if (ids.length !== chosen.length) throw bad('a mediator is chosen twice');
  if (ids.length < s.teamSize.min || ids.length > s.teamSize.max) throw bad(`${ids.length} chosen`);
  const pool = new Map((await mediators(ctx, db)).map((m) => [String(m.personId), m]));
  const stranger = ids.find((id) => !pool.has(id));
  if (stranger) throw bad(`person ${stranger} is in no mediator pool`, chosen.indexOf(stranger) === 0 ? '/lead' : `/others/${chosen.indexOf(stranger) - 1}`);
  const members = ids.map((id) => pool.get(id)!);
  if (s.requireProfessional && !members.some((m) => m.pool.kind === 'professional')) throw fail('DM_ERR_NO_PROFESSIONAL');
  await insertTeam(
    db,
    members.map((m, i) => ({ ticket_id: c.ticket_id, person_id: m.personId, pool_key: m.pool.key, pool_title: m.pool.title, lead: i === 0, compound_path: c.compound_path })),
  );
  const names = members.map((m) => `${m.name}（${m.pool.title}）`).join('、');
  const moved = await ctx.tickets.transition(trx, actor, String(c.ticket_id), { action: 'form-team', version: c.version, comment: `调解团队：${names}` });
  const offset = ctx.deployment.calendar.utcOffsetHours;
  await ctx.notify(trx, {
    kind: TEAM_FORMED,
    key: `team:${c.ticket_id}`,
    to: members.map((m) => String(m.personId)).filter((id) => id !== String(personIdOf(actor))),
    vars: { compound: compound?.name ?? '', disputeType: c.dispute_type, due: moved.deadline ? localDateTime(moved.deadline, offset) : '' },
    ticketId: String(c.ticket_id),
  });
  return (await getCase(db, c.ticket_id))!;
}

/** 登记调解: one session with its attendance and record, by the team or the desk, while the case is in mediation. */
export async function recordSession(ctx: PluginContext, trx: Kysely<any>, actor: Actor, caseId: string, input: SessionInput) {
  const db = typed(trx);
  const c = await caseFor(db, caseId);
  const team = await teamOf(db, c.ticket_id);
  if (!mayMediate(actor, c.compound_path, team.map((t) => t.person_id))) throw fail('DM_ERR_NOT_ON_TEAM', [caseId, caseId]);
  if (c.state !== 'mediating') throw fail('DM_ERR_WRONG_STATE', [caseId, stateTitle(c.state, 'en'), 'record a session', caseId, stateTitle(c.state), '登记调解']);
  const offset = ctx.deployment.calendar.utcOffsetHours;
  if (input.heldOn > localDate(ctx.now(), offset)) throw fail('DM_ERR_FUTURE_DATE', [input.heldOn, input.heldOn], [{ path: '/heldOn', message: 'after today' }]);
  const absent = input.absentMediator ? team.find((t) => String(t.person_id) === input.absentMediator) : undefined;
  if (input.absentMediator && !absent) throw fail('DM_ERR_BAD_ATTENDANCE', [input.absentMediator, caseId, input.absentMediator, caseId], [{ path: '/absentMediator', message: 'not on the team' }]);
  const room = await roomOf(ctx, db, c.compound_path);
  const row = await insertSession(db, {
    ticket_id: c.ticket_id,
    held_on: input.heldOn,
    place: input.place?.trim() || room,
    parties_present: input.partiesPresent.join('、'),
    mediators_present: team.length - (absent ? 1 : 0),
    absent_person_id: absent ? absent.person_id : null,
    record: input.record,
    recorded_by: Number(personIdOf(actor)),
    recorded_at: ctx.now(),
  });
  return row.id;
}

/** The mediation room of the compound's community (or street), from the options; else the community's name. */
async function roomOf(ctx: PluginContext, db: Db, compoundPath: string): Promise<string> {
  const rooms = settingsOf(ctx).rooms;
  const above = await db.selectFrom('linli_orgs').select(['key', 'name', 'path']).where('type', 'in', ['community', 'street']).execute();
  const mine = above.filter((o) => compoundPath.startsWith(o.path)).sort((a, b) => b.path.length - a.path.length);
  for (const o of mine) if (rooms[o.key]) return rooms[o.key]!;
  return mine[0] ? `${mine[0].name}调解室` : '调解室';
}

/**
 * 达成协议 / 移交 / 回访 from the plugin's pages: the same ticket step the case
 * page offers, taken with the case's current version. Mediators take it as
 * enrolled team members (the core checks the rule; the hook the team).
 */
export async function takeStep(ctx: PluginContext, trx: Kysely<any>, actor: Actor, caseId: string, action: 'agree' | 'refer' | 'visit', data: unknown) {
  const db = typed(trx);
  const c = await caseFor(db, caseId);
  const team = await teamOf(db, c.ticket_id);
  if (!mayMediate(actor, c.compound_path, team.map((t) => t.person_id))) throw fail('DM_ERR_NOT_ON_TEAM', [caseId, caseId]);
  await ctx.tickets.transition(trx, actor, String(c.ticket_id), { action, version: c.version, data });
  return (await getCase(db, c.ticket_id))!;
}
