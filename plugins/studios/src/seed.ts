import type { Actor, SeedContext } from '@linli/sdk';
import { book, confirm, noShow, rate, record } from './service/bookings.js';
import { envOf } from './service/env.js';
import { openings, type Opening } from './service/sessions.js';
import { readSettings } from './settings.js';
import { loadStudios, type Studio } from './store/studios.js';
import { DAY } from './time.js';

const HOUR = 3_600_000;

interface PersonConfig {
  username: string;
  roles: { role: string; org?: string }[];
}

/** The first opening of a studio as the clock reads now (inside `ctx.at`). */
async function firstOpening(ctx: SeedContext, studio: Studio, after = 0): Promise<Opening | undefined> {
  // Two hours ahead at least: the seed confirms an hour after booking, before the meeting begins.
  const soon = ctx.now().getTime() + 2 * HOUR;
  const open = (await openings(envOf(ctx, ctx.db), [studio])).filter((o) => o.left > 0 && o.startsAt.getTime() > soon);
  return open[after];
}

/**
 * A month of each studio's history, through the same code as the routes:
 * meetings booked, confirmed, held and rated (one with a follow-up ticket),
 * one missed appointment, and bookings still waiting — for every studio whose
 * community has a resident and a secretary among the city's people.
 */
export async function seedStudios(ctx: SeedContext): Promise<void> {
  if (!ctx.demo) return;
  const settings = readSettings(ctx.options);
  const people = (ctx.deployment.config.people ?? []) as PersonConfig[];
  const studios = await loadStudios(envOf(ctx, ctx.db).db);
  const now = ctx.now();
  for (const [i, studio] of studios.entries()) {
    const conf = settings.studios.find((s) => s.key === studio.key);
    if (!conf) continue;
    const resident = people.find((p) => p.roles.some((r) => r.role === 'resident' && r.org && isUnder(ctx, r.org, conf.community)));
    const secretary = people.find((p) => p.roles.some((r) => settings.staffRoles.includes(r.role) && r.org === conf.community));
    if (!resident || !secretary) continue;
    const me = await ctx.actor(resident.username);
    const staff = await ctx.actor(secretary.username);
    await meeting(ctx, studio, me, staff, new Date(now.getTime() - 30 * DAY), { summary: '居民咨询老旧小区加装电梯的政策和流程，已讲解申请条件和补贴标准。', outcome: '已解答' }, 5);
    if (i % 2 === 0) {
      await meeting(ctx, studio, me, staff, new Date(now.getTime() - 12 * DAY), {
        summary: '居民反映楼下餐馆油烟扰民，已现场了解情况，需城管和市场监管部门跟进。',
        outcome: '需后续跟进',
        followUpTitle: '楼下餐馆油烟扰民',
        followUpDescription: '居民反映小区临街餐馆油烟直排，晚饭时段无法开窗，请协调整改。',
      }, 4);
    } else {
      await missed(ctx, studio, me, staff, new Date(now.getTime() - 12 * DAY));
    }
  }
  // Something waiting for staff now: the first studio's next opening, booked by its resident.
  const first = studios[0];
  const conf = first && settings.studios.find((s) => s.key === first.key);
  const resident = conf && people.find((p) => p.roles.some((r) => r.role === 'resident' && r.org && isUnder(ctx, r.org, conf.community)));
  if (first && resident) {
    const o = await firstOpening(ctx, first);
    if (o) await book(envOf(ctx, ctx.db), await ctx.actor(resident.username), { session: o.id, topic: '想了解社区养老服务中心的助餐服务怎么申请。' });
  }
}

/** Booked at `at`, confirmed an hour later, held and recorded, then rated. */
async function meeting(ctx: SeedContext, studio: Studio, resident: Actor, staff: Actor, at: Date, rec: Parameters<typeof record>[3], rating: 1 | 2 | 3 | 4 | 5): Promise<void> {
  const id = await bookAndConfirm(ctx, studio, resident, staff, at);
  if (!id) return;
  await ctx.at(new Date(id.startsAt.getTime() + HOUR), async () => {
    await record(envOf(ctx, ctx.db), staff, id.id, rec);
    await rate(envOf(ctx, ctx.db), resident, id.id, { rating, comment: rating >= 5 ? '讲得很清楚，谢谢书记。' : '答复及时，希望后续问题尽快解决。' });
  });
}

async function missed(ctx: SeedContext, studio: Studio, resident: Actor, staff: Actor, at: Date): Promise<void> {
  const id = await bookAndConfirm(ctx, studio, resident, staff, at);
  if (!id) return;
  await ctx.at(new Date(id.startsAt.getTime() + 2 * HOUR), () => noShow(envOf(ctx, ctx.db), staff, id.id, { note: '电话未接通，居民未到。' }));
}

async function bookAndConfirm(ctx: SeedContext, studio: Studio, resident: Actor, staff: Actor, at: Date): Promise<{ id: string; startsAt: Date } | null> {
  return ctx.at(at, async () => {
    const o = await firstOpening(ctx, studio);
    if (!o) return null;
    const b = await book(envOf(ctx, ctx.db), resident, { session: o.id, topic: '想当面咨询一些家里的事情。' });
    await ctx.at(new Date(at.getTime() + HOUR), () => confirm(envOf(ctx, ctx.db), staff, String(b.id), {}));
    return { id: String(b.id), startsAt: o.startsAt };
  });
}

/** Whether the org `key` lies at or under `ancestor` in the city config. */
function isUnder(ctx: SeedContext, key: string, ancestor: string): boolean {
  const walk = (n: { key: string; children?: unknown[] }, inside: boolean): boolean | null => {
    const here = inside || n.key === ancestor;
    if (n.key === key) return here;
    for (const c of (n.children ?? []) as { key: string; children?: unknown[] }[]) {
      const r = walk(c, here);
      if (r !== null) return r;
    }
    return null;
  };
  return walk(ctx.deployment.config.orgs as { key: string; children?: unknown[] }, false) === true;
}
