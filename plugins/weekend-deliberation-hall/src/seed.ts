import { pluginEnabled, type OrgNodeConfig, type SeedContext } from '@linli/sdk';
import { seedHalls, type SeedHall } from './seed-data.js';
import { addToAgenda, vote } from './service/agenda.js';
import { envOf, type Env } from './service/env.js';
import { closeSession, createSession, recordDeliberation, recordParticipants } from './service/sessions.js';
import { typed } from './store/tables.js';
import type { Hall } from './store/halls.js';
import { addDays, instant, isoWeekday, localDate } from './time.js';
import { TOPIC_WORKFLOW } from './workflows/topic.js';
import { OWNERS } from './service/referral.js';

const MINUTE = 60_000;

/**
 * Demo history for the example city: a season of weekend sessions, topics
 * screened, deliberated, voted, supervised, done and publicized, all through
 * the same services and ticket steps as real requests (with the clock moved
 * by `ctx.at`, so every event carries its own date). Halls or people the city
 * does not have are skipped, so another city gets no story.
 */
export async function seedWeekendDeliberationHall(ctx: SeedContext): Promise<void> {
  if (!ctx.demo) return;
  const people = new Set((ctx.deployment.config.people ?? []).map((p) => p.username));
  const { halls } = await envOf(ctx, ctx.db);
  for (const story of seedHalls) {
    const hall = halls.find((h) => h.compound.key === story.compound);
    const cast = [story.convener, story.supervisor, ...story.topics.map((t) => t.by), ...story.upcoming.map((t) => t.by)];
    if (!hall || !cast.every((u) => people.has(u))) continue;
    // Seeds run once per database; should one run again, a hall with history keeps it.
    if (await typed(ctx.db).selectFrom('wdh_sessions').select('id').where('compound_org_id', '=', Number(hall.compound.id)).executeTakeFirst()) continue;
    await tell(ctx, hall, story);
  }
}

interface Step {
  when: Date;
  run: () => Promise<unknown>;
}

async function tell(ctx: SeedContext, hall: Hall, story: SeedHall): Promise<void> {
  const offset = ctx.deployment.calendar.utcOffsetHours;
  const start = ctx.now();
  const today = localDate(start, offset);
  const at = (date: string, time: string, plusMinutes = 0) => new Date(instant(date, time, offset).getTime() + plusMinutes * MINUTE);
  const on = <T>(when: Date, fn: (env: Env) => Promise<T>) => ctx.at(when, async () => fn(await envOf(ctx, ctx.db)));
  const convener = await ctx.actor(story.convener);
  const step = async (username: string, ticketId: string, action: string, data: Record<string, unknown>) => {
    const actor = await ctx.actor(username);
    const t = await ctx.tickets.get(ctx.db, actor, ticketId);
    return ctx.tickets.transition(ctx.db, actor, ticketId, { action, version: t.version, data });
  };
  const raise = async (by: string, intake: object, when: Date) => (await ctx.at(when, async () => ctx.tickets.create(ctx.db, await ctx.actor(by), { workflow: TOPIC_WORKFLOW, orgId: hall.compound.id, data: intake }))).id;

  // Last Saturday before today, and the weekly Saturdays before it.
  const lastSat = addDays(today, -(((isoWeekday(today) - 6 + 7) % 7) || 7));
  const dates = story.sessions.map((_, i) => addDays(lastSat, -7 * (story.sessions.length - 1 - i)));

  // Follow-up steps wait in time order and run when the story reaches their time; those after today never run.
  const queue: Step[] = [];
  const flush = async (until: Date) => {
    for (;;) {
      queue.sort((a, b) => a.when.getTime() - b.when.getTime());
      const next = queue[0];
      if (!next || next.when > until || next.when >= start) return;
      queue.shift();
      await ctx.at(next.when, next.run);
    }
  };

  for (const [i, date] of dates.entries()) {
    const monday = addDays(date, -5);
    await flush(at(monday, '09:00'));
    const mine = story.topics.filter((t) => t.session === i);
    const ids = new Map<string, (typeof mine)[number]>();
    for (const [k, t] of mine.entries()) ids.set(await raise(t.by, t.intake, at(addDays(date, -6), '19:00', k * 30)), t);
    for (const [id, t] of ids) {
      if (t.declined) await ctx.at(at(monday, '09:00'), () => step(story.convener, id, 'decline', { basis: '不属于小区公共事务', reason: t.declined! }));
      else await ctx.at(at(monday, '09:00'), () => step(story.convener, id, 'accept', { opinion: '经社区审核，议题具有合理性，属小区公共事务，纳入周末议事厅议事项目。' }));
    }
    const session = await on(at(monday, '10:00'), (env) => createSession(env, convener, { compoundOrgId: hall.compound.id, date, theme: story.sessions[i] }));
    const sid = String(session.id);
    for (const [id, t] of ids) if (!t.declined) await on(at(monday, '10:30'), (env) => addToAgenda(env, convener, sid, id));

    await flush(at(date, '09:00'));
    await on(at(date, '09:40'), (env) => recordParticipants(env, convener, sid, story.sheet));
    let k = 0;
    for (const [id, t] of ids) {
      if (t.declined || !t.votes) continue;
      const deadline = t.days ? at(addDays(date, t.days + 7), '18:00').toISOString() : undefined;
      const [votesFor, votesAgainst, abstentions] = t.votes;
      const ticket = await on(at(date, '10:00', k++ * 25), (env) =>
        vote(env, convener, sid, { topicId: id, deliberation: t.deliberation ?? '各方充分协商。', resolution: t.resolution ?? '', votesFor, votesAgainst, abstentions, ...(t.implementer ? { implementer: t.implementer } : {}), ...(deadline ? { deadline } : {}) }),
      );
      if (ticket.state !== 'implementing') continue;
      if (t.supervision) queue.push({ when: at(addDays(date, Math.max(1, Math.floor((t.days ?? 14) / 2))), '15:00'), run: () => step(story.supervisor, id, 'supervise', { kind: '施工进度', note: t.supervision! }) });
      if (t.days && t.result) {
        queue.push({ when: at(addDays(date, t.days), '16:00'), run: () => step(story.convener, id, 'complete', { result: t.result!, satisfaction: '满意' }) });
        queue.push({ when: at(addDays(date, t.days + 1), '09:00'), run: () => step(story.convener, id, 'publicize', { postedAt: `${hall.compound.name}公示栏、业主群`, days: 7 }) });
      }
    }
    await on(at(date, '11:30'), (env) => recordDeliberation(env, convener, sid, { record: `${story.sessions[i]}。小区议事委员会召集党员、社居委、业主代表、物业公司代表参加，各方充分发表意见。` }));
    await on(at(date, '12:00'), (env) => closeSession(env, convener, sid));
  }
  await flush(start);

  // This week: new topics, one awaiting screening, the others on next Saturday's agenda.
  const before = (minutes: number) => new Date(start.getTime() - minutes * MINUTE);
  const upcoming: string[] = [];
  for (const [k, t] of story.upcoming.entries()) {
    const id = await raise(t.by, t.intake, before(240 - k * 30));
    if (!t.screen) {
      await ctx.at(before(60), () => step(story.convener, id, 'accept', { opinion: '议题具有合理性，纳入下期议事。' }));
      upcoming.push(id);
    }
  }
  if (upcoming.length) {
    const session = await on(before(30), (env) => createSession(env, convener, { compoundOrgId: hall.compound.id, date: addDays(lastSat, 7), theme: '听取居民意见' }));
    for (const id of upcoming) await on(before(20), (env) => addToAgenda(env, convener, String(session.id), id));
  }
  // Where the owners' plugin is on (seeded first, with its roll): a matter only the owners decide, referred to their vote.
  const r = story.referred;
  const people = new Set((ctx.deployment.config.people ?? []).map((p) => p.username));
  if (r && pluginEnabled(ctx, OWNERS) && people.has(r.by) && hasOrg(ctx.deployment.config.orgs, r.building)) {
    const id = await raise(r.by, r.intake, before(200));
    await ctx.at(before(50), () => step(story.convener, id, 'accept', { opinion: '动用维修资金须业主共同决定。' }));
    await ctx.at(before(40), async () => step(story.convener, id, 'refer-owners', { matter: r.matter, scopeOrgId: await ctx.orgId(r.building) }));
  }
}

const hasOrg = (o: OrgNodeConfig, key: string): boolean => o.key === key || (o.children ?? []).some((c) => hasOrg(c, key));
