import { requireActor, type PluginApp } from '@linli/sdk';
import { correctionSchema, type CorrectionInput } from '../forms/ledger.js';
import { periodOf } from '../service/env.js';
import { correct } from '../service/ledger.js';
import { balanceOfPerson, ledger, ledgerCsv, myPoints, pointsThisYear, rankings, scopeOf, scorecards } from '../service/reports.js';
import { localDate } from '../service/env.js';
import type { RouteKit } from './kit.js';
import { created, doc, entryItem, errors, items, orgQuery, periodQuery, rankingItem, scorecardItem, value, writeErrors, yearQuery } from './schemas.js';

type Period = { orgId?: string; from?: string; to?: string; limit: number };

/** The points ledger 积分台账 and what is derived from it: corrections, rankings, scorecards, CSV, dashboard numbers. */
export function ledgerRoutes(app: PluginApp, kit: RouteKit): void {
  app.get<{ Querystring: Period }>(
    '/ledger',
    { config: { policy: 'authenticated' }, schema: { ...doc('Ledger entries at compounds in my scope, in a period (default: this year)'), querystring: periodQuery, response: { 200: items(entryItem), ...errors } } },
    async (req) => {
      const env = kit.read();
      const p = periodOf(env, req.query.from, req.query.to);
      const within = await kit.within(req.query.orgId);
      return { items: within === null ? [] : await ledger(env, scopeOf(requireActor(req), within), p.start, p.end, req.query.limit) };
    },
  );

  app.get<{ Querystring: Period }>(
    '/ledger.csv',
    { config: { policy: 'authenticated' }, schema: { ...doc('The ledger of a period as CSV (personal fields left out)'), querystring: periodQuery, response: { ...errors } } },
    async (req, reply) => {
      const env = kit.read();
      const p = periodOf(env, req.query.from, req.query.to);
      const within = await kit.within(req.query.orgId);
      const csv = within === null ? '\uFEFF' : await ledgerCsv(env, scopeOf(requireActor(req), within), p.start, p.end);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="volunteer-points-${p.from}-${p.to}.csv"`)
        .send(csv);
    },
  );

  app.post<{ Body: CorrectionInput }>(
    '/ledger/corrections',
    { config: { policy: 'authenticated' }, schema: { ...doc('Correct points with a compensating entry that references the entry corrected'), body: correctionSchema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await kit.write((env) => correct(env, actor, req.body));
      return reply.status(201).send({ id: String(id) });
    },
  );

  app.get<{ Querystring: Period }>(
    '/rankings',
    { config: { policy: 'authenticated' }, schema: { ...doc('Top volunteers by points in a period, in my scope'), querystring: periodQuery, response: { 200: items(rankingItem), ...errors } } },
    async (req) => {
      const env = kit.read();
      const p = periodOf(env, req.query.from, req.query.to);
      const within = await kit.within(req.query.orgId);
      return { items: within === null ? [] : await rankings(env, scopeOf(requireActor(req), within), p.start, p.end, req.query.limit) };
    },
  );

  app.get<{ Querystring: { orgId?: string; year?: string } }>(
    '/scorecards',
    { config: { policy: 'authenticated' }, schema: { ...doc('The four year-end scorecards 四类成绩单 with star ratings 评星定级'), querystring: yearQuery, response: { 200: items(scorecardItem), ...errors } } },
    async (req) => {
      const env = kit.read();
      const within = await kit.within(req.query.orgId);
      const year = req.query.year ?? localDate(env.now, env.offsetHours).slice(0, 4);
      return { items: within === null ? [] : await scorecards(env, scopeOf(requireActor(req), within), year) };
    },
  );

  app.get(
    '/me/points',
    { config: { policy: 'authenticated' }, schema: { ...doc('My own ledger entries (my points)'), response: { 200: items(entryItem), ...errors } } },
    async (req) => ({ items: await myPoints(kit.read(), requireActor(req)) }),
  );

  app.get(
    '/stats/my-balance',
    { config: { policy: 'authenticated' }, schema: { ...doc('My points balance'), response: { 200: value, ...errors } } },
    async (req) => ({ value: await balanceOfPerson(kit.read(), requireActor(req)) }),
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/points',
    { config: { policy: 'authenticated' }, schema: { ...doc('Points earned this year in my scope'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => {
      const within = await kit.within(req.query.orgId);
      return { value: within === null ? 0 : await pointsThisYear(kit.read(), scopeOf(requireActor(req), within)) };
    },
  );
}
