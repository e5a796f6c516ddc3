import { requireActor, toCsv, type PluginApp, type PluginContext } from '@linli/sdk';
import { reading, type Env } from '../service/env.js';
import { checkMonth, lastMonths, monthly, monthlyCells, monthlyHeader, type MonthlyRow } from '../service/reports.js';
import type { Studio } from '../store/studios.js';
import { instant, monthRange } from '../time.js';
import { studiosInScope } from './scope.js';
import { doc, errors, items, monthlyItem, monthQuery, statItem, studiosQuery } from './schemas.js';

/** One month asked for, or the last three. */
async function months(env: Env, studios: Studio[], month: string | undefined): Promise<MonthlyRow[]> {
  if (month) {
    checkMonth(month);
    return monthly(env, studios, month);
  }
  const out: MonthlyRow[] = [];
  for (const m of lastMonths(env.today.slice(0, 7))) out.push(...(await monthly(env, studios, m)));
  return out;
}

/** The monthly report per studio (a table and a CSV for Excel), and the dashboard's number. */
export function reportRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { month?: string; orgId?: string } }>(
    '/reports/monthly',
    {
      config: { policy: 'authenticated' },
      schema: { ...doc("A month's bookings, meetings, no-shows, follow-ups and ratings per studio I oversee (default: this month and the two before, newest first)"), querystring: monthQuery, response: { 200: items(monthlyItem), ...errors } },
    },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId, staff: true });
      return { items: await months(env, studios, req.query.month) };
    },
  );

  app.get<{ Querystring: { month?: string; orgId?: string } }>(
    '/reports/monthly.csv',
    { config: { policy: 'authenticated' }, schema: { ...doc('The monthly report as CSV (counts only, no resident named)'), querystring: monthQuery, response: { ...errors } } },
    async (req, reply) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId, staff: true });
      const rows = await months(env, studios, req.query.month);
      const span = req.query.month || `${lastMonths(env.today.slice(0, 7)).at(-1)}_${env.today.slice(0, 7)}`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="studios-${span}.csv"`)
        .send(toCsv([monthlyHeader, ...rows.map(monthlyCells)]));
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/bookings',
    { config: { policy: 'authenticated' }, schema: { ...doc("This month's studio appointments in my scope (the dashboard's number)"), querystring: studiosQuery, response: { 200: statItem, ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId, staff: true });
      if (!studios.length) return { value: 0 };
      const { from, to } = monthRange(env.today.slice(0, 7));
      const row = await env.db
        .selectFrom('studios_bookings as b')
        .innerJoin('studios_sessions as ss', 'ss.id', 'b.session_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('b.studio_id', 'in', studios.map((s) => s.id))
        .where('ss.starts_at', '>=', instant(from, '00:00', env.offsetHours))
        .where('ss.starts_at', '<', instant(to, '00:00', env.offsetHours))
        .executeTakeFirstOrThrow();
      return { value: Number(row.n) };
    },
  );
}
