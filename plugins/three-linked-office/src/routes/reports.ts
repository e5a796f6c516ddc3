import { requireActor, type PluginContext, type PluginApp } from '@linli/sdk';
import { feeRateSchema, type FeeRateInput } from '../forms/office.js';
import { envOf } from '../service/env.js';
import { enterFeeRate, feeRates, feeTrend } from '../service/fees.js';
import { indicators, solvedCount } from '../service/indicators.js';
import { officesInScope } from './context.js';
import { doc, errors, feeItem, feeQuery, indicatorItem, items, orgQuery, trendItem, writeErrors } from './schemas.js';


/** Indicators 工作指标 and the monthly property-fee collection rate 物业费收缴率. */
export function reportRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>(
    '/indicators',
    { config: { policy: 'authenticated' }, schema: { ...doc('Per compound, rolled up per community and street: meetings, problems, days to solve, fee collection'), querystring: orgQuery, response: { 200: items(indicatorItem), ...errors } } },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const actor = requireActor(req);
      const { offices, within } = await officesInScope(env, actor, req.query.orgId);
      return { items: await indicators(env, actor, offices, within) };
    },
  );

  app.get<{ Querystring: { orgId?: string; limit: number } }>(
    '/fee-rates',
    { config: { policy: 'authenticated' }, schema: { ...doc('Monthly fee collection rates, newest first'), querystring: feeQuery, response: { 200: items(feeItem), ...errors } } },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      return { items: await feeRates(env, offices, req.query.limit) };
    },
  );

  app.post<{ Body: FeeRateInput }>(
    '/fee-rates',
    { config: { policy: 'authenticated' }, schema: { ...doc("Enter (or correct) a month's fee collection rate for a compound"), body: feeRateSchema, response: { 201: feeItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const saved = await ctx.transaction((trx) => enterFeeRate(envOf(ctx, trx), actor, req.body));
      return reply.status(201).send(saved);
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/fee-rates/trend',
    { config: { policy: 'authenticated' }, schema: { ...doc('Fee collection rate by month (mean over the compounds that reported), for a line chart'), querystring: orgQuery, response: { 200: items(trendItem), ...errors } } },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      return { items: await feeTrend(env, offices) };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/solved',
    {
      config: { policy: 'authenticated' },
      schema: { ...doc('Property problems solved by the offices in my scope'), querystring: orgQuery, response: { 200: { type: 'object', properties: { value: { type: 'integer' } }, required: ['value'] }, ...errors } },
    },
    async (req) => {
      const env = envOf(ctx, ctx.db);
      const { offices } = await officesInScope(env, requireActor(req), req.query.orgId);
      return { value: await solvedCount(env, offices) };
    },
  );
}
