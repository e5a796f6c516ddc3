import { requireActor, sql, type PluginContext, type PluginApp } from '@linli/sdk';
import { hallsInScope, type Env } from '../service/env.js';
import { indicators } from '../service/indicators.js';
import { topicViews } from '../service/views.js';
import { listTopics } from '../store/topics.js';
import { reading } from './context.js';
import { doc, errors, hallItem, indicatorItem, items, orgQuery, statValue, topicItem, topicsQuery } from './schemas.js';

/** The halls, their topics, and the indicators 开展活动 / 组织协商 / 解决问题. */
export function reportRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>(
    '/halls',
    { config: { policy: 'authenticated' }, schema: { ...doc('The weekend deliberation halls in my scope'), querystring: orgQuery, response: { 200: items(hallItem), ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const { halls } = await hallsInScope(env, requireActor(req), req.query.orgId);
      if (!halls.length) return { items: [] };
      const ids = halls.map((h) => Number(h.compound.id));
      const sessions = await env.db
        .selectFrom('wdh_sessions')
        .select([
          'compound_org_id',
          sql<number>`count(*) filter (where status in ('held', 'closed'))::int`.as('held'),
          sql<string | null>`min(session_date) filter (where status = 'scheduled' and session_date >= ${env.today})::text`.as('next'),
        ])
        .where('compound_org_id', 'in', ids)
        .groupBy('compound_org_id')
        .execute();
      const open = await env.db
        .selectFrom('wdh_topics')
        .select(['compound_org_id', sql<number>`count(*)::int`.as('n')])
        .where('compound_org_id', 'in', ids)
        .where('state', 'in', ['proposed', 'accepted', 'scheduled', 'implementing'])
        .groupBy('compound_org_id')
        .execute();
      const s = new Map(sessions.map((r) => [String(r.compound_org_id), r]));
      const o = new Map(open.map((r) => [String(r.compound_org_id), r.n]));
      return {
        items: halls.map((h) => ({
          compoundOrgId: h.compound.id,
          compoundName: h.compound.name,
          place: h.place,
          sessionsHeld: s.get(h.compound.id)?.held ?? 0,
          topicsOpen: o.get(h.compound.id) ?? 0,
          nextSession: s.get(h.compound.id)?.next ?? null,
        })),
      };
    },
  );

  app.get<{ Querystring: { orgId?: string; state?: string; limit: number } }>(
    '/topics',
    { config: { policy: 'authenticated' }, schema: { ...doc('Topics of the halls in my scope, newest first'), querystring: topicsQuery, response: { 200: items(topicItem), ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const { halls } = await hallsInScope(env, requireActor(req), req.query.orgId);
      const rows = await listTopics(env.db, halls.map((h) => Number(h.compound.id)), { states: req.query.state ? [req.query.state] : undefined, limit: req.query.limit });
      return { items: topicViews(env.halls, rows) };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/indicators',
    { config: { policy: 'authenticated' }, schema: { ...doc('Per compound, rolled up per community and street: sessions held, topics raised/accepted/declined, consultations, problems solved'), querystring: orgQuery, response: { 200: items(indicatorItem), ...errors } } },
    async (req) => {
      const env = await reading(ctx);
      const actor = requireActor(req);
      const { halls, within } = await hallsInScope(env, actor, req.query.orgId);
      return { items: await indicators(env, actor, halls, within) };
    },
  );

  const stat = (path: string, summary: string, count: (env: Env, compoundIds: number[]) => Promise<number>) =>
    app.get<{ Querystring: { orgId?: string } }>(
      path,
      { config: { policy: 'authenticated' }, schema: { ...doc(summary), querystring: orgQuery, response: { 200: statValue, ...errors } } },
      async (req) => {
        const env = await reading(ctx);
        const { halls } = await hallsInScope(env, requireActor(req), req.query.orgId);
        const ids = halls.map((h) => Number(h.compound.id));
        return { value: ids.length ? await count(env, ids) : 0 };
      },
    );
  stat('/stats/sessions', 'Sessions held by the halls in my scope (开展活动)', async (env, ids) => {
    const r = await env.db.selectFrom('wdh_sessions').select(sql<number>`count(*)::int`.as('n')).where('compound_org_id', 'in', ids).where('status', 'in', ['held', 'closed']).executeTakeFirstOrThrow();
    return r.n;
  });
  stat('/stats/solved', 'Problems solved by the halls in my scope (解决问题)', async (env, ids) => {
    const r = await env.db.selectFrom('wdh_topics').select(sql<number>`count(*)::int`.as('n')).where('compound_org_id', 'in', ids).where('state', 'in', ['completed', 'publicized']).executeTakeFirstOrThrow();
    return r.n;
  });
}
