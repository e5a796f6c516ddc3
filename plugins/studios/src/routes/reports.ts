import { requireActor, toCsv, type PluginApp, type PluginContext } from '@linli/sdk';
import { reading } from '../service/env.js';
import { checkMonth, monthly, monthlyCells, monthlyHeader } from '../service/reports.js';
import { instant, monthRange } from '../time.js';
import { studiosInScope } from './scope.js';
import { doc, errors, items, monthlyItem, monthQuery, statItem, studiosQuery } from './schemas.js';

/** The monthly report per studio (a table and a CSV for Excel), and the dashboard's number. */
export function reportRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { month?: string; orgId?: string } }>(
    '/reports/monthly',
    { config: { policy: 'authenticated' }, schema: { ...doc("A month's bookings, meetings, no-shows, follow-ups and ratings per studio I oversee (default: this month)"), querystring: monthQuery, response: { 200: items(monthlyItem), ...errors } } },
    async (req) => {
      const env = reading(ctx);
      const month = req.query.month || env.today.slice(0, 7);
      checkMonth(month);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId, staff: true });
      return { items: await monthly(env, studios, month) };
    },
  );

  app.get<{ Querystring: { month?: string; orgId?: string } }>(
    '/reports/monthly.csv',
    { config: { policy: 'authenticated' }, schema: { ...doc('The monthly report as CSV (counts only, no resident named)'), querystring: monthQuery, response: { ...errors } } },
    async (req, reply) => {
      const env = reading(ctx);
      const month = req.query.month || env.today.slice(0, 7);
      checkMonth(month);
      const studios = await studiosInScope(env, requireActor(req), { orgId: req.query.orgId, staff: true });
      const rows = await monthly(env, studios, month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="studios-${month}.csv"`)
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
