import type { SeedContext } from '@linli/sdk';
import type { VisitInput } from './forms/visit.js';
import { previousRound } from './rounds.js';
import { currentRound, recordVisit, settingsOf } from './visits.js';

/** Building leaders of the city config, with the building each serves. Any city works: nothing here names Tianchang's orgs. */
function buildingLeaders(ctx: SeedContext): { username: string; building: string }[] {
  const buildings = new Set<string>();
  const walk = (n: { key: string; type: string; children?: (typeof n)[] }) => {
    if (n.type === 'building') buildings.add(n.key);
    n.children?.forEach(walk);
  };
  walk(ctx.deployment.config.orgs);
  return (ctx.deployment.config.people ?? []).flatMap((p) =>
    p.roles.filter((r) => r.role === 'building_leader' && r.org && buildings.has(r.org)).map((r) => ({ username: p.username, building: r.org! })),
  );
}

const HOUR = 3_600_000;

/**
 * Demo history: every building leader of the city knocked on doors last
 * round (one problem found, handled and closed after a return visit) and
 * has started this round (one problem waiting). Visits and tickets go through
 * the same code as requests, at past times set with `ctx.at`.
 */
export async function seedDoorKnocking(ctx: SeedContext): Promise<void> {
  const s = settingsOf(ctx);
  const now = ctx.now();
  const current = currentRound(ctx);
  const last = previousRound(current, s.offsetHours, s.roundsPerMonth);
  for (const { username, building } of buildingLeaders(ctx)) {
    const actor = await ctx.actor(username);
    const buildingOrgId = await ctx.orgId(building);
    const visit = (hoursAfter: number, input: Omit<VisitInput, 'buildingOrgId' | 'atHome'> & { atHome?: boolean }) =>
      ctx.at(new Date(last.start.getTime() + hoursAfter * HOUR), () => recordVisit(ctx, ctx.db, actor, { buildingOrgId, atHome: true, ...input }));

    // Last round: door to door on its second day from 09:00 local (rounds start at local midnight).
    await visit(33, { household: '1单元101', needs: ['养老照护'], note: '独居老人，腿脚不便，希望有人定期上门。' });
    await visit(33.5, { household: '1单元102', atHome: false, note: '家中无人，已留联系卡。' });
    const found = await visit(34, {
      household: '1单元201',
      needs: ['安全隐患'],
      note: '住户反映楼道声控灯坏了。',
      problemTitle: '1单元楼道声控灯不亮',
      problemDescription: '1单元二楼至四楼楼道声控灯不亮，老人夜间上下楼不安全。',
    });
    await visit(34.5, { household: '2单元301', needs: ['就业帮扶', '政策咨询'], note: '子女待业，咨询社区招聘信息。' });
    // Handled two days later, closed after a return visit the next day.
    const ticketId = found.ticket_id!;
    let t = await ctx.at(new Date(last.start.getTime() + 81 * HOUR), () =>
      ctx.tickets.transition(ctx.db, actor, String(ticketId), { action: 'handle', version: 1, data: { result: '已联系物业更换三只声控灯。' } }),
    );
    await visit(105, { household: '1单元201', note: '回访：楼道灯已修好，住户满意。' });
    t = await ctx.at(new Date(last.start.getTime() + 105.5 * HOUR), () =>
      ctx.tickets.transition(ctx.db, actor, t.id, { action: 'confirm', version: t.version, data: { satisfaction: '满意', note: '灯已修复' } }),
    );

    // This round so far: one door, one problem waiting (only if the round has begun an hour ago or more).
    if (now.getTime() - current.start.getTime() >= HOUR) {
      await ctx.at(new Date(Math.max(current.start.getTime() + HOUR, now.getTime() - 2 * HOUR)), () =>
        recordVisit(ctx, ctx.db, actor, {
          buildingOrgId,
          household: '1单元101',
          atHome: true,
          needs: ['医疗健康'],
          note: '老人血压偏高，希望社区医生上门。',
          problemTitle: '独居老人需要家庭医生上门',
          problemDescription: '1单元101独居老人血压偏高、行动不便，希望签约家庭医生定期上门随访。',
        }),
      );
    }
  }
}
